import { sql } from 'drizzle-orm';
import { check, customType, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { customers } from './customers.ts';
import { devices } from './devices.ts';
import { users } from './partners.ts';

/** Raw bytes: floor plans live in the database so a Worker (no disk) serves them too. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

/** A user's display options per screen (visible columns, rows per page), kept server side so they follow the user. */
export const userPreferences = pgTable(
  'user_preferences',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    screen: text('screen').notNull(),
    value: jsonb('value').$type<Record<string, unknown>>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.screen] })],
);

export const FLOOR_PLAN_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;

/** One plan image per floor of a customer's site (or of the customer when it has no sites). */
export const floorPlans = pgTable(
  'floor_plans',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    siteId: uuid('site_id'),
    name: text('name').notNull(),
    floor: integer('floor').notNull(),
    contentType: text('content_type', { enum: FLOOR_PLAN_TYPES }).notNull(),
    image: bytea('image').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    index('floor_plans_customer').on(t.customerId),
    check('floor_plans_content_type', sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/svg+xml')`),
  ],
);

/** Where a device sits on a plan, in % of the image's width and height so it survives resizing. */
export const floorPlanDevices = pgTable(
  'floor_plan_devices',
  {
    floorPlanId: uuid('floor_plan_id')
      .notNull()
      .references(() => floorPlans.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    x: doublePrecision('x').notNull(),
    y: doublePrecision('y').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.floorPlanId, t.deviceId] }),
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    // A device is on one plan at a time.
    uniqueIndex('floor_plan_devices_device').on(t.deviceId),
    check('floor_plan_devices_x', sql`${t.x} >= 0 and ${t.x} <= 100`),
    check('floor_plan_devices_y', sql`${t.y} >= 0 and ${t.y} <= 100`),
  ],
);
