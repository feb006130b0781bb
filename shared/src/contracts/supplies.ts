import { z } from 'zod';
import { EXCHANGE_ALARMS, SUPPLY_ALARMS } from '../supplies/checks.ts';
import { ORDER_ACTIONS, ORDER_STATUSES, SUPPLY_COLOURS, SUPPLY_KINDS, THRESHOLD_KEYS, type OrderAction } from '../supplies/kinds.ts';
import { CONFIG_SOURCES, ORDER_METHODS, type OrderConfig, type OrderConfigLevel, type OrderConfigSources } from '../supplies/order-config.ts';
import type { RouteFilters, RouteRecipient } from '../supplies/routing.ts';
import { hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, pageQuerySchema, pageSchema, requiredText } from './paging.ts';

/**
 * The order configuration one level (dealer, customer, device) sets: any subset of the settings, a
 * setting left out is inherited from the level above (effectiveOrderConfig). Unknown fields are
 * refused, so a misspelt setting is not silently inherited.
 */

const percentSchema = z.number().min(0).max(100);

export const orderConfigLevelSchema = z.strictObject({
  method: z.enum(ORDER_METHODS).optional(),
  levelThresholds: z.partialRecord(z.enum(THRESHOLD_KEYS), percentSchema).optional(),
  /** A year is far beyond any delivery time. */
  proactiveDays: z.number().int().min(1).max(365).optional(),
  minEfficiency: percentSchema.optional(),
  markSentAfterNotification: z.boolean().optional(),
  blockOn: z.partialRecord(z.enum(EXCHANGE_ALARMS), z.boolean()).optional(),
  replacementMaxLevels: z.partialRecord(z.enum(THRESHOLD_KEYS), percentSchema).optional(),
}) satisfies z.ZodType<OrderConfigLevel>;

// ---- The catalogue, suppliers and carriers ---------------------------------------------------

export const supplyKindSchema = z.enum(SUPPLY_KINDS);
export const supplyColourSchema = z.enum(SUPPLY_COLOURS);
/** A price as a decimal string with at most two decimals ("24.90"), as billing stores money. */
export const priceSchema = z.string().trim().regex(/^\d{1,9}(\.\d{1,2})?$/, 'A price such as 24.90');

export const supplierSchema = z.object({ id: z.uuid(), name: z.string(), email: z.string().nullable(), phone: z.string().nullable() });
export type Supplier = z.infer<typeof supplierSchema>;
export const supplierInputSchema = z.strictObject({ name: requiredText(200), email: z.email().max(320).nullish(), phone: optionalText(50) });
export const supplierUpdateSchema = supplierInputSchema.partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type SupplierInput = z.input<typeof supplierInputSchema>;
export const supplierListSchema = z.object({ items: z.array(supplierSchema) });

/** `trackingUrl` may hold `{tracking}`, replaced by an order's tracking number to link to the carrier's page. */
export const carrierSchema = z.object({ id: z.uuid(), name: z.string(), trackingUrl: z.string().nullable() });
export type Carrier = z.infer<typeof carrierSchema>;
export const carrierInputSchema = z.strictObject({ name: requiredText(200), trackingUrl: z.url({ protocol: /^https?$/ }).max(500).nullish() });
export const carrierUpdateSchema = carrierInputSchema.partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type CarrierInput = z.input<typeof carrierInputSchema>;
export const carrierListSchema = z.object({ items: z.array(carrierSchema) });

export const supplyModelSchema = z.object({
  id: z.uuid(),
  /** As the printers name it. */
  name: z.string(),
  partNumber: z.string().nullable(),
  kind: supplyKindSchema.nullable(),
  colour: supplyColourSchema,
  ratedYield: z.number().int().positive().nullable(),
  dealerReference: z.string().nullable(),
  price: z.string().nullable(),
  supplierId: z.uuid().nullable(),
  supplierName: z.string().nullable(),
  /** Devices reporting it now, and the printer models among them. */
  deviceCount: z.number().int().nonnegative(),
  printerModels: z.array(z.string()),
  /** Replacements in each of the last 12 months, oldest first (YYYY-MM). */
  consumption: z.array(z.object({ month: z.string(), count: z.number().int().nonnegative() })),
});
export type SupplyModel = z.infer<typeof supplyModelSchema>;
export const supplyModelListQuerySchema = pageQuerySchema.extend({ search: z.string().trim().max(100).optional(), kind: supplyKindSchema.optional() });
export type SupplyModelListQuery = z.input<typeof supplyModelListQuerySchema>;
export const supplyModelPageSchema = pageSchema(supplyModelSchema);
export const supplyModelUpdateSchema = z
  .strictObject({
    ratedYield: z.number().int().positive().max(10_000_000).nullable().optional(),
    dealerReference: optionalText(100),
    price: priceSchema.nullable().optional(),
    supplierId: z.uuid().nullable().optional(),
    kind: supplyKindSchema.optional(),
  })
  .refine(hasSomeField, NOTHING_TO_CHANGE);
