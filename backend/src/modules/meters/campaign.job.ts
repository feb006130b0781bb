import { and, desc, eq } from 'drizzle-orm';
import { meterCampaign, meterReminder, type MachineToRead } from '@parc/emails';
import {
  addMonths,
  DEFAULT_USAGE_POLICY,
  estimateReading,
  expiryInstant,
  isReadingDue,
  openPeriodsAt,
  periodKeyAt,
  reminderInstant,
  type CampaignCalendar,
  type PeriodKey,
} from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { campaignEmails, campaignSettings, customerCampaignSettings, customers, readings } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { findDevicesToRead, findLiveLink } from '../links/links.repo.ts';
import { isCountingReading } from '../readings/readings.repo.ts';
import { recordReading } from '../readings/readings.writer.ts';
import {
  entrySheet,
  issueLink,
  issueLinks,
  markReminded,
  markSent,
  openLink,
  type IssuedLink,
  type LinkOutcome,
  type LinkRef,
  type LinkRequest,
  type SheetMachine,
} from '../links/links.service.ts';
import { effectiveCalendar } from './campaign.settings.ts';
import { receivingContacts, unsubscribeUrl, type ContactRow } from './contacts.service.ts';
import { contactLanguage, loadDealerMail, withUnsubscribe, type DealerMail } from '../../mail/dealer.ts';
import { estimateClientId, estimateNote } from './estimates.ts';
import { customerCalendar, toOverrides, toPartnerDefaults } from './settings.repo.ts';

/**
 * The hourly campaign job. For every active customer, at `asOf`:
 *  1. request: in a due period's window, the period's link is issued and emailed to every
 *     confirmed, subscribed contact (a contact confirmed later in the window gets it at the next run);
 *  2. reminder: from the reminder instant, to contacts who got the request, while the link is not complete;
 *  3. estimates: once a period's link has expired, counters left without an entry get an estimate.
 * Estimates live here rather than in the nightly job because they hang on each customer's
 * calendar (its deadline, in its time zone), which only this job reads; the next nightly job
 * locks and transmits them with the customers' entries.
 * Every step is idempotent: links per customer and period, emails by the campaign_emails ledger,
 * estimates by a client id derived from counter and period. Running it twice does nothing twice.
 */

export interface CampaignSummary {
  asOf: string;
  customersDue: number;
  linksIssued: number;
  requestsSent: number;
  remindersSent: number;
  estimatesCreated: number;
  /** Counters left unestimated: two estimates in a row already, or too little history. */
  estimatesRefused: number;
  failures: { customerNumber: string; message: string }[];
}

type JobDeps = Pick<AppDeps, 'db' | 'mailer' | 'clock' | 'publicUrl'>;
type CustomerRow = Awaited<ReturnType<typeof campaignCustomers>>[number];
type EmailKind = (typeof campaignEmails.$inferInsert)['kind'];

async function campaignCustomers(db: Db) {
  return db
    .select({ customer: customers, defaults: campaignSettings, overrides: customerCampaignSettings })
    .from(customers)
    .leftJoin(campaignSettings, eq(campaignSettings.partnerId, customers.partnerId))
    .leftJoin(customerCampaignSettings, eq(customerCampaignSettings.customerId, customers.id))
    .where(eq(customers.active, true))
    .orderBy(customers.partnerId, customers.customerNumber);
}

/**
 * Claims the ledger row, then sends; a failed send releases the claim so the next run retries.
 * Two jobs racing (the scheduler and a command on PostgreSQL) cannot both claim the same row.
 */
async function sendOnce(db: Db, claim: { partnerId: string; linkId: string; contactId: string; kind: EmailKind }, at: Date, send: () => Promise<unknown>): Promise<boolean> {
  const [claimed] = await db.insert(campaignEmails).values({ ...claim, sentAt: at }).onConflictDoNothing().returning({ id: campaignEmails.id });
  if (!claimed) return false;
  try {
    await send();
    return true;
  } catch (error) {
    await db.delete(campaignEmails).where(eq(campaignEmails.id, claimed.id));
    throw error;
  }
}

async function ledger(db: Db, linkId: string) {
  return db.select().from(campaignEmails).where(eq(campaignEmails.linkId, linkId));
}

type RequestProps = { customerNumber: string; period: PeriodKey; linkUrl: string; expiresAt: Date; timeZone: string };

/**
 * Emails the period's request with the link to every contact that has not had it for this link,
 * and marks the link sent once one did; returns how many went out.
 */
async function sendRequests(
  deps: JobDeps,
  input: { ref: LinkRef; props: RequestProps; contacts: ContactRow[]; machineCount: number; at: Date; dealer: () => Promise<DealerMail> },
): Promise<number> {
  const { db } = deps;
  const { ref, props, at } = input;
  const sentBefore = await ledger(db, ref.linkId);
  let sent = 0;
  for (const contact of input.contacts) {
    if (sentBefore.some((email) => email.contactId === contact.id && email.kind === 'request')) continue;
    const { branding, headers } = await input.dealer();
    const mailProps = { ...props, language: contactLanguage(contact.language), branding, machineCount: input.machineCount };
    const rendered = withUnsubscribe(meterCampaign.content(mailProps), mailProps, unsubscribeUrl(deps.publicUrl, contact.unsubscribeToken));
    if (await sendOnce(db, { ...ref, contactId: contact.id, kind: 'request' }, at, () => deps.mailer.send({ to: contact.email, ...rendered, ...headers }))) sent += 1;
  }
  if (sent > 0 || sentBefore.some((email) => email.kind === 'request')) await markSent(deps, ref);
  return sent;
}

