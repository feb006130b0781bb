/**
 * The routing tab's rule form and reordering. The form holds what was typed, an empty filter meaning
 * "any"; saving builds the contract's input and checks it with the contract's own schema, problems
 * keyed by the same dotted paths the server names ("recipients.1.address").
 */
import { orderRouteInputSchema, type OrderRouteInput, type OrderRouteView } from '@parc/shared/contracts/supplies';
import type { SupplyColour, SupplyKind } from '@parc/shared/supplies/kinds';
import type { RouteRecipient, RouteRecipientKind } from '@parc/shared/supplies/routing';

export interface RecipientForm {
  kind: RouteRecipientKind;
  /** Only for `address`. */
  address: string;
}

export interface RouteForm {
  name: string;
  manufacturer: string;
  model: string;
  deviceId: string;
  kind: SupplyKind | '';
  colour: SupplyColour | '';
  supplierId: string;
  recipients: RecipientForm[];
}

export type RouteProblem = 'required' | 'email' | 'no_recipient' | 'invalid';
export type RouteResult = { ok: true; input: OrderRouteInput } | { ok: false; problems: Record<string, RouteProblem> };

/** A new rule starts by writing to the device's coordinator. */
export function routeFormOf(route?: OrderRouteView): RouteForm {
  const filters = route?.filters ?? {};
  return {
    name: route?.name ?? '',
    manufacturer: filters.manufacturer ?? '',
    model: filters.model ?? '',
    deviceId: filters.deviceId ?? '',
    kind: filters.kind ?? '',
    colour: filters.colour ?? '',
    supplierId: filters.supplierId ?? '',
    recipients: (route?.recipients ?? [{ kind: 'device_coordinator' }]).map((recipient) => ({ kind: recipient.kind, address: recipient.kind === 'address' ? recipient.address : '' })),
  };
}

const recipientOf = (form: RecipientForm): RouteRecipient => (form.kind === 'address' ? { kind: 'address', address: form.address.trim() } : { kind: form.kind });

export function routeInputOf(form: RouteForm): RouteResult {
  const input: OrderRouteInput = {
    name: form.name.trim(),
    filters: {
      manufacturer: form.manufacturer.trim() || null,
      model: form.model.trim() || null,
      deviceId: form.deviceId || null,
      kind: form.kind || null,
      colour: form.colour || null,
      supplierId: form.supplierId || null,
    },
    recipients: form.recipients.map(recipientOf),
  };
  const checked = orderRouteInputSchema.safeParse(input);
  if (checked.success) return { ok: true, input };
  const problems: Record<string, RouteProblem> = {};
  for (const issue of checked.error.issues) {
    const path = issue.path.join('.');
    problems[path] = path === 'name' ? 'required' : path === 'recipients' ? 'no_recipient' : path.endsWith('.address') ? 'email' : 'invalid';
  }
  return { ok: false, problems };
}

/** The ids with the one at `index` moved one place up (-1) or down (+1); unchanged at either end. */
export function movedIds(ids: readonly string[], index: number, step: -1 | 1): string[] {
  const next = [...ids];
  const target = index + step;
  if (index < 0 || index >= ids.length || target < 0 || target >= ids.length) return next;
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}
