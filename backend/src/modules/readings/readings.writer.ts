import { and, asc, eq, gte, inArray, isNotNull, isNull, lt, ne, or } from 'drizzle-orm';
import {
  COUNTING_STATUSES,
  DEFAULT_ACCEPTANCE_POLICY,
  DomainError,
  judgeReading,
  type AcceptanceResult,
  type CounterHistory,
  type CounterKind,
  type ReadingReason,
  type ReadingSource,
  type ReadingStatus,
  type ResetKind,
} from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { counterResets, counters, customers, devices, readingChecks, readingRevisions, readings } from '../../db/schema/index.ts';

/**
 * The one writer of `readings`, `reading_checks`, `reading_revisions` and `counter_resets`. Every
 * counter value, whatever its source (link, partner, agent, technician, correction, estimate), is
 * judged by the one acceptance policy (shared/meters/acceptance.ts) and stored here, under the same
 * counter lock, the same idempotency key and the customer's time zone. `readings.boundary.test.ts`
 * fails the build when another module writes these tables.
 */

export type ReadingRow = typeof readings.$inferSelect;

export interface ValueToRecord {
  partnerId: string;
  deviceId: string;
  counter: CounterKind;
  value: number;
  takenAt: Date;
  source: ReadingSource;
  /** Who or what: a user's email, "link:<id>", "agent:<id>", "estimate:<period>". */
  actor: string;
  /** The sender's key for this value (outbox entry, technician op, agent sample): applied once. */
  idempotencyKey: string | null;
  /** The meter link it came through. */
  linkId?: string | null;
  /** The reading this value replaces (a customer changing this period's entry): updated in place. */
  replaces?: string | null;
  note?: string | null;
}

export type RecordedReading = AcceptanceResult & {
  /** Null when the value was refused: refused values are never stored as readings. */
  reading: ReadingRow | null;
  /** True when the idempotency key had already been applied: `reading` is the first one. */
  replayed: boolean;
};

interface DeviceFacts {
  installedAt: Date;
  timeZone: string;
  active: boolean;
}

async function deviceFacts(tx: Db, partnerId: string, deviceId: string): Promise<DeviceFacts> {
  const [row] = await tx
    .select({ installedAt: devices.installedAt, timeZone: customers.timezone, active: devices.active })
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(and(eq(devices.partnerId, partnerId), eq(devices.id, deviceId)));
  if (!row) throw new DomainError('device.not_found');
  return row;
}

/** Locks the device's counters until the transaction ends: two values for one device are judged one after the other. */
async function lockCounters(tx: Db, partnerId: string, deviceId: string) {
  return tx
    .select({ id: counters.id, kind: counters.kind, active: counters.active })
    .from(counters)
    .where(and(eq(counters.partnerId, partnerId), eq(counters.deviceId, deviceId)))
    .orderBy(asc(counters.kind))
    .for('update');
}

/** Every reading (all statuses: the policy keeps what counts) and reset of the given counters. */
async function histories(tx: Db, counterIds: string[], exceptId: string | null): Promise<Map<string, CounterHistory>> {
  if (counterIds.length === 0) return new Map();
  const [readingRows, resetRows] = await Promise.all([
    tx
      .select({ counterId: readings.counterId, value: readings.value, takenAt: readings.takenAt, source: readings.source, status: readings.status })
      .from(readings)
      .where(and(inArray(readings.counterId, counterIds), exceptId ? ne(readings.id, exceptId) : undefined)),
    tx
      .select({ counterId: counterResets.counterId, at: counterResets.at, finalValue: counterResets.finalValue, startValue: counterResets.startValue })
      .from(counterResets)
      .where(inArray(counterResets.counterId, counterIds)),
  ]);
  return new Map(
    counterIds.map((id) => [
      id,
      { readings: readingRows.filter((row) => row.counterId === id), resets: resetRows.filter((row) => row.counterId === id) },
    ]),
  );
}

