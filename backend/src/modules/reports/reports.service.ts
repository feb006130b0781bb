import { DomainError, isLanguage, localDateKey, type Language } from '@parc/shared';
import { allows } from '@parc/shared/contracts/profiles';
import type { Report, ReportDefinitionBody, ReportDefinitionInput, ReportRun, ReportRunInput } from '@parc/shared/contracts/reports';
import { SOURCE_SCREENS } from '@parc/shared/reports/catalogue';
import { assertReportBody } from '@parc/shared/reports/definition';
import { predefinedReport, PREDEFINED_REPORTS } from '@parc/shared/reports/predefined';
import { REPORT_FILE_HOURS, type ReportSource } from '@parc/shared/reports/vocabulary';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { toIso } from '../customers/scope.ts';
import { partnerTimeZone } from '../statistics/statistics.repo.ts';
import { chunkingSink, createFileWriter } from './files.ts';
import * as repo from './reports.repo.ts';
import { planRows } from './rows.ts';

/** At most this many files being made per person at once (each holds the database between batches). */
export const MAX_ACTIVE_RUNS = 3;
/** Stored file pieces: large enough to keep the row count low, small enough for any driver. */
const CHUNK_BYTES = 1024 * 1024;

/** A report the user may run: predefined, or an own one of theirs or shared, on a source their profile shows. */
export interface ResolvedReport {
  key: string;
  name: string;
  source: ReportSource;
  body: ReportDefinitionBody;
}

const mayRead = (user: SessionUser, source: ReportSource) => allows(user.permissions[SOURCE_SCREENS[source]], 'view');

function toReport(user: SessionUser, row: repo.DefinitionRow): Report {
  return { key: row.id, predefined: false, name: row.name, source: row.source, body: row.body, shared: row.shared, ownerName: row.ownerName, editable: row.ownerId === user.id };
}

export async function listReports(db: Db, user: SessionUser): Promise<Report[]> {
  const predefined: Report[] = PREDEFINED_REPORTS.map((report) => ({ key: report.key, predefined: true, name: null, source: report.source, body: report.body, shared: true, ownerName: null, editable: false }));
  const own = (await repo.visibleDefinitions(db, user.partnerId, user.id)).map((row) => toReport(user, row));
  return [...predefined, ...own].filter((report) => mayRead(user, report.source));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function resolveReport(db: Db, user: SessionUser, key: string, language: Language): Promise<ResolvedReport> {
  const predefined = predefinedReport(key);
  let report: ResolvedReport | undefined;
  if (predefined) report = { key, name: predefined.name[language], source: predefined.source, body: predefined.body };
  else if (UUID.test(key)) {
    const row = (await repo.visibleDefinitions(db, user.partnerId, user.id)).find((definition) => definition.id === key);
    if (row) report = { key, name: row.name, source: row.source, body: row.body };
  }
  if (!report || !mayRead(user, report.source)) throw new DomainError('report.not_found');
  return report;
}

async function ownDefinition(db: Db, user: SessionUser, id: string): Promise<repo.DefinitionRow> {
  if (predefinedReport(id)) throw new DomainError('report.predefined');
  const row = UUID.test(id) ? (await repo.visibleDefinitions(db, user.partnerId, user.id)).find((definition) => definition.id === id) : undefined;
  if (!row) throw new DomainError('report.not_found');
  if (row.ownerId !== user.id) throw new DomainError('report.not_owner');
  return row;
}

export async function createReport(db: Db, user: SessionUser, input: ReportDefinitionInput): Promise<Report> {
  assertReportBody(input.source, input.body);
  if (!mayRead(user, input.source)) throw new DomainError('report.not_found');
  const id = await repo.insertDefinition(db, { partnerId: user.partnerId, ownerId: user.id, name: input.name, source: input.source, body: input.body, shared: input.shared });
  return toReport(user, (await repo.visibleDefinitions(db, user.partnerId, user.id)).find((row) => row.id === id)!);
}

export async function updateReport(db: Db, user: SessionUser, id: string, input: ReportDefinitionInput): Promise<Report> {
  await ownDefinition(db, user, id);
  assertReportBody(input.source, input.body);
  if (!mayRead(user, input.source)) throw new DomainError('report.not_found');
  await repo.updateDefinition(db, id, { name: input.name, source: input.source, body: input.body, shared: input.shared, updatedAt: new Date() });
  return toReport(user, (await repo.visibleDefinitions(db, user.partnerId, user.id)).find((row) => row.id === id)!);
}

export async function deleteReport(db: Db, user: SessionUser, id: string): Promise<void> {
  await ownDefinition(db, user, id);
  await repo.deleteDefinition(db, id);
}

// --- runs ----------------------------------------------------------------------------------

export function toRun(row: repo.RunRow): ReportRun {
  return {
    id: row.id,
    reportKey: row.reportKey,
    name: row.name,
    format: row.format,
    status: row.status,
    rowsTotal: row.rowsTotal,
    rowsWritten: row.rowsWritten,
    bytes: row.bytes,
    fileName: row.fileName,
    errorCode: row.errorCode,
    createdAt: toIso(row.createdAt),
    finishedAt: row.finishedAt && toIso(row.finishedAt),
    expiresAt: toIso(row.expiresAt),
  };
}

/** `parc-fleet-list-2026-12-05.xlsx`: letters and digits of the name, the day it was made. */
export function reportFileName(name: string, day: string, format: 'csv' | 'xlsx'): string {
  const slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 60);
  return `${slug || 'report'}-${day}.${format}`;
}

