import { z } from 'zod';
import { billingEstimateSchema } from './billing.ts';

/**
 * The overage forecast shown before billing: for each counter kind with included pages, the pages
 * so far, where they are heading at this pace and when the included ones run out. The meter page
 * (anyone holding the link) gets pages only, never money: amounts are between the dealer and the
 * customer's signed-in coordinator, who also gets the amounts. A customer without prices or without
 * included pages gets nothing.
 */

const estimateKindSchema = billingEstimateSchema.shape.kinds.element;

export const forecastKindSchema = estimateKindSchema.extend({ included: z.number().int().positive() });
export type ForecastKind = z.infer<typeof forecastKindSchema>;

export const pageForecastSchema = billingEstimateSchema.pick({ period: true, periodStart: true, periodEnd: true }).extend({
  /** The zone the period's days are counted in (crossing days are local dates in it). */
  timeZone: z.string(),
  kinds: z.array(forecastKindSchema).min(1),
});
export type PageForecast = z.infer<typeof pageForecastSchema>;

/** GET /links/{token}/forecast: null when there is nothing to show. */
export const meterForecastSchema = z.object({ forecast: pageForecastSchema.nullable() });
export type MeterForecast = z.infer<typeof meterForecastSchema>;

export const amountForecastSchema = pageForecastSchema.extend(billingEstimateSchema.pick({ currency: true, totalSoFar: true, projectedTotal: true }).shape);
export type AmountForecast = z.infer<typeof amountForecastSchema>;

/** GET /coordinator/forecast: one item per customer of the coordinator that has included pages. */
export const coordinatorForecastSchema = z.object({
  items: z.array(z.object({ customerId: z.uuid(), customerName: z.string(), forecast: amountForecastSchema })),
});
export type CoordinatorForecast = z.infer<typeof coordinatorForecastSchema>;
