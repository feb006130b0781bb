/** The orders list's pure rules: the query its view and filters make, what a status offers, the days-to-empty range, the details a dialog changes. */
import { carrierInputSchema, supplierInputSchema, type Carrier, type CarrierInput, type OrderUpdate, type Supplier, type SupplierInput, type SupplyOrderView } from '@parc/shared/contracts/supplies';
import { ORDER_ACTIONS, type OrderAction, type OrderStatus } from '@parc/shared/supplies/kinds';

/** Pending: every order in flight (new, shipped, to replace); all: any status, filtered by one if chosen. */
export const ORDER_VIEWS = ['pending', 'all'] as const;
export type OrderView = (typeof ORDER_VIEWS)[number];

export interface OrderFilters {
  customerId: string;
  kind: string;
  /** Only on the "all" view. */
  status: string;
  search: string;
}

export function ordersQuery(view: OrderView, filters: OrderFilters, page: number, pageSize: number): URLSearchParams {
  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  const status = view === 'pending' ? 'pending' : filters.status;
  if (status) params.set('status', status);
  if (filters.customerId) params.set('customerId', filters.customerId);
  if (filters.kind) params.set('kind', filters.kind);
  const search = filters.search.trim();
  if (search) params.set('search', search);
  return params;
}

/** The actions a person may take on an order in this status, in the order of its life. */
export function orderActions(status: OrderStatus): OrderAction[] {
  return (Object.keys(ORDER_ACTIONS) as OrderAction[]).filter((action) => (ORDER_ACTIONS[action] as readonly OrderStatus[]).includes(status));
}

/**
 * Days to empty when ordered, as a range from the early forecast (p90) to the median (p50), in
 * whole days; one number when both round alike or only one is known; null without a forecast.
 */
export function daysRange(p90Days: number | null, p50Days: number | null): { low: number; high: number } | null {
  const known = [p90Days, p50Days].filter((days): days is number => days !== null).map((days) => Math.max(0, Math.round(days)));
  if (known.length === 0) return null;
  return { low: Math.min(...known), high: Math.max(...known) };
}

/** What the ship / add-info dialog holds: text as typed, '' for none. */
export interface OrderDetailsForm {
  carrierId: string;
  trackingNumber: string;
  orderedPartNumber: string;
  note: string;
}

export function orderDetailsOf(order: SupplyOrderView): OrderDetailsForm {
  return {
    carrierId: order.carrier?.id ?? '',
    trackingNumber: order.trackingNumber ?? '',
    orderedPartNumber: order.orderedPartNumber ?? '',
    note: order.note ?? '',
  };
}

/** The change to send: the action if any, and only the details that differ from the order's (cleared ones as null). Null when there is nothing to send. */
export function orderChangeOf(order: SupplyOrderView, form: OrderDetailsForm, action?: OrderAction): OrderUpdate | null {
  const before = orderDetailsOf(order);
  const change: OrderUpdate = action ? { action } : {};
  for (const key of ['carrierId', 'trackingNumber', 'orderedPartNumber', 'note'] as const) {
    const value = form[key].trim();
    if (value !== before[key].trim()) change[key] = value === '' ? null : value;
  }
  return Object.keys(change).length === 0 ? null : change;
}

/** A supplier or carrier form: every field as typed. */
export type SupplierForm = { name: string; email: string; phone: string };
export type CarrierForm = { name: string; trackingUrl: string };

export const supplierFormOf = (supplier?: Supplier): SupplierForm => ({ name: supplier?.name ?? '', email: supplier?.email ?? '', phone: supplier?.phone ?? '' });
export const carrierFormOf = (carrier?: Carrier): CarrierForm => ({ name: carrier?.name ?? '', trackingUrl: carrier?.trackingUrl ?? '' });

const textOrNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** A field the server would refuse: a name left empty, or a value it cannot take (an email, a web address). */
export type EntryProblem = 'required' | 'invalid';
export type Checked<Input, Field extends string> = { ok: true; input: Input } | { ok: false; problems: Partial<Record<Field, EntryProblem>> };

export function checked<Input, Field extends string>(schema: { safeParse(input: unknown): { success: boolean; error?: { issues: { path: PropertyKey[] }[] } } }, input: Input): Checked<Input, Field> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, input };
  const problems: Partial<Record<Field, EntryProblem>> = {};
  for (const issue of result.error?.issues ?? []) {
    const field = String(issue.path[0]) as Field;
    problems[field] = field === 'name' ? 'required' : 'invalid';
  }
  return { ok: false, problems };
}

export function checkedSupplier(form: SupplierForm): Checked<SupplierInput, keyof SupplierForm> {
  return checked(supplierInputSchema, { name: form.name.trim(), email: textOrNull(form.email), phone: textOrNull(form.phone) });
}

export function checkedCarrier(form: CarrierForm): Checked<CarrierInput, keyof CarrierForm> {
  return checked(carrierInputSchema, { name: form.name.trim(), trackingUrl: textOrNull(form.trackingUrl) });
}

