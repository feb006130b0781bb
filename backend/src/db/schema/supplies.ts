import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, real, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { SupplyAlarm } from '@parc/shared/supplies/checks';
import { IN_FLIGHT_ORDER_STATUSES, ORDER_STATUSES, ORDER_TRIGGERS, SUPPLY_COLOURS, SUPPLY_KINDS } from '@parc/shared/supplies/kinds';
import type { OrderConfigLevel } from '@parc/shared/supplies/order-config';
import type { RouteFilters, RouteRecipient } from '@parc/shared/supplies/routing';
import { REPLENISHMENT_STATUSES } from '@parc/shared/supplies/stock';
import { coordinators, customers, sites } from './customers.ts';
import { devices } from './devices.ts';
import { partners } from './partners.ts';

/** Only `modules/supplies` writes these tables. */

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** Who the dealer buys supplies from. */
export const suppliers = pgTable(
  'suppliers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    name: text('name').notNull(),
    email: text('email'),
    phone: text('phone'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('suppliers_name').on(t.partnerId, sql`lower(${t.name})`)],
);

/** Who delivers them; `tracking_url` holds `{tracking}` where the tracking number goes. */
export const carriers = pgTable(
  'carriers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    name: text('name').notNull(),
    trackingUrl: text('tracking_url'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('carriers_name').on(t.partnerId, sql`lower(${t.name})`)],
);

/**
 * The catalogue: one row per supply model the fleet reports, found by `key` (the part number when
 * the printer gives one, else the printer model and the supply's description), with what the
 * dealer adds: their reference, price, supplier and the rated yield.
 */
