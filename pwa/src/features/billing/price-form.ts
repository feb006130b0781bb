/**
 * The prices tab's form and the price list it saves. The form holds what was typed (text, so a
 * half-typed "0,00" survives); saving converts it to the contract's shape — decimal commas become
 * points, empty prices mean "not billed", empty pages mean none — and checks it with the contract's
 * own schema, so the tab and the server judge alike. Problems are keyed by the same dotted paths the
 * server names in an error's `field` ("tiers.mono.1.from"), so both show at the field.
 */
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { BilledKind, PriceModel, TrueUpSchedule } from '@parc/shared/billing/pricing';
import { priceListSchema, type PriceListData, type PriceListInput } from '@parc/shared/contracts/billing';

export type PerKindText = Record<BilledKind, string>;

export interface TermsForm {
  /** Empty: the kind is not billed. */
  prices: PerKindText;
  /** Empty: no pages included. */
  included: PerKindText;
  /** Empty: no fee. */
  fixedFee: string;
}

export interface TierForm {
  from: string;
  price: string;
}

export interface PoolForm {
  /** Kept across versions (runs and true-ups name the pool by it); given from the name when first saved. */
  id: string;
  name: string;
  deviceIds: string[] | 'all';
  included: PerKindText;
}

export interface PriceForm {
  model: PriceModel;
  currency: string;
  defaults: TermsForm;
  models: { manufacturer: string; model: string; terms: TermsForm }[];
  devices: { deviceId: string; terms: TermsForm }[];
  tiers: Record<BilledKind, TierForm[]>;
  pools: PoolForm[];
  /** Empty: no minimum. */
  minimumPerPeriod: string;
  largeCountsDouble: boolean;
  consumables: { supplyModel: string; price: string }[];
  trueUp: TrueUpSchedule;
}

/** Why a field is refused, for the tab to word. */
export type FieldProblem = 'price' | 'pages' | 'from' | 'currency' | 'required' | 'duplicate' | 'first_not_one' | 'not_increasing' | 'invalid';

export type PriceFormResult = { ok: true; list: PriceListInput } | { ok: false; problems: Record<string, FieldProblem> };

const perKind = <T>(value: (kind: BilledKind) => T): Record<BilledKind, T> => ({ mono: value('mono'), colour: value('colour'), scan: value('scan') });
const isZero = (value: string) => /^0*(\.0*)?$/.test(value);
const pagesText = (pages: number) => (pages === 0 ? '' : String(pages));

export function emptyTermsForm(): TermsForm {
  return { prices: perKind(() => ''), included: perKind(() => ''), fixedFee: '' };
}

/** The band "Add a band" appends: the first starts at page 1, the others where the clerk says. */
export function newTier(tiers: readonly TierForm[]): TierForm {
  return { from: tiers.length === 0 ? '1' : '', price: '' };
}

function termsFormOf(terms: PriceListData['defaults']): TermsForm {
  return {
    prices: perKind((kind) => terms.prices[kind] ?? ''),
    included: perKind((kind) => pagesText(terms.included[kind])),
    fixedFee: isZero(terms.fixedFee) ? '' : terms.fixedFee,
  };
}

/** The form showing a saved price list (or an empty one in the customer's currency). */
export function priceFormOf(list: PriceListData | null, currency: string): PriceForm {
  const prices = list ?? emptyPriceList(currency);
  return {
    model: prices.model,
    currency: prices.currency,
    defaults: termsFormOf(prices.defaults),
    models: prices.models.map(({ manufacturer, model, terms }) => ({ manufacturer, model, terms: termsFormOf(terms) })),
    devices: prices.devices.map(({ deviceId, terms }) => ({ deviceId, terms: termsFormOf(terms) })),
    tiers: perKind((kind) => prices.tiers[kind].map((tier) => ({ from: String(tier.from), price: tier.price }))),
    pools: prices.pools.map((pool) => ({ id: pool.id, name: pool.name, deviceIds: pool.deviceIds === 'all' ? 'all' : [...pool.deviceIds], included: perKind((kind) => pagesText(pool.included[kind])) })),
    minimumPerPeriod: prices.minimumPerPeriod ?? '',
    largeCountsDouble: prices.largeCountsDouble,
    consumables: prices.consumables.map((entry) => ({ ...entry })),
    trueUp: prices.trueUp,
  };
}

