import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../test/app.ts';
import { partnerAdminApp } from '../../test/partner-admin.ts';
import { signedIn, type Caller } from '../customers/test-client.ts';
import { issueLink } from '../links/links.service.ts';
import { customerReadThisMonth, includedMono, MONO_OVER_PACE } from './forecast.testing.ts';

describe('the forecast before billing', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  const linkForecast = async (customerId: string) => {
    const { token } = await issueLink(t.deps, { partnerId, customerId, period: '2026-11' });
    const response = await t.app.request(`/api/links/${token}/forecast`);
    return { status: response.status, body: await response.json() };
  };

  it('shows the meter page the included pages only: so far, projected, when they run out, and no money', async () => {
    const customer = await customerReadThisMonth(admin, includedMono(1_000));
    // Colour pages are billed but none are included: not on the page.
    expect(await linkForecast(customer.id)).toEqual({ status: 200, body: { forecast: MONO_OVER_PACE } });
  });

  it('shows the meter page nothing without prices or without included pages', async () => {
    for (const prices of [null, includedMono(0)]) {
      const customer = await customerReadThisMonth(admin, prices);
      expect(await linkForecast(customer.id)).toEqual({ status: 200, body: { forecast: null } });
    }
  });

  it('answers a dead link like the page does', async () => {
    expect((await t.app.request('/api/links/not-a-token/forecast')).status).toBe(410);
  });

  it("gives the coordinator their customers' pages and amounts, and nothing of others'", async () => {
    const mine = await customerReadThisMonth(admin, includedMono(1_000), { name: 'Fiduciaire Alpha' });
    const other = await customerReadThisMonth(admin, includedMono(1_000));
    const withoutIncluded = await customerReadThisMonth(admin, includedMono(0));
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [mine.id, withoutIncluded.id] });
    const response = await coordinator.request('GET', '/coordinator/forecast');
    // So far: 155 colour × 0.10 + the 20 fee = 35.50; projected: 222 mono above the 1,000 × 0.01 + 244 colour × 0.10 + 20 = 46.62.
    expect(response).toEqual({
      status: 200,
      body: { items: [{ customerId: mine.id, customerName: 'Fiduciaire Alpha', forecast: { ...MONO_OVER_PACE, currency: 'CHF', totalSoFar: '35.50', projectedTotal: '46.62' } }] },
    });
    expect(JSON.stringify(response.body)).not.toContain(other.id);
    expect((await admin.request('GET', '/coordinator/forecast')).status).toBe(403);
  });
});
