import { z } from 'zod';
import { instantSchema } from './paging.ts';

/**
 * Location change requests: a customer asks, from the meter page, to change where a machine
 * stands; the dealer applies the new location to the device or dismisses the request.
 */

export const LOCATION_REQUEST_OUTCOMES = ['applied', 'dismissed'] as const;
export type LocationRequestOutcome = (typeof LOCATION_REQUEST_OUTCOMES)[number];

export const locationRequestSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerNumber: z.string(),
  customerName: z.string(),
  deviceId: z.uuid(),
  deviceCode: z.string(),
  model: z.string(),
  /** The device's location now. */
  currentLocation: z.string().nullable(),
  /** What the customer asked for. */
  location: z.string(),
  message: z.string(),
  createdAt: instantSchema,
  handledAt: instantSchema.nullable(),
  outcome: z.enum(LOCATION_REQUEST_OUTCOMES).nullable(),
  handledBy: z.string().nullable(),
});
export type LocationRequest = z.infer<typeof locationRequestSchema>;

export const locationRequestListQuerySchema = z.object({
  customerId: z.uuid().optional(),
  /** Open (not handled yet), the default, or every request. */
  state: z.enum(['open', 'all']).default('open'),
});
export type LocationRequestListQuery = z.infer<typeof locationRequestListQuerySchema>;

export const locationRequestListSchema = z.object({ items: z.array(locationRequestSchema) });
