import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type { PrinterReading } from '@parc/shared/agents/reading';
import type { DeviceDetail } from '@parc/shared/contracts/devices';
import { devices, pendingDevices } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { createDevice, getDeviceDetail } from '../devices/devices.service.ts';
import { findDevice } from '../devices/devices.repo.ts';
import { findSettings } from './agents.repo.ts';
import type { PendingAssign } from './agents.schemas.ts';
import { applyReadingToDevice } from './samples.apply.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;
type PendingRow = typeof pendingDevices.$inferSelect;

const notFound = () => new DomainError('pending_device.not_found');
const waiting = (partnerId: string) => and(eq(pendingDevices.partnerId, partnerId), isNull(pendingDevices.assignedAt), isNull(pendingDevices.ignoredAt));

/** A colour machine shows it by a colour page count or colour toners. */
export function looksColour(reading: PrinterReading | null): boolean {
  if (!reading) return false;
  if ((reading.counters.colour ?? 0) > 0) return true;
  return reading.supplies.some((supply) => /cyan|magenta|yellow/i.test(`${supply.colour ?? ''} ${supply.description}`));
}

export async function listPendingDevices(deps: Deps, user: SessionUser, customerId: string | undefined) {
  if (customerId) await getCustomer(deps.db, user, customerId);
  const rows = await deps.db
    .select()
    .from(pendingDevices)
    .where(and(waiting(user.partnerId), customerId ? eq(pendingDevices.customerId, customerId) : undefined))
    .orderBy(desc(pendingDevices.lastSeenAt));
  const elsewhereIds = rows.flatMap((row) => (row.otherCustomerDeviceId ? [row.otherCustomerDeviceId] : []));
  const elsewhere = elsewhereIds.length
    ? await deps.db
        .select({ id: devices.id, customerId: devices.customerId, deviceCode: devices.deviceCode, active: devices.active })
        .from(devices)
        .where(and(eq(devices.partnerId, user.partnerId), inArray(devices.id, elsewhereIds)))
    : [];
  return rows.map((row) => toPendingView(row, elsewhere.find((device) => device.id === row.otherCustomerDeviceId && device.active) ?? null));
}

function toPendingView(row: PendingRow, otherCustomerDevice: { id: string; customerId: string; deviceCode: string } | null) {
  return {
    id: row.id,
    customerId: row.customerId,
    agentId: row.agentId,
    serial: row.serial,
    mac: row.mac,
    manufacturer: row.manufacturer,
    model: row.model,
    ip: row.ip,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    latestCounters: row.latestReading?.counters ?? null,
    otherCustomerDevice: otherCustomerDevice && { id: otherCustomerDevice.id, customerId: otherCustomerDevice.customerId, deviceCode: otherCustomerDevice.deviceCode },
  };
}

async function ownPending(deps: Deps, user: SessionUser, id: string): Promise<PendingRow> {
  const [row] = await deps.db
    .select()
    .from(pendingDevices)
    .where(and(waiting(user.partnerId), eq(pendingDevices.id, id)));
  if (!row) throw notFound();
  return row;
}

/**
 * Makes a waiting printer a device through the devices service (its PREFIX-n, its counters), then
 * records the newest sample's counters, supplies and alerts on it as if the agent had just sent them.
 */
export async function assignPendingDevice(deps: Deps, user: SessionUser, id: string, input: PendingAssign): Promise<DeviceDetail> {
  const pending = await ownPending(deps, user, id);
  const created = await createDevice(deps, user, {
    customerId: pending.customerId,
    serial: pending.serial,
    manufacturer: pending.manufacturer?.trim() || 'Unknown',
    model: pending.model?.trim() || 'Unknown',
    internalNumber: input.internalNumber ?? null,
    location: input.location ?? null,
    siteId: input.siteId ?? null,
    coordinatorId: input.coordinatorId ?? null,
    colourCapable: looksColour(pending.latestReading),
    ip: pending.ip,
    mac: pending.mac,
    // Installed when the agent first saw it: its readings since then belong to it.
    installedAt: (pending.firstSeenAt ?? pending.latestTakenAt ?? deps.clock()).toISOString(),
  });
  const settings = await findSettings(deps.db, user.partnerId);
  await deps.db.transaction(async (tx) => {
    const marked = await tx
      .update(pendingDevices)
      .set({ assignedDeviceId: created.id, assignedAt: deps.clock() })
      .where(and(eq(pendingDevices.id, pending.id), isNull(pendingDevices.assignedAt)))
      .returning({ id: pendingDevices.id });
    if (marked.length === 0) throw new DomainError('pending_device.assigned');
    const device = await findDevice(tx, user, created.id);
    if (pending.latestReading && pending.latestSampleId && pending.latestTakenAt && device) {
      await applyReadingToDevice(tx, { agentId: pending.agentId, settings, now: deps.clock() }, device, {
        sampleId: pending.latestSampleId,
        takenAt: pending.latestTakenAt,
        ip: pending.ip,
        reading: pending.latestReading,
      });
    }
  });
  return getDeviceDetail(deps.db, user, created.id);
}

/** "Supprimer": the printer leaves the list; it stays known so further samples do not bring it back. */
export async function ignorePendingDevice(deps: Deps, user: SessionUser, id: string): Promise<void> {
  await ownPending(deps, user, id);
  await deps.db.update(pendingDevices).set({ ignoredAt: deps.clock() }).where(eq(pendingDevices.id, id));
}
