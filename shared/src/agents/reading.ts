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
  /** level ÷ max × 100 (2 decimals) when both are known; null otherwise. */
  percent: z.number().nullable(),
  state: z.enum(['measured', 'some_remaining', 'unknown', 'other']),
  source: z.enum(['printer_mib', 'vendor']),
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
});

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
  counters: z.record(z.string(), z.number().nullable()),
  supplies: z.array(SupplySchema),
  status: z.object({
    /** hrPrinterStatus: other, unknown, idle, printing, warmup. */
    printer: z.string().nullable(),
    /** hrPrinterDetectedErrorState flags (lowToner, jammed, doorOpen…). */
    errors: z.array(z.string()),
  }),
  alerts: z.array(AlertSchema),
  warnings: z.array(ReadingWarningSchema),
});

export type Supply = z.infer<typeof SupplySchema>;
export type Alert = z.infer<typeof AlertSchema>;
export type ReadingWarning = z.infer<typeof ReadingWarningSchema>;
export type PrinterReading = z.infer<typeof PrinterReadingSchema>;
