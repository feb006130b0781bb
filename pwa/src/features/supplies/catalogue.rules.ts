/**
 * The catalogue tab's edit form and consumption chart. The form holds what was typed; saving sends
 * only what changed, converted to the contract's shape (a decimal comma becomes a point, grouping
 * dropped, an empty field clears it) and checked with the contract's own schema.
 */
import { supplyModelUpdateSchema, type SupplyModel, type SupplyModelUpdate } from '@parc/shared/contracts/supplies';
import type { SupplyKind } from '@parc/shared/supplies/kinds';
import { decimalOf } from '../billing/price-form.ts';

export interface ModelForm {
  ratedYield: string;
  dealerReference: string;
  price: string;
  /** Empty: no supplier. */
  supplierId: string;
  /** Empty while Parc does not know it; a kind once set cannot be cleared. */
  kind: SupplyKind | '';
}

export type ModelProblem = 'yield' | 'price' | 'reference';
export type ModelChange = { ok: true; change: SupplyModelUpdate | null } | { ok: false; problems: Partial<Record<keyof ModelForm, ModelProblem>> };

export function modelFormOf(model: SupplyModel): ModelForm {
  return {
    ratedYield: model.ratedYield === null ? '' : String(model.ratedYield),
    dealerReference: model.dealerReference ?? '',
    price: model.price ?? '',
    supplierId: model.supplierId ?? '',
    kind: model.kind ?? '',
  };
}

/** A price with two decimals ("24.9" → "24.90"), or what was typed when it is no price (the schema then refuses it). */
function priceOf(text: string): string | null {
  const decimal = decimalOf(text);
  if (decimal === '') return null;
  return /^\d+(\.\d{1,2})?$/.test(decimal) ? Number(decimal).toFixed(2) : decimal;
}

function yieldOf(text: string): number | null {
  const compact = text.replace(/[\s'’.,]/g, '');
  if (compact === '') return null;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

const PROBLEMS: Record<string, ModelProblem> = { ratedYield: 'yield', price: 'price', dealerReference: 'reference' };

/** What the form changes on the model (null: nothing), or why it cannot be saved. */
export function modelChangeOf(form: ModelForm, model: SupplyModel): ModelChange {
  const change: SupplyModelUpdate = {};
  const ratedYield = yieldOf(form.ratedYield);
  if (ratedYield !== model.ratedYield) change.ratedYield = ratedYield;
  const reference = form.dealerReference.trim() || null;
  if (reference !== model.dealerReference) change.dealerReference = reference;
  const price = priceOf(form.price);
  if (price !== model.price) change.price = price;
  const supplierId = form.supplierId || null;
  if (supplierId !== model.supplierId) change.supplierId = supplierId;
  if (form.kind && form.kind !== model.kind) change.kind = form.kind;
  if (Object.keys(change).length === 0) return { ok: true, change: null };
  const checked = supplyModelUpdateSchema.safeParse(change);
  if (checked.success) return { ok: true, change };
  const problems: Partial<Record<keyof ModelForm, ModelProblem>> = {};
  for (const issue of checked.error.issues) {
    const field = String(issue.path[0]) as keyof ModelForm;
    problems[field] = PROBLEMS[field] ?? 'yield';
  }
  return { ok: false, problems };
}

export interface ConsumptionBar {
  month: string;
  count: number;
  /** Of the highest month's count, 0 to 1. */
  share: number;
}

/** The last twelve months' replacements as bars scaled to the busiest month. */
export function consumptionBars(consumption: SupplyModel['consumption']): ConsumptionBar[] {
  const months = consumption.slice(-12);
  const most = Math.max(1, ...months.map((month) => month.count));
  return months.map(({ month, count }) => ({ month, count, share: count / most }));
}
