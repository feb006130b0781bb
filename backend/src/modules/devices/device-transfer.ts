import { and, eq } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { deviceEvents, devices, LOGGED_DEVICE_EVENTS } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { takeDeviceNumber } from '../customers/customers.repo.ts';
import { unpinDevice } from '../floorplans/floorplans.repo.ts';

type DeviceRow = typeof devices.$inferSelect;
export type LoggedDeviceEvent = (typeof LOGGED_DEVICE_EVENTS)[number];

/** Writes one line of a device's history (the event log's only writers are the devices module's). */
export async function logDeviceEvent(tx: Db, user: SessionUser, deviceId: string, kind: LoggedDeviceEvent, at: Date, detail: string | null): Promise<void> {
  await tx.insert(deviceEvents).values({ partnerId: user.partnerId, deviceId, kind, at, by: user.email, detail });
}

/**
 * The dealer's decision that a machine now stands at another of its customers: the same device (its
 * id, counters, readings, history) changes customer and takes the next PREFIX-n there. Site,
 * coordinator, location and floor-plan pins belonged to the old customer and are cleared. Its history records the move.
 */
export async function moveDeviceToCustomer(
  tx: Db,
  user: SessionUser,
  deviceId: string,
  target: { customerId: string; customerName: string; fromCustomerName: string },
  identity: { ip: string | null; mac: string | null },
  now: Date,
): Promise<DeviceRow> {
  const [device] = await tx
    .select()
    .from(devices)
    .where(and(eq(devices.partnerId, user.partnerId), eq(devices.id, deviceId), eq(devices.active, true)));
  if (!device) throw new DomainError('device.not_found');
  if (device.customerId === target.customerId) return device;
  const taken = await takeDeviceNumber(tx, user, target.customerId);
  if (!taken) throw new DomainError('customer.not_found');
  if (!taken.active) throw new DomainError('customer.inactive', { field: 'customerId' });
  const code = `${taken.prefix}-${taken.number}`;
  const [moved] = await tx
    .update(devices)
    .set({
      customerId: target.customerId,
      deviceNumber: taken.number,
      deviceCode: code,
      siteId: null,
      coordinatorId: null,
      location: null,
      ...(identity.ip ? { ip: identity.ip } : {}),
      ...(identity.mac ? { mac: identity.mac } : {}),
    })
    .where(and(eq(devices.partnerId, user.partnerId), eq(devices.id, deviceId)))
    .returning();
  await unpinDevice(tx, user.partnerId, deviceId);
  await logDeviceEvent(tx, user, deviceId, 'customer_moved', now, `${device.deviceCode} (${target.fromCustomerName}) → ${code} (${target.customerName})`);
  return moved!;
}
