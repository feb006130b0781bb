import { z } from 'zod';
import { COUNTER_KINDS } from '../meters/counters.ts';
import { counterSchema } from './counters.ts';
import { readingValueSchema } from './readings.ts';
import { activeFilterSchema, hasSomeField, instantSchema, NOTHING_TO_CHANGE, optionalText, pageQuerySchema, pageSchema, requiredText } from './paging.ts';

export const deviceSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  deviceNumber: z.number().int(),
  /** PREFIX-n, the ID shown everywhere and printed on the machine's label. */
  deviceCode: z.string(),
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  internalNumber: z.string().nullable(),
  location: z.string().nullable(),
  siteId: z.uuid().nullable(),
  coordinatorId: z.uuid().nullable(),
  colourCapable: z.boolean(),
  active: z.boolean(),
  ip: z.string().nullable(),
  mac: z.string().nullable(),
  /** Readings dated before it are refused. */
  installedAt: instantSchema,
  /** The device this one replaced in a swap. */
  replacesDeviceId: z.uuid().nullable(),
  /** Set when a swap retired this device. */
  retiredAt: instantSchema.nullable(),
  createdAt: instantSchema,
});
export type Device = z.infer<typeof deviceSchema>;

export const deviceDetailSchema = deviceSchema.extend({ counters: z.array(counterSchema) });
export type DeviceDetail = z.infer<typeof deviceDetailSchema>;

const ipSchema = z.union([z.ipv4(), z.ipv6()]);
const macSchema = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}$/, 'Use six hexadecimal pairs such as 00:1B:44:11:3A:B7')
  .transform((value) => value.toUpperCase().replaceAll('-', ':'));

const deviceFields = {
  serial: requiredText(100),
  manufacturer: requiredText(100),
  model: requiredText(100),
  internalNumber: optionalText(50),
  location: optionalText(200),
  /** Must be a site of the device's customer. */
  siteId: z.uuid().nullish(),
  /** Must be a coordinator of the device's customer. */
  coordinatorId: z.uuid().nullish(),
  /** Colour machines get a colour counter besides total and mono. */
  colourCapable: z.boolean().optional(),
  ip: ipSchema.nullish(),
  mac: macSchema.nullish(),
};

/** A counter's value on the day the device is installed, recorded as the dealer's reading. */
export const startingCounterSchema = z.strictObject({ counter: z.enum(COUNTER_KINDS), value: readingValueSchema });
export type StartingCounter = z.infer<typeof startingCounterSchema>;

/**
 * `installedAt` defaults to now; readings dated before it are refused. `counters` names the counters
 * the device has besides total and mono (colour makes it colour-capable; scan; large for A3);
 * `startingCounters` are recorded as readings at `installedAt`, each on a counter it has.
 */
export const deviceCreateSchema = z.strictObject({
  customerId: z.uuid(),
  ...deviceFields,
  installedAt: instantSchema.optional(),
  counters: z.array(z.enum(COUNTER_KINDS)).max(COUNTER_KINDS.length).optional(),
  startingCounters: z.array(startingCounterSchema).max(COUNTER_KINDS.length).optional(),
});
export type DeviceCreate = z.infer<typeof deviceCreateSchema>;

/** The customer is fixed: the device's ID carries the customer's prefix. */
export const deviceUpdateSchema = z.strictObject(deviceFields).partial().refine(hasSomeField, NOTHING_TO_CHANGE);
export type DeviceUpdate = z.infer<typeof deviceUpdateSchema>;

export const deviceListQuerySchema = pageQuerySchema.extend({
  customerId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  manufacturer: z.string().trim().max(100).optional(),
  model: z.string().trim().max(100).optional(),
  active: activeFilterSchema.optional(),
  /** Matches serial, device ID, internal number or location. */
  search: z.string().trim().max(100).optional(),
});
export type DeviceListQuery = z.infer<typeof deviceListQuerySchema>;

export const devicePageSchema = pageSchema(deviceSchema);

/** A real model to suggest when adding a device: the partner's own fleet first, then a built-in list. */
export const deviceModelSchema = z.object({
  manufacturer: z.string(),
  model: z.string(),
  /** The counters such a machine usually has besides total and mono. */
  counters: z.array(z.enum(COUNTER_KINDS)),
});
export const deviceModelListSchema = z.object({ items: z.array(deviceModelSchema) });
export type DeviceModel = z.infer<typeof deviceModelSchema>;
