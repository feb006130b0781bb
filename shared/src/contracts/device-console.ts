import { z } from 'zod';
import { COUNTER_KINDS, READING_SOURCES, READING_STATUSES } from '../meters/counters.ts';
import { deviceSchema } from './devices.ts';
import { instantSchema, pageQuerySchema, pageSchema } from './paging.ts';

/**
 * The partner console's view of devices: one row per device with what the list shows, and the
 * device page with counters, history, statistics and settings.
 */

/** inactive: deactivated; alert: an open critical or warning alert; stale: no reading for STALE_AFTER_DAYS; ok otherwise. */
export const DEVICE_STATES = ['ok', 'alert', 'stale', 'inactive'] as const;
export type DeviceState = (typeof DEVICE_STATES)[number];
export const STALE_AFTER_DAYS = 45;

/** agent: at least one reading came from an agent; manual: readings only come from people (or none yet). */
export const CONNECTION_TYPES = ['agent', 'manual'] as const;
export type ConnectionType = (typeof CONNECTION_TYPES)[number];

export const DEVICE_SORTS = ['deviceCode', 'customer', 'site', 'model', 'state', 'lastReadingAt', 'total'] as const;
export type DeviceSort = (typeof DEVICE_SORTS)[number];

const counterValuesSchema = z.object(Object.fromEntries(COUNTER_KINDS.map((kind) => [kind, z.number().int().nullable()])) as Record<(typeof COUNTER_KINDS)[number], z.ZodNullable<z.ZodNumber>>);
export type CounterValues = z.infer<typeof counterValuesSchema>;

/** `level` in % of full; null when the printer only says "some remaining" or nothing. */
export const supplyLevelSchema = z.object({ name: z.string(), type: z.string(), colour: z.string().nullable(), level: z.number().nullable(), readAt: instantSchema });
export type SupplyLevel = z.infer<typeof supplyLevelSchema>;
export const ALERT_SEVERITIES = ['critical', 'warning', 'other'] as const;
/** `group` and `code` are the standard ones (RFC 3805, or `status` for the error-state bits): clients word them with `alertText`; `message` is the printer's own text. */
export const deviceAlertSchema = z.object({ severity: z.enum(ALERT_SEVERITIES), group: z.string(), code: z.string(), message: z.string(), since: instantSchema });
export type DeviceAlert = z.infer<typeof deviceAlertSchema>;

export const deviceRowSchema = z.object({
  id: z.uuid(),
  deviceCode: z.string(),
  serial: z.string(),
  manufacturer: z.string(),
  model: z.string(),
  location: z.string().nullable(),
  customerId: z.uuid(),
  customerName: z.string(),
  siteId: z.uuid().nullable(),
  siteName: z.string().nullable(),
  coordinatorId: z.uuid().nullable(),
  coordinatorName: z.string().nullable(),
  active: z.boolean(),
  state: z.enum(DEVICE_STATES),
  connection: z.enum(CONNECTION_TYPES),
  lastReadingAt: instantSchema.nullable(),
  /** The latest reading of each counter; null when the device has no such counter or no reading yet. */
  counters: counterValuesSchema,
  /** The worst open alert, once the agent reports alerts; null otherwise. */
  alert: deviceAlertSchema.nullable(),
  /** The latest level per supply, once the agent reports supplies; empty otherwise. */
  supplies: z.array(supplyLevelSchema),
});
export type DeviceRow = z.infer<typeof deviceRowSchema>;

/** `param=<parameterId>:<value>` (repeatable): devices whose custom parameter has exactly that value, case-blind. */
const parameterFilterSchema = z
  .string()
  .regex(/^[0-9a-fA-F-]{36}:.+$/, 'Use <parameterId>:<value>')
  .transform((text) => ({ parameterId: text.slice(0, 36).toLowerCase(), value: text.slice(37).trim() }))
  .pipe(z.object({ parameterId: z.uuid(), value: z.string().min(1).max(500) }));

export const deviceRowQuerySchema = pageQuerySchema.extend({
  /** Quick search: ID, serial, manufacturer, model, location, internal number, customer or site name. */
  search: z.string().trim().max(100).optional(),
  customerId: z.uuid().optional(),
  siteId: z.uuid().optional(),
  coordinatorId: z.uuid().optional(),
  /** Contains, case-blind, in manufacturer or model. */
  model: z.string().trim().max(100).optional(),
  state: z.enum(DEVICE_STATES).optional(),
  connection: z.enum(CONNECTION_TYPES).optional(),
  param: z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(parameterFilterSchema).max(10)).optional(),
  sort: z.enum(DEVICE_SORTS).default('deviceCode'),
  order: z.enum(['asc', 'desc']).default('asc'),
});
export type DeviceRowQuery = z.infer<typeof deviceRowQuerySchema>;
export const deviceRowPageSchema = pageSchema(deviceRowSchema);
export type DeviceRowPage = z.infer<typeof deviceRowPageSchema>;

export const historyReadingSchema = z.object({
  id: z.uuid(),
  counterKind: z.enum(COUNTER_KINDS),
  value: z.number().int(),
  takenAt: instantSchema,
  source: z.enum(READING_SOURCES),
  status: z.enum(READING_STATUSES),
  enteredBy: z.string(),
});
export type HistoryReading = z.infer<typeof historyReadingSchema>;

/** Pages printed per month: mono/colour and A4/large (A3 sheets count as two pages in totals). */
export const monthStatisticsSchema = z.object({ month: z.string(), mono: z.number().int(), colour: z.number().int(), large: z.number().int(), total: z.number().int() });
export type MonthStatistics = z.infer<typeof monthStatisticsSchema>;

