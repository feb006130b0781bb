import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { campaignSettings, counters, customers, devices, partners, readings, readingTransmissions } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { latestCutoff, type PartnerCampaignDefaults } from './campaign.settings.ts';
import { CSV_HEADER, signBody, SIGNATURE_HEADER, toCsvLines, type ExportRow } from './nightly.export.ts';
import { toPartnerDefaults } from './settings.repo.ts';
import { lockForTransmission } from '../readings/readings.writer.ts';
import type { Once } from '../jobs/scheduled.ts';

/**
 * The nightly transmission, per partner, once its cutoff (local time) has passed:
 *  - locks every customer entry and estimate made before the cutoff (the API refuses changes after);
 *  - queues them in reading_transmissions, per channel the partner has on;
 *  - appends the pending rows to exports/<partner id>/readings-<night>.csv (export folder on), in
 *    DATA_DIR under Node, in the Worker's R2 bucket on Workers (neither: no file channel): one file
 *    per dealer, so one dealer's readings never reach another's file;
 *  - POSTs the pending rows as signed JSON to the partner's webhook; a failure leaves them pending
 *    for the next night.
 * Idempotent: locking skips locked rows, a channel sends only pending rows and marks them sent.
 */

export const WEBHOOK_TIMEOUT_MS = 15_000;

export interface NightlyPartnerSummary {
  partnerId: string;
  night: string;
  cutoff: string;
  locked: number;
  file: { path: string; rows: number } | null;
  webhook: { status: 'sent' | 'failed'; rows: number; error?: string } | null;
}

export interface NightlySummary {
  asOf: string;
  partners: NightlyPartnerSummary[];
}

export interface NightlyOptions {
  /** Only partners whose cutoff fell after this instant (the scheduler's previous tick); default: all. */
  since?: Date;
  /** Runs each partner's night only where this claims it (the scheduler: once across instances, see jobs/scheduled.ts). */
  once?: Once;
}

/** The subset of an R2 bucket binding the export uses (typed here rather than through @cloudflare/workers-types). */
export interface ExportBucket {
  get(key: string): Promise<{ text(): Promise<string> } | null>;
  put(key: string, value: string, options?: { httpMetadata?: { contentType?: string } }): Promise<unknown>;
}

type NightlyDeps = Pick<AppDeps, 'db' | 'dataDir'> & {
  /** On Workers, where the night files go instead of the data folder; absent or null: webhook only. */
  exportBucket?: ExportBucket | null;
};
type Channel = 'file' | 'webhook';

/** Locks what the customer entered through links (with the dealer's corrections of it) and the campaign's estimates. */
async function lockEntries(tx: Db, partnerId: string, cutoff: Date, night: string, defaults: PartnerCampaignDefaults, asOf: Date, exportFiles: boolean): Promise<number> {
  const locked = (await lockForTransmission(tx, partnerId, cutoff, asOf)).map((id) => ({ id }));
  if (locked.length === 0) return 0;
  const file = defaults.exportFolder && exportFiles ? 'pending' : 'off';
  const webhook = defaults.webhookUrl ? 'pending' : 'off';
  await tx
    .insert(readingTransmissions)
    .values(locked.map(({ id }) => ({ readingId: id, partnerId, night, file, webhook }) as const))
    .onConflictDoNothing();
  return locked.length;
}

