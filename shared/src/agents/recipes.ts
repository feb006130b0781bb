import { z } from 'zod';
import { COUNTER_KINDS } from '../meters/counters.ts';

/**
 * Vendor recipes: how the agent turns a printer's SNMP varbinds into a reading. Pure data (JSON),
 * so the backend can ship updated recipes to agents without a new agent release.
 * OIDs are numeric, without a leading dot.
 */
const oid = z.string().regex(/^\d+(\.\d+)*$/, 'numeric OID without a leading dot');

/** Where a text field comes from: an OID, optionally a `KEY:` of an IEEE 1284 device id, optionally a regex capture. */
export const ValueSourceSchema = z.object({
  oid,
  /** IEEE 1284 device id key (`MDL`, `MODEL`, `SN`…) to pick from a `KEY:value;` string. */
  field: z.string().optional(),
  /** Regular expression (case-insensitive); its first capture group is the value. */
  pattern: z.string().optional(),
});

const counterName = z.string().regex(/^[a-z][A-Za-z0-9]*$/, 'camelCase counter name');

export const CounterRuleSchema = z.discriminatedUnion('rule', [
  /** One OID, one counter. */
  z.object({ rule: z.literal('scalar'), name: counterName, oid }),
  /**
   * A table whose key column says what each row counts (Ricoh type codes, Canon labels):
   * rows whose key is in `keys` are summed into the named counter. Without `keyColumn`, the row
   * index itself is the key (Canon iR-ADV: `…1602.1.11.1.3.1.4.<code>`).
   */
  z.object({
    rule: z.literal('keyedTable'),
    keyColumn: oid.optional(),
    valueColumn: oid,
    keys: z.record(z.string(), counterName),
  }),
  /** A table with a text label per row (Sharp): every row becomes a counter named after its label. */
  z.object({ rule: z.literal('labelledTable'), labelColumn: oid, valueColumn: oid }),
  /**
   * One octet string of fixed records `CODE(1) … VALUE(n, big-endian)` (Brother maintenance blocks).
   * Codes are two hex digits.
   */
  z.object({
    rule: z.literal('packed'),
    oid,
    recordLength: z.number().int().positive(),
    valueBytes: z.number().int().min(1).max(6),
    codes: z.record(z.string().regex(/^[0-9a-f]{2}$/), counterName),
  }),
]);

/** Supplies a vendor reports outside the Printer-MIB, as a percentage in a packed block. */
export const PackedSupplyRuleSchema = z.object({
  oid,
  recordLength: z.number().int().positive(),
  valueBytes: z.number().int().min(1).max(6),
  /** The raw value divided by this gives a percentage (Brother stores hundredths). */
  divisor: z.number().positive(),
  codes: z.record(
    z.string().regex(/^[0-9a-f]{2}$/),
    z.object({ description: z.string(), type: z.string(), colour: z.string().nullable() }),
  ),
});

export const CounterSumSchema = z.object({ name: counterName, of: z.array(counterName).min(1) });

/** A vendor rule's name, carried into the reading (`Supply.rule`, `ReadingWarning.rule`) so a value says which rule gave it. */
const ruleId = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case rule id');

/** Vendor rules for Printer-MIB supply rows the RFC alone leaves without a percentage. */
export const SupplyRuleSchema = z.discriminatedUnion('rule', [
  /**
   * The vendor documents prtMarkerSuppliesLevel as a percentage: a row whose maximum is unknown (-2)
   * but whose level is a real value (0–100) reports that value as its percentage (Sharp's waste toner).
   * `types` limits the rule to those prtMarkerSuppliesType names; empty means every row.
   */
  z.object({ rule: z.literal('levelIsPercentWhenMaxUnknown'), id: ruleId, types: z.array(z.string()).default([]) }),
]);

/**
 * The counter the device's own web page shows as its total. When the vendor total and
 * prtMarkerLifeCount disagree and mono+colour does not settle it, this one is kept (both raw values
 * stay in the reading, and a warning names the rule); without it the total is withheld.
 */
export const WebPageTotalSchema = z.object({ id: ruleId, counter: counterName });

export const VendorProfileSchema = z.object({
  id: z.string(),
  manufacturer: z.string(),
  /** Brands that sell this vendor's engine under their own name (Ricoh → Savin, Lanier…), found in sysDescr. */
  brands: z.array(z.string()).default([]),
  match: z.object({
    /** Private enterprise numbers (1.3.6.1.4.1.N) of sysObjectID. */
    enterprises: z.array(z.number().int()).default([]),
    /** Case-insensitive regex on sysDescr; checked before enterprises (rebadged engines keep their maker's OID). */
    sysDescr: z.string().optional(),
  }),
  /** Vendor subtrees a live read walks in addition to the standard ones. */
  subtrees: z.array(oid).default([]),
  model: z.array(ValueSourceSchema).default([]),
  serial: z.array(ValueSourceSchema).default([]),
  firmware: z.array(ValueSourceSchema).default([]),
  /** Prefixes removed from the model text ("HP ", "Brother "), and suffixes like " series". */
  modelPrefixes: z.array(z.string()).default([]),
  counters: z.array(CounterRuleSchema).default([]),
  sums: z.array(CounterSumSchema).default([]),
  /** For each Parc counter kind, the counter names to use, best first. */
  kinds: z.partialRecord(z.enum(COUNTER_KINDS), z.array(counterName)).default({}),
  /**
   * Counters that are the device's own grand total; compared with prtMarkerLifeCount.
   * The rest of `kinds.total` (sums of parts) is checked as parts.
   */
  vendorTotals: z.array(counterName).default([]),
  /** True when the device's total counts a large (A3) sheet once: Parc then adds `large` once more. */
  largeCountedOnceInTotal: z.boolean().default(false),
  packedSupplies: z.array(PackedSupplyRuleSchema).default([]),
  supplyRules: z.array(SupplyRuleSchema).default([]),
  webPageTotal: WebPageTotalSchema.optional(),
});

export const RecipeSetSchema = z.object({
  version: z.string(),
  /** Standard Printer-MIB / Host-Resources rules, applied to every printer before the vendor's. */
  standard: VendorProfileSchema,
  vendors: z.array(VendorProfileSchema),
});

export type ValueSource = z.infer<typeof ValueSourceSchema>;
export type CounterRule = z.infer<typeof CounterRuleSchema>;
export type SupplyRule = z.infer<typeof SupplyRuleSchema>;
export type VendorProfile = z.infer<typeof VendorProfileSchema>;
export type RecipeSet = z.infer<typeof RecipeSetSchema>;
export type RecipeSetInput = z.input<typeof RecipeSetSchema>;
