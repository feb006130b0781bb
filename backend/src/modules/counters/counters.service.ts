import { DomainError, type CounterKind } from '@parc/shared';
import type { Counter } from '@parc/shared/contracts/counters';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getDevice } from '../devices/devices.service.ts';
import { findCounter, findCounters, setCounterActive, toCounter, upsertCounters } from './counters.repo.ts';

const notFound = () => new DomainError('counter.not_found');

export async function listCounters(db: Db, user: SessionUser, deviceId: string): Promise<{ items: Counter[] }> {
  await getDevice(db, user, deviceId);
  return { items: (await findCounters(db, user, deviceId)).map(toCounter) };
}

export async function getCounter(db: Db, user: SessionUser, id: string): Promise<Counter> {
  const row = await findCounter(db, user, id);
  if (!row) throw notFound();
  return toCounter(row);
}

/** Adds a kind the device did not count yet (scan, large…), or switches a deactivated one back on. */
export async function addCounter(db: Db, user: SessionUser, deviceId: string, kind: CounterKind): Promise<Counter> {
  await getDevice(db, user, deviceId);
  const existing = (await findCounters(db, user, deviceId)).find((row) => row.kind === kind);
  if (existing?.active) throw new DomainError('counter.exists', { counter: kind, field: 'kind' });
  const [row] = await upsertCounters(db, user.partnerId, deviceId, [kind]);
  return toCounter(row!);
}

/** The counter stops taking readings; its history stays. */
export async function deactivateCounter(db: Db, user: SessionUser, id: string): Promise<Counter> {
  const row = await setCounterActive(db, user, id, false);
  if (!row) throw notFound();
  return toCounter(row);
}
