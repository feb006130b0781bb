/**
 * The local stocks tab's pure rules: the badges a stock and an item show, the actions a
 * replenishment's status offers, and the forms (stock, item, replenishment) turned into requests.
 */
import {
  localStockInputSchema,
  type LocalStock,
  type LocalStockInput,
  type LocalStockUpdate,
  type ReplenishmentCreate,
  type StockItem,
  type StockItemInput,
  type StockMovement,
} from '@parc/shared/contracts/stocks';
import { REPLENISHMENT_ACTIONS, type ReplenishmentAction, type ReplenishmentStatus, type StockState } from '@parc/shared/supplies/stock';
import { checked, type Checked } from './orders.rules.ts';

/** The console badge (`badge--…`) of an item's state. */
export const STATE_BADGES: Record<StockState, 'ok' | 'warn' | 'danger'> = { ok: 'ok', low: 'warn', empty: 'danger' };

/** A stock's alert badges in the list: how many items are low and how many empty, only those above zero. */
export function stockAlerts(items: readonly Pick<StockItem, 'state'>[]): { state: Exclude<StockState, 'ok'>; count: number }[] {
  return (['empty', 'low'] as const).map((state) => ({ state, count: items.filter((item) => item.state === state).length })).filter((alert) => alert.count > 0);
}

/** The actions a replenishment in this status offers, in the order of its life. */
export function replenishmentActions(status: ReplenishmentStatus): ReplenishmentAction[] {
  return (Object.keys(REPLENISHMENT_ACTIONS) as ReplenishmentAction[]).filter((action) => (REPLENISHMENT_ACTIONS[action] as readonly ReplenishmentStatus[]).includes(status));
}

/** A movement's reason in words: its message and what fills it (the replenishment's code, the device replaced on). */
export function movementText(movement: Pick<StockMovement, 'reason' | 'replenishmentCode' | 'deviceCode'>): {
  key: 'stocks.movement.count' | 'stocks.movement.replenishment' | 'stocks.movement.replacement';
  params: Record<string, string>;
} {
  if (movement.reason === 'replenishment') return { key: 'stocks.movement.replenishment', params: { code: movement.replenishmentCode ?? '—' } };
  if (movement.reason === 'replacement') return { key: 'stocks.movement.replacement', params: { device: movement.deviceCode ?? '—' } };
  return { key: 'stocks.movement.count', params: {} };
}

// ---- The stock form ----------------------------------------------------------------------------

/** What the stock dialog holds: text as typed, '' for none. */
export interface StockForm {
  name: string;
  customerId: string;
  siteId: string;
  deviceIds: string[];
  managerCoordinatorId: string;
  managerEmail: string;
}

export function stockFormOf(stock?: LocalStock): StockForm {
  return {
    name: stock?.name ?? '',
    customerId: stock?.customer.id ?? '',
    siteId: stock?.site.id ?? '',
    deviceIds: stock?.devices.map((device) => device.id) ?? [],
    managerCoordinatorId: stock?.manager.coordinatorId ?? '',
    managerEmail: stock?.manager.email ?? '',
  };
}

export type StockField = 'name' | 'customerId' | 'siteId' | 'managerEmail';

/** A new stock as the server takes it, or what is missing (a name, a customer, a site) or invalid (the email). */
export function checkedStock(form: StockForm): Checked<LocalStockInput, StockField> {
  const result = checked<LocalStockInput, StockField>(localStockInputSchema, {
    name: form.name.trim(),
    customerId: form.customerId,
    siteId: form.siteId,
    deviceIds: form.deviceIds,
    managerCoordinatorId: form.managerCoordinatorId || null,
    managerEmail: form.managerEmail.trim() || null,
  });
  if (result.ok) return result;
  // An unchosen customer or site is missing, not invalid.
  const problems = { ...result.problems };
  for (const field of ['customerId', 'siteId'] as const) if (problems[field]) problems[field] = 'required';
  return { ok: false, problems };
}

/** The change an edit sends: name, devices and manager (the customer and site stay). */
export function stockUpdateOf(input: LocalStockInput): LocalStockUpdate {
  return { name: input.name, deviceIds: input.deviceIds, managerCoordinatorId: input.managerCoordinatorId ?? null, managerEmail: input.managerEmail ?? null };
}

// ---- An item: its minimum and target, or a count --------------------------------------------

