import { DomainError } from '@parc/shared';
import type { Page } from '@parc/shared/contracts/paging';
import type { Reading, ReadingCreate, ReadingListQuery, ReadingUpdate } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getDevice } from '../devices/devices.service.ts';
import { findReading, findReadingByClientId, findReadings, insertReading, lockCounter, neighbouringReadings, toReading, updateReading } from './readings.repo.ts';

const notFound = () => new DomainError('not_found', 'No such reading.');
const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Counters only go up: a value below the reading before it, or above the one after it, is refused.
 * (The fuller plausibility checks come from shared/meters.)
 */
async function assertMonotonic(db: Db, counterId: string, takenAt: Date, value: number, exceptId?: string): Promise<void> {
  const { previous, next } = await neighbouringReadings(db, counterId, takenAt, exceptId);
  if (previous && value < previous.value) {
    throw new DomainError('reading_refused', `The last reading of this counter is ${previous.value} (${day(previous.takenAt)}); a new reading cannot be lower.`, {
      field: 'value',
      lastValue: previous.value,
    });
  }
  if (next && value > next.value) {
    throw new DomainError('reading_refused', `A later reading of this counter is ${next.value} (${day(next.takenAt)}); this reading cannot be higher.`, {
      field: 'value',
      nextValue: next.value,
    });
  }
}

export async function listReadings(db: Db, user: SessionUser, deviceId: string, query: ReadingListQuery): Promise<Page<Reading>> {
  await getDevice(db, user, deviceId);
  return { ...(await findReadings(db, user, deviceId, query)), page: query.page, pageSize: query.pageSize };
}

export async function getReading(db: Db, user: SessionUser, id: string) {
  const row = await findReading(db, user, id);
  if (!row) throw notFound();
  return row;
}

/** The reading a client id already produced, if any: a retry gets it back instead of a second reading. */
async function replayed(db: Db, user: SessionUser, deviceId: string, clientId: string): Promise<Reading | null> {
  const existing = await findReadingByClientId(db, clientId);
  if (!existing) return null;
  if (existing.partnerId !== user.partnerId || existing.deviceId !== deviceId) {
    throw new DomainError('conflict', 'This clientId was already used for another reading; make a new one per reading.', { field: 'clientId' });
  }
  return toReading(await getReading(db, user, existing.id));
}

/** A reading typed in by a partner user. `created` is false when the clientId had already been applied. */
export async function createManualReading(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  deviceId: string,
  input: ReadingCreate,
): Promise<{ reading: Reading; created: boolean }> {
  const { db, clock } = deps;
  const device = await getDevice(db, user, deviceId);
  if (input.clientId) {
    const reading = await replayed(db, user, deviceId, input.clientId);
    if (reading) return { reading, created: false };
  }
  const takenAt = new Date(input.takenAt);
  if (takenAt > clock()) throw new DomainError('bad_request', 'A reading cannot be taken in the future.', { field: 'takenAt' });
  if (!device.active) throw new DomainError('bad_request', 'This device is deactivated and takes no readings.', { field: 'deviceId' });
  const inserted = await db.transaction(async (tx) => {
    const counter = await lockCounter(tx, user.partnerId, input.counterId);
    if (!counter || counter.deviceId !== deviceId) throw new DomainError('bad_request', 'This counter is not one of the device.', { field: 'counterId' });
    if (!counter.active) throw new DomainError('bad_request', 'This counter is deactivated and takes no readings.', { field: 'counterId' });
    await assertMonotonic(tx, counter.id, takenAt, input.value);
    return insertReading(tx, user.partnerId, {
      deviceId,
      counterId: counter.id,
      value: input.value,
      takenAt,
      source: 'manual',
      enteredBy: user.email,
      clientId: input.clientId ?? null,
      note: input.note ?? null,
    });
  });
  if (!inserted) {
    // A concurrent request with the same clientId won the insert.
    const reading = await replayed(db, user, deviceId, input.clientId!);
    return { reading: reading!, created: false };
  }
  return { reading: toReading(await getReading(db, user, inserted.id)), created: true };
}

/** Value and note stay editable until the reading is locked (billed). */
export async function changeReading(db: Db, user: SessionUser, id: string, input: ReadingUpdate): Promise<Reading> {
  await db.transaction(async (tx) => {
    const current = await getReading(tx, user, id);
    await lockCounter(tx, user.partnerId, current.counterId);
    if (current.lockedAt) throw new DomainError('locked', 'This reading is locked (already billed) and can no longer be changed.');
    if (input.value !== undefined) await assertMonotonic(tx, current.counterId, current.takenAt, input.value, id);
    await updateReading(tx, user.partnerId, id, input);
  });
  return toReading(await getReading(db, user, id));
}