async function findByKey(tx: Db, idempotencyKey: string): Promise<ReadingRow | null> {
  const [row] = await tx.select().from(readings).where(eq(readings.idempotencyKey, idempotencyKey));
  return row ?? null;
}

async function ownReading(tx: Db, partnerId: string, id: string): Promise<ReadingRow> {
  const [row] = await tx
    .select()
    .from(readings)
    .where(and(eq(readings.partnerId, partnerId), eq(readings.id, id)));
  if (!row) throw new DomainError('reading.not_found');
  return row;
}

async function storedCheck(tx: Db, readingId: string): Promise<ReadingReason | null> {
  const [row] = await tx.select({ reason: readingChecks.reason }).from(readingChecks).where(eq(readingChecks.readingId, readingId));
  return row?.reason ?? null;
}

async function saveCheck(tx: Db, readingId: string, result: AcceptanceResult, at: Date): Promise<void> {
  await tx
    .insert(readingChecks)
    .values({ readingId, verdict: result.verdict, reason: result.reason, checkedAt: at })
    .onConflictDoUpdate({ target: readingChecks.readingId, set: { verdict: result.verdict, reason: result.reason, checkedAt: at } });
}

async function revise(
  tx: Db,
  before: ReadingRow,
  after: { value: number; status: ReadingStatus },
  change: { action: (typeof readingRevisions.$inferInsert)['action']; note?: string | null; by: string; at: Date },
): Promise<void> {
  await tx.insert(readingRevisions).values({
    partnerId: before.partnerId,
    readingId: before.id,
    action: change.action,
    oldValue: before.value,
    newValue: after.value,
    oldStatus: before.status,
    newStatus: after.status,
    note: change.note ?? null,
    by: change.by,
    at: change.at,
  });
}

/** Judges one value of one counter against the device's histories; the counters must be locked. */
async function judge(
  tx: Db,
  input: { partnerId: string; deviceId: string; counterId: string; value: number; takenAt: Date; source: ReadingSource; replacing: ReadingRow | null },
  lockedCounters: { id: string; kind: CounterKind }[],
  now: Date,
): Promise<AcceptanceResult> {
  const facts = await deviceFacts(tx, input.partnerId, input.deviceId);
  const all = await histories(
    tx,
    lockedCounters.map((row) => row.id),
    input.replacing?.id ?? null,
  );
  const others = lockedCounters.filter((row) => row.id !== input.counterId);
  return judgeReading(
    {
      value: input.value,
      takenAt: input.takenAt,
      source: input.source,
      now,
      installedAt: facts.installedAt,
      counter: all.get(input.counterId)!,
      otherCounters: Object.fromEntries(others.map((row) => [row.kind, all.get(row.id)!])),
      replacing: input.replacing,
    },
    { ...DEFAULT_ACCEPTANCE_POLICY, timeZone: facts.timeZone },
  );
}

/**
 * Records one counter value: judged by the acceptance policy, stored as entered, to_check or
 * accepted with its reason, or refused (nothing stored). Run it inside a transaction.
 */
