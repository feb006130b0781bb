import { and, asc, desc, eq, getTableColumns, lt, ne } from 'drizzle-orm';
import {
  checkPlausibility,
  DEFAULT_LANGUAGE,
  DomainError,
  isLanguage,
  reasonMessage,
  type CounterKind,
  type ReadingReason,
  type ReadingSource,
} from '@parc/shared';
import type { Reading } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { counters, customers, devices, readingChecks, readings } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';

/**
 * The partner's review of readings flagged "to check": why each was flagged, the value before it
 * and, when an agent also reads the device, the agent's latest value beside it.
 */

export interface ToCheckItem {
  readingId: string;
  customerId: string;
  customerNumber: string;
  deviceId: string;
  deviceCode: string;
  model: string;
  counter: CounterKind;
  value: number;
  takenAt: string;
  source: ReadingSource;
  enteredBy: string;
  previous: { value: number; takenAt: string } | null;
  agentLatest: { value: number; takenAt: string } | null;
  reason: ReadingReason | null;
  /** The reason in the user's language, e.g. "… 3.1 × the usual (120) …". */
  explanation: string | null;
}

const QUEUE_LIMIT = 500;
const point = (row: { value: number; takenAt: Date } | undefined) => (row ? { value: row.value, takenAt: row.takenAt.toISOString() } : null);
const languageOf = (user: SessionUser) => (isLanguage(user.language) ? user.language : DEFAULT_LANGUAGE);

async function latestOf(db: Db, counterId: string, options: { before?: Date; exceptId?: string; source?: ReadingSource }) {
  const [row] = await db
    .select({ value: readings.value, takenAt: readings.takenAt })
    .from(readings)
    .where(
      and(
        eq(readings.counterId, counterId),
        ne(readings.status, 'refused'),
        options.before ? lt(readings.takenAt, options.before) : undefined,
        options.exceptId ? ne(readings.id, options.exceptId) : undefined,
        options.source ? eq(readings.source, options.source) : undefined,
      ),
    )
    .orderBy(desc(readings.takenAt))
    .limit(1);
  return row;
}

export async function toCheckQueue(db: Db, user: SessionUser): Promise<ToCheckItem[]> {
  const rows = await db
    .select({
      reading: readings,
      customerId: customers.id,
      customerNumber: customers.customerNumber,
      deviceCode: devices.deviceCode,
      model: devices.model,
      counter: counters.kind,
      reason: readingChecks.reason,
    })
    .from(readings)
    .innerJoin(devices, eq(devices.id, readings.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .innerJoin(counters, eq(counters.id, readings.counterId))
    .leftJoin(readingChecks, eq(readingChecks.readingId, readings.id))
    .where(and(eq(readings.partnerId, user.partnerId), eq(readings.status, 'to_check')))
    .orderBy(asc(readings.takenAt))
    .limit(QUEUE_LIMIT);
  const language = languageOf(user);
  return Promise.all(
    rows.map(async ({ reading, reason, ...row }) => ({
      ...row,
      readingId: reading.id,
      deviceId: reading.deviceId,
      value: reading.value,
      takenAt: reading.takenAt.toISOString(),
      source: reading.source,
      enteredBy: reading.enteredBy,
      previous: point(await latestOf(db, reading.counterId, { before: reading.takenAt, exceptId: reading.id })),
      agentLatest: reading.source === 'agent' ? null : point(await latestOf(db, reading.counterId, { source: 'agent', exceptId: reading.id })),
      reason,
      explanation: reason ? reasonMessage(reason, language) : null,
    })),
  );
}

const withKind = { ...getTableColumns(readings), counterKind: counters.kind };

async function partnerReading(db: Db, partnerId: string, id: string) {
  const [row] = await db
    .select(withKind)
    .from(readings)
    .innerJoin(counters, eq(counters.id, readings.counterId))
    .where(and(eq(readings.partnerId, partnerId), eq(readings.id, id)));
  if (!row) throw new DomainError('not_found', 'No such reading.');
  return row;
}

function toReading({ partnerId: _partner, ...row }: Awaited<ReturnType<typeof partnerReading>>): Reading {
  return { ...row, takenAt: row.takenAt.toISOString(), lockedAt: row.lockedAt?.toISOString() ?? null, createdAt: row.createdAt.toISOString() };
}

function assertReviewable(reading: { status: string }): void {
  if (reading.status !== 'to_check') throw new DomainError('conflict', 'This reading is not waiting for review.');
}

/** The partner confirms a flagged value as it is. */
export async function acceptReading(deps: Pick<AppDeps, 'db'>, user: SessionUser, id: string, input: { note?: string | undefined }): Promise<Reading> {
  const reading = await partnerReading(deps.db, user.partnerId, id);
  assertReviewable(reading);
  await deps.db
    .update(readings)
    .set({ status: 'accepted', note: input.note ?? reading.note })
    .where(eq(readings.id, id));
  return toReading(await partnerReading(deps.db, user.partnerId, id));
}

/** The partner replaces a flagged value; it must still fit after the reading before it. */
export async function correctReading(deps: Pick<AppDeps, 'db'>, user: SessionUser, id: string, input: { value: number; note: string }): Promise<Reading> {
  await deps.db.transaction(async (tx) => {
    const reading = await partnerReading(tx, user.partnerId, id);
    assertReviewable(reading);
    if (reading.lockedAt) throw new DomainError('locked', 'This reading has already been sent and can no longer be changed.');
    const history = await tx
      .select({ value: readings.value, takenAt: readings.takenAt, source: readings.source })
      .from(readings)
      .where(and(eq(readings.counterId, reading.counterId), ne(readings.status, 'refused'), ne(readings.id, id)));
    const { verdict, reason } = checkPlausibility({ value: input.value, takenAt: reading.takenAt, history });
    if (verdict === 'refused') throw new DomainError('reading_refused', reasonMessage(reason, languageOf(user)), { field: 'value', reason });
    await tx.update(readings).set({ status: 'corrected', value: input.value, note: input.note }).where(eq(readings.id, id));
  });
  return toReading(await partnerReading(deps.db, user.partnerId, id));
}
