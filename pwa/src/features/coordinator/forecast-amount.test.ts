import { describe, expect, it } from 'vitest';
import type { AmountForecast } from '@parc/shared/contracts/forecast';
import type { Language } from '@parc/shared/languages';
import { catalogues, translate } from '../../i18n/translate.ts';
import { forecastAmountLine } from './forecast-amount.ts';

const forecast: AmountForecast = {
  period: '2026-11',
  periodStart: '2026-10-31T23:00:00.000Z',
  periodEnd: '2026-11-30T23:00:00.000Z',
  timeZone: 'Europe/Zurich',
  currency: 'CHF',
  totalSoFar: '1234.50',
  projectedTotal: '1987.65',
  kinds: [{ counter: 'colour', pagesSoFar: 8_420, projectedPages: 11_187, included: 10_000, projectedOverage: 1_187, crossingDay: '2026-11-28' }],
};
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/(\d)\u2019(\d)/g, "$1'$2");
const sentence = (language: Language, now: Date, of = forecast) => {
  const line = forecastAmountLine(of, language, now);
  return plain(translate(catalogues[language], line.key, line.params));
};

describe('forecastAmountLine', () => {
  it.each<[Language, string]>([
    ['en', 'Amount for the period at this rate: about CHF 1,988 (CHF 1,234.50 so far).'],
    ['de', "Betrag der Periode bei diesem Tempo: etwa CHF 1'988 (bisher CHF 1'234.50)."],
  ])('in %s: the projection in whole units, so far to the cent', (language, text) => {
    expect(sentence(language, new Date('2026-11-20T08:00:00Z'))).toBe(text);
  });

  it('keeps a currency without minor units whole, and says only the amount so far on the first day', () => {
    expect(sentence('en', new Date('2026-11-20T08:00:00Z'), { ...forecast, currency: 'JPY', totalSoFar: '12345', projectedTotal: '20000' })).toBe(
      'Amount for the period at this rate: about JP¥20,000 (JP¥12,345 so far).',
    );
    expect(sentence('en', new Date('2026-11-01T05:00:00Z'))).toBe('Amount for the period so far: CHF 1,234.50.');
  });
});
