import { z } from 'zod';

/**
 * Names to pick from in a screen's filters and forms (a customer, a technician): readable by every
 * screen that filters or assigns by them, so a profile that does not open the customers or users
 * screen still gets its filters. Ids and names only.
 */
export const customerNameSchema = z.object({ id: z.uuid(), name: z.string(), customerNumber: z.string(), active: z.boolean() });
export type CustomerName = z.infer<typeof customerNameSchema>;
export const customerNameListSchema = z.object({ items: z.array(customerNameSchema) });

export const technicianNameSchema = z.object({ id: z.uuid(), name: z.string() });
export const technicianNameListSchema = z.object({ items: z.array(technicianNameSchema) });