async function pendingRows(tx: Db, partnerId: string, channel: Channel): Promise<(ExportRow & { readingId: string })[]> {
  const rows = await tx
    .select({
      readingId: readings.id,
      customerNumber: customers.customerNumber,
      deviceId: devices.deviceCode,
      serial: devices.serial,
      counter: counters.kind,
      value: readings.value,
      takenAt: readings.takenAt,
      source: readings.source,
      status: readings.status,
    })
    .from(readingTransmissions)
    .innerJoin(readings, eq(readings.id, readingTransmissions.readingId))
    .innerJoin(counters, eq(counters.id, readings.counterId))
    .innerJoin(devices, eq(devices.id, readings.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(and(eq(readingTransmissions.partnerId, partnerId), eq(readingTransmissions[channel], 'pending')))
    .orderBy(asc(customers.customerNumber), asc(devices.deviceNumber), asc(counters.kind), asc(readings.takenAt));
  return rows.map((row) => ({ ...row, takenAt: row.takenAt.toISOString() }));
}

async function markSent(tx: Db, readingIds: string[], channel: Channel, at: Date): Promise<void> {
  const sentAt = channel === 'file' ? { fileSentAt: at } : { webhookSentAt: at };
  await tx
    .update(readingTransmissions)
    .set({ [channel]: 'sent', ...sentAt })
    .where(inArray(readingTransmissions.readingId, readingIds));
}

const withoutIds = (rows: (ExportRow & { readingId: string })[]): ExportRow[] => rows.map(({ readingId: _id, ...row }) => row);

/** The night file's place, relative to the data folder or as the bucket's key. */
const exportKey = (partnerId: string, night: string) => `exports/${partnerId}/readings-${night}.csv`;

/** As writeFile, in the bucket: R2 has no append, so the night's object is read and put again (the partner's advisory lock serialises runs). */
async function writeObject(bucket: ExportBucket, partnerId: string, night: string, rows: ExportRow[]): Promise<string> {
  const key = exportKey(partnerId, night);
  const existing = await bucket.get(key);
  const before = existing ? await existing.text() : CSV_HEADER;
  await bucket.put(key, before + toCsvLines(rows), { httpMetadata: { contentType: 'text/csv; charset=utf-8' } });
  return key;
}

/** Appends to the partner's file of the night (header when new): a second run the same night adds only new rows. */
async function writeFile(dataDir: string, partnerId: string, night: string, rows: ExportRow[]): Promise<string> {
  // Loaded on use: the Workers build has no data folder and never gets here.
  const { appendFile, mkdir, stat } = await import('node:fs/promises');
  const { join } = await import('node:path');
  const folder = join(dataDir, 'exports', partnerId);
  await mkdir(folder, { recursive: true });
  const path = join(folder, `readings-${night}.csv`);
  const exists = await stat(path).then(
    () => true,
    () => false,
  );
  await appendFile(path, (exists ? '' : CSV_HEADER) + toCsvLines(rows), 'utf8');
  return path;
}

async function postWebhook(url: string, secret: string | null, body: string): Promise<void> {
  const headers: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'Parc nightly export' };
  if (secret) headers[SIGNATURE_HEADER] = signBody(secret, body);
  const response = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`the webhook answered ${response.status}`);
}

async function transmitPartner(deps: NightlyDeps, partnerId: string, defaults: PartnerCampaignDefaults, cutoff: Date, night: string, asOf: Date): Promise<NightlyPartnerSummary> {
  // One transaction per partner, serialised by an advisory lock: two runs (scheduler and command on
  // PostgreSQL) never export the same pending rows twice.
  const fileChannel = deps.dataDir !== null || Boolean(deps.exportBucket);
  return deps.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`parc-nightly:${partnerId}`}))`);
    const summary: NightlyPartnerSummary = {
      partnerId,
      night,
      cutoff: cutoff.toISOString(),
      locked: await lockEntries(tx, partnerId, cutoff, night, defaults, asOf, fileChannel),
      file: null,
      webhook: null,
    };

    const forFile = fileChannel ? await pendingRows(tx, partnerId, 'file') : [];
    if (forFile.length > 0) {
      const rows = withoutIds(forFile);
      const path = deps.dataDir ? await writeFile(deps.dataDir, partnerId, night, rows) : await writeObject(deps.exportBucket!, partnerId, night, rows);
      await markSent(tx, forFile.map((row) => row.readingId), 'file', asOf);
      summary.file = { path, rows: forFile.length };
    }

    const forWebhook = defaults.webhookUrl ? await pendingRows(tx, partnerId, 'webhook') : [];
    if (defaults.webhookUrl && forWebhook.length > 0) {
      const body = JSON.stringify({ partnerId, night, cutoff: summary.cutoff, readings: withoutIds(forWebhook) });
      try {
        await postWebhook(defaults.webhookUrl, defaults.webhookSecret, body);
        await markSent(tx, forWebhook.map((row) => row.readingId), 'webhook', asOf);
        summary.webhook = { status: 'sent', rows: forWebhook.length };
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        console.warn(`Nightly export: the webhook of partner ${partnerId} failed (${message}); its ${forWebhook.length} readings are retried next night.`);
        summary.webhook = { status: 'failed', rows: forWebhook.length, error: message };
      }
    }
    return summary;
  });
}

export async function runNightly(deps: NightlyDeps, asOf: Date, options: NightlyOptions = {}): Promise<NightlySummary> {
  const rows = await deps.db
    .select({ partnerId: partners.id, settings: campaignSettings })
    .from(partners)
    .leftJoin(campaignSettings, eq(campaignSettings.partnerId, partners.id))
    .orderBy(asc(partners.createdAt));
  const summaries: NightlyPartnerSummary[] = [];
  for (const { partnerId, settings } of rows) {
    const defaults = toPartnerDefaults(settings);
    const { instant, night } = latestCutoff(asOf, defaults.nightlyCutoff, defaults.timeZone);
    if (options.since && instant.getTime() <= options.since.getTime()) continue;
    const transmit = () => transmitPartner(deps, partnerId, defaults, instant, night, asOf);
    if (!options.once) summaries.push(await transmit());
    else {
      const done = await options.once(`${partnerId}/${night}`, transmit);
      if (done.ran) summaries.push(done.value);
    }
  }
  return { asOf: asOf.toISOString(), partners: summaries };
}