export async function recordReading(tx: Db, input: ValueToRecord, now: Date): Promise<RecordedReading> {
  const locked = await lockCounters(tx, input.partnerId, input.deviceId);
  if (input.idempotencyKey) {
    const existing = await findByKey(tx, input.idempotencyKey);
    if (existing) {
      if (existing.partnerId !== input.partnerId || existing.deviceId !== input.deviceId) {
        throw new DomainError('reading.client_id_reused', { field: 'clientId' });
      }
      const reason = (await storedCheck(tx, existing.id)) ?? { code: 'first_reading', params: {} };
      return { verdict: existing.status === 'to_check' ? 'to_check' : 'plausible', reason, status: existing.status as RecordedReading['status'], reading: existing, replayed: true };
    }
  }
  const counter = locked.find((row) => row.kind === input.counter && row.active);
  if (!counter) throw new DomainError('device.no_counter', { counter: input.counter, field: 'counter' });
  const replaced = input.replaces ? await ownReading(tx, input.partnerId, input.replaces) : null;
  if (replaced && replaced.counterId !== counter.id) throw new DomainError('reading.not_found');
  if (replaced?.lockedAt) throw new DomainError('reading.sent');

  const result = await judge(tx, { ...input, counterId: counter.id, replacing: replaced }, locked, now);
  if (result.status === null) return { ...result, reading: null, replayed: false };
  const status = result.status;
  let reading: ReadingRow;
  if (replaced) {
    [reading] = (await tx
      .update(readings)
      .set({ value: input.value, takenAt: input.takenAt, status, enteredBy: input.actor, idempotencyKey: input.idempotencyKey ?? replaced.idempotencyKey })
      .where(eq(readings.id, replaced.id))
      .returning()) as [ReadingRow];
    await revise(tx, replaced, { value: input.value, status }, { action: 'replace', by: input.actor, at: now });
  } else {
    [reading] = (await tx
      .insert(readings)
      .values({
        partnerId: input.partnerId,
        deviceId: input.deviceId,
        counterId: counter.id,
        value: input.value,
        takenAt: input.takenAt,
        source: input.source,
        status,
        enteredBy: input.actor,
        idempotencyKey: input.idempotencyKey,
        linkId: input.linkId ?? null,
        note: input.note ?? null,
        createdAt: now,
      })
      .returning()) as [ReadingRow];
  }
  await saveCheck(tx, reading.id, result, now);
  return { ...result, reading, replayed: false };
}

/** A refused value as the error every dealer-facing path answers with (422, the reason attached for the client to word). */
export function refusal(result: AcceptanceResult, field = 'value'): DomainError {
  return new DomainError('reading.refused', { reason: result.reason, field });
}

export interface ReadingChange {
  partnerId: string;
  readingId: string;
  actor: string;
  note?: string | null;
}

async function lockedReading(
  tx: Db,
  change: ReadingChange,
  options: { evenIfLocked?: boolean } = {},
): Promise<{ reading: ReadingRow; locked: { id: string; kind: CounterKind; active: boolean }[] }> {
  const first = await ownReading(tx, change.partnerId, change.readingId);
  const locked = await lockCounters(tx, change.partnerId, first.deviceId);
  const reading = await ownReading(tx, change.partnerId, change.readingId);
  if (reading.lockedAt && !options.evenIfLocked) throw new DomainError('reading.locked');
  if (reading.status === 'deleted') throw new DomainError('reading.deleted');
  return { reading, locked };
}

/** The dealer confirms a value flagged to check as it is. */
export async function acceptReading(tx: Db, change: ReadingChange, now: Date): Promise<ReadingRow> {
  const { reading } = await lockedReading(tx, change);
  if (reading.status !== 'to_check') throw new DomainError('reading.not_to_check');
  const [row] = (await tx
    .update(readings)
    .set({ status: 'accepted', note: change.note ?? reading.note })
    .where(eq(readings.id, reading.id))
    .returning()) as [ReadingRow];
  await revise(tx, reading, { value: reading.value, status: 'accepted' }, { action: 'accept', note: change.note, by: change.actor, at: now });
  return row;
}

/**
 * The dealer replaces a value (a flagged one from the review queue, or any one from the device
 * page): judged as a correction at the reading's own time; the value before is kept in the
 * revisions. A dealer's edit of its own entry stays a partner reading. A value already sent or
 * billed stays locked but can still be put right with a note saying why: billing shows the
 * difference as an adjustment on the next run.
 */
