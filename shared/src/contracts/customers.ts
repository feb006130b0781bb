import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { activeFilterSchema, hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, pageQuerySchema, pageSchema, requiredText } from './paging.ts';

/** True for IANA zone names the runtime knows ("Europe/Zurich", "UTC"); offsets like "+01:00" are not zones. */
export function isTimeZone(value: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** Devices of the customer are named PREFIX-n. */
export const customerPrefixSchema = z.string().trim().regex(/^[A-Z0-9]{1,10}$/, 'Use 1 to 10 capital letters or digits');

export const customerSchema = z.object({
  id: z.uuid(),
  customerNumber: z.string(),
  name: z.string(),
  language: z.enum(LANGUAGES),
  country: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  prefix: z.string(),
  taxNumber: z.string().nullable(),
  activity: z.string().nullable(),
  currency: z.string(),
  timezone: z.string(),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type Customer = z.infer<typeof customerSchema>;

const customerFields = {
  customerNumber: requiredText(50),
  name: requiredText(200),
  /** Defaults to the partner's language. */
  language: z.enum(LANGUAGES).optional(),
  country: z.string().trim().regex(/^[A-Z]{2}$/, 'Use a two-letter ISO country code such as CH').optional(),
  address: optionalText(200),
  postcode: optionalText(20),
  city: optionalText(100),
  prefix: customerPrefixSchema,
  taxNumber: optionalText(50),
  activity: optionalText(100),
  currency: z.string().trim().regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as CHF').optional(),
  /** Defaults to the partner's time zone. */
  timezone: z.string().trim().refine(isTimeZone, 'Use an IANA time zone such as Europe/Zurich').optional(),
};

export const customerCreateSchema = z.strictObject(customerFields);
export type CustomerCreate = z.infer<typeof customerCreateSchema>;

export const customerUpdateSchema = z.strictObject(customerFields).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerListQuerySchema = pageQuerySchema.extend({
  /** Matches name, customer number or prefix. */
  search: z.string().trim().max(100).optional(),
  active: activeFilterSchema.optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerPageSchema = pageSchema(customerSchema);

/** A new customer's number and prefix, checked before anything is created (the add-customer wizard's first step). */
export const customerAvailabilityQuerySchema = z.object({
  customerNumber: requiredText(50),
  prefix: customerPrefixSchema,
});
export type CustomerAvailabilityQuery = z.infer<typeof customerAvailabilityQuerySchema>;

/** Whether another customer of the dealer, active or not, already has the number or the prefix. */
export const customerAvailabilitySchema = z.object({
  customerNumberTaken: z.boolean(),
  prefixTaken: z.boolean(),
});
export type CustomerAvailability = z.infer<typeof customerAvailabilitySchema>;
