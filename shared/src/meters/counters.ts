/**
 * The page counters Parc tracks per device. `large` counts large-format (A3) sheets;
 * totals count each of them as two pages, as dealers bill them.
 */
export const COUNTER_KINDS = ['total', 'mono', 'colour', 'scan', 'large'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

/** Where a reading came from; kept with every reading so the partner can tell them apart. */
export const READING_SOURCES = ['manual', 'agent', 'technician', 'import', 'estimate'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** A reading's state in the review flow. */
export const READING_STATUSES = ['entered', 'to_check', 'accepted', 'corrected', 'refused'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];