/** A typed decimal as the contract takes it: spaces and apostrophes (grouping) dropped, a decimal comma made a point. */
export function decimalOf(text: string): string {
  const compact = text.replace(/[\s'’]/g, '');
  return compact.includes('.') ? compact : compact.replace(',', '.');
}

/** Typed pages as a number; anything but digits gives NaN, which the schema refuses. */
function pagesOf(text: string): number {
  const compact = text.replace(/[\s'’]/g, '');
  if (compact === '') return 0;
  return /^\d+$/.test(compact) ? Number(compact) : Number.NaN;
}

function termsOf(terms: TermsForm): PriceListInput['defaults'] {
  const price = (text: string) => (text.trim() === '' ? null : decimalOf(text));
  return {
    prices: perKind((kind) => price(terms.prices[kind])),
    included: perKind((kind) => pagesOf(terms.included[kind])),
    fixedFee: terms.fixedFee.trim() === '' ? '0' : decimalOf(terms.fixedFee),
  };
}

/** A pool's id from its name ("Head office" → "head-office"), unlike the ids already taken. */
export function poolIdFor(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 32) || 'pool';
  let id = base;
  for (let suffix = 2; taken.has(id); suffix++) id = `${base}-${suffix}`;
  return id;
}

function problemOf(path: readonly PropertyKey[], message: string): FieldProblem {
  if (message === 'first_not_one' || message === 'not_increasing') return message;
  const last = String(path.at(-1));
  if (last === 'currency') return 'currency';
  if (last === 'from') return 'from';
  if (path.includes('included')) return 'pages';
  if (['prices', 'price', 'fixedFee', 'minimumPerPeriod'].some((name) => path.includes(name))) return 'price';
  if (['name', 'supplyModel', 'manufacturer', 'model', 'deviceId', 'deviceIds'].includes(last)) return 'required';
  return 'invalid';
}

/** The same device, model or supply model priced twice: the second is refused (only one would ever apply). */
function duplicates(form: PriceForm): Record<string, FieldProblem> {
  const problems: Record<string, FieldProblem> = {};
  const mark = <T>(entries: readonly T[], key: (entry: T) => string, path: (index: number) => string) => {
    const seen = new Set<string>();
    entries.forEach((entry, index) => {
      const value = key(entry);
      if (value && seen.has(value)) problems[path(index)] = 'duplicate';
      seen.add(value);
    });
  };
  mark(form.models, (entry) => (entry.model ? `${entry.manufacturer}\u0000${entry.model}`.toLowerCase() : ''), (index) => `models.${index}.model`);
  mark(form.devices, (entry) => entry.deviceId, (index) => `devices.${index}.deviceId`);
  mark(form.consumables, (entry) => entry.supplyModel.trim().toLowerCase(), (index) => `consumables.${index}.supplyModel`);
  return problems;
}

/** The price list to save, or the problems of every field at fault. */
export function priceListOf(form: PriceForm): PriceFormResult {
  const taken = new Set(form.pools.map((pool) => pool.id).filter(Boolean));
  const input: PriceListInput = {
    model: form.model,
    currency: form.currency.trim().toUpperCase(),
    defaults: termsOf(form.defaults),
    models: form.models.map(({ manufacturer, model, terms }) => ({ manufacturer, model, terms: termsOf(terms) })),
    devices: form.devices.map(({ deviceId, terms }) => ({ deviceId, terms: termsOf(terms) })),
    tiers: perKind((kind) => form.tiers[kind].map((tier) => ({ from: pagesOf(tier.from), price: decimalOf(tier.price) }))),
    pools: form.pools.map((pool) => {
      const id = pool.id || poolIdFor(pool.name, taken);
      taken.add(id);
      return { id, name: pool.name, deviceIds: pool.deviceIds, included: perKind((kind) => pagesOf(pool.included[kind])) };
    }),
    minimumPerPeriod: form.minimumPerPeriod.trim() === '' ? null : decimalOf(form.minimumPerPeriod),
    largeCountsDouble: form.largeCountsDouble,
    consumables: form.consumables.map((entry) => ({ supplyModel: entry.supplyModel, price: decimalOf(entry.price) })),
    trueUp: form.trueUp,
  };
  const problems = duplicates(form);
  const checked = priceListSchema.safeParse(input);
  if (!checked.success) for (const issue of checked.error.issues) problems[issue.path.join('.')] ??= problemOf(issue.path, issue.message);
  // An empty pool (no device ticked) shares nothing: refused here, the schema allows it.
  form.pools.forEach((pool, index) => {
    if (pool.deviceIds !== 'all' && pool.deviceIds.length === 0) problems[`pools.${index}.deviceIds`] ??= 'required';
  });
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, list: input };
}

