import { describe, expect, it, vi } from 'vitest';
import type { MaintenanceRequest, ProblemReport } from '@parc/shared/contracts/tickets';
import type { ApiErrorCode, ApiResult } from '../api/client.ts';
import { createFakeNetworkStatus } from '../platform/network.fake.ts';
import { createMemoryStorage } from '../platform/storage.memory.ts';
import type { LocalStorage } from '../platform/storage.ts';
import { createReportOutbox } from './report-outbox.ts';
import { sampleRequest } from './tech-sync.testing.ts';

const report = (n: number, subject = `Problem ${n}`): ProblemReport => ({
  clientId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  deviceId: '22222222-2222-4222-8222-222222222222',
  subject,
  description: '',
  attachments: [],
});

/** The server double: one request per report id, as the backend; answers can be held, lost or refused. */
function fakeServer() {
  const opened = new Map<string, MaintenanceRequest>();
  const calls: string[] = [];
  let failWith: ApiErrorCode | null = null;
  const refusals = new Map<string, ApiErrorCode>();
  let loseAnswer = false;
  let gate: Promise<void> | null = null;
  return {
    calls,
    opened,
    failWith: (code: ApiErrorCode | null) => (failWith = code),
    refuse: (clientId: string, code: ApiErrorCode) => refusals.set(clientId, code),
    loseNextAnswer: () => (loseAnswer = true),
    /** Holds every answer until the returned function is called: a slow network. */
    hold() {
      let release = () => {};
      gate = new Promise((resolve) => (release = resolve));
      return () => {
        gate = null;
        release();
      };
    },
    async reportProblem(sent: ProblemReport): Promise<ApiResult<MaintenanceRequest>> {
      calls.push(sent.clientId);
      if (gate) await gate;
      const failure = refusals.get(sent.clientId) ?? failWith;
      if (failure) return { ok: false, error: { code: failure, message: failure } };
      const request = opened.get(sent.clientId) ?? sampleRequest({ id: `10000000-0000-4000-8000-${String(opened.size + 1).padStart(12, '0')}`, subject: sent.subject });
      opened.set(sent.clientId, request);
      if (loseAnswer) {
        loseAnswer = false;
        return { ok: false, error: { code: 'offline', message: 'connection lost after the server committed' } };
      }
      return { ok: true, data: request };
    },
  };
}

function setUp(options: { online?: boolean; storage?: LocalStorage; server?: ReturnType<typeof fakeServer> } = {}) {
  const server = options.server ?? fakeServer();
  const storage = options.storage ?? createMemoryStorage();
  const network = createFakeNetworkStatus(options.online ?? true);
  const onSent = vi.fn();
  const outbox = createReportOutbox({ owner: 'c1', api: server, storage, network, now: () => new Date(Date.UTC(2026, 10, 20, 9, 0)), onSent });
  return { server, storage, network, outbox, onSent };
}

describe('the coordinator’s queued problem reports', () => {
  it('keeps a report made offline, shows it waiting, and sends it once back online', async () => {
    const { server, network, outbox, onSent } = setUp({ online: false });
    await outbox.start();
    await outbox.submit(report(1, 'Paper jam'));
    expect(outbox.state.pending).toEqual([{ report: report(1, 'Paper jam'), createdAt: '2026-11-20T09:00:00.000Z' }]);
    expect(server.calls).toEqual([]);

    network.set(true);
    await vi.waitFor(() => expect(outbox.state.pending).toEqual([]));
    expect(server.calls).toEqual([report(1).clientId]);
    expect(server.opened.size).toBe(1);
    expect(onSent).toHaveBeenCalledTimes(1);
  });

  it('sends a report once when it is submitted again while the first send is on its way', async () => {
    const { server, outbox } = setUp();
    await outbox.start();
    const release = server.hold();
    await outbox.submit(report(1));
    await outbox.submit(report(1));
    expect(outbox.state.pending).toHaveLength(1);
    release();
    await outbox.flush();
    expect(server.calls).toEqual([report(1).clientId]);
    expect(outbox.state.pending).toEqual([]);
  });

  it('sends a report again after a lost answer, which opens no second request', async () => {
    const { server, outbox } = setUp();
    await outbox.start();
    server.loseNextAnswer();
    await outbox.submit(report(1));
    await outbox.flush();
    await outbox.flush();
    expect(server.calls).toEqual([report(1).clientId, report(1).clientId]);
    expect(server.opened.size).toBe(1);
    expect(outbox.state.pending).toEqual([]);
  });

  it('keeps reports in order behind a server that is down, and sends them all once it is back', async () => {
    const { server, outbox } = setUp();
    await outbox.start();
    server.failWith('internal');
    await outbox.submit(report(1));
    await outbox.submit(report(2));
    await outbox.flush();
    expect(outbox.state.pending.map((queued) => queued.report.subject)).toEqual(['Problem 1', 'Problem 2']);
    server.failWith(null);
    await outbox.flush();
    expect(server.calls.slice(-2)).toEqual([report(1).clientId, report(2).clientId]);
    expect(outbox.state.pending).toEqual([]);
  });

  it('keeps a refused report with what was typed until read, and sends the next ones', async () => {
    const { server, outbox } = setUp();
    await outbox.start();
    server.refuse(report(1).clientId, 'not_found');
    await outbox.submit(report(1, 'Streaks'));
    await outbox.submit(report(2));
    await outbox.flush();
    expect(outbox.state.pending).toEqual([]);
    expect(outbox.state.refused).toMatchObject([{ report: { subject: 'Streaks' }, code: 'not_found' }]);
    expect(server.opened.has(report(2).clientId)).toBe(true);
    await outbox.dismiss(report(1).clientId);
    expect(outbox.state.refused).toEqual([]);
  });

  it('comes back after a reload with what was still waiting and what was refused', async () => {
    const storage = createMemoryStorage();
    const server = fakeServer();
    const first = setUp({ online: false, storage, server });
    await first.outbox.start();
    await first.outbox.submit(report(1, 'Streaks'));
    await first.outbox.submit(report(2, 'Jam'));
    first.outbox.dispose();

    server.failWith('not_found');
    const second = setUp({ storage, server });
    await second.outbox.start();
    expect(second.outbox.state.pending).toEqual([]);
    expect(second.outbox.state.refused.map((entry) => [entry.report.subject, entry.code])).toEqual([
      ['Jam', 'not_found'],
      ['Streaks', 'not_found'],
    ]);
    await second.outbox.dismiss(report(1).clientId);
    const third = setUp({ storage, server });
    await third.outbox.start();
    expect(third.outbox.state.refused.map((entry) => entry.report.subject)).toEqual(['Jam']);
  });
});