export const supplyModels = pgTable(
  'supply_models',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    key: text('key').notNull(),
    name: text('name').notNull(),
    partNumber: text('part_number'),
    kind: text('kind', { enum: SUPPLY_KINDS }),
    colour: text('colour', { enum: SUPPLY_COLOURS }).notNull(),
    ratedYield: integer('rated_yield'),
    dealerReference: text('dealer_reference'),
    price: numeric('price', { precision: 12, scale: 2 }),
    supplierId: uuid('supplier_id').references(() => suppliers.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [uniqueIndex('supply_models_key').on(t.partnerId, t.key), check('supply_models_rated_yield', sql`${t.ratedYield} is null or ${t.ratedYield} > 0`)],
);

export const ORDER_CONFIG_LEVELS = ['dealer', 'customer', 'device'] as const;

/** The order configuration a level sets (any subset); `target_id` is the partner, customer or device. */
export const orderConfigs = pgTable(
  'order_configs',
  {
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    level: text('level', { enum: ORDER_CONFIG_LEVELS }).notNull(),
    targetId: uuid('target_id').notNull(),
    settings: jsonb('settings').$type<OrderConfigLevel>().notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    updatedBy: uuid('updated_by'),
  },
  (t) => [uniqueIndex('order_configs_target').on(t.partnerId, t.level, t.targetId), check('order_configs_level', sql`${t.level} in (${inList(ORDER_CONFIG_LEVELS)})`)],
);

/** Each customer's next n of PREFIX-ORDER-n. */
export const supplyOrderNumbers = pgTable('supply_order_numbers', {
  customerId: uuid('customer_id')
    .primaryKey()
    .references(() => customers.id, { onDelete: 'cascade' }),
  next: integer('next').notNull(),
});


/**
 * Supply orders, automatic and by hand. At most one in flight per supply: the partial unique index
 * is what keeps two agents' reports (or two requests) from placing a second one.
 */
export const supplyOrders = pgTable(
  'supply_orders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    /** PREFIX-ORDER-n; set right after the insert that won the supply. */
    code: text('code'),
    supplyIndex: text('supply_index').notNull(),
    supplyModelId: uuid('supply_model_id').references(() => supplyModels.id, { onDelete: 'set null' }),
    kind: text('kind', { enum: SUPPLY_KINDS }).notNull(),
    colour: text('colour', { enum: SUPPLY_COLOURS }).notNull(),
    /** The supply as the printer names it, and its part number when it gives one. */
    supplyName: text('supply_name').notNull(),
    partNumber: text('part_number'),
    status: text('status', { enum: ORDER_STATUSES }).notNull(),
    trigger: text('trigger', { enum: ORDER_TRIGGERS }).notNull(),
    /**
     * Why Parc placed it without sending it (an inefficient cartridge, an exchange alarm the
     * configuration blocks on): a person decides, and it is never marked shipped by itself.
     */
    heldBack: text('held_back'),
    heldBackParams: jsonb('held_back_params').$type<Record<string, number>>(),
    percentAtOrder: real('percent_at_order'),
    p50Days: real('p50_days'),
    p90Days: real('p90_days'),
    /** The part actually ordered, when not the one reported (the manual's "PN commande"). */
    orderedPartNumber: text('ordered_part_number'),
    carrierId: uuid('carrier_id').references(() => carriers.id, { onDelete: 'set null' }),
    trackingNumber: text('tracking_number'),
    note: text('note'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** A user's id, or null for Parc's automatic orders. */
    createdBy: uuid('created_by'),
    notifiedAt: timestamp('notified_at', { withTimezone: true }),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    uniqueIndex('supply_orders_one_in_flight')
      .on(t.deviceId, t.supplyIndex)
      .where(sql`${t.status} in (${inList(IN_FLIGHT_ORDER_STATUSES)})`),
    uniqueIndex('supply_orders_code').on(t.partnerId, t.code),
    index('supply_orders_partner_status').on(t.partnerId, t.status, t.createdAt),
    index('supply_orders_device').on(t.deviceId, t.createdAt),
    // Orders made or shipped lately: what notices look for every few minutes.
    index('supply_orders_created').on(t.createdAt),
    index('supply_orders_shipped').on(t.shippedAt).where(sql`${t.shippedAt} is not null`),
    check('supply_orders_status', sql`${t.status} in (${inList(ORDER_STATUSES)})`),
    check('supply_orders_trigger', sql`${t.trigger} in (${inList(ORDER_TRIGGERS)})`),
  ],
);

/** A supply's alarms (replacement and state checks): open until resolved by a person or a later read; at most one open per code. */
export const supplyAlarms = pgTable(
  'supply_alarms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    supplyIndex: text('supply_index').notNull(),
    code: text('code').$type<SupplyAlarm>().notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    resolvedAt: timestamp('resolved_at', { withTimezone: true }),
    resolvedBy: uuid('resolved_by'),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    uniqueIndex('supply_alarms_open').on(t.deviceId, t.supplyIndex, t.code).where(sql`${t.resolvedAt} is null`),
    index('supply_alarms_partner_open').on(t.partnerId, t.openedAt).where(sql`${t.resolvedAt} is null`),
  ],
);

/** Order notification routing, first match wins by `position`. */
export const orderRoutes = pgTable(
  'order_routes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull().references(() => partners.id),
    position: integer('position').notNull(),
    name: text('name').notNull(),
    filters: jsonb('filters').$type<RouteFilters>().notNull(),
    recipients: jsonb('recipients').$type<RouteRecipient[]>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_routes_partner').on(t.partnerId, t.position)],
);

/**
 * Local stocks: supplies kept at a customer's site for the devices it serves (`local_stock_devices`,
 * a device served by one stock at most). The manager (a coordinator of the customer, or an address)
 * is told when an item runs low.
 */
export const localStocks = pgTable(
  'local_stocks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    siteId: uuid('site_id').notNull(),
    name: text('name').notNull(),
    managerCoordinatorId: uuid('manager_coordinator_id'),
    managerEmail: text('manager_email'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.partnerId, t.siteId], foreignColumns: [sites.partnerId, sites.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.partnerId, t.managerCoordinatorId], foreignColumns: [coordinators.partnerId, coordinators.id] }).onDelete('set null'),
    uniqueIndex('local_stocks_name').on(t.siteId, sql`lower(${t.name})`),
    index('local_stocks_partner').on(t.partnerId, t.customerId),
  ],
);

