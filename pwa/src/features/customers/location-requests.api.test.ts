import { describe, expect, it } from 'vitest';
import type { LocationRequest } from '@parc/shared/contracts/locations';
import { FULL_ACCESS, type Permissions } from '@parc/shared/contracts/profiles';
import type { ApiClient, ApiResult, HttpMethod } from '../../api/client.ts';
import { allowedActions, createLocationRequestsApi, createRequestHandler } from './location-requests.api.ts';

const request = { id: 'r1', deviceCode: 'ZHT-3', location: '2. OG - Empfang', outcome: 'applied' } as LocationRequest;

/** A client recording each call and answering with `answer`. */
function recordingClient(answer: () => Promise<ApiResult<unknown>>) {
  const calls: { method: HttpMethod; path: string }[] = [];
  const client = {
    request: async (method: HttpMethod, path: string) => {
      calls.push({ method, path });
      return answer();
    },
    send: async () => answer(),
  } as unknown as ApiClient;
  return { client, calls };
}

/** A promise and the functions to settle it, to hold an answer back while the test looks. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((done) => (resolve = done));
  return { promise, resolve };
}

describe('the location requests API', () => {
  it('asks for one customer’s open requests, or for every request of the dealer', async () => {
    const { client, calls } = recordingClient(async () => ({ ok: true, data: { items: [] } }));
    const api = createLocationRequestsApi(client);
    await api.list({ customerId: '8f1c5a52-6f4e-4a8e-9d1e-0c7a3b2f4d10', state: 'open' });
    await api.list({ state: 'all' });
    await api.apply('r1');
    await api.dismiss('r2');
    expect(calls).toEqual([
      { method: 'GET', path: '/api/location-requests?state=open&customerId=8f1c5a52-6f4e-4a8e-9d1e-0c7a3b2f4d10' },
      { method: 'GET', path: '/api/location-requests?state=all' },
      { method: 'POST', path: '/api/location-requests/r1/apply' },
      { method: 'POST', path: '/api/location-requests/r2/dismiss' },
    ]);
  });
});

describe('allowedActions', () => {
  const with_ = (changes: Partial<Permissions>): Permissions => ({ ...FULL_ACCESS, ...changes });

  it('offers nothing until the permissions are known', () => {
    expect(allowedActions(undefined)).toEqual({ apply: false, dismiss: false });
    expect(allowedActions(null)).toEqual({ apply: false, dismiss: false });
  });

  it('offers Apply to who may edit devices and Dismiss to who may edit customers', () => {
    expect(allowedActions(FULL_ACCESS)).toEqual({ apply: true, dismiss: true });
    expect(allowedActions(with_({ devices: 'view' }))).toEqual({ apply: false, dismiss: true });
    expect(allowedActions(with_({ customers: 'view' }))).toEqual({ apply: true, dismiss: false });
    expect(allowedActions(with_({ customers: 'view', devices: 'none' }))).toEqual({ apply: false, dismiss: false });
  });
});

describe('createRequestHandler', () => {
  it('sends once while a request is on its way, and says which one is pending', async () => {
    const answer = deferred<ApiResult<unknown>>();
    const { client, calls } = recordingClient(() => answer.promise);
    const seen: string[][] = [];
    const handler = createRequestHandler(createLocationRequestsApi(client), (pending) => seen.push([...pending]));

    const first = handler.handle('r1', 'apply');
    expect(handler.pending('r1')).toBe(true);
    expect(await handler.handle('r1', 'apply')).toEqual({ kind: 'busy' });
    expect(await handler.handle('r1', 'dismiss')).toEqual({ kind: 'busy' });
    expect(calls).toHaveLength(1);

    answer.resolve({ ok: true, data: request });
    expect(await first).toEqual({ kind: 'done', request });
    expect(handler.pending('r1')).toBe(false);
    expect(seen).toEqual([['r1'], []]);
  });

  it('tells a request handled meanwhile (409) apart from another failure, and frees it either way', async () => {
    const conflict = createRequestHandler(createLocationRequestsApi(recordingClient(async () => ({ ok: false, error: { code: 'conflict', message: 'This request was already handled.' } })).client));
    expect(await conflict.handle('r1', 'dismiss')).toEqual({ kind: 'already-handled' });
    expect(conflict.pending('r1')).toBe(false);

    const offline = createRequestHandler(createLocationRequestsApi(recordingClient(async () => ({ ok: false, error: { code: 'offline', message: 'Failed to fetch' } })).client));
    expect(await offline.handle('r1', 'apply')).toEqual({ kind: 'failed', error: { code: 'offline', message: 'Failed to fetch' } });
    expect(offline.pending('r1')).toBe(false);
  });
});
