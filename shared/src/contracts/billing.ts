import { z } from 'zod';
import { BILLED_KINDS, LINE_KINDS, PRICE_MODELS, TRUE_UP_SCHEDULES } from '../billing/pricing.ts';
import { tierProblem } from '../billing/tiers.ts';
import { periodKeySchema } from '../meters/periods.ts';
import { instantSchema } from './paging.ts';

/**
 * Billing: a customer's price list (versioned by billing period), billing runs that turn locked
 * readings into lines and amounts, invoices and their payments. Money travels as decimal strings
 * ("0.0085", "86723.20"), never as floats; amounts are computed with decimal.js in shared/billing.
 */

export { BILLED_KINDS, LINE_KINDS, PRICE_MODELS, TRUE_UP_SCHEDULES };

/** A unit price: up to 8 digits and 6 decimals ("0.0085"); numbers are accepted and kept exact as text. */
export const unitPriceSchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,8}(\.\d{1,6})?$/, 'price'));

/** An amount of money: up to 12 digits and the currency's decimals (checked against the currency where it matters). */
export const moneySchema = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .pipe(z.string().regex(/^\d{1,12}(\.\d{1,3})?$/, 'amount'));

export const currencySchema = z.string().trim().regex(/^[A-Z]{3}$/, 'currency');

const pagesSchema = z.number().int().nonnegative().max(100_000_000);
const perKind = <T extends z.ZodType>(schema: T) => z.strictObject({ mono: schema, colour: schema, scan: schema });

export const deviceTermsSchema = z.strictObject({
  /** Price per page beyond the included ones; null: this kind is not billed. */
  prices: perKind(unitPriceSchema.nullable()),
  included: perKind(pagesSchema),
  fixedFee: unitPriceSchema,
});
export type DeviceTermsInput = z.input<typeof deviceTermsSchema>;

export const tierSchema = z.strictObject({ from: z.number().int().min(1).max(1_000_000_000), price: unitPriceSchema });
const tiersSchema = z
  .array(tierSchema)
  .max(50)
  .superRefine((tiers, ctx) => {
    const problem = tierProblem(tiers);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.index, 'from'], message: problem.problem });
  });

export const devicePoolSchema = z.strictObject({
  id: z.string().trim().min(1).max(40),
  name: z.string().trim().min(1).max(80),
  /** The devices sharing the pool, or every device of the customer. */
  deviceIds: z.union([z.array(z.uuid()).max(10_000), z.literal('all')]),
  included: perKind(pagesSchema),
});

/** Everything a customer's contract says about money; the shape shared/billing computes with. */
export const priceListSchema = z.strictObject({
  model: z.enum(PRICE_MODELS),
  currency: currencySchema,
  defaults: deviceTermsSchema,
  models: z.array(z.strictObject({ manufacturer: z.string().trim().min(1).max(80), model: z.string().trim().min(1).max(120), terms: deviceTermsSchema })).max(500),
  devices: z.array(z.strictObject({ deviceId: z.uuid(), terms: deviceTermsSchema })).max(10_000),
  tiers: perKind(tiersSchema),
  pools: z.array(devicePoolSchema).max(100),
  minimumPerPeriod: unitPriceSchema.nullable(),
  /** Large-format (A3) sheets count as two pages. */
  largeCountsDouble: z.boolean(),
  consumables: z.array(z.strictObject({ supplyModel: z.string().trim().min(1).max(120), price: unitPriceSchema })).max(1000),
  /** When pooled overage is reconciled against the sum of the periods' allowances. */
  trueUp: z.enum(TRUE_UP_SCHEDULES),
});
export type PriceListInput = z.input<typeof priceListSchema>;
export type PriceListData = z.output<typeof priceListSchema>;

/** One saved version of a customer's prices: it applies from `effectiveFrom` (a billing period) on. */
export const priceVersionSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  effectiveFrom: periodKeySchema,
  /** 1, 2, 3… in saving order. */
  version: z.number().int().positive(),
  prices: priceListSchema,
  savedBy: z.string(),
  savedAt: instantSchema,
});
export type PriceVersion = z.infer<typeof priceVersionSchema>;

export const customerPricesSchema = z.object({
  /** The version in force for the current billing period, null when no prices were set. */
  current: priceVersionSchema.nullable(),
  /** Every saved version, newest first. */
  history: z.array(priceVersionSchema),
  /** The billing period a change saved now takes effect from. */
  changesTakeEffect: periodKeySchema,
});
export type CustomerPrices = z.infer<typeof customerPricesSchema>;

