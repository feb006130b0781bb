import { z } from 'zod';

/** Pieces the API contracts share: paging, filters, optional text, instants. */

/** `?page=&pageSize=` on list routes; pages count from 1. */
export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** One page of a list and how many items the whole list holds. */
export function pageSchema<Item extends z.ZodType>(item: Item) {
  return z.object({
    items: z.array(item),
    total: z.number().int().nonnegative(),
    page: z.number().int().min(1),
    pageSize: z.number().int().min(1),
  });
}
export interface Page<Item> {
  items: Item[];
  total: number;
  page: number;
  pageSize: number;
}

/** `?active=true|false`: query strings carry text, so the boolean is spelled out. */
export const activeFilterSchema = z.enum(['true', 'false']).transform((value) => value === 'true');

/** Optional free text: surrounding blanks dropped; empty or null clears it, absent leaves it as is. */
export function optionalText(max: number) {
  return z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value === undefined ? undefined : value || null));
}

export function requiredText(max: number) {
  return z.string().trim().min(1, 'Required').max(max);
}

export const instantSchema = z.iso.datetime({ offset: true });

/** For PATCH bodies: an update that changes nothing is a mistake worth telling the caller about. */
export function hasSomeField(value: object): boolean {
  return Object.values(value).some((field) => field !== undefined);
}
export const NOTHING_TO_CHANGE = 'Give at least one field to change';
