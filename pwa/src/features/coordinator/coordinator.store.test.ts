import { describe, expect, it } from 'vitest';
import type { CoordinatorOverview } from '@parc/shared/contracts/tickets';
import type { ApiResult } from '../../api/client.ts';
import { createFakeNetworkStatus } from '../../platform/network.fake.ts';
import { createMemoryStorage } from '../../platform/storage.memory.ts';
import type { CoordinatorApi } from './coordinator.api.ts';
import { createCoordinatorStore } from './coordinator.store.ts';

const overview: CoordinatorOverview = { customers: [{ id: 'c1', name: 'Fiduciaire' }], devices: [], openRequests: [] };
const offline = { ok: false, error: { code: 'offline', message: 'offline' } } as const;

function fakeApi(answer: () => ApiResult<CoordinatorOverview>) {
  const reports: unknown[] = [];
  const api: CoordinatorApi = {
    overview: async () => answer(),
    async reportProblem(report) {
      reports.push(report);
      return offline;
    },
  };
  return { api, reports };
}

describe('the coordinator store', () => {
  it.each<[string, boolean, boolean, 'ready' | 'unavailable', boolean]>([
    ['online', true, false, 'ready', false],
    ['offline with a copy from an earlier visit', false, true, 'ready', true],
    ['offline on a first visit', false, false, 'unavailable', false],
  ])('%s', async (_case, reachable, visitedBefore, status, fromCache) => {
    const storage = createMemoryStorage();
    if (visitedBefore) await storage.set('coordinator.u1.overview', overview);
    const { api } = fakeApi(() => (reachable ? { ok: true, data: overview } : offline));
    const store = createCoordinatorStore({ owner: 'u1', api, storage, network: createFakeNetworkStatus(reachable) });
    await store.load();
    expect(store.state.status).toBe(status);
    expect(store.state.fromCache).toBe(fromCache);
    if (status === 'ready') expect(store.state.overview?.customers[0]?.name).toBe('Fiduciaire');
  });

  it('passes on the offline error of a report instead of keeping it', async () => {
    const { api } = fakeApi(() => offline);
    const store = createCoordinatorStore({ owner: 'u1', api, storage: createMemoryStorage(), network: createFakeNetworkStatus(false) });
    const error = await store.report({ clientId: '7d444840-9dc0-41cc-9d6f-0e6c1c1d1f3a', deviceId: 'd1', subject: 'Bourrage', description: '', attachments: [] });
    expect(error?.code).toBe('offline');
  });
});
