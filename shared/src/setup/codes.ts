/**
 * The dealer's country (ISO 3166-1 alpha-2) and currency (ISO 4217), judged by what the runtime's
 * Intl knows, so the lists a form offers and the codes a server accepts come from one place.
 */

/** Codes ISO 3166 leaves to users (AA, QM–QZ, XA–XZ but Kosovo's XK, ZZ) or reserves for groupings (EU, EZ, UN): no country. */
const NOT_A_COUNTRY = /^(AA|Q[M-Z]|X[A-JL-Z]|ZZ|EU|EZ|UN)$/;

let regionNames: Intl.DisplayNames | undefined;

/** True for a two-letter code in capitals that names a country or territory ("CH", "DE", "LI"). */
export function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_A_COUNTRY.test(code)) return false;
  regionNames ??= new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  return regionNames.of(code) !== undefined;
}

let countries: readonly string[] | undefined;

/** Every country code, in code order (a form sorts them by their name in its language). */
export function countryCodes(): readonly string[] {
  if (!countries) {
    const letters = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
    countries = letters.flatMap((first) => letters.map((second) => first + second)).filter(isCountryCode);
  }
  return countries;
}

let currencies: ReadonlySet<string> | undefined;

/** The currencies the runtime can format ("CHF", "EUR"). */
export function currencyCodes(): ReadonlySet<string> {
  currencies ??= new Set(Intl.supportedValuesOf('currency'));
  return currencies;
}

export function isCurrencyCode(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && currencyCodes().has(code);
}
