import { and, eq, isNotNull } from 'drizzle-orm';
import { reportDelivery } from '@parc/emails';
import { DomainError, localDateKey, type Language } from '@parc/shared';
import { allows } from '@parc/shared/contracts/profiles';
import { reportScheduleInputSchema, type ReportDelivery, type ReportSchedule, type ReportScheduleInput } from '@parc/shared/contracts/reports';
import { messageFormat } from '@parc/shared/meters/messages';
import { lastDueAt, nextDueAt } from '@parc/shared/reports/period';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { coordinators, customers, sites } from '../../db/schema/index.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import type { MailAttachment } from '../../mail/mailer.ts';
import { actingUser, type SessionUser } from '../auth/access.ts';
import { hashToken, newToken } from '../auth/session-token.ts';
import { toIso } from '../customers/scope.ts';
import { partnerTimeZone } from '../statistics/statistics.repo.ts';
import { CONTENT_TYPES } from './files.ts';
import * as repo from './reports.repo.ts';
import { executeRun, queueRun, resolveReport } from './reports.service.ts';

/**
 * Scheduled reports: made as their creator (with the profile and customers they have on the day) and
 * emailed at 06:00 in the dealer's time zone. Addresses get one file for the chosen customers; a
 * customer's main coordinator gets a file of that customer only, a site's coordinator of that site
 * only. Each due time is claimed once (report_deliveries), so a second instance or a rerun sends nothing.
 */

/** Larger files go as a download link rather than an attachment (mail servers refuse big messages). */
export const ATTACHMENT_MAX_BYTES = 5 * 1024 * 1024;

type ParsedInput = ReturnType<typeof reportScheduleInputSchema.parse>;

function checkedInput(input: ReportScheduleInput): ParsedInput {
  const parsed = reportScheduleInputSchema.parse(input);
  const { frequency, day } = parsed;
  if ((frequency === 'weekly' && (day === null || day > 7)) || (frequency === 'monthly' && day === null)) throw new DomainError('report_schedule.day', { field: 'day' });
  const { siteCoordinators, customerCoordinators, addresses } = parsed.recipients;
  if (!siteCoordinators && !customerCoordinators && addresses.length === 0) throw new DomainError('report_schedule.no_recipient', { field: 'recipients' });
  return { ...parsed, day: frequency === 'daily' ? null : day };
}

async function toSchedule(db: Db, rows: repo.ScheduleRow[], now: Date, timeZone: string): Promise<ReportSchedule[]> {
  const deliveries = await repo.deliveriesOf(db, rows.map((row) => row.id));
  return rows.map((row) => ({
    id: row.id,
    reportKey: row.reportKey,
    frequency: row.frequency,
    day: row.day,
    format: row.format,
    separator: row.separator,
    language: contactLanguage(row.language),
    recipients: row.recipients,
    customerSelection: row.customerSelection,
    customerIds: row.customerIds,
    active: row.active,
    nextDueAt: row.active ? toIso(nextDueAt(row, now, timeZone)) : null,
    deliveries: deliveries.filter((delivery) => delivery.scheduleId === row.id).slice(0, 10).map(toDelivery),
  }));
}

const toDelivery = (row: repo.DeliveryRow): ReportDelivery => ({
  dueAt: toIso(row.dueAt),
  sentAt: row.sentAt && toIso(row.sentAt),
  recipients: row.recipients,
  attached: row.attached,
  fileName: row.fileName,
  rows: row.rows,
  errorCode: row.errorCode,
});

export async function listSchedules(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser): Promise<ReportSchedule[]> {
  return toSchedule(deps.db, await repo.schedulesOf(deps.db, user.partnerId), deps.clock(), await partnerTimeZone(deps.db, user.partnerId));
}

async function scheduleOf(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string): Promise<ReportSchedule> {
  const row = await repo.findSchedule(deps.db, user.partnerId, id);
  if (!row) throw new DomainError('report_schedule.not_found');
  const [schedule] = await toSchedule(deps.db, [row], deps.clock(), await partnerTimeZone(deps.db, user.partnerId));
  return schedule!;
}

export async function createSchedule(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, input: ReportScheduleInput): Promise<ReportSchedule> {
  const values = checkedInput(input);
  await resolveReport(deps.db, user, values.reportKey, values.language);
  const row = await repo.insertSchedule(deps.db, { ...values, partnerId: user.partnerId, createdBy: user.id, createdAt: deps.clock() });
  return scheduleOf(deps, user, row.id);
}