/** The devices and supply models of a customer's fleet, to pick from in the prices tab. */
export const pricingChoicesSchema = z.object({
  models: z.array(z.object({ manufacturer: z.string(), model: z.string(), devices: z.number().int() })),
  devices: z.array(z.object({ id: z.uuid(), code: z.string(), manufacturer: z.string(), model: z.string(), serial: z.string().nullable() })),
  supplyModels: z.array(z.string()),
});
export type PricingChoices = z.infer<typeof pricingChoicesSchema>;

// ---- Billing runs ---------------------------------------------------------------------------

export const BILLING_RUN_STATUSES = ['draft', 'approved'] as const;
export type BillingRunStatus = (typeof BILLING_RUN_STATUSES)[number];

export const billingLineSchema = z.object({
  kind: z.enum(LINE_KINDS),
  /** Null for customer-level lines (tiered, pool overage, minimum, adjustments of such lines). */
  deviceId: z.uuid().nullable(),
  /** The device's code (PREFIX-n) and model, for reading the line without a lookup. */
  deviceCode: z.string().nullable(),
  deviceModel: z.string().nullable(),
  counter: z.enum(BILLED_KINDS).nullable(),
  poolId: z.string().nullable(),
  supplyModel: z.string().nullable(),
  /** Counter values the volume was computed from (device page lines). */
  startValue: z.number().int().nullable(),
  endValue: z.number().int().nullable(),
  /** The end value is an estimate: no real reading in the period. */
  estimated: z.boolean(),
  quantity: z.number().int(),
  included: z.number().int(),
  billed: z.number().int(),
  unitPrice: z.string().nullable(),
  amount: z.string().nullable(),
  /** For an adjustment line: the approved period it corrects. */
  adjustsPeriod: periodKeySchema.nullable(),
});
export type BillingLine = z.infer<typeof billingLineSchema>;

export const billingRunSummarySchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerNumber: z.string(),
  customerName: z.string(),
  period: periodKeySchema,
  /** First and last instant of the period (the end is exclusive). */
  periodStart: instantSchema,
  periodEnd: instantSchema,
  status: z.enum(BILLING_RUN_STATUSES),
  currency: z.string(),
  total: z.string(),
  /** Some volume rests on an estimate, or a device has no reading at the period's end. */
  estimatedLines: z.number().int(),
  missingDevices: z.number().int(),
  adjustmentLines: z.number().int(),
  computedAt: instantSchema,
  computedBy: z.string(),
  approvedAt: instantSchema.nullable(),
  approvedBy: z.string().nullable(),
});
export type BillingRunSummary = z.infer<typeof billingRunSummarySchema>;

export const billingRunSchema = billingRunSummarySchema.extend({
  priceVersionId: z.uuid(),
  lines: z.array(billingLineSchema),
  /** Devices without any reading at or before the period's end: nothing billed for them. */
  missing: z.array(z.object({ deviceId: z.uuid(), deviceCode: z.string(), deviceModel: z.string() })),
});
export type BillingRun = z.infer<typeof billingRunSchema>;

export const billingRunListQuerySchema = z.object({
  customerId: z.uuid().optional(),
  period: periodKeySchema.optional(),
  status: z.enum(BILLING_RUN_STATUSES).optional(),
});
export type BillingRunListQuery = z.infer<typeof billingRunListQuerySchema>;
export const billingRunListSchema = z.object({ items: z.array(billingRunSummarySchema) });

/** Run (or re-run a draft of) one period for one customer, or for every customer with prices. */
export const billingRunInputSchema = z.strictObject({ period: periodKeySchema, customerId: z.uuid().optional() });
export type BillingRunInput = z.input<typeof billingRunInputSchema>;
export const billingRunResultSchema = z.object({
  runs: z.array(billingRunSummarySchema),
  /** Customers skipped: no prices, or the period is already approved. */
  skipped: z.array(z.object({ customerId: z.uuid(), customerNumber: z.string(), reason: z.enum(['no_prices', 'approved']) })),
});

