import { z } from 'zod';
import { activeFilterSchema, hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, requiredText } from './paging.ts';

export const countryCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2}$/, 'Use a two-letter ISO country code such as CH')
  .transform((value) => value.toUpperCase());

export const siteSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  coordinatorId: z.uuid().nullable(),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type Site = z.infer<typeof siteSchema>;

const siteFields = {
  name: requiredText(200),
  address: optionalText(200),
  postcode: optionalText(20),
  city: optionalText(100),
  country: countryCodeSchema.nullish(),
  coordinatorId: z.uuid().nullish(),
};

export const siteCreateSchema = z.strictObject(siteFields);
export type SiteCreate = z.infer<typeof siteCreateSchema>;

export const siteUpdateSchema = z.strictObject(siteFields).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type SiteUpdate = z.infer<typeof siteUpdateSchema>;

export const siteListQuerySchema = z.object({ active: activeFilterSchema.optional() });

export const siteListSchema = z.object({ items: z.array(siteSchema) });

export const SITE_IMPORT_MODES = ['preview', 'commit'] as const;
export const siteImportQuerySchema = z.object({ mode: z.enum(SITE_IMPORT_MODES).default('preview') });

/** What one CSV line would create; the coordinator is resolved from the email column. */
export const siteImportCandidateSchema = z.object({
  name: z.string(),
  address: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  coordinatorId: z.uuid().nullable(),
});
export type SiteImportCandidate = z.infer<typeof siteImportCandidateSchema>;

export const siteImportErrorSchema = z.object({ field: z.string(), message: z.string() });
export type SiteImportError = z.infer<typeof siteImportErrorSchema>;

export const siteImportLineSchema = z.object({
  /** The line of the file, counting the header as line 1. */
  line: z.number().int(),
  status: z.enum(['ok', 'error']),
  errors: z.array(siteImportErrorSchema),
  site: siteImportCandidateSchema.nullable(),
});
export type SiteImportLine = z.infer<typeof siteImportLineSchema>;

export const siteImportResultSchema = z.object({
  mode: z.enum(SITE_IMPORT_MODES),
  /** Sites written: 0 in preview, and whenever any line has an error. */
  created: z.number().int().nonnegative(),
  lines: z.array(siteImportLineSchema),
});
export type SiteImportResult = z.infer<typeof siteImportResultSchema>;

/** The 400 a commit answers when any line is wrong: nothing was written. */
export const siteImportRefusedSchema = z.object({
  code: z.literal('bad_request'),
  message: z.string(),
  lines: z.array(siteImportLineSchema),
});
