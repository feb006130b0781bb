import { z } from 'zod';
import { REPLENISHMENT_ACTIONS, REPLENISHMENT_STATUSES, STOCK_STATES, type ReplenishmentAction } from '../supplies/stock.ts';
import { hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, requiredText } from './paging.ts';
import { carrierSchema, supplyColourSchema, supplyKindSchema } from './supplies.ts';

/** Local stocks at customers' sites, what they hold, and their replenishment orders. */

/** A stock is never counted in the millions; the bound keeps a typo from becoming a stock level. */
const countSchema = z.number().int().min(0).max(100_000);

export const stockItemSchema = z.object({
  supplyModelId: z.uuid(),
  name: z.string(),
  partNumber: z.string().nullable(),
  dealerReference: z.string().nullable(),
  kind: supplyKindSchema.nullable(),
  colour: supplyColourSchema,
  quantity: z.number().int(),
  minimum: z.number().int(),
  target: z.number().int(),
  state: z.enum(STOCK_STATES),
  /** On replenishment orders not received yet. */
  inTransit: z.number().int(),
  /** What the replenishment form proposes to send (back to the target). */
  suggested: z.number().int(),
});
export type StockItem = z.infer<typeof stockItemSchema>;

export const stockDeviceSchema = z.object({ id: z.uuid(), deviceCode: z.string(), manufacturer: z.string(), model: z.string(), serial: z.string().nullable(), location: z.string().nullable() });

export const localStockSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  customer: z.object({ id: z.uuid(), number: z.string(), name: z.string() }),
  site: z.object({ id: z.uuid(), name: z.string() }),
  /** Who is told when an item runs low: a coordinator of the customer, or an address (or both). */
  manager: z.object({ coordinatorId: z.uuid().nullable(), coordinatorName: z.string().nullable(), email: z.string().nullable() }),
  devices: z.array(stockDeviceSchema),
  items: z.array(stockItemSchema),
  updatedAt: instantSchema,
});
export type LocalStock = z.infer<typeof localStockSchema>;
export const localStockListSchema = z.object({ items: z.array(localStockSchema) });
export const localStockListQuerySchema = z.object({ customerId: z.uuid().optional() });
export type LocalStockListQuery = z.input<typeof localStockListQuerySchema>;

export const localStockInputSchema = z.strictObject({
  name: requiredText(200),
  customerId: z.uuid(),
  siteId: z.uuid(),
  /** The site's devices this stock serves; a device moves here from any other stock. */
  deviceIds: z.array(z.uuid()).max(1000).prefault([]),
  managerCoordinatorId: z.uuid().nullish(),
  managerEmail: z.email().max(320).nullish(),
});
export type LocalStockInput = z.input<typeof localStockInputSchema>;
/** The customer and site stay: a stock is a room at one site. */
export const localStockUpdateSchema = localStockInputSchema.omit({ customerId: true, siteId: true }).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type LocalStockUpdate = z.input<typeof localStockUpdateSchema>;

/** Add a supply to a stock or change its minimum and target; `quantity` is an inventory count (what is on the shelf now). */
export const stockItemInputSchema = z
  .strictObject({ minimum: countSchema.optional(), target: countSchema.optional(), quantity: countSchema.optional() })
  .refine(hasSomeField, NOTHING_TO_CHANGE);
export type StockItemInput = z.input<typeof stockItemInputSchema>;

export const stockMovementSchema = z.object({
  id: z.uuid(),
  supplyModelId: z.uuid(),
  supplyName: z.string(),
  delta: z.number().int(),
  reason: z.enum(['count', 'replenishment', 'replacement']),
  deviceCode: z.string().nullable(),
  replenishmentCode: z.string().nullable(),
  actorName: z.string().nullable(),
  at: instantSchema,
});
export type StockMovement = z.infer<typeof stockMovementSchema>;
export const stockMovementListSchema = z.object({ items: z.array(stockMovementSchema) });

// ---- Replenishments ----------------------------------------------------------------------

export const replenishmentStatusSchema = z.enum(REPLENISHMENT_STATUSES);

export const replenishmentSchema = z.object({
  id: z.uuid(),
  /** PREFIX-ORDER-n, numbered with the customer's supply orders. */
  code: z.string(),
  stock: z.object({ id: z.uuid(), name: z.string(), customerId: z.uuid(), customerName: z.string(), siteName: z.string() }),
  status: replenishmentStatusSchema,
  carrier: carrierSchema.nullable(),
  trackingNumber: z.string().nullable(),
  trackingLink: z.string().nullable(),
  note: z.string().nullable(),
  lines: z.array(z.object({ supplyModelId: z.uuid(), name: z.string(), partNumber: z.string().nullable(), quantity: z.number().int() })),
  createdAt: instantSchema,
  createdBy: z.string().nullable(),
  shippedAt: instantSchema.nullable(),
  receivedAt: instantSchema.nullable(),
  cancelledAt: instantSchema.nullable(),
});
export type Replenishment = z.infer<typeof replenishmentSchema>;
export const replenishmentListSchema = z.object({ items: z.array(replenishmentSchema) });
/** `in_transit`: new and shipped. */
export const replenishmentListQuerySchema = z.object({ stockId: z.uuid().optional(), status: z.union([z.literal('in_transit'), replenishmentStatusSchema]).optional() });
export type ReplenishmentListQuery = z.input<typeof replenishmentListQuerySchema>;

export const replenishmentCreateSchema = z.strictObject({
  carrierId: z.uuid().nullish(),
  trackingNumber: optionalText(100),
  note: optionalText(1000),
  lines: z
    .array(z.strictObject({ supplyModelId: z.uuid(), quantity: z.number().int().min(1).max(10_000) }))
    .min(1)
    .max(200)
    .refine((lines) => new Set(lines.map((line) => line.supplyModelId)).size === lines.length, 'A supply appears once'),
});
export type ReplenishmentCreate = z.input<typeof replenishmentCreateSchema>;

/** An action moves it on (ship, receive into the stock, cancel); the details may be given with it or alone. */
export const replenishmentUpdateSchema = z
  .strictObject({
    action: z.enum(Object.keys(REPLENISHMENT_ACTIONS) as [ReplenishmentAction, ...ReplenishmentAction[]]).optional(),
    carrierId: z.uuid().nullable().optional(),
    trackingNumber: optionalText(100),
    note: optionalText(1000),
  })
  .refine(hasSomeField, NOTHING_TO_CHANGE);
export type ReplenishmentUpdate = z.input<typeof replenishmentUpdateSchema>;
