import { z } from 'zod';
import { COUNTER_KINDS, type CounterKind } from '../meters/counters.ts';
import { instantSchema } from './paging.ts';

export const counterSchema = z.object({
  id: z.uuid(),
  deviceId: z.uuid(),
  kind: z.enum(COUNTER_KINDS),
  active: z.boolean(),
  createdAt: instantSchema,
});
export type Counter = z.infer<typeof counterSchema>;

export const counterCreateSchema = z.strictObject({ kind: z.enum(COUNTER_KINDS) });
export type CounterCreate = z.infer<typeof counterCreateSchema>;

export const counterListSchema = z.object({ items: z.array(counterSchema) });

/** Every device counts total and mono pages; colour machines count colour pages too. */
export function countersForNewDevice(colourCapable: boolean): CounterKind[] {
  return colourCapable ? ['total', 'mono', 'colour'] : ['total', 'mono'];
}
