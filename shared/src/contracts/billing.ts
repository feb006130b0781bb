import { z } from 'zod';

export const BILLING_TYPES = ['per_page'] as const;

/** A price per page as a decimal string ("0.0850"): money never goes through a float. */
export const pagePriceSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,8}(\.\d{1,4})?$/, 'Use a price such as 0.085 (up to 4 decimals)'));

export const customerPricesSchema = z.object({
  customerId: z.uuid(),
  billingType: z.enum(BILLING_TYPES),
  currency: z.string(),
  monoPrice: z.string(),
  colourPrice: z.string(),
  scanPrice: z.string(),
  includedPages: z.number().int().nonnegative().nullable(),
  updatedAt: z.string(),
});
export type CustomerPrices = z.infer<typeof customerPricesSchema>;

export const customerPricesInputSchema = z.strictObject({
  billingType: z.enum(BILLING_TYPES).default('per_page'),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as CHF'),
  monoPrice: pagePriceSchema,
  colourPrice: pagePriceSchema,
  scanPrice: pagePriceSchema,
  includedPages: z.number().int().nonnegative().max(100_000_000).nullable().default(null),
});
export type CustomerPricesInput = z.input<typeof customerPricesInputSchema>;
