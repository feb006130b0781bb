import { and, desc, eq, inArray, isNull } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type { PrinterReading } from '@parc/shared/agents/reading';
import type { DeviceDetail } from '@parc/shared/contracts/devices';
import type { Db } from '../../db/client.ts';
import { customers, devices, pendingDevices } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { visibleTo } from '../customers/scope.ts';
import { createDevice, getDeviceDetail } from '../devices/devices.service.ts';
import { findDevice } from '../devices/devices.repo.ts';
import { logDeviceEvent, moveDeviceToCustomer } from '../devices/device-transfer.ts';
import { findSettings } from './agents.repo.ts';
import { MAX_PENDING_LISTED, type PendingAssign, type PendingDecision, type PendingDelete } from './agents.schemas.ts';
import { notifyAfterSamples } from '../supplies/order-notices.ts';
import { applyReadingToDevice } from './samples.apply.ts';

type Deps = Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>;
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
    .orderBy(desc(pendingDevices.lastSeenAt))
    .limit(MAX_PENDING_LISTED);
  const elsewhere = await findElsewhere(deps.db, user.partnerId, rows);
  return rows.map((row) => toPendingView(row, elsewhere.get(row.id) ?? null));
}

interface ElsewhereDevice {
  id: string;
  customerId: string;
  customerName: string;
  deviceCode: string;
}

/** The other customer's device each entry was flagged with, while it is still active there. */
async function findElsewhere(db: Db, partnerId: string, rows: readonly PendingRow[]): Promise<Map<string, ElsewhereDevice>> {
  const ids = [...new Set(rows.flatMap((row) => (row.otherCustomerDeviceId ? [row.otherCustomerDeviceId] : [])))];
  if (ids.length === 0) return new Map();
  const found = await db
    .select({ id: devices.id, customerId: devices.customerId, customerName: customers.name, deviceCode: devices.deviceCode })
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(and(eq(devices.partnerId, partnerId), inArray(devices.id, ids), eq(devices.active, true)));
  return new Map(
    rows.flatMap((row) => {
      const device = found.find((candidate) => candidate.id === row.otherCustomerDeviceId && candidate.customerId !== row.customerId);
      return device ? [[row.id, device] as const] : [];
    }),
  );
}

function toPendingView(row: PendingRow, otherCustomerDevice: ElsewhereDevice | null) {
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
    otherCustomerDevice,
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
  const placedOrders: string[] = [];
  await deps.db.transaction(async (tx) => {
    const marked = await tx
      .update(pendingDevices)
      .set({ assignedDeviceId: created.id, assignedAt: deps.clock() })
      .where(and(eq(pendingDevices.id, pending.id), isNull(pendingDevices.assignedAt)))
      .returning({ id: pendingDevices.id });
    if (marked.length === 0) throw new DomainError('pending_device.assigned');
    const device = await findDevice(tx, user, created.id);
    if (pending.latestReading && pending.latestSampleId && pending.latestTakenAt && device) {
      await applyReadingToDevice(tx, { agentId: pending.agentId, settings, now: deps.clock(), placedOrders }, device, {
        sampleId: pending.latestSampleId,
        takenAt: pending.latestTakenAt,
        ip: pending.ip,
        reading: pending.latestReading,
      });
    }
  });
  await notifyAfterSamples(deps, user.partnerId, placedOrders);
  return getDeviceDetail(deps.db, user, created.id);
}

/** "Supprimer": the printer leaves the list; it stays known so further samples do not bring it back. */
export async function ignorePendingDevice(deps: Deps, user: SessionUser, id: string): Promise<void> {
  await ownPending(deps, user, id);
  await deps.db.update(pendingDevices).set({ ignoredAt: deps.clock() }).where(eq(pendingDevices.id, id));
}

/**
 * Several devices to add deleted in one transaction, as the single DELETE does: all of them, or none
 * when any is not a waiting entry the user sees (gone meanwhile, another dealer's or customer's).
 */
export async function ignorePendingDevices(deps: Deps, user: SessionUser, input: PendingDelete): Promise<{ deleted: number }> {
  const ids = [...new Set(input.ids)];
  return deps.db.transaction(async (tx) => {
    const ignored = await tx
      .update(pendingDevices)
      .set({ ignoredAt: deps.clock() })
      .where(and(waiting(user.partnerId), visibleTo(user, pendingDevices), inArray(pendingDevices.id, ids)))
      .returning({ id: pendingDevices.id });
    if (ignored.length !== ids.length) throw notFound();
    return { deleted: ignored.length };
  });
}

/**
 * The dealer's decision on a printer an agent of this customer reported while it is an active device
 * of another customer ("reported at another customer"):
 * - move: the device itself (id, counters, readings, history) moves to this customer with its next
 *   PREFIX-n, and the newest sample's counters, supplies and alerts are recorded on it;
 * - keep: it stays where it is; this customer's agent keeps seeing it without bringing it back;
 * - ignore: the report leaves the list, nothing else changes.
 * Each decision is written in the device's history. Answers the device as it is afterwards.
 */
export async function decideReported(deps: Deps, user: SessionUser, id: string, input: PendingDecision): Promise<DeviceDetail> {
  const pending = await ownPending(deps, user, id);
  const elsewhere = (await findElsewhere(deps.db, user.partnerId, [pending])).get(pending.id);
  if (!elsewhere) throw new DomainError('pending_device.not_reported');
  const here = await getCustomer(deps.db, user, pending.customerId);
  const now = deps.clock();
  const settings = await findSettings(deps.db, user.partnerId);
  const placedOrders: string[] = [];
  await deps.db.transaction(async (tx) => {
    const resolved = await tx
      .update(pendingDevices)
      .set(input.decision === 'move' ? { assignedDeviceId: elsewhere.id, assignedAt: now } : { ignoredAt: now })
      .where(and(eq(pendingDevices.id, pending.id), isNull(pendingDevices.assignedAt), isNull(pendingDevices.ignoredAt)))
      .returning({ id: pendingDevices.id });
    if (resolved.length === 0) throw new DomainError('pending_device.assigned');
    if (input.decision !== 'move') {
      const detail = `${pending.serial} · ${here.name}`;
      await logDeviceEvent(tx, user, elsewhere.id, input.decision === 'keep' ? 'customer_kept' : 'customer_report_ignored', now, detail);
      return;
    }
    const moved = await moveDeviceToCustomer(
      tx,
      user,
      elsewhere.id,
      { customerId: pending.customerId, customerName: here.name, fromCustomerName: elsewhere.customerName },
      { ip: pending.ip, mac: pending.mac },
      now,
    );
    if (pending.latestReading && pending.latestSampleId && pending.latestTakenAt) {
      await applyReadingToDevice(tx, { agentId: pending.agentId, settings, now, placedOrders }, moved, {
        sampleId: pending.latestSampleId,
        takenAt: pending.latestTakenAt,
        ip: pending.ip,
        reading: pending.latestReading,
      });
    }
  });
  await notifyAfterSamples(deps, user.partnerId, placedOrders);
  return getDeviceDetail(deps.db, user, elsewhere.id);
}
