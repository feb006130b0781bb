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

/** An order's life: placed (new), shipped to the customer, installed (fulfilled by a replacement), or cancelled by the dealer. */
export const ORDER_STATUSES = ['new', 'shipped', 'installed', 'cancelled'] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];
/** An order on its way: the supply it brings has not gone in yet. */
export const IN_FLIGHT_ORDER_STATUSES = ['new', 'shipped'] as const satisfies readonly OrderStatus[];

export function isInFlight(status: OrderStatus): boolean {
  return (IN_FLIGHT_ORDER_STATUSES as readonly OrderStatus[]).includes(status);
}

export interface SupplyOrder {
  id: string;
  status: OrderStatus;
  createdAt: Date;
  /** The model or part number ordered, when known. */
  model?: string | null;
}
