import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from './app.ts';
import { createTestApp, type TestApp } from './test/app.ts';

describe('app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('reports health with the database kind and migration level', async () => {
    const response = await t.app.request('/api/health');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { migrations: { applied: number } };
    expect(body).toMatchObject({ status: 'ok', database: process.env.DATABASE_URL ? 'postgres' : 'pglite' });
    expect(body.migrations.applied).toBeGreaterThanOrEqual(1);
  });

  it('serves the OpenAPI document', async () => {
    const response = await t.app.request('/api/openapi.json');
    const body = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(body.openapi).toBe('3.1.0');
    expect(Object.keys(body.paths)).toContain('/health');
  });

  it("documents every module's main routes in the OpenAPI document", async () => {
    const { paths } = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    const main = [
      ['/auth/login', '/customers', '/customers/{customerId}/sites', '/customers/{customerId}/coordinators', '/devices', '/devices/{id}', '/counters/{id}'],
      ['/agents', '/agent/enroll', '/links', '/links/{token}', '/readings/to-check', '/campaign/stats', '/campaign/settings'],
      ['/console/devices', '/dashboard', '/statistics/volumes', '/customers/{id}/prices', '/customers/{id}/floorplans', '/profiles', '/users'],
      ['/errors', '/requests', '/requests/{id}', '/requests/{id}/transition', '/tech/bundle', '/tech/sync', '/coordinator/overview', '/coordinator/problems'],
    ].flat();
    expect(main.filter((path) => !(path in paths))).toEqual([]);
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const response = await t.app.request('/api/no-such-thing');
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 'not_found' });
  });

  it.each(['/api/health', '/api/links/not.a.token', '/api/no-such-thing'])('sends the security headers and no-store on %s', async (path) => {
    const response = await t.app.request(path);
    const header = (name: string) => response.headers.get(name);
    expect(header('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(header('content-security-policy')).toContain("script-src 'self'");
    expect(header('x-content-type-options')).toBe('nosniff');
    expect(header('referrer-policy')).toBe('no-referrer');
    expect(header('x-frame-options')).toBe('DENY');
    expect(header('cache-control')).toBe('no-store');
    // Served over http here: no HSTS, which would lock a plain-http installation out.
    expect(header('strict-transport-security')).toBeNull();
  });

  it('asks browsers for https only when the public address is https', async () => {
    const app = createApp({ ...t.deps, publicUrl: 'https://parc.example' });
    expect((await app.request('/api/health')).headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  });
});
