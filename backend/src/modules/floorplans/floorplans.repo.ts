import { and, asc, eq, inArray } from 'drizzle-orm';
import type { FloorPlan, FloorPlanType } from '@parc/shared/contracts/floorplans';
import type { Db } from '../../db/client.ts';
import { devices, floorPlanDevices, floorPlans } from '../../db/schema/index.ts';
import { visibleTo, type Scope } from '../customers/scope.ts';

const ofScope = (scope: Scope) => visibleTo(scope, { partnerId: floorPlans.partnerId, customerId: floorPlans.customerId });

const planColumns = {
  id: floorPlans.id,
  customerId: floorPlans.customerId,
  siteId: floorPlans.siteId,
  name: floorPlans.name,
  floor: floorPlans.floor,
  contentType: floorPlans.contentType,
  createdAt: floorPlans.createdAt,
};

/** The customer's plans with their devices' positions: two queries, whatever the number of plans. */
export async function findPlans(db: Db, scope: Scope, where: { customerId: string } | { planId: string }): Promise<FloorPlan[]> {
  const plans = await db
    .select(planColumns)
    .from(floorPlans)
    .where(and(ofScope(scope), 'customerId' in where ? eq(floorPlans.customerId, where.customerId) : eq(floorPlans.id, where.planId)))
    .orderBy(asc(floorPlans.floor), asc(floorPlans.name));
  if (plans.length === 0) return [];
  const positions = await db
    .select({ floorPlanId: floorPlanDevices.floorPlanId, deviceId: floorPlanDevices.deviceId, x: floorPlanDevices.x, y: floorPlanDevices.y, deviceCode: devices.deviceCode, model: devices.model })
    .from(floorPlanDevices)
    .innerJoin(devices, eq(devices.id, floorPlanDevices.deviceId))
    .where(inArray(floorPlanDevices.floorPlanId, plans.map((plan) => plan.id)));
  return plans.map((plan) => ({
    ...plan,
    createdAt: plan.createdAt.toISOString(),
    imageUrl: `/api/floorplans/${plan.id}/image?v=${plan.createdAt.getTime()}`,
    devices: positions.filter((position) => position.floorPlanId === plan.id).map(({ floorPlanId: _plan, ...position }) => position),
  }));
}

export async function insertPlan(
  db: Db,
  values: { partnerId: string; customerId: string; siteId: string | null; name: string; floor: number; contentType: FloorPlanType; image: Uint8Array },
): Promise<string> {
  const [row] = await db.insert(floorPlans).values(values).returning({ id: floorPlans.id });
  return row!.id;
}

export async function findPlanImage(db: Db, scope: Scope, planId: string): Promise<{ contentType: FloorPlanType; image: Uint8Array } | null> {
  const [row] = await db.select({ contentType: floorPlans.contentType, image: floorPlans.image }).from(floorPlans).where(and(ofScope(scope), eq(floorPlans.id, planId)));
  return row ?? null;
}

export async function findPlanOwner(db: Db, scope: Scope, planId: string): Promise<{ partnerId: string; customerId: string } | null> {
  const [row] = await db.select({ partnerId: floorPlans.partnerId, customerId: floorPlans.customerId }).from(floorPlans).where(and(ofScope(scope), eq(floorPlans.id, planId)));
  return row ?? null;
}

/** The ids among `deviceIds` that belong to the customer. */
export async function customerDeviceIds(db: Db, partnerId: string, customerId: string, deviceIds: string[]): Promise<Set<string>> {
  if (deviceIds.length === 0) return new Set();
  const rows = await db
    .select({ id: devices.id })
    .from(devices)
    .where(and(eq(devices.partnerId, partnerId), eq(devices.customerId, customerId), inArray(devices.id, deviceIds)));
  return new Set(rows.map((row) => row.id));
}

/** Replaces the plan's positions; a device placed here leaves any other plan it was on. */
export async function replacePositions(db: Db, partnerId: string, planId: string, positions: { deviceId: string; x: number; y: number }[]): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(floorPlanDevices).where(eq(floorPlanDevices.floorPlanId, planId));
    if (positions.length === 0) return;
    await tx.delete(floorPlanDevices).where(inArray(floorPlanDevices.deviceId, positions.map((position) => position.deviceId)));
    await tx.insert(floorPlanDevices).values(positions.map((position) => ({ ...position, floorPlanId: planId, partnerId })));
  });
}

export async function deletePlan(db: Db, scope: Scope, planId: string): Promise<boolean> {
  const rows = await db.delete(floorPlans).where(and(ofScope(scope), eq(floorPlans.id, planId))).returning({ id: floorPlans.id });
  return rows.length > 0;
}

/** Takes a device off every plan it is pinned on (it moved to another customer, whose plans it is not on). */
export async function unpinDevice(db: Db, partnerId: string, deviceId: string): Promise<void> {
  await db.delete(floorPlanDevices).where(and(eq(floorPlanDevices.partnerId, partnerId), eq(floorPlanDevices.deviceId, deviceId)));
}
