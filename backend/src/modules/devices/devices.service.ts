import { DomainError } from '@parc/shared';
import { countersForNewDevice } from '@parc/shared/contracts/counters';
import type { CounterKind } from '@parc/shared/meters/counters';
import type { Device, DeviceCreate, DeviceDetail, DeviceListQuery, DeviceModel, DeviceUpdate } from '@parc/shared/contracts/devices';
import type { DeviceSwap } from '@parc/shared/contracts/readings';
import type { Page } from '@parc/shared/contracts/paging';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import { MODELS } from '@parc/shared/devices/printer-models';
import type { SessionUser } from '../auth/access.ts';
import { assertCoordinatorOfCustomer } from '../coordinators/coordinators.service.ts';
import { findCounters, toCounter, upsertCounters } from '../counters/counters.repo.ts';
import { takeDeviceNumber } from '../customers/customers.repo.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { isForeignKeyViolation, isUniqueViolation, type Scope } from '../customers/scope.ts';
import { assertSiteOfCustomer } from '../sites/sites.service.ts';
import { recordReading, refusal } from '../readings/readings.writer.ts';
import { deleteDevice, deviceHistory, findActiveBySerial, findDevice, findDevices, findFleetModels, findReplacement, insertDevice, retireDevice, toDevice, updateDevice, type DeviceRow } from './devices.repo.ts';

const notFound = () => new DomainError('device.not_found');

function serialTaken(serial: string, deviceCode: string | null): DomainError {
  return new DomainError('device.serial_taken', { serial, deviceCode, field: 'serial' });
}

async function assertSerialFree(db: Db, partnerId: string, serial: string, exceptId?: string): Promise<void> {
  const holder = await findActiveBySerial(db, partnerId, serial, exceptId);
  if (holder) throw serialTaken(serial, holder.deviceCode);
}

/** Two requests may both pass the serial check; the partial unique index stops the second. */
function explainDuplicate(error: unknown, serial: string | undefined): never {
  if (serial && isUniqueViolation(error, 'devices_active_serial_unique')) throw serialTaken(serial, null);
  throw error;
}

async function withCounters(db: Db, scope: Scope, device: Device): Promise<DeviceDetail> {
  return { ...device, counters: (await findCounters(db, scope, device.id)).map(toCounter) };
}

async function assertReferences(db: Db, scope: Scope, customerId: string, input: { siteId?: string | null; coordinatorId?: string | null }): Promise<void> {
  if (input.siteId) await assertSiteOfCustomer(db, scope, input.siteId, customerId);
  if (input.coordinatorId) await assertCoordinatorOfCustomer(db, scope, input.coordinatorId, customerId);
}

export async function listDevices(db: Db, user: SessionUser, query: DeviceListQuery): Promise<Page<Device>> {
  return { ...(await findDevices(db, user, query)), page: query.page, pageSize: query.pageSize };
}