export type SupplyModelUpdate = z.input<typeof supplyModelUpdateSchema>;

// ---- Orders ------------------------------------------------------------------------------------

export const orderStatusSchema = z.enum(ORDER_STATUSES);
export const orderTriggerSchema = z.enum(['level', 'proactive', 'manual']);

export const supplyOrderSchema = z.object({
  id: z.uuid(),
  /** PREFIX-ORDER-n. */
  code: z.string(),
  status: orderStatusSchema,
  trigger: orderTriggerSchema,
  device: z.object({ id: z.uuid(), deviceCode: z.string(), manufacturer: z.string(), model: z.string(), customerId: z.uuid(), customerName: z.string(), siteName: z.string().nullable() }),
  supplyIndex: z.string(),
  supplyName: z.string(),
  kind: supplyKindSchema,
  colour: supplyColourSchema,
  /** Reported by the printer, or the catalogue's dealer reference. */
  partNumber: z.string().nullable(),
  orderedPartNumber: z.string().nullable(),
  carrier: carrierSchema.nullable(),
  trackingNumber: z.string().nullable(),
  /** The carrier's page for this parcel, when the carrier has a tracking address. */
  trackingLink: z.string().nullable(),
  note: z.string().nullable(),
  /** Placed by Parc but held back for a person (an inefficient cartridge, an exchange alarm the configuration blocks on); not sent. */
  heldBack: z.object({ reason: z.enum(['inefficient', ...EXCHANGE_ALARMS]), params: z.record(z.string(), z.number()) }).nullable(),
  percentAtOrder: z.number().nullable(),
  /** The forecast when ordered: days to empty, median and early. */
  p50Days: z.number().nullable(),
  p90Days: z.number().nullable(),
  createdAt: instantSchema,
  /** Who placed it; null for Parc's automatic orders. */
  createdBy: z.string().nullable(),
  notifiedAt: instantSchema.nullable(),
  shippedAt: instantSchema.nullable(),
  deliveredAt: instantSchema.nullable(),
  replacedAt: instantSchema.nullable(),
  cancelledAt: instantSchema.nullable(),
});
export type SupplyOrderView = z.infer<typeof supplyOrderSchema>;

/** `pending`: every order in flight (new, shipped, to replace); a status: only those. */
export const orderListQuerySchema = pageQuerySchema.extend({
  status: z.union([z.literal('pending'), orderStatusSchema]).optional(),
  customerId: z.uuid().optional(),
  deviceId: z.uuid().optional(),
  kind: supplyKindSchema.optional(),
  search: z.string().trim().max(100).optional(),
});
export type OrderListQuery = z.input<typeof orderListQuerySchema>;
export const supplyOrderPageSchema = pageSchema(supplyOrderSchema);

export const orderCreateSchema = z.strictObject({ deviceId: z.uuid(), supplyIndex: z.string().min(1).max(100), note: optionalText(1000) });
export type OrderCreate = z.input<typeof orderCreateSchema>;

/** An action moves the order on (ORDER_ACTIONS); the details may be given with it or alone. */
export const orderUpdateSchema = z
  .strictObject({
    action: z.enum(Object.keys(ORDER_ACTIONS) as [OrderAction, ...OrderAction[]]).optional(),
    carrierId: z.uuid().nullable().optional(),
    trackingNumber: optionalText(100),
    orderedPartNumber: optionalText(100),
    note: optionalText(1000),
  })
  .refine(hasSomeField, NOTHING_TO_CHANGE);
export type OrderUpdate = z.input<typeof orderUpdateSchema>;

// ---- Order configuration -------------------------------------------------------------------

export const configSourceSchema = z.enum(CONFIG_SOURCES);
const thresholdsOf = <T extends z.ZodType>(value: T) => z.record(z.enum(THRESHOLD_KEYS), value);
const blockOnOf = <T extends z.ZodType>(value: T) => z.record(z.enum(EXCHANGE_ALARMS), value);

export const orderConfigSchema = z.object({
  method: z.enum(ORDER_METHODS),
  levelThresholds: thresholdsOf(z.number()),
  proactiveDays: z.number(),
  minEfficiency: z.number(),
  markSentAfterNotification: z.boolean(),
  blockOn: blockOnOf(z.boolean()),
  replacementMaxLevels: thresholdsOf(z.number()),
}) satisfies z.ZodType<OrderConfig>;

export const orderConfigSourcesSchema = z.object({
  method: configSourceSchema,
  levelThresholds: thresholdsOf(configSourceSchema),
  proactiveDays: configSourceSchema,
  minEfficiency: configSourceSchema,
  markSentAfterNotification: configSourceSchema,
  blockOn: blockOnOf(configSourceSchema),
  replacementMaxLevels: thresholdsOf(configSourceSchema),
}) satisfies z.ZodType<OrderConfigSources>;

