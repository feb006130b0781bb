import { and, asc, desc, eq, lt, ne } from 'drizzle-orm';
import { DEFAULT_LANGUAGE, isLanguage, reasonMessage, type CounterKind, type ReadingReason, type ReadingSource } from '@parc/shared';
import type { Reading } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { counters, customers, devices, readingChecks, readings } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { isCountingReading } from '../readings/readings.repo.ts';
import { getReading } from '../readings/readings.service.ts';
import { acceptReading, correctReading } from '../readings/readings.writer.ts';

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
        isCountingReading(),
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


/** The partner confirms a flagged value as it is. */
export async function acceptFlagged(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string, input: { note?: string | undefined }): Promise<Reading> {
  await deps.db.transaction((tx) => acceptReading(tx, { partnerId: user.partnerId, readingId: id, actor: user.email, note: input.note }, deps.clock()));
  return getReading(deps.db, user, id);
}

/** The partner replaces a flagged value; the one acceptance policy judges it as a correction. */
export async function correctFlagged(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string, input: { value: number; note: string }): Promise<Reading> {
  await deps.db.transaction((tx) => correctReading(tx, { partnerId: user.partnerId, readingId: id, actor: user.email, value: input.value, note: input.note, onlyToCheck: true }, deps.clock()));
  return getReading(deps.db, user, id);
}
