import { afterAll, beforeAll, expect, it } from 'vitest';
import { linkInvalidBodySchema } from '@parc/shared';
import { customers } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { issueLink } from './links.service.ts';

/** With a single dealer on the installation, even a tampered link can name whom to call. */
let t: TestApp;
let token: string;

beforeAll(async () => {
  t = await createTestApp();
  const { id: partnerId } = await t.createPartner('Seul Revendeur');
  const [customer] = await t.database.db.insert(customers).values({ partnerId, customerNumber: '4242', name: 'Hidden Ltd', prefix: 'HL' }).returning();
  ({ token } = await issueLink(t.deps, { partnerId, customerId: customer!.id, period: '2026-11' }));
});
afterAll(() => t.close());

it('shows the only dealer for a tampered token, and nothing about the customer', async () => {
  const tampered = `${token.slice(0, -3)}${token.endsWith('AAA') ? 'BBB' : 'AAA'}`;
  const response = await t.app.request(`/api/links/${tampered}`);
  expect(response.status).toBe(410);
  const text = await response.text();
  expect(text).not.toMatch(/4242|Hidden/);
  expect(linkInvalidBodySchema.parse(JSON.parse(text)).dealer?.name).toBe('Seul Revendeur');
});
