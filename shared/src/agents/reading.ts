import { z } from 'zod';

/** The JSON an agent produces for one printer read (from SNMP or a walk file). */
export const SupplySchema = z.object({
  /** Stable row key: the prtMarkerSuppliesTable index (`hrDeviceIndex.supplyIndex`), or `vendor:<code>`. */
  index: z.string(),
  description: z.string(),
  /** Printer-MIB prtMarkerSuppliesType name (toner, opc, wasteToner…) or the vendor's. */
  type: z.string(),
  colour: z.string().nullable(),
  /** Raw prtMarkerSuppliesLevel; -1 other, -2 unknown, -3 "some remaining" per RFC 3805. Null when the vendor only gives a percentage. */
  level: z.number().nullable(),
  max: z.number().nullable(),
  /** level ÷ max × 100 (2 decimals) when both are known, or what a vendor rule (`rule`) says; null otherwise. */
  percent: z.number().nullable(),
  state: z.enum(['measured', 'some_remaining', 'unknown', 'other']),
  source: z.enum(['printer_mib', 'vendor']),
  /** The recipe's vendor rule that gave `percent` where the Printer-MIB alone gives none (e.g. `sharp-level-is-percent`). */
  rule: z.string().optional(),
});

export const AlertSchema = z.object({
  severity: z.enum(['critical', 'warning', 'other']),
  group: z.string(),
  code: z.string(),
  description: z.string(),
});

export const ReadingWarningSchema = z.object({
  code: z.enum(['total_mismatch', 'parts_mismatch', 'counter_missing', 'unknown_vendor', 'not_a_printer']),
  message: z.string(),
  values: z.record(z.string(), z.number()).default({}),
  /** The recipe's vendor rule that settled the case, when one did (e.g. `brother-web-page-total`). */
  rule: z.string().optional(),
});

/**
 * The most one reading may carry. Real printers report a few dozen supplies and alerts; the limits
 * are generous for them and keep one sample from holding the server's database for long. The agent
 * trims a reading to them (`fitReading`) before it journals it, so a sample never bounces forever.
 */
export const READING_LIMITS = {
  supplies: 200,
  alerts: 200,
  statusErrors: 64,
  warnings: 100,
  /** Named counters (total, mono… plus the recipe's raw ones). */
  counters: 500,
} as const;

export const PrinterReadingSchema = z.object({
  vendor: z.string(),
  manufacturer: z.string().nullable(),
  model: z.string().nullable(),
  serial: z.string().nullable(),
  firmware: z.string().nullable(),
  mac: z.string().nullable(),
  sysObjectId: z.string().nullable(),
  sysDescr: z.string().nullable(),
  /** total, mono, colour, scan, large (null when unknown or withheld as doubtful) plus every raw counter the recipe read, by name. */
  counters: z
    .record(z.string(), z.number().nullable())
    .refine((value) => Object.keys(value).length <= READING_LIMITS.counters, `At most ${READING_LIMITS.counters} counters`),
  supplies: z.array(SupplySchema).max(READING_LIMITS.supplies),
  status: z.object({
    /** hrPrinterStatus: other, unknown, idle, printing, warmup. */
    printer: z.string().nullable(),
    /** hrPrinterDetectedErrorState flags (lowToner, jammed, doorOpen…). */
    errors: z.array(z.string()).max(READING_LIMITS.statusErrors),
  }),
  alerts: z.array(AlertSchema).max(READING_LIMITS.alerts),
  warnings: z.array(ReadingWarningSchema).max(READING_LIMITS.warnings),
});

export type Supply = z.infer<typeof SupplySchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type ReadingWarning = z.infer<typeof ReadingWarningSchema>;
export type PrinterReading = z.infer<typeof PrinterReadingSchema>;

/** The reading cut to READING_LIMITS (first entries kept), unchanged when it already fits. */
export function fitReading(reading: PrinterReading): PrinterReading {
  const counterNames = Object.keys(reading.counters);
  return {
    ...reading,
    counters: counterNames.length <= READING_LIMITS.counters ? reading.counters : Object.fromEntries(counterNames.slice(0, READING_LIMITS.counters).map((name) => [name, reading.counters[name] ?? null])),
    supplies: reading.supplies.slice(0, READING_LIMITS.supplies),
    status: { ...reading.status, errors: reading.status.errors.slice(0, READING_LIMITS.statusErrors) },
    alerts: reading.alerts.slice(0, READING_LIMITS.alerts),
    warnings: reading.warnings.slice(0, READING_LIMITS.warnings),
  };
}
