import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { PERIOD_PRESETS } from '../reports/period.ts';
import { CSV_SEPARATORS, CUSTOMER_SELECTIONS, REPORT_FORMATS, REPORT_FREQUENCIES, REPORT_RUN_STATUSES, REPORT_SOURCES } from '../reports/vocabulary.ts';
import { instantSchema, requiredText } from './paging.ts';

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/** A preset relative to the day the report runs (what a scheduled report needs), or fixed days, both ends included. */
export const periodFilterSchema = z.union([
  z.strictObject({ preset: z.enum(PERIOD_PRESETS) }),
  z.strictObject({ from: isoDay, to: isoDay }),
]);
export type PeriodFilter = z.infer<typeof periodFilterSchema>;

export const reportFiltersSchema = z.strictObject({
  customerIds: z.array(z.uuid()).max(500).optional(),
  /** Every customer but these (a schedule's "all but the selected"). */
  excludedCustomerIds: z.array(z.uuid()).max(500).optional(),
  siteIds: z.array(z.uuid()).max(500).optional(),
  /** Manufacturer or model containing this text (case and accents ignored). */
  model: z.string().trim().min(1).max(100).optional(),
  state: z.string().max(40).optional(),
  period: periodFilterSchema.optional(),
  /** Custom parameters (the dealer's own fields) a row's device or customer must hold, each value equal, case ignored. */
  parameters: z.array(z.strictObject({ parameterId: z.uuid(), value: z.string().trim().min(1).max(200) })).max(5).optional(),
});
export type ReportFilters = z.infer<typeof reportFiltersSchema>;

export const REPORT_GROUPINGS = ['device', 'site', 'customer'] as const;
export type ReportGrouping = (typeof REPORT_GROUPINGS)[number];

/** What a report is, apart from its name and source: checked against the source by `reportBodyProblem`. */
export const reportDefinitionBodySchema = z.strictObject({
  columns: z.array(z.string().max(40)).min(1).max(40),
  filters: reportFiltersSchema.default({}),
  sort: z.strictObject({ column: z.string().max(40), direction: z.enum(['asc', 'desc']) }).optional(),
  /** Volumes only: one row per device, site or customer and month. */
  groupBy: z.enum(REPORT_GROUPINGS).optional(),
});
export type ReportDefinitionBody = z.infer<typeof reportDefinitionBodySchema>;

export const reportDefinitionInputSchema = z.strictObject({
  name: requiredText(120),
  source: z.enum(REPORT_SOURCES),
  body: reportDefinitionBodySchema,
  shared: z.boolean().default(false),
});
export type ReportDefinitionInput = z.infer<typeof reportDefinitionInputSchema>;

/** A report as the list shows it: predefined ones have a key and no owner; own ones have an id as key. */
export const reportSchema = z.object({
  key: z.string(),
  predefined: z.boolean(),
  /** Own reports only: predefined names come from the catalogues by key. */
  name: z.string().nullable(),
  source: z.enum(REPORT_SOURCES),
  body: reportDefinitionBodySchema,
  shared: z.boolean(),
  ownerName: z.string().nullable(),
  /** The signed-in user may change or delete it. */
  editable: z.boolean(),
});
export type Report = z.infer<typeof reportSchema>;
export const reportListSchema = z.object({ items: z.array(reportSchema) });

export const reportRunInputSchema = z.strictObject({
  format: z.enum(REPORT_FORMATS),
  separator: z.enum(CSV_SEPARATORS).default(';'),
  language: z.enum(LANGUAGES).optional(),
  /** Narrows the report's own customer filter for this file. */
  customerIds: z.array(z.uuid()).max(500).optional(),
});
export type ReportRunInput = z.input<typeof reportRunInputSchema>;

export const reportRunSchema = z.object({
  id: z.uuid(),
  reportKey: z.string(),
  name: z.string(),
  format: z.enum(REPORT_FORMATS),
  status: z.enum(REPORT_RUN_STATUSES),
  rowsTotal: z.number().int().nullable(),
  rowsWritten: z.number().int(),
  bytes: z.number().int(),
  fileName: z.string(),
  errorCode: z.string().nullable(),
  createdAt: instantSchema,
  finishedAt: instantSchema.nullable(),
  expiresAt: instantSchema,
});
export type ReportRun = z.infer<typeof reportRunSchema>;
export const reportRunListSchema = z.object({ items: z.array(reportRunSchema) });

export const scheduleRecipientsSchema = z.strictObject({
  siteCoordinators: z.boolean().default(false),
  customerCoordinators: z.boolean().default(false),
  addresses: z.array(z.email().max(254)).max(20).default([]),
});
export type ScheduleRecipients = z.infer<typeof scheduleRecipientsSchema>;

export const reportScheduleInputSchema = z
  .strictObject({
    reportKey: z.string().min(1).max(60),
    frequency: z.enum(REPORT_FREQUENCIES),
    /** Weekly: 1 (Monday) to 7. Monthly: 1 to 28, so every month has it. */
    day: z.number().int().min(1).max(28).nullable().default(null),
    format: z.enum(REPORT_FORMATS),
    separator: z.enum(CSV_SEPARATORS).default(';'),
    language: z.enum(LANGUAGES),
    recipients: scheduleRecipientsSchema,
    customerSelection: z.enum(CUSTOMER_SELECTIONS).default('all'),
    customerIds: z.array(z.uuid()).max(500).default([]),
    active: z.boolean().default(true),
  });
export type ReportScheduleInput = z.input<typeof reportScheduleInputSchema>;

export const reportDeliverySchema = z.object({
  dueAt: instantSchema,
  sentAt: instantSchema.nullable(),
  recipients: z.array(z.string()),
  attached: z.boolean().nullable(),
  fileName: z.string().nullable(),
  rows: z.number().int().nullable(),
  errorCode: z.string().nullable(),
});
export type ReportDelivery = z.infer<typeof reportDeliverySchema>;

export const reportScheduleSchema = z.object({
  id: z.uuid(),
  reportKey: z.string(),
  frequency: z.enum(REPORT_FREQUENCIES),
  day: z.number().int().nullable(),
  format: z.enum(REPORT_FORMATS),
  separator: z.enum(CSV_SEPARATORS),
  language: z.enum(LANGUAGES),
  recipients: scheduleRecipientsSchema,
  customerSelection: z.enum(CUSTOMER_SELECTIONS),
  customerIds: z.array(z.uuid()),
  active: z.boolean(),
  nextDueAt: instantSchema.nullable(),
  deliveries: z.array(reportDeliverySchema),
});
export type ReportSchedule = z.infer<typeof reportScheduleSchema>;
export const reportScheduleListSchema = z.object({ items: z.array(reportScheduleSchema) });
