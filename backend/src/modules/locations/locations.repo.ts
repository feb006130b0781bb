import { and, asc, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import type { LocationRequest, LocationRequestListQuery, LocationRequestOutcome } from '@parc/shared/contracts/locations';
import type { Db } from '../../db/client.ts';
import { customers, devices, locationRequests } from '../../db/schema/index.ts';
import { toIso, visibleTo, type Scope } from '../customers/scope.ts';

const LIST_LIMIT = 500;

const columns = {
  request: locationRequests,
  customerId: devices.customerId,
  customerNumber: customers.customerNumber,
  customerName: customers.name,
  deviceCode: devices.deviceCode,
  model: devices.model,
  currentLocation: devices.location,
};

type Row = { request: typeof locationRequests.$inferSelect } & Omit<LocationRequest, 'id' | 'deviceId' | 'location' | 'message' | 'createdAt' | 'handledAt' | 'outcome' | 'handledBy'>;

function toLocationRequest({ request, ...row }: Row): LocationRequest {
  return {
    ...row,
    id: request.id,
    deviceId: request.deviceId,
    location: request.location,
    message: request.message,
    createdAt: toIso(request.createdAt),
    handledAt: request.handledAt ? toIso(request.handledAt) : null,
    outcome: request.outcome,
    handledBy: request.handledBy,
  };
}

function select(db: Db, where: SQL | undefined) {
  return db
    .select(columns)
    .from(locationRequests)
    .innerJoin(devices, eq(devices.id, locationRequests.deviceId))
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .where(where);
}

const ofScope = (scope: Scope) => and(eq(locationRequests.partnerId, scope.partnerId), visibleTo(scope, devices));

export async function findLocationRequests(db: Db, scope: Scope, query: LocationRequestListQuery): Promise<LocationRequest[]> {
  const rows = await select(
    db,
    and(ofScope(scope), query.customerId ? eq(devices.customerId, query.customerId) : undefined, query.state === 'open' ? isNull(locationRequests.handledAt) : undefined),
  )
    .orderBy(query.state === 'open' ? asc(locationRequests.createdAt) : desc(locationRequests.createdAt))
    .limit(LIST_LIMIT);
  return rows.map(toLocationRequest);
}

export async function findLocationRequest(db: Db, scope: Scope, id: string): Promise<LocationRequest | null> {
  const [row] = await select(db, and(ofScope(scope), eq(locationRequests.id, id)));
  return row ? toLocationRequest(row) : null;
}

export async function insertLocationRequest(db: Db, values: typeof locationRequests.$inferInsert): Promise<string> {
  const [row] = await db.insert(locationRequests).values(values).returning({ id: locationRequests.id });
  return row!.id;
}

/** Marks an open request handled; false when it was handled meanwhile. */
export async function settleLocationRequest(db: Db, partnerId: string, id: string, outcome: LocationRequestOutcome, by: string, at: Date): Promise<boolean> {
  const rows = await db
    .update(locationRequests)
    .set({ outcome, handledBy: by, handledAt: at })
    .where(and(eq(locationRequests.partnerId, partnerId), eq(locationRequests.id, id), isNull(locationRequests.handledAt)))
    .returning({ id: locationRequests.id });
  return rows.length > 0;
}

/** Open requests of the partner, for the dashboard. */
export async function countOpenLocationRequests(db: Db, scope: Scope): Promise<number> {
  const [row] = await db
    .select({ open: count() })
    .from(locationRequests)
    .innerJoin(devices, eq(devices.id, locationRequests.deviceId))
    .where(and(ofScope(scope), isNull(locationRequests.handledAt)));
  return row?.open ?? 0;
}
