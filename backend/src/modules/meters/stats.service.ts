import { and, asc, count, eq, gte, lte, sql } from 'drizzle-orm';
import { addMonths, type PeriodKey } from '@parc/shared';
import { campaignEmails, customers, meterLinks } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { listLinks, type LinkSummary } from '../links/links.service.ts';
import type { CampaignStats } from './meters.schemas.ts';

/** Periods the response rate looks back over, the asked one included. */
export const RESPONSE_RATE_PERIODS = 12;

type Funnel = CampaignStats['totals'];

/** Of a customer's links for one period (a resend revokes and adds one), the one that counts: the live one, else the latest. */
function currentLink(links: LinkSummary[]): LinkSummary | undefined {
  return links.find((link) => link.revokedAt === null) ?? links[0];
}

/** Each link counts at every stage it reached: sent ⊇ opened ⊇ first entry ⊇ complete. */
function addToFunnel(funnel: Funnel, link: LinkSummary): void {
  funnel.issued += 1;
  if (link.sentAt) funnel.sent += 1;
  if (link.openedAt) funnel.opened += 1;
  if (link.firstEntryAt) funnel.firstEntry += 1;
  if (link.completedAt) funnel.complete += 1;
}

export async function campaignStats(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, period: PeriodKey): Promise<CampaignStats> {
  const { db } = deps;
  const partnerId = user.partnerId;
  const [customerRows, links, emailCounts, history] = await Promise.all([
    db
      .select({ id: customers.id, customerNumber: customers.customerNumber, name: customers.name })
      .from(customers)
      .where(and(eq(customers.partnerId, partnerId), eq(customers.active, true)))
      .orderBy(asc(customers.customerNumber)),
    listLinks(deps, partnerId, { period }),
    db
      .select({ customerId: meterLinks.customerId, sent: count() })
      .from(campaignEmails)
      .innerJoin(meterLinks, eq(meterLinks.id, campaignEmails.linkId))
      .where(and(eq(campaignEmails.partnerId, partnerId), eq(meterLinks.period, period)))
      .groupBy(meterLinks.customerId),
    // Per customer and period over the look-back: was a link sent, did anyone enter something.
    db
      .select({
        customerId: meterLinks.customerId,
        sent: sql<boolean>`bool_or(${meterLinks.sentAt} is not null)`,
        responded: sql<boolean>`bool_or(${meterLinks.sentAt} is not null and ${meterLinks.firstEntryAt} is not null)`,
      })
      .from(meterLinks)
      .where(and(eq(meterLinks.partnerId, partnerId), gte(meterLinks.period, addMonths(period, 1 - RESPONSE_RATE_PERIODS)), lte(meterLinks.period, period)))
      .groupBy(meterLinks.customerId, meterLinks.period),
  ]);

  const visible = user.customerIds ? customerRows.filter((customer) => user.customerIds!.includes(customer.id)) : customerRows;
  const totals: Funnel = { customers: visible.length, issued: 0, sent: 0, opened: 0, firstEntry: 0, complete: 0 };
  const rows = visible.map((customer) => {
    const link = currentLink(links.filter((l) => l.customerId === customer.id));
    if (link) addToFunnel(totals, link);
    const periods = history.filter((h) => h.customerId === customer.id && h.sent);
    return {
      customerId: customer.id,
      customerNumber: customer.customerNumber,
      name: customer.name,
      state: link?.state ?? ('not_issued' as const),
      emailsSent: emailCounts.find((e) => e.customerId === customer.id)?.sent ?? 0,
      responseRate: periods.length ? periods.filter((h) => h.responded).length / periods.length : null,
    };
  });
  return { period, totals, customers: rows };
}