/** What the current period looks like so far, and where it is heading (the customer's Billing tab, the meter page). */
export const billingEstimateSchema = z.object({
  period: periodKeySchema,
  periodStart: instantSchema,
  periodEnd: instantSchema,
  currency: z.string(),
  /** The amount for the volume so far and the projected amount at the period's end. */
  totalSoFar: z.string(),
  projectedTotal: z.string(),
  kinds: z.array(
    z.object({
      counter: z.enum(BILLED_KINDS),
      pagesSoFar: z.number().int(),
      projectedPages: z.number().int(),
      /** Pages included for the whole customer this period (per device and pools summed); null when none. */
      included: z.number().int().nullable(),
      /** Projected pages beyond the included ones, and the day (YYYY-MM-DD) they are expected to be crossed. */
      projectedOverage: z.number().int(),
      crossingDay: z.string().nullable(),
    }),
  ),
});
export type BillingEstimate = z.infer<typeof billingEstimateSchema>;

// ---- Invoices and payments ------------------------------------------------------------------

export const INVOICE_STATUSES = ['open', 'partly_paid', 'paid', 'overdue'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const INVOICE_DOCUMENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg', 'image/webp'] as const;
export type InvoiceDocumentType = (typeof INVOICE_DOCUMENT_TYPES)[number];
export const MAX_INVOICE_DOCUMENT_BYTES = 5 * 1024 * 1024;

const dateSchema = z.iso.date();

export const paymentSchema = z.object({
  id: z.uuid(),
  invoiceId: z.uuid(),
  paidOn: dateSchema,
  amount: z.string(),
  note: z.string().nullable(),
  recordedBy: z.string(),
  recordedAt: instantSchema,
});
export type Payment = z.infer<typeof paymentSchema>;

export const invoiceSchema = z.object({
  id: z.uuid(),
  customerId: z.uuid(),
  customerNumber: z.string(),
  customerName: z.string(),
  number: z.string(),
  issuedOn: dateSchema,
  dueOn: dateSchema.nullable(),
  amount: z.string(),
  currency: z.string(),
  billingRunId: z.uuid().nullable(),
  billingPeriod: periodKeySchema.nullable(),
  document: z.object({ name: z.string(), contentType: z.enum(INVOICE_DOCUMENT_TYPES), bytes: z.number().int() }).nullable(),
  paid: z.string(),
  remaining: z.string(),
  lastPaymentOn: dateSchema.nullable(),
  status: z.enum(INVOICE_STATUSES),
  payments: z.array(paymentSchema),
  createdAt: instantSchema,
});
export type Invoice = z.infer<typeof invoiceSchema>;

export const invoiceDocumentUploadSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  contentType: z.enum(INVOICE_DOCUMENT_TYPES),
  /** The file's bytes, base64; its real type is checked from its magic bytes. */
  dataBase64: z.string().max(Math.ceil((MAX_INVOICE_DOCUMENT_BYTES * 4) / 3) + 4),
});
export type InvoiceDocumentUpload = z.infer<typeof invoiceDocumentUploadSchema>;

export const invoiceInputSchema = z.strictObject({
  number: z.string().trim().min(1).max(60),
  issuedOn: dateSchema,
  dueOn: dateSchema.nullable().default(null),
  amount: moneySchema,
  currency: currencySchema,
  billingRunId: z.uuid().nullable().default(null),
  /** Absent: keep the document; null: remove it. */
  document: invoiceDocumentUploadSchema.nullable().optional(),
});
export type InvoiceInput = z.input<typeof invoiceInputSchema>;

export const invoiceCreateSchema = invoiceInputSchema.extend({ customerId: z.uuid() });
export type InvoiceCreate = z.input<typeof invoiceCreateSchema>;
export type InvoiceCreateData = z.output<typeof invoiceCreateSchema>;
export type InvoiceInputData = z.output<typeof invoiceInputSchema>;

export const paymentInputSchema = z.strictObject({
  /** Made by the client once per payment typed: sending it again (a double tap, a retry) records it once. */
  clientId: z.uuid(),
  paidOn: dateSchema,
  amount: moneySchema,
  note: z.string().trim().max(500).nullable().default(null),
});
export type PaymentInput = z.input<typeof paymentInputSchema>;
export type PaymentInputData = z.output<typeof paymentInputSchema>;

export const invoiceListQuerySchema = z.object({
  customerId: z.uuid().optional(),
  status: z.enum(INVOICE_STATUSES).optional(),
});
export const invoiceListSchema = z.object({ items: z.array(invoiceSchema) });
