import { z } from 'zod';
import { EXCHANGE_ALARMS } from '../supplies/checks.ts';
import { THRESHOLD_KEYS } from '../supplies/kinds.ts';
import { ORDER_METHODS, type OrderConfigLevel } from '../supplies/order-config.ts';

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