/** A level's own settings, and what applies there with where each value comes from. */
export const orderConfigViewSchema = z.object({
  level: z.enum(['dealer', 'customer', 'device']),
  own: orderConfigLevelSchema,
  effective: orderConfigSchema,
  from: orderConfigSourcesSchema,
  updatedAt: instantSchema.nullable(),
});
export type OrderConfigView = z.infer<typeof orderConfigViewSchema>;

// ---- Routing -------------------------------------------------------------------------------

export const routeRecipientSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(['device_coordinator', 'site_coordinator', 'customer_coordinator']) }),
  z.strictObject({ kind: z.literal('address'), address: z.email().max(320) }),
]) satisfies z.ZodType<RouteRecipient>;

export const routeFiltersSchema = z.strictObject({
  manufacturer: optionalText(100),
  model: optionalText(100),
  deviceId: z.uuid().nullish(),
  kind: supplyKindSchema.nullish(),
  colour: supplyColourSchema.nullish(),
  supplierId: z.uuid().nullish(),
});

export const orderRouteSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.number().int().nonnegative(),
  filters: z.object({
    manufacturer: z.string().nullish(),
    model: z.string().nullish(),
    deviceId: z.uuid().nullish(),
    kind: supplyKindSchema.nullish(),
    colour: supplyColourSchema.nullish(),
    supplierId: z.uuid().nullish(),
  }) satisfies z.ZodType<RouteFilters>,
  recipients: z.array(routeRecipientSchema),
});
export type OrderRouteView = z.infer<typeof orderRouteSchema>;
export const orderRouteListSchema = z.object({ items: z.array(orderRouteSchema) });
export const orderRouteInputSchema = z.strictObject({
  name: requiredText(200),
  filters: routeFiltersSchema.prefault({}),
  recipients: z.array(routeRecipientSchema).min(1).max(20),
});
export type OrderRouteInput = z.input<typeof orderRouteInputSchema>;
/** Every route's id in the new order, first match first. */
export const orderRouteOrderSchema = z.strictObject({ ids: z.array(z.uuid()).max(500) });

// ---- A device's supplies -------------------------------------------------------------------

export const supplyAlarmSchema = z.object({ id: z.uuid(), code: z.enum(SUPPLY_ALARMS), params: z.record(z.string(), z.union([z.string(), z.number()])), openedAt: instantSchema });

export const deviceSupplySchema = z.object({
  index: z.string(),
  name: z.string(),
  kind: supplyKindSchema.nullable(),
  colour: supplyColourSchema,
  percent: z.number().nullable(),
  state: z.enum(['measured', 'some_remaining', 'unknown', 'other']),
  partNumber: z.string().nullable(),
  serial: z.string().nullable(),
  readAt: instantSchema,
  supplyModelId: z.uuid().nullable(),
  ratedYield: z.number().nullable(),
  /** How many the device's local stock holds; null without a stock, or when it does not keep this supply. */
  stockQuantity: z.number().int().nullable().default(null),
  /** Days to empty as a range (median and early); null without a basis. */
  forecast: z
    .object({
      basis: z.enum(['levels', 'rated_yield', 'none']),
      p50Days: z.number().nullable(),
      p90Days: z.number().nullable(),
      p50Date: z.string().nullable(),
      p90Date: z.string().nullable(),
      reasons: z.array(z.string()),
      historyDays: z.number(),
    })
    .nullable(),
  /** The order in flight for it, if any. */
  order: supplyOrderSchema.nullable(),
  alarms: z.array(supplyAlarmSchema),
});
export type DeviceSupply = z.infer<typeof deviceSupplySchema>;
/** `localStock`: the stock at the device's site that serves it, if any. */
export const deviceSuppliesSchema = z.object({ items: z.array(deviceSupplySchema), orders: z.array(supplyOrderSchema), localStock: z.object({ id: z.uuid(), name: z.string() }).nullable().default(null) });
export type DeviceSupplies = z.infer<typeof deviceSuppliesSchema>;

// ---- Supply alarms across the fleet (the errors page) -------------------------------------

export const fleetSupplyAlarmSchema = supplyAlarmSchema.extend({
  supplyIndex: z.string(),
  supplyName: z.string(),
  device: z.object({ id: z.uuid(), deviceCode: z.string(), manufacturer: z.string(), model: z.string(), location: z.string().nullable(), customerId: z.uuid(), customerName: z.string() }),
});
export type FleetSupplyAlarm = z.infer<typeof fleetSupplyAlarmSchema>;
export const supplyAlarmListQuerySchema = pageQuerySchema.extend({ customerId: z.uuid().optional() });
export type SupplyAlarmListQuery = z.input<typeof supplyAlarmListQuerySchema>;
export const supplyAlarmPageSchema = pageSchema(fleetSupplyAlarmSchema);