export async function correctReading(tx: Db, change: ReadingChange & { value: number; onlyToCheck?: boolean }, now: Date): Promise<ReadingRow> {
  const { reading, locked } = await lockedReading(tx, change, { evenIfLocked: true });
  if (reading.lockedAt && !change.note?.trim()) throw new DomainError('reading.locked_note_required', { field: 'note' });
  if (change.onlyToCheck && reading.status !== 'to_check') throw new DomainError('reading.not_to_check');
  const ownEntry = reading.source === 'partner';
  const source: ReadingSource = ownEntry ? 'partner' : 'correction';
  const result = await judge(tx, { partnerId: change.partnerId, deviceId: reading.deviceId, counterId: reading.counterId, value: change.value, takenAt: reading.takenAt, source, replacing: reading }, locked, now);
  if (result.status === null) throw refusal(result);
  const status: ReadingStatus = ownEntry ? result.status : 'corrected';
  const [row] = (await tx
    .update(readings)
    .set({ value: change.value, status, source, enteredBy: change.actor, note: change.note ?? reading.note })
    .where(eq(readings.id, reading.id))
    .returning()) as [ReadingRow];
  await saveCheck(tx, reading.id, result, now);
  await revise(tx, reading, { value: change.value, status }, { action: ownEntry ? 'edit' : 'correct', note: change.note, by: change.actor, at: now });
  return row;
}

/** A note changed on its own: kept in the revisions like any other change. */
export async function annotateReading(tx: Db, change: ReadingChange & { note: string | null }, now: Date): Promise<ReadingRow> {
  const { reading } = await lockedReading(tx, change);
  const [row] = (await tx.update(readings).set({ note: change.note }).where(eq(readings.id, reading.id)).returning()) as [ReadingRow];
  await revise(tx, reading, reading, { action: 'edit', note: change.note, by: change.actor, at: now });
  return row;
}

/** Removes a value from every count; the row stays in the history with who, when and why. */
export async function deleteReading(tx: Db, change: ReadingChange & { note: string }, now: Date): Promise<ReadingRow> {
  const { reading } = await lockedReading(tx, change);
  const [row] = (await tx.update(readings).set({ status: 'deleted' }).where(eq(readings.id, reading.id)).returning()) as [ReadingRow];
  await revise(tx, reading, { value: reading.value, status: 'deleted' }, { action: 'delete', note: change.note, by: change.actor, at: now });
  return row;
}

/** Sources the nightly transmission locks and sends: what the customer entered through a link, and estimates. */
const isTransmitted = or(isNotNull(readings.linkId), eq(readings.source, 'estimate'));

/** The nightly lock: link entries (and their corrections) and estimates made before the cutoff; answers the locked ids. */
export async function lockForTransmission(tx: Db, partnerId: string, cutoff: Date, at: Date): Promise<string[]> {
  const locked = await tx
    .update(readings)
    .set({ lockedAt: at })
    .where(and(eq(readings.partnerId, partnerId), isTransmitted, ne(readings.status, 'deleted'), isNull(readings.lockedAt), lt(readings.createdAt, cutoff)))
    .returning({ id: readings.id });
  return locked.map((row) => row.id);
}

/** Ids per statement: well below the protocol's 65,535 parameters. */
const LOCK_CHUNK = 10_000;

/** Approving a billing run locks the readings it billed (those not locked already). */
export async function lockForBilling(tx: Db, partnerId: string, readingIds: readonly string[], at: Date): Promise<void> {
  for (let index = 0; index < readingIds.length; index += LOCK_CHUNK) {
    await tx
      .update(readings)
      .set({ lockedAt: at })
      .where(and(eq(readings.partnerId, partnerId), inArray(readings.id, readingIds.slice(index, index + LOCK_CHUNK)), isNull(readings.lockedAt)));
  }
}

export interface ResetToDeclare {
  partnerId: string;
  deviceId: string;
  kind: ResetKind;
  at: Date;
  counters: readonly { counter: CounterKind; finalValue: number; startValue: number }[];
  source: 'partner' | 'technician';
  actor: string;
  note?: string | null;
  idempotencyKey: string;
}

export interface DeclaredReset {
  counters: { counter: CounterKind; resetId: string }[];
  /** Values flagged as suspected resets after `at` that the declaration makes plausible, now entered. */
  reviewed: number;
  replayed: boolean;
}

/**
 * Declares a counter reset or board replacement: for each counter, the final value is recorded
 * just before `at` and the start value at `at`, both through the acceptance policy, with the reset
 * between them so volumes continue across it. Readings flagged as suspected resets after `at` are
 * judged again. Idempotent by `idempotencyKey`.
 */
