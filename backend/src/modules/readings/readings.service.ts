import { DomainError } from '@parc/shared';
import type { Page } from '@parc/shared/contracts/paging';
import type { CounterReset, CounterResetCreate, Reading, ReadingCreate, ReadingDelete, ReadingListQuery, ReadingUpdate } from '@parc/shared/contracts/readings';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getDevice, getDeviceDetail } from '../devices/devices.service.ts';
import { findReading, findReadings, findResets, withProvenance } from './readings.repo.ts';
import { annotateReading, correctReading, declareReset, deleteReading, recordReading, refusal } from './readings.writer.ts';

const notFound = () => new DomainError('reading.not_found');

export async function listReadings(db: Db, user: SessionUser, deviceId: string, query: ReadingListQuery): Promise<Page<Reading>> {
  await getDevice(db, user, deviceId);
  const { items, total } = await findReadings(db, user, deviceId, query);
  return { items: await withProvenance(db, user.partnerId, items), total, page: query.page, pageSize: query.pageSize };
}

export async function getReading(db: Db, user: SessionUser, id: string): Promise<Reading> {
  const row = await findReading(db, user, id);
  if (!row) throw notFound();
  const [reading] = await withProvenance(db, user.partnerId, [row]);
  return reading!;
}

/** A reading typed in by a partner user on the device page. `created` is false when the clientId had already been applied. */
export async function createPartnerReading(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  deviceId: string,
  input: ReadingCreate,
): Promise<{ reading: Reading; created: boolean }> {
  const { db, clock } = deps;
  const device = await getDeviceDetail(db, user, deviceId);
  if (!device.active) throw new DomainError('device.inactive_no_readings', { field: 'deviceId' });
  const counter = device.counters.find((row) => row.id === input.counterId);
  if (!counter) throw new DomainError('counter.not_of_device', { field: 'counterId' });
  if (!counter.active) throw new DomainError('counter.inactive_no_readings', { field: 'counterId' });
  const recorded = await db.transaction((tx) =>
    recordReading(
      tx,
      {
        partnerId: user.partnerId,
        deviceId,
        counter: counter.kind,
        value: input.value,
        takenAt: new Date(input.takenAt),
        source: 'partner',
        actor: user.email,
        idempotencyKey: input.clientId ?? null,
        note: input.note ?? null,
      },
      clock(),
    ),
  );
  if (!recorded.reading) throw refusal(recorded);
  return { reading: await getReading(db, user, recorded.reading.id), created: !recorded.replayed };
}

/** Value and note stay editable until the reading is locked; every change is kept as a revision. */
export async function changeReading(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string, input: ReadingUpdate): Promise<Reading> {
  await getReading(deps.db, user, id);
  const change = { partnerId: user.partnerId, readingId: id, actor: user.email };
  await deps.db.transaction((tx) =>
    input.value !== undefined
      ? correctReading(tx, { ...change, value: input.value, note: input.note }, deps.clock())
      : annotateReading(tx, { ...change, note: input.note ?? null }, deps.clock()),
  );
  return getReading(deps.db, user, id);
}

export async function removeReading(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string, input: ReadingDelete): Promise<Reading> {
  await getReading(deps.db, user, id);
  await deps.db.transaction((tx) => deleteReading(tx, { partnerId: user.partnerId, readingId: id, actor: user.email, note: input.note }, deps.clock()));
  return getReading(deps.db, user, id);
}

export async function listResets(db: Db, user: SessionUser, deviceId: string): Promise<CounterReset[]> {
  await getDevice(db, user, deviceId);
  const rows = await findResets(db, user.partnerId, [deviceId]);
  return rows.map(({ resetId, deviceId: _device, at, ...row }) => ({ id: resetId, ...row, at: at.toISOString() }));
}

/** The dealer declares a counter reset or board replacement on the device page. */
export async function declarePartnerReset(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, deviceId: string, input: CounterResetCreate): Promise<{ resets: CounterReset[]; created: boolean }> {
  await getDevice(deps.db, user, deviceId);
  const declared = await deps.db.transaction((tx) =>
    declareReset(
      tx,
      { partnerId: user.partnerId, deviceId, kind: input.kind, at: new Date(input.at), counters: input.counters, source: 'partner', actor: user.email, note: input.note ?? null, idempotencyKey: input.clientId },
      deps.clock(),
    ),
  );
  const ids = new Set(declared.counters.map((entry) => entry.resetId));
  return { resets: (await listResets(deps.db, user, deviceId)).filter((reset) => ids.has(reset.id)), created: !declared.replayed };
}
