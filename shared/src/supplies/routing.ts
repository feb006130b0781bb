import type { SupplyColour, SupplyKind } from './kinds.ts';

/**
 * Who hears of an order: the dealer's routing rules, in their order, the first whose filters all
 * match wins (the manual's "ventilation des commandes": Lexmark toners to Lexmark's order desk, Canon
 * to Canon's). A filter left empty matches anything; a rule without filters catches the rest.
 */

export const ROUTE_RECIPIENT_KINDS = ['device_coordinator', 'site_coordinator', 'customer_coordinator', 'address'] as const;
export type RouteRecipientKind = (typeof ROUTE_RECIPIENT_KINDS)[number];
export type RouteRecipient = { kind: Exclude<RouteRecipientKind, 'address'> } | { kind: 'address'; address: string };

export interface RouteFilters {
  manufacturer?: string | null;
  model?: string | null;
  deviceId?: string | null;
  kind?: SupplyKind | null;
  colour?: SupplyColour | null;
  supplierId?: string | null;
}

export interface OrderRoute {
  id: string;
  filters: RouteFilters;
  recipients: readonly RouteRecipient[];
}

/** What the filters are compared with. */
export interface RoutedOrder {
  manufacturer: string;
  model: string;
  deviceId: string;
  kind: SupplyKind;
  colour: SupplyColour;
  supplierId: string | null;
}

const same = (a: string, b: string) => a.trim().localeCompare(b.trim(), undefined, { sensitivity: 'base' }) === 0;

export function routeMatches(filters: RouteFilters, order: RoutedOrder): boolean {
  const text = (filter: string | null | undefined, value: string) => !filter || same(filter, value);
  const exact = <T>(filter: T | null | undefined, value: T) => filter === null || filter === undefined || filter === value;
  return (
    text(filters.manufacturer, order.manufacturer) &&
    text(filters.model, order.model) &&
    exact(filters.deviceId, order.deviceId) &&
    exact(filters.kind, order.kind) &&
    exact(filters.colour, order.colour) &&
    exact(filters.supplierId, order.supplierId)
  );
}

/** The first matching route, or null: the order then goes to the dealer's own address. */
export function routeOrder<Route extends OrderRoute>(routes: readonly Route[], order: RoutedOrder): Route | null {
  return routes.find((route) => routeMatches(route.filters, order)) ?? null;
}