/** Models to suggest when adding a device: the partner's fleet first, then common real models. */
export async function listDeviceModels(db: Db, user: SessionUser): Promise<{ items: DeviceModel[] }> {
  const fleet = (await findFleetModels(db, user.partnerId)).map((row): DeviceModel => ({ manufacturer: row.manufacturer, model: row.model, counters: row.colourCapable ? ['colour'] : [] }));
  const common = Object.values(MODELS).map((entry): DeviceModel => ({
    manufacturer: entry.manufacturer,
    model: entry.model,
    counters: [...(entry.colour ? (['colour'] as const) : []), ...(entry.scans ? (['scan'] as const) : [])],
  }));
  const seen = new Set<string>();
  const items = [...fleet, ...common].filter((entry) => {
    const key = `${entry.manufacturer}\u0000${entry.model}`.toLocaleLowerCase('en');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { items };
}

export async function getDevice(db: Db, user: SessionUser, id: string) {
  const row = await findDevice(db, user, id);
  if (!row) throw notFound();
  return row;
}

export async function getDeviceDetail(db: Db, user: SessionUser, id: string): Promise<DeviceDetail> {
  return withCounters(db, user, toDevice(await getDevice(db, user, id)));
}

/** The counters a new device gets: total and mono, colour when colour-capable, and those asked for. */
function newDeviceCounters(input: Pick<DeviceCreate, 'colourCapable' | 'counters'>): { colourCapable: boolean; kinds: CounterKind[] } {
  const colourCapable = (input.colourCapable ?? false) || (input.counters ?? []).includes('colour');
  return { colourCapable, kinds: [...new Set([...countersForNewDevice(colourCapable), ...(input.counters ?? [])])] };
}

/**
 * Inside the caller's transaction: the next PREFIX-n of the customer, the device, its counters, and
 * its starting counters as the dealer's readings at the install date (through the readings writer,
 * judged like any other value). `fieldPrefix` points a refused value at its place in the request.
 */
export async function addDevice(tx: Db, user: SessionUser, customerId: string, input: Omit<DeviceCreate, 'customerId'>, now: Date, fieldPrefix = ''): Promise<DeviceRow> {
  const { counters: _asked, startingCounters = [], installedAt, ...values } = input;
  const { colourCapable, kinds } = newDeviceCounters(input);
  startingCounters.forEach((entry, index) => {
    if (!kinds.includes(entry.counter)) throw new DomainError('device.no_counter', { counter: entry.counter, field: `${fieldPrefix}startingCounters.${index}.counter` });
  });
  const taken = await takeDeviceNumber(tx, user, customerId);
  if (!taken) throw new DomainError('customer.not_found');
  const row = await insertDevice(tx, user.partnerId, {
    ...values,
    customerId,
    colourCapable,
    deviceNumber: taken.number,
    deviceCode: `${taken.prefix}-${taken.number}`,
    installedAt: installedAt ? new Date(installedAt) : now,
  });
  await upsertCounters(tx, user.partnerId, row.id, kinds);
  for (const [index, entry] of startingCounters.entries()) {
    const start = await recordReading(
      tx,
      { partnerId: user.partnerId, deviceId: row.id, counter: entry.counter, value: entry.value, takenAt: row.installedAt, source: 'partner', actor: user.email, idempotencyKey: null },
      now,
    );
    if (!start.reading) throw refusal(start, `${fieldPrefix}startingCounters.${index}.value`);
  }
  return row;
}

/**
 * A new device gets the next PREFIX-n of its customer and its counters, all in one transaction.
 * Installed now unless told otherwise (readings dated before the install are refused); its
 * starting counters become readings at the install date.
 */
export async function createDevice(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, input: DeviceCreate): Promise<DeviceDetail> {
  const { db } = deps;
  const { customerId, ...values } = input;
  const customer = await getCustomer(db, user, customerId);
  if (!customer.active) throw new DomainError('customer.inactive', { field: 'customerId' });
  await assertReferences(db, user, customer.id, input);
  await assertSerialFree(db, user.partnerId, input.serial);
  const device = await db.transaction((tx) => addDevice(tx, user, customer.id, values, deps.clock())).catch((error) => explainDuplicate(error, input.serial));
  return withCounters(db, user, toDevice(device));
}

/** A device that becomes colour-capable starts counting colour pages; its customer and ID never change. */
export async function changeDevice(db: Db, user: SessionUser, id: string, input: DeviceUpdate): Promise<DeviceDetail> {
  const current = await getDevice(db, user, id);
  await assertReferences(db, user, current.customerId, input);
  if (input.serial !== undefined && current.active) await assertSerialFree(db, user.partnerId, input.serial, id);
  const device = await db
    .transaction(async (tx) => {
      const row = await updateDevice(tx, user, id, input);
      if (input.colourCapable && !current.colourCapable) await upsertCounters(tx, user.partnerId, id, ['colour']);
      return row!;
    })
    .catch((error) => explainDuplicate(error, input.serial));
  return withCounters(db, user, toDevice(device));
}

/** The device and its ID stay for history; the serial becomes free for a new device. */
export async function deactivateDevice(db: Db, user: SessionUser, id: string): Promise<Device> {
  const row = await updateDevice(db, user, id, { active: false });
  if (!row) throw notFound();
  return toDevice(row);
}

/** Back in the fleet, as long as no other active device took its serial meanwhile; a device a swap retired stays retired. */
export async function reactivateDevice(db: Db, user: SessionUser, id: string): Promise<Device> {
  const current = await getDevice(db, user, id);
  if (current.retiredAt) throw new DomainError('device.inactive_no_swap', { field: 'id' });
  await assertSerialFree(db, user.partnerId, current.serial, id);
  const row = await updateDevice(db, user, id, { active: true }).catch((error) => explainDuplicate(error, current.serial));
  return toDevice(row!);
}

/**
 * Deletes a device entered by mistake. One with history (readings, counter resets, a swap, tickets,
 * a meter link, an agent's report) is refused with device.has_history: it is deactivated instead.
 */
export async function removeDevice(db: Db, user: SessionUser, id: string): Promise<void> {
  await db
    .transaction(async (tx) => {
      const device = await getDevice(tx, user, id);
      const history = await deviceHistory(tx, user.partnerId, device);
      if (history.readings + history.resets + history.swaps > 0) throw new DomainError('device.has_history', { readings: history.readings });
      await deleteDevice(tx, user.partnerId, id);
    })
    .catch((error) => {
      if (isForeignKeyViolation(error)) throw new DomainError('device.has_history', { readings: 0 });
      throw error;
    });
}

/**
 * A device swap: the old device is retired (its history kept) with its final counters, and a new
 * device (new serial, next PREFIX-n) takes its place at the same customer, site and coordinator,
 * with the same counters starting from the declared values. Both values go through the readings
 * writer; a period's volume is the sum over both devices. Repeating the swap returns the same new device.
 */
export async function swapDevice(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, id: string, input: DeviceSwap): Promise<DeviceDetail> {
  const { db } = deps;
  const old = await getDeviceDetail(db, user, id);
  const replacement = await findReplacement(db, user, old.id);
  if (replacement) return withCounters(db, user, toDevice(replacement));
  if (!old.active) throw new DomainError('device.inactive_no_swap', { field: 'id' });
  await assertSerialFree(db, user.partnerId, input.serial, old.id);
  const at = new Date(input.at);
  const kinds = old.counters.filter((counter) => counter.active).map((counter) => counter.kind);
  input.counters.forEach((entry, index) => {
    if (!kinds.includes(entry.counter)) throw new DomainError('device.no_counter', { counter: entry.counter, field: `counters.${index}.counter` });
  });
  const now = deps.clock();
  const created = await db
    .transaction(async (tx) => {
      for (const [index, entry] of input.counters.entries()) {
        const final = await recordReading(
          tx,
          { partnerId: user.partnerId, deviceId: old.id, counter: entry.counter, value: entry.finalValue, takenAt: new Date(at.getTime() - 1), source: 'partner', actor: user.email, idempotencyKey: null, note: input.note ?? null },
          now,
        );
        if (!final.reading) throw refusal(final, `counters.${index}.finalValue`);
      }
      await retireDevice(tx, user, old.id, at);
      const taken = await takeDeviceNumber(tx, user, old.customerId);
      if (!taken) throw new DomainError('customer.not_found');
      const row = await insertDevice(tx, user.partnerId, {
        customerId: old.customerId,
        serial: input.serial,
        manufacturer: input.manufacturer ?? old.manufacturer,
        model: input.model ?? old.model,
        internalNumber: old.internalNumber,
        location: old.location,
        siteId: old.siteId,
        coordinatorId: old.coordinatorId,
        colourCapable: old.colourCapable,
        deviceNumber: taken.number,
        deviceCode: `${taken.prefix}-${taken.number}`,
        installedAt: at,
        replacesDeviceId: old.id,
      });
      await upsertCounters(tx, user.partnerId, row.id, kinds);
      for (const [index, entry] of input.counters.entries()) {
        const start = await recordReading(
          tx,
          { partnerId: user.partnerId, deviceId: row.id, counter: entry.counter, value: entry.startValue, takenAt: at, source: 'partner', actor: user.email, idempotencyKey: null, note: input.note ?? null },
          now,
        );
        if (!start.reading) throw refusal(start, `counters.${index}.startValue`);
      }
      return row;
    })
    .catch((error) => explainDuplicate(error, input.serial));
  return withCounters(db, user, toDevice(created));
}
