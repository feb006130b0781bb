import { describe, expect, it } from 'vitest';
import type { CoordinatorOverview, MaintenanceRequest, ProblemReport } from '@parc/shared/contracts/tickets';
import type { ApiErrorCode, ApiResult } from '../../api/client.ts';
import { createFakeNetworkStatus } from '../../platform/network.fake.ts';
import { createMemoryStorage } from '../../platform/storage.memory.ts';
import type { LocalStorage } from '../../platform/storage.ts';
import { sampleRequest } from '../../sync/tech-sync.testing.ts';
import type { CoordinatorApi } from './coordinator.api.ts';
import { createCoordinatorStore, type RequestLoad } from './coordinator.store.ts';

const overview: CoordinatorOverview = { customers: [{ id: 'c1', name: 'Fiduciaire' }], devices: [], openRequests: [] };
const failure = (code: ApiErrorCode) => ({ ok: false, error: { code, message: code } }) as const;
const offline = failure('offline');
const request = sampleRequest({ subject: 'Streaks' });

function fakeApi(answer: { overview?: () => ApiResult<CoordinatorOverview>; request?: () => ApiResult<MaintenanceRequest> } = {}) {
  const reports: ProblemReport[] = [];
  const api: CoordinatorApi = {
    overview: async () => (answer.overview ?? (() => ({ ok: true, data: overview })))(),
    async reportProblem(report) {
      reports.push(report);
      return { ok: true, data: sampleRequest({ subject: report.subject }) };
    },
    request: async () => (answer.request ?? (() => ({ ok: true, data: request })))(),
    forecast: async () => ({ ok: true, data: { items: [] } }),
  };
  return { api, reports };
}

const store = (api: CoordinatorApi, online: boolean, storage: LocalStorage = createMemoryStorage()) =>
  createCoordinatorStore({ owner: 'u1', api, storage, network: createFakeNetworkStatus(online), now: () => new Date(Date.UTC(2026, 10, 20, 9, 0)) });

describe('the coordinator store', () => {
  it.each<[string, boolean, boolean, 'ready' | 'unavailable', boolean]>([
    ['online', true, false, 'ready', false],
    ['offline with a copy from an earlier visit', false, true, 'ready', true],
    ['offline on a first visit', false, false, 'unavailable', false],
  ])('%s', async (_case, reachable, visitedBefore, status, fromCache) => {
    const storage = createMemoryStorage();
    if (visitedBefore) await storage.set('coordinator.u1.overview', overview);
    const { api } = fakeApi({ overview: () => (reachable ? { ok: true, data: overview } : offline) });
    const coordinator = store(api, reachable, storage);
    await coordinator.load();
    expect(coordinator.state.status).toBe(status);
    expect(coordinator.state.fromCache).toBe(fromCache);
    if (status === 'ready') expect(coordinator.state.overview?.customers[0]?.name).toBe('Fiduciaire');
  });

  it('keeps a report made offline on the device instead of refusing it', async () => {
    const { api, reports } = fakeApi();
    const coordinator = store(api, false);
    await coordinator.start();
    await coordinator.report({ clientId: '7d444840-9dc0-41cc-9d6f-0e6c1c1d1f3a', deviceId: 'd1', subject: 'Bourrage', description: '', attachments: [] });
    expect(coordinator.reports.state.pending.map((queued) => queued.report.subject)).toEqual(['Bourrage']);
    expect(reports).toEqual([]);
  });

  it.each<[string, ApiResult<MaintenanceRequest>, boolean, RequestLoad['status'], boolean | null]>([
    ['online', { ok: true, data: request }, false, 'ready', false],
    ['offline, opened here before', offline, true, 'ready', true],
    ['offline, never opened here', offline, false, 'unavailable', null],
    ['not one of theirs', failure('not_found'), true, 'not_found', null],
  ])('opens one request %s', async (_case, answer, openedBefore, status, fromCache) => {
    const storage = createMemoryStorage();
    if (openedBefore) await storage.set(`coordinator.u1.request.${request.id}`, request);
    const { api } = fakeApi({ request: () => answer });
    const loaded = await store(api, true, storage).request(request.id);
    expect(loaded.status).toBe(status);
    if (loaded.status === 'ready') expect([loaded.request.subject, loaded.fromCache]).toEqual(['Streaks', fromCache]);
  });
});
