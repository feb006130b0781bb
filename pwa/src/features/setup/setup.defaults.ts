/** What the setup form proposes before the person chooses: guessed from the browser, all changeable. */
import { isCountryCode } from '@parc/shared/setup/codes';
import { isTimeZone } from '@parc/shared/contracts/customers';

/** The region of the first browser language that names one ("de-CH" → CH), else Switzerland. */
export function defaultCountry(browserLanguages: readonly string[]): string {
  for (const tag of browserLanguages) {
    const region = tag.split(/[-_]/)[1]?.toUpperCase();
    if (region && isCountryCode(region)) return region;
  }
  return 'CH';
}

const EURO_COUNTRIES = new Set(['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MC', 'MT', 'NL', 'PT', 'SI', 'SK', 'SM', 'VA']);
const OWN_CURRENCY: Record<string, string> = { CH: 'CHF', LI: 'CHF', GB: 'GBP', US: 'USD', CA: 'CAD', SE: 'SEK', NO: 'NOK', DK: 'DKK', PL: 'PLN', CZ: 'CZK', HU: 'HUF' };

/** The currency a dealer in `country` most likely bills in, when Parc knows one. */
export function suggestedCurrency(country: string): string | undefined {
  return OWN_CURRENCY[country] ?? (EURO_COUNTRIES.has(country) ? 'EUR' : undefined);
}

/** The browser's own time zone when it is a named zone, else Zurich's. */
export function defaultTimeZone(browserZone: string | undefined): string {
  return browserZone && browserZone !== 'UTC' && isTimeZone(browserZone) ? browserZone : 'Europe/Zurich';
}
