/** The coordinator's line about money under the pages forecast: the period's amount so far and where it is heading. */
import type { AmountForecast } from '@parc/shared/contracts/forecast';
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import { isEarly, type ForecastLine } from '../meters/forecast.text.ts';

export function forecastAmountLine(forecast: AmountForecast, language: Language, now: Date): ForecastLine {
  const locale = LANGUAGE_LOCALES[language];
  const exact = new Intl.NumberFormat(locale, { style: 'currency', currency: forecast.currency });
  // A projection is no more precise than the pages it comes from: whole currency units.
  const whole = new Intl.NumberFormat(locale, { style: 'currency', currency: forecast.currency, maximumFractionDigits: 0, minimumFractionDigits: 0 });
  // Decimal strings go to Intl as they are: no binary float on the way.
  const soFar = exact.format(forecast.totalSoFar as Intl.StringNumericLiteral);
  if (isEarly(forecast, now)) return { key: 'coordinator.forecast.amountSoFar', params: { soFar } };
  return { key: 'coordinator.forecast.amount', params: { soFar, projected: whole.format(forecast.projectedTotal as Intl.StringNumericLiteral) } };
}
