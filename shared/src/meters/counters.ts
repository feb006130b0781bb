/**
 * The page counters Parc tracks per device. `large` counts large-format (A3) sheets;
 * totals count each of them as two pages, as dealers bill them.
 */
export const COUNTER_KINDS = ['total', 'mono', 'colour', 'scan', 'large'] as const;
export type CounterKind = (typeof COUNTER_KINDS)[number];

/**
 * Where a reading came from; kept with every reading so the partner can tell them apart.
 * link: the customer through a meter link; partner: typed in the console; agent: SNMP;
 * technician: the offline app; estimate: the campaign after a missed deadline; correction: a
 * dealer replaced someone else's value (the value before is kept in the reading's revisions).
 */
export const READING_SOURCES = ['link', 'partner', 'agent', 'technician', 'estimate', 'correction'] as const;
export type ReadingSource = (typeof READING_SOURCES)[number];

/** Sources that are the dealer's own word: a value far above usual is kept as accepted, with the reason shown. */
export const REVIEWER_SOURCES: readonly ReadingSource[] = ['partner', 'correction'];

/** A reading's state in the review flow. `deleted` keeps a removed value in the history, counted nowhere. */
export const READING_STATUSES = ['entered', 'to_check', 'accepted', 'corrected', 'refused', 'deleted'] as const;
export type ReadingStatus = (typeof READING_STATUSES)[number];

/**
 * The statuses that make a value the device's counter: a value still to check, refused or deleted
 * is nobody's current counter (lists, charts, volumes, billing, the next entry's plausibility).
 */
export const COUNTING_STATUSES = ['entered', 'accepted', 'corrected'] as const satisfies readonly ReadingStatus[];
export const isCounting = (status: ReadingStatus): boolean => (COUNTING_STATUSES as readonly ReadingStatus[]).includes(status);

/** The dealer has vouched for the value: a customer can no longer overwrite it through the link. */
export const SETTLED_STATUSES = ['accepted', 'corrected'] as const satisfies readonly ReadingStatus[];
export const isSettled = (status: ReadingStatus): boolean => (SETTLED_STATUSES as readonly ReadingStatus[]).includes(status);

/** Declared breaks in a counter's series; a device replaced by another is a swap between two devices, not a reset. */
export const RESET_KINDS = ['counter_reset', 'board_replaced'] as const;
export type ResetKind = (typeof RESET_KINDS)[number];
