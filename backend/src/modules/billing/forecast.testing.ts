import { expect } from 'vitest';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { PriceListInput } from '@parc/shared/contracts/billing';
import { customerInput, deviceInput, type Caller, type Json } from '../customers/test-client.ts';

/**
 * The forecast tests' fixture, at the test clock (2026-11-20T08:00Z, a Zurich November running
 * from 2026-10-31T23:00Z): 775 mono pages printed in the 20 days between the 30 October and
 * 19 November readings head, over the 31.54 days to the period's end, for 1,222 against 1,000
 * included, which they pass on 25 November; 155 colour pages (→ 244), none included.
 */

export const includedMono = (mono: number): PriceListInput => ({
  ...emptyPriceList('CHF'),
  defaults: { prices: { mono: '0.01', colour: '0.1', scan: null }, included: { mono, colour: 0, scan: 0 }, fixedFee: '20' },
});

/** What that customer's forecast says (pages only). */
export const MONO_OVER_PACE = {
  period: '2026-11',
  periodStart: '2026-10-31T23:00:00.000Z',
  periodEnd: '2026-11-30T23:00:00.000Z',
  timeZone: 'Europe/Zurich',
  kinds: [{ counter: 'mono', pagesSoFar: 775, projectedPages: 1_222, included: 1_000, projectedOverage: 222, crossingDay: '2026-11-25' }],
};

/** A customer with one colour device read at the end of October and on 19 November; prices only when given. */
export async function customerReadThisMonth(admin: Caller, prices: PriceListInput | null, customer: Record<string, unknown> = {}): Promise<Json> {
  const created = (await admin.request('POST', '/customers', customerInput(customer))).body;
  const device = (await admin.request('POST', '/devices', deviceInput(created.id, { colourCapable: true }))).body;
  if (prices) expect((await admin.request('PUT', `/customers/${created.id}/prices`, prices)).status).toBe(200);
  const readings: [string, number, string][] = [
    ['mono', 1_000, '2026-10-30T10:00:00Z'],
    ['colour', 500, '2026-10-30T10:00:00Z'],
    ['mono', 1_775, '2026-11-19T10:00:00Z'],
    ['colour', 655, '2026-11-19T10:00:00Z'],
  ];
  for (const [kind, value, takenAt] of readings) {
    const counterId = device.counters.find((counter: Json) => counter.kind === kind).id;
    const response = await admin.request('POST', `/devices/${device.id}/readings`, { counterId, value, takenAt });
    expect(response.status, JSON.stringify(response.body)).toBe(201);
  }
  return created;
}
