/**
 * The vocabulary of supplies that ordering, the order configuration and the replacement checks share:
 * what a supply is (its kind and colour), which configured threshold governs it, and an order's life. The manual sets
 * thresholds for six groups (mono/colour toner, mono/colour drum, maintenance parts, waste toner),
 * not per printer type, so every kind maps to one of them.
 */

export const SUPPLY_KINDS = ['toner', 'drum', 'developer', 'ink', 'waste_toner', 'maintenance_kit', 'fuser', 'transfer_belt', 'staples'] as const;
export type SupplyKind = (typeof SUPPLY_KINDS)[number];

export const SUPPLY_COLOURS = ['black', 'cyan', 'magenta', 'yellow', 'none'] as const;
export type SupplyColour = (typeof SUPPLY_COLOURS)[number];

/** The groups the order configuration sets a level for (ordering threshold, most a supply may hold when replaced). */
export const THRESHOLD_KEYS = ['mono_toner', 'colour_toner', 'mono_drum', 'colour_drum', 'maintenance_kit', 'waste_toner'] as const;
export type ThresholdKey = (typeof THRESHOLD_KEYS)[number];

/**
 * The threshold group of a supply; null for staples, which the manual gives no level for (printers
 * report them as present or empty, and a dealer does not ship staples on a level). Ink is the marking
 * supply of ink printers: it follows the toner levels; a developer wears with the drum; fusers and
 * transfer belts are maintenance parts ("rouleaux, bandes de transfert").
 */
export function thresholdKey(kind: SupplyKind, colour: SupplyColour): ThresholdKey | null {
  const colourful = colour === 'cyan' || colour === 'magenta' || colour === 'yellow';
  switch (kind) {
    case 'toner':
    case 'ink':
      return colourful ? 'colour_toner' : 'mono_toner';
    case 'drum':
    case 'developer':
      return colourful ? 'colour_drum' : 'mono_drum';
    case 'waste_toner':
      return 'waste_toner';
    case 'maintenance_kit':
    case 'fuser':
    case 'transfer_belt':
      return 'maintenance_kit';
    case 'staples':
      return null;
  }
}

/**
 * An order's life, after the manual: placed (new, not shipped), shipped (carrier, tracking, the part
 * actually sent), delivered and waiting to go in (to_replace), then replaced when Parc sees the new
 * supply, or cancelled by the dealer.
 */
/** Why an order was placed: a level crossed its threshold, the forecast said it will soon, or a person placed it. */
export const ORDER_TRIGGERS = ['level', 'proactive', 'manual'] as const;
export type OrderTrigger = (typeof ORDER_TRIGGERS)[number];

export const ORDER_STATUSES = ['new', 'shipped', 'to_replace', 'replaced', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** An order on its way: the supply it brings has not gone in yet. */
export const IN_FLIGHT_ORDER_STATUSES = ['new', 'shipped', 'to_replace'] as const satisfies readonly OrderStatus[];

export function isInFlight(status: OrderStatus): boolean {
  return (IN_FLIGHT_ORDER_STATUSES as readonly OrderStatus[]).includes(status);
}

/** What a person may do to an order, and the statuses each is allowed from. Replaced is Parc's to set (a detected replacement) or a person's. */
export const ORDER_ACTIONS = {
  ship: ['new'],
  deliver: ['shipped'],
  replace: ['new', 'shipped', 'to_replace'],
  cancel: ['new', 'shipped', 'to_replace'],
  reopen: ['cancelled'],
} as const satisfies Record<string, readonly OrderStatus[]>;
export type OrderAction = keyof typeof ORDER_ACTIONS;

export const ORDER_ACTION_RESULT: Record<OrderAction, OrderStatus> = { ship: 'shipped', deliver: 'to_replace', replace: 'replaced', cancel: 'cancelled', reopen: 'new' };

/** The status an action leads to, or null when the order's status does not allow it. */
export function orderTransition(status: OrderStatus, action: OrderAction): OrderStatus | null {
  return (ORDER_ACTIONS[action] as readonly OrderStatus[]).includes(status) ? ORDER_ACTION_RESULT[action] : null;
}

/** RFC 3805 prtMarkerSuppliesType names (and the agent's vendor types) by the kind they are. */
const KIND_BY_TYPE: Record<string, SupplyKind> = {
  toner: 'toner', tonerCartridge: 'toner', matteToner: 'toner',
  ink: 'ink', inkCartridge: 'ink', matteInk: 'ink', solidWax: 'ink', inkRibbon: 'ink',
  opc: 'drum', developer: 'developer',
  wasteToner: 'waste_toner', wasteInk: 'waste_toner', wasteWax: 'waste_toner',
  fuser: 'fuser', fuserOil: 'fuser', fuserOilWick: 'fuser', fuserCleaningPad: 'fuser', fuserOiler: 'fuser',
  transferUnit: 'transfer_belt', cleanerUnit: 'maintenance_kit', coronaWire: 'maintenance_kit',
  staples: 'staples', stitchingWire: 'staples',
};

/** Words of a description, most telling first, for the types that say nothing (other, unknown, a vendor's); printers name supplies in their menu language too. */
const KIND_BY_WORD: [RegExp, SupplyKind][] = [
  [/\bwaste|collection unit|maintenance box\b|r[ée]cup[ée]ra|resttoner|recupero|toner di scarto/i, 'waste_toner'],
  [/\bstaple|agrafe|heftklammer|punti metallici/i, 'staples'],
  [/\bmaintenance|\bkit\b|wartung|manutenzione/i, 'maintenance_kit'],
  [/\bfuser|\bfixing|fixier|\bfusion|fusore/i, 'fuser'],
  [/\bbelt|transfer|courroie|cinghia/i, 'transfer_belt'],
  [/\bdevelop|entwickler|sviluppatore/i, 'developer'],
  [/\bdrum|\bopc\b|imaging unit|photoconduct|tambour|trommel|tamburo|fotoconduttore/i, 'drum'],
  [/\bink\b|\bencre|\btinte|inchiostro/i, 'ink'],
  [/\btoner|cartridge|cartouche|kartusche|cartuccia|\btk-/i, 'toner'],
];

/**
 * The kind of a supply the agent read: by its RFC 3805 type, else by the words of its description
 * (many printers say "other" for a drum). A waste or maintenance box named as such wins over its
 * type, since ink printers report their maintenance box as wasteInk or other. Null when nothing
 * says: such a supply is listed, never ordered.
 */
export function supplyKindOf(type: string, description: string): SupplyKind | null {
  const byWord = KIND_BY_WORD.find(([pattern]) => pattern.test(description))?.[1];
  if (byWord === 'waste_toner' || byWord === 'maintenance_kit') return byWord;
  return KIND_BY_TYPE[type] ?? byWord ?? null;
}

/** The colour a supply marks in, from the agent's colour (colorant or description word); light and photo shades count as their base. */
export function supplyColourOf(colour: string | null): SupplyColour {
  const lower = (colour ?? '').toLowerCase();
  for (const base of ['black', 'cyan', 'magenta', 'yellow'] as const) if (lower.includes(base)) return base;
  return 'none';
}

export interface SupplyOrder {
  id: string;
  status: OrderStatus;
  createdAt: Date;
  /** The model or part number ordered, when known. */
  model?: string | null;
}