/**
 * The email for a link the partner resent (POST /api/links/:id/resend): the new link goes to the
 * customer's confirmed, subscribed contacts, as the campaign would have sent it.
 */
export async function emailResentLink(deps: JobDeps, link: IssuedLink & { partnerId: string }): Promise<number> {
  const opened = await openLink(deps, link.token);
  const contacts = await receivingContacts(deps.db, opened.customer.id);
  if (contacts.length === 0) return 0;
  const now = deps.clock();
  const sheet = await entrySheet(deps.db, opened, now);
  const { timeZone } = await customerCalendar(deps.db, link.partnerId, opened.customer.id);
  const props = { customerNumber: opened.customer.customerNumber, period: opened.link.period, linkUrl: link.url, expiresAt: link.expiresAt, timeZone };
  const ref = { partnerId: link.partnerId, linkId: link.linkId };
  return sendRequests(deps, { ref, props, contacts, machineCount: sheet.length, at: now, dealer: () => loadDealerMail(deps.db, link.partnerId) });
}

const machineToRead = ({ device }: SheetMachine): MachineToRead => ({ model: device.model, internalNumber: device.internalNumber, location: device.location });
const isMissing = (machine: SheetMachine) => machine.counters.some((counter) => counter.entry === null);

const calendarOf = (row: CustomerRow) => effectiveCalendar(toPartnerDefaults(row.defaults), toOverrides(row.overrides));
const linkKey = (customerId: string, period: PeriodKey) => `${customerId}/${period}`;

/**
 * The links of every customer with machines to read, for each of its open periods, issued up
 * front per partner and period through the batch path: one customer at a time, issuing was most
 * of the job's queries. By linkKey; a customer with nothing to read has none.
 */
async function issueDueLinks(deps: JobDeps, rows: CustomerRow[], asOf: Date): Promise<Map<string, LinkOutcome>> {
  const batches = new Map<string, { partnerId: string; period: PeriodKey; requests: LinkRequest[] }>();
  for (const row of rows) {
    const { customer } = row;
    let calendar: CampaignCalendar;
    try {
      calendar = calendarOf(row);
    } catch {
      continue; // the customer's own run reports it
    }
    const periods = openPeriodsAt(calendar, asOf);
    if (periods.length === 0 || (await findDevicesToRead(deps.db, customer.partnerId, customer.id, asOf)).length === 0) continue;
    for (const period of periods) {
      const key = `${customer.partnerId}/${period}`;
      const batch = batches.get(key) ?? { partnerId: customer.partnerId, period, requests: [] };
      batch.requests.push({ customerId: customer.id, calendar });
      batches.set(key, batch);
    }
  }
  const outcomes = new Map<string, LinkOutcome>();
  for (const { partnerId, period, requests } of batches.values()) {
    for (const outcome of await issueLinks(deps, partnerId, requests, period)) outcomes.set(linkKey(outcome.customerId, period), outcome);
  }
  return outcomes;
}

/** `outcome` is the period's link from issueDueLinks; none when the customer has no machine to read. */
async function runOpenPeriod(
  deps: JobDeps,
  row: CustomerRow,
  calendar: CampaignCalendar,
  period: PeriodKey,
  asOf: Date,
  summary: CampaignSummary,
  dealer: () => Promise<DealerMail>,
  outcome: LinkOutcome | undefined,
) {
  const { db } = deps;
  const { customer } = row;
  if (!outcome) return;
  summary.customersDue += 1;
  if ('error' in outcome) throw outcome.error;
  const issued = outcome.link;
  if (issued.created) summary.linksIssued += 1;
  const contacts = await receivingContacts(db, customer.id);
  if (contacts.length === 0) return;

  const opened = await openLink(deps, issued.token);
  const sheet = await entrySheet(db, opened, asOf);
  const ref = { partnerId: customer.partnerId, linkId: issued.linkId };
  const props = { customerNumber: customer.customerNumber, period, linkUrl: issued.url, expiresAt: issued.expiresAt, timeZone: calendar.timeZone };
  summary.requestsSent += await sendRequests(deps, { ref, props, contacts, machineCount: sheet.length, at: asOf, dealer });

  const remindAt = reminderInstant(calendar, period);
  if (asOf < remindAt || opened.link.completedAt) return;
  const machinesToRead = sheet.filter(isMissing).map(machineToRead);
  if (machinesToRead.length === 0) return;
  const requestedBeforeReminder = (await ledger(db, issued.linkId)).filter((email) => email.kind === 'request' && email.sentAt < remindAt);
  for (const contact of contacts) {
    if (!requestedBeforeReminder.some((email) => email.contactId === contact.id)) continue;
    const { branding, headers } = await dealer();
    const mailProps = { ...props, language: contactLanguage(contact.language), branding, machinesToRead };
    const rendered = withUnsubscribe(meterReminder.content(mailProps), mailProps, unsubscribeUrl(deps.publicUrl, contact.unsubscribeToken));
    const sent = await sendOnce(db, { ...ref, contactId: contact.id, kind: 'reminder' }, asOf, () => deps.mailer.send({ to: contact.email, ...rendered, ...headers }));
    if (sent) {
      summary.remindersSent += 1;
      await markReminded(deps, ref);
    }
  }
}