export async function updateSchedule(deps: AppDeps, user: SessionUser, id: string, input: ReportScheduleInput): Promise<ReportSchedule> {
  if (!(await repo.findSchedule(deps.db, user.partnerId, id))) throw new DomainError('report_schedule.not_found');
  const values = checkedInput(input);
  await resolveReport(deps.db, user, values.reportKey, values.language);
  await repo.updateSchedule(deps.db, id, values);
  return scheduleOf(deps, user, id);
}

export async function deleteSchedule(deps: AppDeps, user: SessionUser, id: string): Promise<void> {
  if (!(await repo.findSchedule(deps.db, user.partnerId, id))) throw new DomainError('report_schedule.not_found');
  await repo.deleteSchedule(deps.db, id);
}

// --- sending -------------------------------------------------------------------------------

type SendDeps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>;

/** One file and who receives it. */
interface Parcel {
  recipients: { email: string; language: Language }[];
  customerIds?: string[];
  siteIds?: string[];
  /** Whose data the file holds, for the email (a customer number, a site). */
  scope: string | null;
}

function selected(schedule: repo.ScheduleRow, customerId: string): boolean {
  if (schedule.customerSelection === 'only') return schedule.customerIds.includes(customerId);
  if (schedule.customerSelection === 'all_except') return !schedule.customerIds.includes(customerId);
  return true;
}

async function parcelsOf(db: Db, schedule: repo.ScheduleRow, user: SessionUser): Promise<Parcel[]> {
  const visible = (customerId: string) => selected(schedule, customerId) && (!user.customerIds || user.customerIds.includes(customerId));
  const parcels: Parcel[] = [];
  if (schedule.recipients.addresses.length > 0) {
    parcels.push({
      recipients: schedule.recipients.addresses.map((email) => ({ email, language: contactLanguage(schedule.language) })),
      ...(schedule.customerSelection === 'only' ? { customerIds: schedule.customerIds } : {}),
      scope: null,
    });
  }
  if (schedule.recipients.customerCoordinators) {
    const mains = await db
      .select({ customerId: customers.id, number: customers.customerNumber, language: customers.language, email: coordinators.email })
      .from(coordinators)
      .innerJoin(customers, eq(customers.id, coordinators.customerId))
      .where(and(eq(coordinators.partnerId, schedule.partnerId), eq(coordinators.isMain, true), eq(coordinators.active, true), eq(customers.active, true), isNotNull(coordinators.email)));
    for (const main of mains.filter((row) => visible(row.customerId))) {
      parcels.push({ recipients: [{ email: main.email!, language: contactLanguage(main.language) }], customerIds: [main.customerId], scope: main.number });
    }
  }
  if (schedule.recipients.siteCoordinators) {
    const siteCoordinators = await db
      .select({ siteId: sites.id, siteName: sites.name, customerId: sites.customerId, number: customers.customerNumber, language: customers.language, email: coordinators.email })
      .from(sites)
      .innerJoin(coordinators, eq(coordinators.id, sites.coordinatorId))
      .innerJoin(customers, eq(customers.id, sites.customerId))
      .where(and(eq(sites.partnerId, schedule.partnerId), eq(sites.active, true), eq(coordinators.active, true), isNotNull(coordinators.email)));
    for (const site of siteCoordinators.filter((row) => visible(row.customerId))) {
      parcels.push({ recipients: [{ email: site.email!, language: contactLanguage(site.language) }], customerIds: [site.customerId], siteIds: [site.siteId], scope: `${site.number} · ${site.siteName}` });
    }
  }
  return parcels;
}

async function fileBytes(db: Db, runId: string): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (let chunk = await repo.chunkAfter(db, runId, -1); chunk; chunk = await repo.chunkAfter(db, runId, chunk.seq)) parts.push(chunk.data);
  return new Uint8Array(Buffer.concat(parts));
}

/** Sends what is due at `now` and was not sent yet; a report missed while Parc was down goes once, late. */
export async function sendDueReports(deps: SendDeps, options: { attachmentMaxBytes?: number } = {}): Promise<{ schedules: number; emails: number }> {
  const now = deps.clock();
  let schedules = 0;
  let emails = 0;
  const timeZones = new Map<string, string>();
  for (const schedule of await repo.activeSchedules(deps.db)) {
    // A dealer's schedules share its time zone: read once per dealer.
    const timeZone = timeZones.get(schedule.partnerId) ?? (await partnerTimeZone(deps.db, schedule.partnerId));
    timeZones.set(schedule.partnerId, timeZone);
    const due = lastDueAt(schedule, now, schedule.createdAt, timeZone);
    if (!due) continue;
    const deliveryId = await repo.claimDelivery(deps.db, schedule.id, due);
    if (!deliveryId) continue;
    schedules += 1;
    emails += await deliver(deps, schedule, deliveryId, timeZone, options.attachmentMaxBytes ?? ATTACHMENT_MAX_BYTES);
  }
  return { schedules, emails };
}

