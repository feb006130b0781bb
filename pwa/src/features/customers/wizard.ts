/**
 * The add-customer wizard's data and rules: three steps (customer and contact, sites, prices),
 * each checked before the next, then one save that creates everything in order.
 */
import type { CustomerCreate } from '@parc/shared/contracts/customers';
import { perPagePriceList } from '@parc/shared/billing/price-list';
import type { PriceListInput } from '@parc/shared/contracts/billing';

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

export type FieldErrors<T> = Partial<Record<keyof T, 'required' | 'format'>>;

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
