import { z } from 'zod';
import { activeFilterSchema, hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, requiredText } from './paging.ts';

/** A person at the customer who looks after the machines; one per customer is the main one. */
export const coordinatorSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  isMain: z.boolean(),
  /** Opted in to an email when the period's projected pages go beyond the included ones (needs an email address). */
  overageAlerts: z.boolean(),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type Coordinator = z.infer<typeof coordinatorSchema>;

const coordinatorFields = {
  name: requiredText(200),
  email: z.string().trim().toLowerCase().max(200).pipe(z.email()).nullish(),
  phone: optionalText(50),
  /** Making one coordinator main makes the previous main one ordinary. */
  isMain: z.boolean().optional(),
  overageAlerts: z.boolean().optional(),
};

export const coordinatorCreateSchema = z.strictObject(coordinatorFields);
export type CoordinatorCreate = z.infer<typeof coordinatorCreateSchema>;

export const coordinatorUpdateSchema = z.strictObject(coordinatorFields).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type CoordinatorUpdate = z.infer<typeof coordinatorUpdateSchema>;

export const coordinatorListQuerySchema = z.object({ active: activeFilterSchema.optional() });

export const coordinatorListSchema = z.object({ items: z.array(coordinatorSchema) });
