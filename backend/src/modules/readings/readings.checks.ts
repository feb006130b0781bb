import { and, desc, eq, lte, ne } from 'drizzle-orm';
import {
  checkPlausibility,
  DEFAULT_PLAUSIBILITY_POLICY,
  DomainError,
  type CounterKind,
  type CounterReading,
  type PlausibilityResult,
  type ReadingSource,
} from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { counters, readingChecks, readings } from '../../db/schema/index.ts';

export type ReadingRow = typeof readings.$inferSelect;

export interface ReadingToRecord {
  partnerId: string;
  deviceId: string;
  counter: CounterKind;
  value: number;
  takenAt: Date;
  source: ReadingSource;
  /** "link:<id>", a user's email, "agent:<id>"… */
  enteredBy: string;
  clientId: string | null;
  /** The entry this value replaces (a customer changing this period's value): updated in place, never a second reading. */
  replaceReadingId?: string;
  /** The customer's time zone: working days and the dates in reasons are local. */
  timeZone?: string;
}

export type RecordedReading = PlausibilityResult & {
  /** Null when the value was refused: refused values are never stored as readings. */
  reading: ReadingRow | null;
};

/**
 * Checks a value against the counter's history (every source: manual, agent, technician…, refused
 * readings left out) and stores it as `entered` or `to_check` with the reason kept beside it.
 * Run it inside a transaction: the counter row is locked so two values for one counter are
 * checked one after the other, not both against the same last value.
 */
export async function checkAndRecordReading(tx: Db, input: ReadingToRecord): Promise<RecordedReading> {
  const deviceCounters = await tx
    .select({ id: counters.id, kind: counters.kind })
    .from(counters)
    .where(and(eq(counters.partnerId, input.partnerId), eq(counters.deviceId, input.deviceId), eq(counters.active, true)))
    .orderBy(counters.kind)
    .for('update');
  const counter = deviceCounters.find((row) => row.kind === input.counter);
  if (!counter) throw new DomainError('bad_request', `This device has no ${input.counter} counter.`, { field: 'counter' });

  const replaced = input.replaceReadingId ? await findOwnReading(tx, input.partnerId, input.replaceReadingId) : null;
  if (input.replaceReadingId && (!replaced || replaced.counterId !== counter.id)) throw new DomainError('not_found', 'No such reading.');
  if (replaced?.lockedAt) throw new DomainError('locked', 'This reading has already been sent and can no longer be changed.');

  const historyOf = (counterId: string) => counterHistory(tx, counterId, input.takenAt, replaced?.id);
  const others = deviceCounters.filter((row) => row.id !== counter.id);
  const [history, ...otherHistories] = await Promise.all([historyOf(counter.id), ...others.map((row) => historyOf(row.id))]);
  const result = checkPlausibility(
    {
      value: input.value,
      takenAt: input.takenAt,
      history: history!,
      otherCounters: Object.fromEntries(others.map((row, index) => [row.kind, otherHistories[index]!])),
    },
    { ...DEFAULT_PLAUSIBILITY_POLICY, timeZone: input.timeZone ?? DEFAULT_PLAUSIBILITY_POLICY.timeZone },
  );
  if (result.verdict === 'refused') return { ...result, reading: null };

  const status = result.verdict === 'to_check' ? 'to_check' : 'entered';
  const reading = replaced
    ? await updateValue(tx, replaced.id, { value: input.value, takenAt: input.takenAt, status, enteredBy: input.enteredBy })
    : await insertValue(tx, input, counter.id, status);
  await tx
    .insert(readingChecks)
    .values({ readingId: reading.id, verdict: result.verdict, reason: result.reason, checkedAt: input.takenAt })
    .onConflictDoUpdate({ target: readingChecks.readingId, set: { verdict: result.verdict, reason: result.reason, checkedAt: input.takenAt } });
  return { ...result, reading };
}

async function findOwnReading(tx: Db, partnerId: string, id: string): Promise<ReadingRow | null> {
  const [row] = await tx
    .select()
    .from(readings)
    .where(and(eq(readings.partnerId, partnerId), eq(readings.id, id)));
  return row ?? null;
}

/** Every usable earlier reading of the counter; the agent's latest is among them when there is one. */
async function counterHistory(tx: Db, counterId: string, takenAt: Date, exceptId: string | undefined): Promise<CounterReading[]> {
  return tx
    .select({ value: readings.value, takenAt: readings.takenAt, source: readings.source })
    .from(readings)
    .where(
      and(
        eq(readings.counterId, counterId),
        ne(readings.status, 'refused'),
        lte(readings.takenAt, takenAt),
        exceptId ? ne(readings.id, exceptId) : undefined,
      ),
    )
    .orderBy(desc(readings.takenAt));
}

async function insertValue(tx: Db, input: ReadingToRecord, counterId: string, status: 'entered' | 'to_check'): Promise<ReadingRow> {
  const [row] = await tx
    .insert(readings)
    .values({
      partnerId: input.partnerId,
      deviceId: input.deviceId,
      counterId,
      value: input.value,
      takenAt: input.takenAt,
      source: input.source,
      status,
      enteredBy: input.enteredBy,
      clientId: input.clientId,
    })
    .returning();
  return row!;
}

async function updateValue(tx: Db, id: string, values: Pick<ReadingRow, 'value' | 'takenAt' | 'status' | 'enteredBy'>): Promise<ReadingRow> {
  const [row] = await tx.update(readings).set(values).where(eq(readings.id, id)).returning();
  return row!;
}