export const languageOf = (user: SessionUser, requested?: Language): Language => requested ?? (isLanguage(user.language) ? user.language : 'fr');

/** Narrows a report's customers to `customerIds` (only ever narrower than the report's own filter). */
export function narrowed(body: ReportDefinitionBody, customerIds: string[] | undefined): ReportDefinitionBody {
  if (!customerIds) return body;
  const own = body.filters.customerIds;
  return { ...body, filters: { ...body.filters, customerIds: own ? customerIds.filter((id) => own.includes(id)) : customerIds } };
}

export interface RunRequest {
  report: ResolvedReport;
  user: SessionUser;
  input: { format: 'csv' | 'xlsx'; separator: ',' | ';'; language: Language; customerIds?: string[] | undefined; excludedCustomerIds?: string[] | undefined };
  scheduleId?: string;
}

/** Records a run, queued; `executeRun` makes its file. */
export async function queueRun(deps: Pick<AppDeps, 'db' | 'clock'>, request: RunRequest): Promise<repo.RunRow> {
  const { report, user, input } = request;
  const now = deps.clock();
  const timeZone = await partnerTimeZone(deps.db, user.partnerId);
  const body = narrowed(report.body, input.customerIds);
  return repo.insertRun(deps.db, {
    partnerId: user.partnerId,
    requestedBy: user.id,
    reportKey: report.key,
    name: report.name,
    source: report.source,
    body: input.excludedCustomerIds ? { ...body, filters: { ...body.filters, excludedCustomerIds: input.excludedCustomerIds } } : body,
    format: input.format,
    separator: input.separator,
    language: input.language,
    scheduleId: request.scheduleId ?? null,
    fileName: reportFileName(report.name, localDateKey(now, timeZone), input.format),
    createdAt: now,
    expiresAt: new Date(now.getTime() + REPORT_FILE_HOURS * 3_600_000),
  });
}

/** Starts a file for the signed-in user; it is made in the background and polled for. */
export async function startRun(deps: AppDeps, user: SessionUser, key: string, input: ReportRunInput & { format: 'csv' | 'xlsx' }): Promise<ReportRun> {
  const language = languageOf(user, input.language);
  const report = await resolveReport(deps.db, user, key, language);
  if ((await repo.activeRunCount(deps.db, user.id)) >= MAX_ACTIVE_RUNS) throw new DomainError('report_run.too_many', { limit: MAX_ACTIVE_RUNS });
  const run = await queueRun(deps, { report, user, input: { format: input.format, separator: input.separator ?? ';', language, customerIds: input.customerIds } });
  deps.background.run(`report ${run.id}`, () => executeRun(deps, run.id, user));
  return toRun(run);
}

