import { describe, expect, it } from 'vitest';
import type { DashboardSummary } from '@parc/shared/contracts/dashboard';
import type { ApiResult } from '../../api/client.ts';
import { isDashboardPath, prefetchSummary, summaryWithPrefetch, type DashboardApi } from './dashboard.api.ts';

const totals = { customers: 3 } as DashboardSummary;
const fresh = { customers: 4 } as DashboardSummary;

/** A dashboard API whose summary answers each call with the next result, counting the calls. */
function apiAnswering(...results: ApiResult<DashboardSummary>[]) {
  const calls = { count: 0 };
  const api = { summary: async () => results[calls.count++]! } as unknown as DashboardApi;
  return { api, calls };
}

describe('isDashboardPath', () => {
  it.each([
    ['/console', true],
    ['/console/', true],
    ['/console/customers', false],
    ['/tech', false],
  ])('%s -> %s', (pathname, expected) => {
    expect(isDashboardPath(pathname)).toBe(expected);
  });
});

describe('summaryWithPrefetch', () => {
  it('uses the start-up answer once, then asks the server', async () => {
    const { api, calls } = apiAnswering({ ok: true, data: totals }, { ok: true, data: fresh });
    prefetchSummary(api);
    expect(await summaryWithPrefetch(api)).toEqual({ ok: true, data: totals });
    expect(await summaryWithPrefetch(api)).toEqual({ ok: true, data: fresh });
    expect(calls.count).toBe(2);
  });

  it('asks again when the start-up answer was a refusal (signed in only later)', async () => {
    const { api, calls } = apiAnswering({ ok: false, error: { code: 'unauthenticated', message: 'no' } }, { ok: true, data: fresh });
    prefetchSummary(api);
    expect(await summaryWithPrefetch(api)).toEqual({ ok: true, data: fresh });
    expect(calls.count).toBe(2);
  });

  it('asks the server when nothing was sent at start-up', async () => {
    const { api, calls } = apiAnswering({ ok: true, data: fresh });
    expect(await summaryWithPrefetch(api)).toEqual({ ok: true, data: fresh });
    expect(calls.count).toBe(1);
  });
});