export const ITEM_MODES = ['add', 'limits', 'count'] as const;
export type ItemMode = (typeof ITEM_MODES)[number];

export interface ItemForm {
  minimum: string;
  target: string;
  quantity: string;
}

export type ItemField = keyof ItemForm;
/** `whole`: not a whole number from 0 to 100 000; `target`: not above the minimum. */
export type ItemProblem = 'whole' | 'target';

export function itemFormOf(item?: Pick<StockItem, 'minimum' | 'target' | 'quantity'>): ItemForm {
  return { minimum: String(item?.minimum ?? 0), target: String(item?.target ?? 0), quantity: String(item?.quantity ?? 0) };
}

const COUNT_LIMIT = 100_000;

function count(text: string): number | null {
  const value = text.trim();
  if (!/^\d+$/.test(value)) return null;
  const number = Number(value);
  return number <= COUNT_LIMIT ? number : null;
}

/**
 * What the item dialog sends: adding a supply sets its minimum and target (and the quantity counted
 * on the shelf), the limits change the minimum and target, a count the quantity alone. A target of 0
 * means none; any other must be above the minimum, as the server holds.
 */
export function itemInputOf(mode: ItemMode, form: ItemForm): { ok: true; input: StockItemInput } | { ok: false; problems: Partial<Record<ItemField, ItemProblem>> } {
  const fields: ItemField[] = mode === 'count' ? ['quantity'] : mode === 'limits' ? ['minimum', 'target'] : ['minimum', 'target', 'quantity'];
  const problems: Partial<Record<ItemField, ItemProblem>> = {};
  const input: StockItemInput = {};
  for (const field of fields) {
    const value = count(form[field]);
    if (value === null) problems[field] = 'whole';
    else input[field] = value;
  }
  if (input.target !== undefined && input.minimum !== undefined && input.target !== 0 && input.target <= input.minimum) problems.target = 'target';
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, input };
}

// ---- A replenishment -------------------------------------------------------------------------

export interface ReplenishmentLine {
  supplyModelId: string;
  name: string;
  partNumber: string | null;
  quantity: string;
}

export interface ReplenishmentForm {
  carrierId: string;
  trackingNumber: string;
  note: string;
  lines: ReplenishmentLine[];
}

const lineOf = (item: StockItem, quantity: number): ReplenishmentLine => ({ supplyModelId: item.supplyModelId, name: item.name, partNumber: item.partNumber, quantity: String(quantity) });

/** The form as it opens: a line for each item the stock should be sent (its suggested quantity), the others left to add. */
export function replenishmentFormOf(items: readonly StockItem[]): ReplenishmentForm {
  return { carrierId: '', trackingNumber: '', note: '', lines: items.filter((item) => item.suggested > 0).map((item) => lineOf(item, item.suggested)) };
}

/** The items not on a line yet, which "add a line" offers; a line added proposes one. */
export function addableItems(items: readonly StockItem[], lines: readonly ReplenishmentLine[]): StockItem[] {
  return items.filter((item) => !lines.some((line) => line.supplyModelId === item.supplyModelId));
}

export const addedLine = (item: StockItem): ReplenishmentLine => lineOf(item, Math.max(item.suggested, 1));

const LINE_LIMIT = 10_000;

/** The request, or why not: no line (`lines`), or the supplies whose quantity is not a whole number from 1 to 10 000. */
export function replenishmentInputOf(form: ReplenishmentForm): { ok: true; input: ReplenishmentCreate } | { ok: false; problem: 'lines' } | { ok: false; problem: 'quantity'; supplyModelIds: string[] } {
  if (form.lines.length === 0) return { ok: false, problem: 'lines' };
  const quantities = form.lines.map((line) => ({ line, quantity: count(line.quantity) }));
  const wrong = quantities.filter(({ quantity }) => quantity === null || quantity < 1 || quantity > LINE_LIMIT).map(({ line }) => line.supplyModelId);
  if (wrong.length > 0) return { ok: false, problem: 'quantity', supplyModelIds: wrong };
  const text = (value: string) => value.trim() || null;
  return {
    ok: true,
    input: {
      carrierId: form.carrierId || null,
      trackingNumber: text(form.trackingNumber),
      note: text(form.note),
      lines: quantities.map(({ line, quantity }) => ({ supplyModelId: line.supplyModelId, quantity: quantity as number })),
    },
  };
}