/**
 * Writes a run's file batch by batch, its progress saved after each; stops (and drops what it wrote)
 * when the run was cancelled meanwhile. The user's scope and profile are the ones of when it runs.
 */
export async function executeRun(deps: Pick<AppDeps, 'db' | 'clock'>, runId: string, user: SessionUser): Promise<repo.RunRow['status']> {
  const { db } = deps;
  const run = (await repo.findRun(db, user.partnerId, runId))!;
  if (!(await repo.moveRun(db, runId, ['queued'], { status: 'running', startedAt: deps.clock() }))) return run.status;
  try {
    const timeZone = await partnerTimeZone(db, user.partnerId);
    const plan = planRows(db, { source: run.source, body: run.body, scope: user, timeZone, now: run.createdAt });
    const total = await plan.count();
    await repo.moveRun(db, runId, ['running'], { rowsTotal: total });
    let seq = 0;
    const sink = chunkingSink(CHUNK_BYTES, (chunk) => repo.insertChunk(db, runId, seq++, chunk));
    const finished = new Promise<void>((resolve, reject) => sink.on('finish', resolve).on('error', reject));
    const writer = createFileWriter(sink, { format: run.format, separator: run.separator, language: isLanguage(run.language) ? run.language : 'fr', columns: plan.columns, sheetName: run.name });
    let written = 0;
    for await (const rows of plan.batches()) {
      await writer.rows(rows);
      written += rows.length;
      if (!(await repo.moveRun(db, runId, ['running'], { rowsWritten: written, bytes: sink.bytes() }))) {
        sink.destroy();
        await repo.deleteChunks(db, runId);
        return 'cancelled';
      }
    }
    await writer.end();
    await finished;
    const done = await repo.moveRun(db, runId, ['running'], { status: 'done', rowsWritten: written, rowsTotal: written, bytes: sink.bytes(), finishedAt: deps.clock() });
    if (!done) await repo.deleteChunks(db, runId);
    return done ? 'done' : 'cancelled';
  } catch (error) {
    await repo.moveRun(db, runId, ['queued', 'running'], { status: 'failed', errorCode: 'server.internal', finishedAt: deps.clock() });
    await repo.deleteChunks(db, runId);
    throw error;
  }
}

export async function listRuns(deps: AppDeps, user: SessionUser): Promise<ReportRun[]> {
  return (await repo.runsOf(deps.db, user.partnerId, user.id, deps.clock())).map(toRun);
}

async function ownRun(deps: AppDeps, user: SessionUser, id: string): Promise<repo.RunRow> {
  const run = await repo.findRun(deps.db, user.partnerId, id);
  if (!run || run.requestedBy !== user.id || run.expiresAt <= deps.clock()) throw new DomainError('report_run.not_found');
  return run;
}

export async function getRun(deps: AppDeps, user: SessionUser, id: string): Promise<ReportRun> {
  return toRun(await ownRun(deps, user, id));
}

export async function cancelRun(deps: AppDeps, user: SessionUser, id: string): Promise<ReportRun> {
  await ownRun(deps, user, id);
  if (!(await repo.moveRun(deps.db, id, ['queued', 'running'], { status: 'cancelled', finishedAt: deps.clock() }))) throw new DomainError('report_run.finished');
  return toRun(await ownRun(deps, user, id));
}

/** A finished file as a stream of its stored pieces, read one at a time. */
export function fileStream(db: Db, runId: string): ReadableStream<Uint8Array> {
  let seq = -1;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const chunk = await repo.chunkAfter(db, runId, seq);
      if (!chunk) return controller.close();
      seq = chunk.seq;
      controller.enqueue(chunk.data);
    },
  });
}

export async function download(deps: AppDeps, user: SessionUser, id: string): Promise<{ run: repo.RunRow; body: ReadableStream<Uint8Array> }> {
  const run = await ownRun(deps, user, id);
  if (run.status !== 'done') throw new DomainError('report_run.not_ready');
  return { run, body: fileStream(deps.db, run.id) };
}