export const localStockDevices = pgTable(
  'local_stock_devices',
  {
    deviceId: uuid('device_id')
      .primaryKey()
      .references(() => devices.id, { onDelete: 'cascade' }),
    stockId: uuid('stock_id')
      .notNull()
      .references(() => localStocks.id, { onDelete: 'cascade' }),
  },
  (t) => [index('local_stock_devices_stock').on(t.stockId)],
);

/**
 * What a stock holds of each catalogue entry, with the dealer's minimum (low at or under it) and
 * target (what a replenishment brings it back to). `low_noticed_at` is set when the manager was
 * told and cleared once refilled above the minimum: one notice per fall.
 */
export const localStockItems = pgTable(
  'local_stock_items',
  {
    stockId: uuid('stock_id')
      .notNull()
      .references(() => localStocks.id, { onDelete: 'cascade' }),
    supplyModelId: uuid('supply_model_id')
      .notNull()
      .references(() => supplyModels.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
    minimum: integer('minimum').notNull(),
    target: integer('target').notNull(),
    lowNoticedAt: timestamp('low_noticed_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.stockId, t.supplyModelId] }),
    check('local_stock_items_quantity', sql`${t.quantity} >= 0 and ${t.minimum} >= 0 and ${t.target} >= 0`),
  ],
);

export const STOCK_MOVEMENT_REASONS = ['count', 'replenishment', 'replacement'] as const;

/** Every change of a stock's quantities, and why: an inventory count, a replenishment received, a replacement drawn. */
export const localStockMovements = pgTable(
  'local_stock_movements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    stockId: uuid('stock_id')
      .notNull()
      .references(() => localStocks.id, { onDelete: 'cascade' }),
    supplyModelId: uuid('supply_model_id')
      .notNull()
      .references(() => supplyModels.id, { onDelete: 'cascade' }),
    delta: integer('delta').notNull(),
    reason: text('reason', { enum: STOCK_MOVEMENT_REASONS }).notNull(),
    deviceId: uuid('device_id').references(() => devices.id, { onDelete: 'set null' }),
    replenishmentId: uuid('replenishment_id'),
    /** A user's id, or null for Parc (a replacement it saw). */
    actorId: uuid('actor_id'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('local_stock_movements_stock').on(t.stockId, t.at), check('local_stock_movements_reason', sql`${t.reason} in (${inList(STOCK_MOVEMENT_REASONS)})`)],
);

/** Replenishment orders from the central stock to a local one; numbered PREFIX-ORDER-n like supply orders. */
export const stockReplenishments = pgTable(
  'stock_replenishments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    stockId: uuid('stock_id')
      .notNull()
      .references(() => localStocks.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    status: text('status', { enum: REPLENISHMENT_STATUSES }).notNull(),
    carrierId: uuid('carrier_id').references(() => carriers.id, { onDelete: 'set null' }),
    trackingNumber: text('tracking_number'),
    note: text('note'),
    createdBy: uuid('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    shippedAt: timestamp('shipped_at', { withTimezone: true }),
    receivedAt: timestamp('received_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('stock_replenishments_code').on(t.partnerId, t.code),
    index('stock_replenishments_stock').on(t.stockId, t.createdAt),
    check('stock_replenishments_status', sql`${t.status} in (${inList(REPLENISHMENT_STATUSES)})`),
  ],
);

export const stockReplenishmentLines = pgTable(
  'stock_replenishment_lines',
  {
    replenishmentId: uuid('replenishment_id')
      .notNull()
      .references(() => stockReplenishments.id, { onDelete: 'cascade' }),
    supplyModelId: uuid('supply_model_id')
      .notNull()
      .references(() => supplyModels.id, { onDelete: 'cascade' }),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.replenishmentId, t.supplyModelId] }), check('stock_replenishment_lines_quantity', sql`${t.quantity} > 0`)],
);
