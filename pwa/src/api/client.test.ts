import { describe, expect, it } from 'vitest';
import { createApiClient, toApiError, type ApiResult } from './client.ts';

function respondWith(status: number, body?: string): typeof fetch {
  return async () => new Response(body ?? null, { status, headers: { 'content-type': 'application/json' } });
}

describe('createApiClient', () => {
  it.each<[string, number, string | undefined, ApiResult<unknown>]>([
    ['JSON on success', 200, '{"user":{"id":"u1"}}', { ok: true, data: { user: { id: 'u1' } } }],
    ['no content', 204, undefined, { ok: true, data: undefined }],
    ['accepted without body', 202, '', { ok: true, data: undefined }],
    [
      'the server error body',
      401,
      '{"code":"unauthenticated","message":"Identifiants incorrects"}',
      { ok: false, error: { code: 'unauthenticated', message: 'Identifiants incorrects' } },
    ],
    [
      'the field at fault',
      400,
      '{"code":"bad_request","message":"Mot de passe trop court","field":"password"}',
      { ok: false, error: { code: 'bad_request', message: 'Mot de passe trop court', field: 'password' } },
    ],
    [
      'the other fields of the error body as details',
      410,
      '{"code":"link_invalid","message":"Lien invalide","dealer":{"name":"Devillard"}}',
      { ok: false, error: { code: 'link_invalid', message: 'Lien invalide', details: { dealer: { name: 'Devillard' } } } },
    ],
    [
      'the catalogue key and its parameters',
      409,
      '{"code":"conflict","key":"device.serial_taken","params":{"serial":"X1","deviceCode":null,"field":"serial"},"message":"Die Seriennummer X1…","field":"serial"}',
      {
        ok: false,
        error: { code: 'conflict', key: 'device.serial_taken', params: { serial: 'X1', deviceCode: null, field: 'serial' }, message: 'Die Seriennummer X1…', field: 'serial' },
      },
    ],
    [
      'no key or parameters it cannot trust',
      400,
      '{"code":"bad_request","key":42,"params":["x"],"message":"Bad"}',
      { ok: false, error: { code: 'bad_request', message: 'Bad' } },
    ],
    ['a code from the status when the body is not JSON', 423, '<html>locked</html>', { ok: false, error: { code: 'locked', message: 'HTTP 423' } }],
  ])('returns %s', async (_case, status, body, expected) => {
    const client = createApiClient({ fetchImpl: respondWith(status, body) });
    expect(await client.request('GET', '/api/x')).toEqual(expected);
  });

  it('reports a network failure as offline', async () => {
    const client = createApiClient({
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect(await client.request('GET', '/api/auth/me')).toEqual({ ok: false, error: { code: 'offline', message: 'Failed to fetch' } });
  });

  it('sends JSON with the session cookie of the same origin', async () => {
    const calls: Array<{ url: string; init: RequestInit | undefined }> = [];
    const client = createApiClient({
      baseUrl: 'https://parc.example',
      fetchImpl: async (input, init) => {
        calls.push({ url: String(input), init });
        return new Response(null, { status: 204 });
      },
    });
    await client.request('POST', '/api/auth/login', { email: 'a@b.test', password: 'x' });
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('https://parc.example/api/auth/login');
    expect(calls[0]?.init).toMatchObject({
      method: 'POST',
      credentials: 'same-origin',
      body: '{"email":"a@b.test","password":"x"}',
      headers: { 'content-type': 'application/json' },
    });
  });

  it('sends a raw body (a CSV file) under its own content type', async () => {
    const calls: Array<RequestInit | undefined> = [];
    const client = createApiClient({
      fetchImpl: async (_input, init) => {
        calls.push(init);
        return new Response('{"created":1}', { status: 200 });
      },
    });
    const result = await client.send('POST', '/api/customers/x/sites/import', { contentType: 'text/csv', data: 'name\nHQ\n' });
    expect(result).toEqual({ ok: true, data: { created: 1 } });
    expect(calls[0]).toMatchObject({ method: 'POST', body: 'name\nHQ\n', headers: { 'content-type': 'text/csv' } });
  });
});

describe('toApiError', () => {
  it.each<[number, unknown, string]>([
    [401, { code: 'made_up', message: 'm' }, 'unauthenticated'],
    [403, null, 'forbidden'],
    [404, undefined, 'not_found'],
    [409, 'text', 'conflict'],
    [429, {}, 'rate_limited'],
    [500, { message: 'boom' }, 'internal'],
    [503, { code: 'locked', message: 'm' }, 'locked'],
  ])('status %i with body %j has code %s', (status, body, code) => {
    expect(toApiError(status, body).code).toBe(code);
  });
});
