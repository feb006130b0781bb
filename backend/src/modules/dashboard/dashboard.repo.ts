import { and, asc, count, desc, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers, priceVersions, deviceAlerts, devices, maintenanceRequests, pendingDevices, readings, sites } from '../../db/schema/index.ts';
import { searchCondition, pageOffset, visibleTo, type Scope } from '../customers/scope.ts';

const ofScope = (scope: Scope) => visibleTo(scope, { partnerId: customers.partnerId, customerId: customers.id });

export interface Totals {
  customers: number;
  devices: number;
  readingsToCheck: number;
  devicesToAdd: number;
  openAlerts: number;
  newRequests: number;
}

export async function countTotals(db: Db, scope: Scope): Promise<Totals> {
  const ofDevices = visibleTo(scope, { partnerId: devices.partnerId, customerId: devices.customerId });
  const [[customerTotal], [deviceTotal], [toCheck], [toAdd], [alerts], [requests]] = await Promise.all([
    db.select({ total: count() }).from(customers).where(and(ofScope(scope), eq(customers.active, true))),
    db
      .select({ total: count() })
      .from(devices)
      .where(and(ofDevices, eq(devices.active, true))),
    db
      .select({ total: count() })
      .from(readings)
      .innerJoin(devices, eq(devices.id, readings.deviceId))
      .where(and(ofDevices, eq(readings.status, 'to_check'))),
    db
      .select({ total: count() })
      .from(pendingDevices)
      .where(and(visibleTo(scope, { partnerId: pendingDevices.partnerId, customerId: pendingDevices.customerId }), isNull(pendingDevices.assignedAt), isNull(pendingDevices.ignoredAt))),
    db
      .select({ total: count() })
      .from(deviceAlerts)
      .innerJoin(devices, eq(devices.id, deviceAlerts.deviceId))
      .where(and(ofDevices, eq(devices.active, true), isNull(deviceAlerts.clearedAt))),
    db
      .select({ total: count() })
      .from(maintenanceRequests)
      .where(and(visibleTo(scope, { partnerId: maintenanceRequests.partnerId, customerId: maintenanceRequests.customerId }), eq(maintenanceRequests.state, 'unresolved'))),
  ]);
  return {
    customers: customerTotal?.total ?? 0,
    devices: deviceTotal?.total ?? 0,
    readingsToCheck: toCheck?.total ?? 0,
    devicesToAdd: toAdd?.total ?? 0,
    openAlerts: alerts?.total ?? 0,
    newRequests: requests?.total ?? 0,
  };
}

export interface CustomerOverviewRow {
  id: string;
  name: string;
  customerNumber: string;
  prefix: string;
  active: boolean;
  mainAddress: string | null;
  customerAddress: string | null;
  siteCount: number;
  deviceCount: number;
  billingType: string | null;
}

/** One line "street, postcode city" from the parts that are set. */
const addressLine = (address: SQL, postcode: SQL, city: SQL) => sql<string | null>`nullif(concat_ws(', ', ${address}, nullif(concat_ws(' ', ${postcode}, ${city}), '')), '')`;

/**
 * One page of customers with their list columns, in one query: counts and the main site (the
 * oldest active one) come from correlated subqueries the planner runs per row of the page only.
 */
// Qualified by hand: in a one-table select drizzle writes `"id"`, which a subquery would read as its own row's id.
const outerCustomerId = sql.raw('"customers"."id"');

export async function findCustomerOverview(db: Db, scope: Scope, query: { search?: string; page: number; pageSize: number }): Promise<{ rows: CustomerOverviewRow[]; total: number }> {
  const where = and(ofScope(scope), query.search ? searchCondition(query.search, [customers.name, customers.prefix]) : undefined);
  const [rows, [totals]] = await Promise.all([
    db
      .select({
        id: customers.id,
        name: customers.name,
        customerNumber: customers.customerNumber,
        prefix: customers.prefix,
        active: customers.active,
        mainAddress: sql<string | null>`(select ${addressLine(sql`s.address`, sql`s.postcode`, sql`s.city`)} from ${sites} s where s.customer_id = ${outerCustomerId} and s.active order by s.created_at, s.name limit 1)`,
        customerAddress: addressLine(sql`${customers.address}`, sql`${customers.postcode}`, sql`${customers.city}`),
        siteCount: sql<number>`(select count(*)::int from ${sites} s where s.customer_id = ${outerCustomerId} and s.active)`,
        deviceCount: sql<number>`(select count(*)::int from ${devices} d where d.customer_id = ${outerCustomerId} and d.active)`,
        // The pricing model of the customer's latest price version.
        billingType: sql<string | null>`(select pv.prices ->> 'model' from ${priceVersions} pv where pv.customer_id = ${outerCustomerId} order by pv.effective_from desc, pv.version desc limit 1)`,
      })
      .from(customers)
      .where(where)
      .orderBy(desc(customers.active), asc(customers.name), asc(customers.id))
      .limit(query.pageSize)
      .offset(pageOffset(query)),
    db.select({ total: count() }).from(customers).where(where),
  ]);
  return { rows, total: totals?.total ?? 0 };
}