/** Due periods whose link expired within the last two months: their missing counters may be estimated. */
function closedPeriods(calendar: CampaignCalendar, asOf: Date): PeriodKey[] {
  const current = periodKeyAt(asOf, calendar.timeZone);
  return [addMonths(current, -2), addMonths(current, -1)].filter(
    (period) => isReadingDue(calendar, period) && expiryInstant(calendar, period).getTime() <= asOf.getTime(),
  );
}

async function estimateClosedPeriod(deps: JobDeps, row: CustomerRow, calendar: CampaignCalendar, period: PeriodKey, asOf: Date, summary: CampaignSummary) {
  const { db } = deps;
  const { customer } = row;
  // No link: the customer was never asked for this period, so nothing is missing.
  if (!(await findLiveLink(db, customer.id, period))) return;
  const link = await issueLink(deps, { partnerId: customer.partnerId, customerId: customer.id, period, calendar });
  // The sheet as it stood at the deadline: opened as of the last instant its token verifies (the
  // token's expiry is in whole seconds and refuses at and after it).
  const atDeadline = new Date(Math.floor(link.expiresAt.getTime() / 1000) * 1000 - 1);
  const sheet = await entrySheet(db, await openLink({ db, clock: () => atDeadline }, link.token), atDeadline);
  const policy = { ...DEFAULT_USAGE_POLICY, timeZone: calendar.timeZone };
  for (const machine of sheet) {
    for (const counter of machine.counters) {
      const last = counter.last;
      if (counter.entry || !last) continue;
      const history = await db
        .select({ value: readings.value, takenAt: readings.takenAt, source: readings.source })
        .from(readings)
        .where(and(eq(readings.counterId, last.counterId), isCountingReading()))
        .orderBy(desc(readings.takenAt))
        .limit(400);
      const result = estimateReading({ history, at: link.expiresAt, recentSources: history.map((reading) => reading.source) }, policy);
      if (result.kind === 'not_estimated') {
        summary.estimatesRefused += 1;
        continue;
      }
      // Made "now" (the job's instant) as far as the nightly cutoff is concerned: the next night locks and transmits it.
      const recorded = await db.transaction((tx) =>
        recordReading(
          tx,
          {
            partnerId: customer.partnerId,
            deviceId: machine.device.id,
            counter: counter.kind,
            value: result.reading.value,
            takenAt: result.reading.takenAt,
            source: 'estimate',
            actor: `estimate:${period}`,
            idempotencyKey: estimateClientId(last.counterId, period),
            note: estimateNote(result.basis),
          },
          asOf,
        ),
      );
      const inserted = recorded.reading && !recorded.replayed ? [recorded.reading] : [];
      if (inserted.length > 0) summary.estimatesCreated += 1;
    }
  }
}

export async function runCampaign(deps: JobDeps, asOf: Date): Promise<CampaignSummary> {
  // Links, emails and ledger rows are stamped with the job's instant, not the wall clock.
  const jobDeps: JobDeps = { ...deps, clock: () => asOf };
  const summary: CampaignSummary = {
    asOf: asOf.toISOString(),
    customersDue: 0,
    linksIssued: 0,
    requestsSent: 0,
    remindersSent: 0,
    estimatesCreated: 0,
    estimatesRefused: 0,
    failures: [],
  };
  const dealers = new Map<string, Promise<DealerMail>>();
  const rows = (await campaignCustomers(deps.db)).filter((row) => toOverrides(row.overrides).enabled);
  const links = await issueDueLinks(jobDeps, rows, asOf);
  for (const row of rows) {
    const partnerId = row.customer.partnerId;
    const dealer = () => {
      if (!dealers.has(partnerId)) dealers.set(partnerId, loadDealerMail(deps.db, partnerId));
      return dealers.get(partnerId)!;
    };
    try {
      const calendar = calendarOf(row);
      for (const period of openPeriodsAt(calendar, asOf)) {
        await runOpenPeriod(jobDeps, row, calendar, period, asOf, summary, dealer, links.get(linkKey(row.customer.id, period)));
      }
      for (const period of closedPeriods(calendar, asOf)) await estimateClosedPeriod(jobDeps, row, calendar, period, asOf, summary);
    } catch (error) {
      // One customer's failure (a mail provider hiccup, a bad setting) must not stop the others.
      summary.failures.push({ customerNumber: row.customer.customerNumber, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
