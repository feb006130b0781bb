import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
