/**
 * The add-customer wizard's data and rules: three steps (customer and contact, sites, prices),
 * each checked before the next, then one save that creates everything in order. Nothing is written
 * before Finish; a save that stops half-way is resumed where it stopped.
 */
import type { CustomerAvailability, CustomerCreate } from '@parc/shared/contracts/customers';
import type { SiteImportCandidate, SiteImportLine } from '@parc/shared/contracts/sites';
import { perPagePriceList } from '@parc/shared/billing/price-list';
import type { PriceListInput } from '@parc/shared/contracts/billing';
import { DomainError } from '@parc/shared/errors';
import { checkSiteImport, readSiteImportFile } from '@parc/shared/sites/import';
import type { ApiError } from '../../api/client.ts';

export const WIZARD_STEPS = ['information', 'sites', 'prices', 'summary'] as const;
export type WizardStep = (typeof WIZARD_STEPS)[number];

export interface CustomerInfo {
  name: string;
  customerNumber: string;
  prefix: string;
  language: 'fr' | 'de' | 'it' | 'en';
  country: string;
  address: string;
  postcode: string;
  city: string;
  taxNumber: string;
  activity: string;
}

export interface ContactInfo {
  name: string;
  email: string;
  phone: string;
}

export interface PriceInfo {
  currency: string;
  monoPrice: string;
  colourPrice: string;
  scanPrice: string;
}

/** A field's own check, or the server's keyed answer about it (a number another customer has). */
export type FieldError = 'required' | 'format' | ApiError;
export type FieldErrors<T> = Partial<Record<keyof T, FieldError>>;

const PREFIX = /^[A-Z0-9]{1,10}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PRICE = /^\d{1,8}([.,]\d{1,4})?$/;
const CURRENCY = /^[A-Z]{3}$/;

export function emptyInfo(language: CustomerInfo['language']): CustomerInfo {
  return { name: '', customerNumber: '', prefix: '', language, country: 'CH', address: '', postcode: '', city: '', taxNumber: '', activity: '' };
}

/** A prefix suggestion from the name: its capital letters and digits, at most four. */
export function suggestPrefix(name: string): string {
  const words = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .filter(Boolean);
  if (words.length === 0) return '';
  const initials = words.length > 1 ? words.map((word) => word[0]).join('') : words[0]!.slice(0, 3);
  return initials.slice(0, 4);
}

export function checkInfo(info: CustomerInfo, contact: ContactInfo): { info: FieldErrors<CustomerInfo>; contact: FieldErrors<ContactInfo> } {
  const infoErrors: FieldErrors<CustomerInfo> = {};
  for (const field of ['name', 'customerNumber', 'prefix'] as const) if (!info[field].trim()) infoErrors[field] = 'required';
  if (info.prefix.trim() && !PREFIX.test(info.prefix.trim())) infoErrors.prefix = 'format';
  if (!/^[A-Z]{2}$/.test(info.country.trim().toUpperCase())) infoErrors.country = 'format';
  const contactErrors: FieldErrors<ContactInfo> = {};
  if (!contact.name.trim()) contactErrors.name = 'required';
  if (!contact.email.trim()) contactErrors.email = 'required';
  else if (!EMAIL.test(contact.email.trim())) contactErrors.email = 'format';
  return { info: infoErrors, contact: contactErrors };
}

export function checkPrices(prices: PriceInfo): FieldErrors<PriceInfo> {
  const errors: FieldErrors<PriceInfo> = {};
  if (!CURRENCY.test(prices.currency)) errors.currency = 'format';
  for (const field of ['monoPrice', 'colourPrice', 'scanPrice'] as const) {
    if (!prices[field].trim()) errors[field] = 'required';
    else if (!PRICE.test(prices[field].trim())) errors[field] = 'format';
  }
  return errors;
}

export const hasErrors = (errors: object) => Object.keys(errors).length > 0;

const optional = (value: string) => value.trim() || undefined;

export function customerCreateOf(info: CustomerInfo, currency: string): CustomerCreate {
  return {
    name: info.name.trim(),
    customerNumber: info.customerNumber.trim(),
    prefix: info.prefix.trim(),
    language: info.language,
    country: info.country.trim().toUpperCase(),
    address: optional(info.address),
    postcode: optional(info.postcode),
    city: optional(info.city),
    taxNumber: optional(info.taxNumber),
    activity: optional(info.activity),
    currency,
  };
}

/** Decimal commas are common in the four languages; the API takes points. */
export function pricesInputOf(prices: PriceInfo): PriceListInput {
  const price = (value: string) => value.trim().replace(',', '.');
  return perPagePriceList(prices.currency, { mono: price(prices.monoPrice), colour: price(prices.colourPrice), scan: price(prices.scanPrice) });
}

/** Sites typed into the wizard; the customer's own address is the first one unless the user removes it. */
export interface SiteDraft {
  key: number;
  name: string;
  address?: string;
  postcode?: string;
  city?: string;
  country?: string;
}