export const SNMP_VERSIONS = ['v1', 'v2c', 'v3'] as const;
export const SNMP_SECURITY_LEVELS = ['noAuthNoPriv', 'authNoPriv', 'authPriv'] as const;
export const SNMP_AUTH_PROTOCOLS = ['md5', 'sha', 'sha256', 'sha512'] as const;
export const SNMP_PRIV_PROTOCOLS = ['des', 'aes', 'aes256'] as const;

/** What is stored, without the secrets: only whether each is set. */
export const snmpSettingsViewSchema = z.object({
  version: z.enum(SNMP_VERSIONS),
  communitySet: z.boolean(),
  username: z.string().nullable(),
  securityLevel: z.enum(SNMP_SECURITY_LEVELS).nullable(),
  authProtocol: z.enum(SNMP_AUTH_PROTOCOLS).nullable(),
  authKeySet: z.boolean(),
  privProtocol: z.enum(SNMP_PRIV_PROTOCOLS).nullable(),
  privKeySet: z.boolean(),
});
export type SnmpSettingsView = z.infer<typeof snmpSettingsViewSchema>;

const secret = z.string().min(1).max(200);
/** A secret left out keeps the stored one, so the form never has to show it. */
export const snmpSettingsInputSchema = z.discriminatedUnion('version', [
  z.strictObject({ version: z.enum(['v1', 'v2c']), community: secret.optional() }),
  z.strictObject({
    version: z.literal('v3'),
    username: z.string().trim().min(1).max(100),
    securityLevel: z.enum(SNMP_SECURITY_LEVELS),
    authProtocol: z.enum(SNMP_AUTH_PROTOCOLS).optional(),
    authKey: z.string().min(8, 'SNMPv3 keys have at least 8 characters').max(200).optional(),
    privProtocol: z.enum(SNMP_PRIV_PROTOCOLS).optional(),
    privKey: z.string().min(8, 'SNMPv3 keys have at least 8 characters').max(200).optional(),
  }),
]);
export type SnmpSettingsInput = z.infer<typeof snmpSettingsInputSchema>;

export const deviceSettingsSchema = z.object({
  siteId: z.uuid().nullable(),
  coordinatorId: z.uuid().nullable(),
  active: z.boolean(),
  includedInReports: z.boolean(),
  /** null: the agent's default credentials apply. */
  snmp: snmpSettingsViewSchema.nullable(),
});
export type DeviceSettings = z.infer<typeof deviceSettingsSchema>;

export const deviceSettingsUpdateSchema = z.strictObject({
  siteId: z.uuid().nullable().optional(),
  coordinatorId: z.uuid().nullable().optional(),
  active: z.boolean().optional(),
  includedInReports: z.boolean().optional(),
  /** null goes back to the agent's defaults. */
  snmp: snmpSettingsInputSchema.nullable().optional(),
});
export type DeviceSettingsUpdate = z.infer<typeof deviceSettingsUpdateSchema>;

export const deviceCounterSchema = z.object({
  id: z.uuid(),
  kind: z.enum(COUNTER_KINDS),
  active: z.boolean(),
  latest: historyReadingSchema.nullable(),
});

export const deviceConsoleSchema = z.object({
  device: deviceSchema,
  customerName: z.string(),
  siteName: z.string().nullable(),
  coordinatorName: z.string().nullable(),
  state: z.enum(DEVICE_STATES),
  connection: z.enum(CONNECTION_TYPES),
  counters: z.array(deviceCounterSchema),
  /** Readings of the last HISTORY_MONTHS months, oldest first, for the chart. */
  history: z.array(historyReadingSchema),
  statistics: z.array(monthStatisticsSchema),
  supplies: z.array(supplyLevelSchema),
  alerts: z.array(deviceAlertSchema),
  settings: deviceSettingsSchema,
});
export type DeviceConsole = z.infer<typeof deviceConsoleSchema>;
export const HISTORY_MONTHS = 24;

/** Events the `device_events` table records; the rest of a device's history is read from its own tables. */
export const LOGGED_DEVICE_EVENTS = [
  'activated',
  'deactivated',
  'settings_changed',
  /** The dealer moved it to the customer whose agent reported it (detail: old code → new code). */
  'customer_moved',
  /** Reported by another customer's agent; the dealer kept it where it is. */
  'customer_kept',
  /** Reported by another customer's agent; the dealer ignored the report. */
  'customer_report_ignored',
  /** The dealer forwarded one of its errors by email (detail: to whom, and their word). */
  'alert_emailed',
  /** A note on one of its errors (detail: the error, the note). */
  'alert_noted',
  /** One of its errors ignored for some days or for good (detail: the error, until when). */
  'alert_ignored',
  'alert_unignored',
] as const;

export const DEVICE_EVENT_KINDS = [
  'added',
  ...LOGGED_DEVICE_EVENTS,
  'reading_flagged',
  'reading_refused',
  'reading_corrected',
  'reading_accepted',
  'reading_deleted',
  'counter_reset',
  'error',
  'error_cleared',
  'supply_installed',
  'order_placed',
  'order_shipped',
  'order_replaced',
  'order_cancelled',
  'supply_alarm',
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];
export const deviceEventSchema = z.object({
  kind: z.enum(DEVICE_EVENT_KINDS),
  at: instantSchema,
  /** Who or what caused it: a user's email, "agent:<id>"… */
  by: z.string().nullable(),
  detail: z.string().nullable(),
});
export type DeviceEvent = z.infer<typeof deviceEventSchema>;
export const deviceEventListSchema = z.object({ items: z.array(deviceEventSchema) });
