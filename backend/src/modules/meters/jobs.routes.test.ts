import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';

describe('the internal job route', () => {
  let t: TestApp;
  let app: ReturnType<typeof createApp>;
  beforeAll(async () => {
    t = await createTestApp();
    app = createApp({ ...t.deps, jobSecret: 'the-job-secret' });
  });
  afterAll(() => t.close());

  const call = (authorization: string | null, body: string) =>
    app.request('/api/internal/jobs/campaign', { method: 'POST', headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body });

  it('checks the secret before the body: a caller without it learns nothing about the body', async () => {
    for (const authorization of [null, 'Bearer wrong-secret-of-same-len', 'Bearer x']) {
      const response = await call(authorization, '{"asOf": 12}');
      expect(response.status).toBe(404);
      expect(await response.json()).not.toHaveProperty('field');
    }
  });

  it('validates the body of a caller with the secret', async () => {
    const response = await call('Bearer the-job-secret', '{"asOf": 12}');
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 'bad_request', field: 'asOf' });
  });
});