export function siteFromCustomer(info: CustomerInfo, key: number): SiteDraft {
  return { key, name: info.city.trim() || info.name.trim(), address: optional(info.address), postcode: optional(info.postcode), city: optional(info.city), country: info.country.trim().toUpperCase() || undefined };
}

/** What the server says is taken, as the same keyed errors a refused creation would answer. */
export function availabilityErrors(availability: CustomerAvailability, info: CustomerInfo): FieldErrors<CustomerInfo> {
  const errors: FieldErrors<CustomerInfo> = {};
  const taken = (key: 'customer.number_taken' | 'customer.prefix_taken', field: 'customerNumber' | 'prefix', params: Record<string, string>): ApiError => ({ code: 'conflict', key, params, message: '', field });
  if (availability.customerNumberTaken) errors.customerNumber = taken('customer.number_taken', 'customerNumber', { customerNumber: info.customerNumber.trim() });
  if (availability.prefixTaken) errors.prefix = taken('customer.prefix_taken', 'prefix', { prefix: info.prefix.trim() });
  return errors;
}

/** The name sites are told apart by (the server's rule: names unique per customer, case aside). */
const siteNameKey = (name: string) => name.trim().toLocaleLowerCase('fr');

/** Drafts whose name another draft or an imported site already has. */
export function repeatedSiteNames(drafts: readonly SiteDraft[], imported: readonly SiteImportCandidate[]): number[] {
  const seen = new Set(imported.map((site) => siteNameKey(site.name)));
  const repeated: number[] = [];
  for (const draft of drafts) {
    const key = siteNameKey(draft.name);
    if (!key) continue;
    if (seen.has(key)) repeated.push(draft.key);
    seen.add(key);
  }
  return repeated;
}

/** Stands for the coordinator that does not exist yet in a preview. */
const NEW_CONTACT = 'new-contact';

/**
 * A sites file judged before the customer exists, by the server's own rules: against the sites
 * already typed or imported, and with the new contact as the only coordinator a line may name.
 * A file refused as a whole (no name column) answers its keyed error.
 */
export function previewSiteImport(csv: string, existing: { drafts: readonly SiteDraft[]; imported: readonly SiteImportCandidate[]; contactEmail: string }): { lines: SiteImportLine[] } | { error: ApiError } {
  try {
    const rows = readSiteImportFile(csv);
    const email = existing.contactEmail.trim().toLowerCase();
    const lines = checkSiteImport(rows, {
      existingNames: [...existing.drafts.map((draft) => draft.name), ...existing.imported.map((site) => site.name)].filter((name) => name.trim()),
      // The contact becomes the main coordinator on Finish; every site gets it then, named or not.
      coordinatorsByEmail: new Map(email ? [[email, NEW_CONTACT]] : []),
      mainCoordinatorId: null,
    });
    return { lines };
  } catch (error) {
    if (!(error instanceof DomainError) || !error.key) throw error;
    const field = typeof error.params.field === 'string' ? error.params.field : undefined;
    return { error: { code: error.code, key: error.key, params: error.params, message: error.message, field } };
  }
}


/** What Finish writes, in order; each call done is remembered so a retry does only the rest. */
export interface FinishProgress {
  customerId: string | null;
  coordinatorId: string | null;
  /** How many of the planned sites exist, in the order planned. */
  sitesCreated: number;
  pricesSaved: boolean;
}

/** A fresh object each time: a store changes the object it is given. */
export const nothingSaved = (): FinishProgress => ({ customerId: null, coordinatorId: null, sitesCreated: 0, pricesSaved: false });

export type FinishTask = 'customer' | 'coordinator' | 'sites' | 'prices';

/** The calls still to make, in the order customer, coordinator, sites, prices (the agent comes after, and may fail alone). */
export function remainingTasks(progress: FinishProgress, sitesPlanned: number): FinishTask[] {
  const tasks: FinishTask[] = [];
  if (!progress.customerId) tasks.push('customer');
  if (!progress.coordinatorId) tasks.push('coordinator');
  if (progress.sitesCreated < sitesPlanned) tasks.push('sites');
  if (!progress.pricesSaved) tasks.push('prices');
  return tasks;
}

/** The sites Finish creates: the typed ones with a name, then the imported ones. */
export function plannedSites(drafts: readonly SiteDraft[], imported: readonly SiteImportCandidate[]): Omit<SiteDraft, 'key'>[] {
  const typed = drafts.filter((draft) => draft.name.trim()).map(({ key: _key, ...site }) => ({ ...site, name: site.name.trim() }));
  const fromFile = imported.map((site) => ({ name: site.name, address: site.address ?? undefined, postcode: site.postcode ?? undefined, city: site.city ?? undefined, country: site.country ?? undefined }));
  return [...typed, ...fromFile];
}
