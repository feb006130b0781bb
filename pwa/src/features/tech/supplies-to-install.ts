/** What the technician brings to a device: its supplies with an order on its way, in the order they go in. */
import type { BundleSupply } from '@parc/shared/contracts/tickets';
import { supplyIdentity } from '@parc/shared/supplies/identity';
import { supplyColourOf, supplyKindOf, type SupplyColour, type SupplyKind } from '@parc/shared/supplies/kinds';

type Order = NonNullable<BundleSupply['order']>;

/** A bundle stored on the phone before orders said what they bring has no kind, colour or part number in them. */
type StoredOrder = Omit<Order, 'kind' | 'colour' | 'partNumber'> & Partial<Pick<Order, 'kind' | 'colour' | 'partNumber'>>;
type StoredSupply = Omit<BundleSupply, 'order'> & { order: StoredOrder | null };

export interface SupplyToInstall {
  supplyIndex: string;
  description: string;
  /** Null when neither the order nor the printer says (a bundle stored before orders carried it). */
  kind: SupplyKind | null;
  colour: SupplyColour;
  partNumber: string | null;
  code: string;
  status: Order['status'];
  trackingLink: string | null;
}

/** Delivered first (it is on site), then on its way, then only placed. */
const STATUS_RANK: Record<Order['status'], number> = { to_replace: 0, shipped: 1, new: 2 };

/**
 * The supplies with an order on its way, delivered ones first, the printer's order kept within a
 * status (the sort is stable). The order says what it brings; a stored bundle that predates that
 * falls back on what the printer reports for the supply.
 */
export function suppliesToInstall(supplies: readonly StoredSupply[]): SupplyToInstall[] {
  return supplies
    .flatMap(({ order, ...supply }) =>
      order
        ? [
            {
              supplyIndex: supply.supplyIndex,
              description: supply.description,
              kind: order.kind ?? supplyKindOf(supply.type, supply.description),
              colour: order.colour ?? supplyColourOf(supply.colour),
              partNumber: order.partNumber === undefined ? supplyIdentity(supply.description).partNumber : order.partNumber,
              code: order.code,
              status: order.status,
              trackingLink: order.trackingLink,
            },
          ]
        : [],
    )
    .sort((a, b) => STATUS_RANK[a.status] - STATUS_RANK[b.status]);
}