async function deliver(deps: SendDeps, schedule: repo.ScheduleRow, deliveryId: string, timeZone: string, attachmentMaxBytes: number): Promise<number> {
  const { db } = deps;
  const user = await actingUser(db, schedule.createdBy);
  if (!user || !allows(user.permissions.reports, 'view')) {
    await repo.finishDelivery(db, deliveryId, { errorCode: 'report.not_found' });
    return 0;
  }
  const language = contactLanguage(schedule.language);
  let report;
  try {
    report = await resolveReport(db, user, schedule.reportKey, language);
  } catch (error) {
    await repo.finishDelivery(db, deliveryId, { errorCode: error instanceof DomainError ? (error.key ?? 'server.internal') : 'server.internal' });
    return 0;
  }
  const dealer = await loadDealerMail(db, schedule.partnerId);
  const excluded = schedule.customerSelection === 'all_except' ? schedule.customerIds : undefined;
  const parcels = await parcelsOf(db, schedule, user);
  const sentTo: string[] = [];
  let last: { fileName: string; rows: number; attached: boolean } | null = null;
  for (const parcel of parcels) {
    const narrowedReport = parcel.siteIds ? { ...report, body: { ...report.body, filters: { ...report.body.filters, siteIds: parcel.siteIds } } } : report;
    const run = await queueRun(deps, {
      report: narrowedReport,
      user,
      input: { format: schedule.format, separator: schedule.separator, language, customerIds: parcel.customerIds, excludedCustomerIds: excluded },
      scheduleId: schedule.id,
    });
    // One parcel failing (logged) leaves the others to go out.
    const status = await executeRun(deps, run.id, user).catch((error: unknown) => {
      console.error('Scheduled report not made', error);
      return 'failed' as const;
    });
    if (status !== 'done') continue;
    const made = (await repo.findRun(db, schedule.partnerId, run.id))!;
    const attach = made.bytes <= attachmentMaxBytes;
    let attachments: MailAttachment[] = [];
    let downloadUrl: string | null = null;
    if (attach) attachments = [{ fileName: made.fileName, contentType: CONTENT_TYPES[made.format], content: await fileBytes(db, made.id) }];
    else {
      const token = newToken();
      await repo.moveRun(db, made.id, ['done'], { downloadTokenHash: hashToken(token) });
      downloadUrl = `${deps.publicUrl}/api/report-files/${token}`;
    }
    for (const recipient of parcel.recipients) {
      const mail = reportDelivery({
        language: recipient.language,
        branding: dealer.branding,
        reportName: made.name,
        fileName: made.fileName,
        rows: made.rowsWritten,
        scope: parcel.scope,
        downloadUrl,
        expiresOn: downloadUrl ? messageFormat(recipient.language).date(localDateKey(made.expiresAt, timeZone)) : null,
      });
      try {
        await deps.mailer.send({ to: recipient.email, ...mail, ...dealer.headers, attachments });
        sentTo.push(recipient.email);
      } catch (error) {
        console.error('Scheduled report not sent', error);
      }
    }
    last = { fileName: made.fileName, rows: made.rowsWritten, attached: attach };
  }
  await repo.finishDelivery(db, deliveryId, {
    recipients: sentTo,
    sentAt: sentTo.length > 0 ? deps.clock() : null,
    fileName: last?.fileName ?? null,
    rows: last?.rows ?? null,
    attached: last?.attached ?? null,
    errorCode: sentTo.length > 0 ? null : parcels.length === 0 ? 'report_schedule.no_recipient' : 'mail.not_sent',
  });
  return sentTo.length;
}

/** A scheduled file behind an emailed link: the token is the only credential, and it dies with the file. */
export async function runOfDownloadToken(db: Db, token: string, now: Date): Promise<repo.RunRow> {
  const run = await repo.runOfTokenHash(db, hashToken(token));
  if (!run || run.status !== 'done' || run.expiresAt <= now) throw new DomainError('report_run.not_found');
  return run;
}
