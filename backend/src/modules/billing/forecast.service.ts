import { and, asc, eq, inArray } from 'drizzle-orm';
import type { BillingEstimate } from '@parc/shared/contracts/billing';
import type { AmountForecast, CoordinatorForecast, ForecastKind, MeterForecast, PageForecast } from '@parc/shared/contracts/forecast';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { customerCalendar } from '../meters/settings.repo.ts';
import { billingEstimate } from './estimate.service.ts';

/**
 * The overage forecast as the customer's side sees it: only the counter kinds with included pages,
 * nothing for a customer without prices or included pages. The meter page gets pages only; the
 * signed-in coordinator also the amounts.
 */

type CustomerRef = { id: string; partnerId: string };

/** The estimate's kinds with included pages, with the zone its days are counted in; null when there are none. */
export async function amountForecast(db: Db, customer: CustomerRef, now: Date): Promise<AmountForecast | null> {
  const estimate = await billingEstimate(db, customer, now);
  const kinds = estimate?.kinds.filter((kind): kind is ForecastKind => kind.included !== null && kind.included > 0) ?? [];
  if (!estimate || kinds.length === 0) return null;
  const { timeZone } = await customerCalendar(db, customer.partnerId, customer.id);
  return { ...periodOf(estimate), timeZone, kinds, currency: estimate.currency, totalSoFar: estimate.totalSoFar, projectedTotal: estimate.projectedTotal };
}

const periodOf = ({ period, periodStart, periodEnd }: BillingEstimate) => ({ period, periodStart, periodEnd });

/** The meter page's forecast: pages, never money (whoever holds the link may read it). */
export async function meterPageForecast(db: Db, customer: CustomerRef, now: Date): Promise<MeterForecast> {
  const forecast = await amountForecast(db, customer, now);
  if (!forecast) return { forecast: null };
  const { currency: _currency, totalSoFar: _soFar, projectedTotal: _projected, ...pages } = forecast;
  return { forecast: pages satisfies PageForecast };
}

/** The signed-in coordinator's customers with included pages, by name, with pages and amounts. */
export async function coordinatorForecast(db: Db, user: SessionUser, now: Date): Promise<CoordinatorForecast> {
  const customerIds = user.customerIds ?? [];
  if (customerIds.length === 0) return { items: [] };
  const rows = await db
    .select({ id: customers.id, partnerId: customers.partnerId, name: customers.name })
    .from(customers)
    .where(and(eq(customers.partnerId, user.partnerId), inArray(customers.id, customerIds), eq(customers.active, true)))
    .orderBy(asc(customers.name));
  const items: CoordinatorForecast['items'] = [];
  for (const row of rows) {
    const forecast = await amountForecast(db, row, now);
    if (forecast) items.push({ customerId: row.id, customerName: row.name, forecast });
  }
  return { items };
}