export async function declareReset(tx: Db, input: ResetToDeclare, now: Date): Promise<DeclaredReset> {
  const locked = await lockCounters(tx, input.partnerId, input.deviceId);
  const previous = await tx
    .select({ id: counterResets.id, counterId: counterResets.counterId })
    .from(counterResets)
    .where(and(eq(counterResets.partnerId, input.partnerId), eq(counterResets.idempotencyKey, input.idempotencyKey)));
  if (previous.length > 0) {
    return { counters: previous.map((row) => ({ counter: locked.find((c) => c.id === row.counterId)!.kind, resetId: row.id })), reviewed: 0, replayed: true };
  }
  if (input.counters.length === 0) throw new DomainError('reset.no_counters', { field: 'counters' });
  const declared: DeclaredReset['counters'] = [];
  let reviewed = 0;
  for (const [index, entry] of input.counters.entries()) {
    const counter = locked.find((row) => row.kind === entry.counter && row.active);
    if (!counter) throw new DomainError('device.no_counter', { counter: entry.counter, field: `counters.${index}.counter` });
    // A counting reading after the declared moment would sit on the wrong side of the break.
    const [later] = await tx
      .select({ takenAt: readings.takenAt })
      .from(readings)
      .where(and(eq(readings.counterId, counter.id), inArray(readings.status, [...COUNTING_STATUSES]), gte(readings.takenAt, input.at)))
      .limit(1);
    if (later) throw new DomainError('reset.before_later_reading', { takenAt: later.takenAt.toISOString(), field: 'at' });
    const common = { partnerId: input.partnerId, deviceId: input.deviceId, counter: entry.counter, source: input.source, actor: input.actor, note: input.note ?? null };
    const final = await recordReading(tx, { ...common, value: entry.finalValue, takenAt: new Date(input.at.getTime() - 1), idempotencyKey: null }, now);
    if (!final.reading) throw refusal(final, `counters.${index}.finalValue`);
    const [reset] = await tx
      .insert(counterResets)
      .values({
        partnerId: input.partnerId,
        deviceId: input.deviceId,
        counterId: counter.id,
        kind: input.kind,
        at: input.at,
        finalValue: entry.finalValue,
        startValue: entry.startValue,
        note: input.note ?? null,
        declaredBy: input.actor,
        idempotencyKey: input.idempotencyKey,
        createdAt: now,
      })
      .returning({ id: counterResets.id });
    const start = await recordReading(tx, { ...common, value: entry.startValue, takenAt: input.at, idempotencyKey: null }, now);
    if (!start.reading) throw refusal(start, `counters.${index}.startValue`);
    declared.push({ counter: entry.counter, resetId: reset!.id });
    reviewed += await rejudgeSuspectedResets(tx, input, counter.id, locked, now);
  }
  return { counters: declared, reviewed, replayed: false };
}

/** Values the policy flagged as suspected resets after the declared one: judged again now that the reset is known. */
async function rejudgeSuspectedResets(tx: Db, input: ResetToDeclare, counterId: string, locked: { id: string; kind: CounterKind }[], now: Date): Promise<number> {
  const flagged = await tx
    .select({ reading: readings, reason: readingChecks.reason })
    .from(readings)
    .innerJoin(readingChecks, eq(readingChecks.readingId, readings.id))
    .where(and(eq(readings.counterId, counterId), eq(readings.status, 'to_check')))
    .orderBy(asc(readings.takenAt));
  let count = 0;
  for (const { reading, reason } of flagged) {
    if (reason.code !== 'suspected_reset' || reading.takenAt.getTime() < input.at.getTime()) continue;
    const result = await judge(tx, { ...reading, replacing: reading }, locked, now);
    if (result.status !== 'entered') continue;
    await tx.update(readings).set({ status: 'entered' }).where(eq(readings.id, reading.id));
    await saveCheck(tx, reading.id, result, now);
    await revise(tx, reading, { value: reading.value, status: 'entered' }, { action: 'accept', note: input.note, by: input.actor, at: now });
    count += 1;
  }
  return count;
}
