import { describe, expect, it } from 'vitest';
import type { ForecastKind, PageForecast } from '@parc/shared/contracts/forecast';
import type { Language } from '@parc/shared/languages';
import { catalogues, translate } from '../../i18n/translate.ts';
import { forecastText } from './forecast.text.ts';

// November 2026 in Zurich: local midnight to local midnight.
const november = { period: '2026-11', periodStart: '2026-10-31T23:00:00.000Z', periodEnd: '2026-11-30T23:00:00.000Z', timeZone: 'Europe/Zurich' };
const colour: ForecastKind = { counter: 'colour', pagesSoFar: 8_420, projectedPages: 11_187, included: 10_000, projectedOverage: 1_187, crossingDay: '2026-11-28' };
const midMonth = new Date('2026-11-23T10:00:00Z');

const forecastOf = (...kinds: ForecastKind[]): PageForecast => ({ ...november, kinds });
/** ICU versions differ in the spaces and apostrophes they group and join with: compared as plain ones. */
const plain = (text: string) => text.replace(/[\u2009\u202f\u00a0]/g, ' ').replace(/(\d)\u2019(\d)/g, "$1'$2");
const sentences = (forecast: PageForecast, language: Language, now = midMonth) =>
  forecastText(forecast, language, now).kinds.map((kind) => [kind.title, ...kind.lines].map((line) => plain(typeof line === 'string' ? translate(catalogues[language], line) : translate(catalogues[language], line.key, line.params))));

describe('forecastText', () => {
  it('says the pages so far, the projection rounded and when the included pages run out', () => {
    expect(sentences(forecastOf(colour), 'en')).toEqual([
      ['Colour pages', 'So far 8,420 of 10,000 included pages.', 'At this rate about 11,200 by 30 November: about 1,200 pages above the included ones, from around 28 November.'],
    ]);
    expect(plain(forecastText(forecastOf(colour), 'en', midMonth).period)).toBe('1 – 30 November');
    expect(forecastText(forecastOf(colour), 'en', midMonth)).toMatchObject({ kinds: [{ state: 'over', bar: { soFar: 8_420 / 11_187, projected: 1, included: 10_000 / 11_187 } }] });
  });

  it.each<[Language, string, string]>([
    ['de', "Bisher 8'420 von 10'000 inbegriffenen Seiten.", "Bei diesem Tempo etwa 11'200 bis zum 30. November: etwa 1'200 Seiten über den inbegriffenen, ungefähr ab dem 28. November."],
    ['it', "Finora 8420 su 10'000 pagine incluse.", "A questo ritmo circa 11'200 entro il 30 novembre: circa 1200 pagine oltre quelle incluse, a partire dal 28 novembre circa."],
    ['fr', 'Jusqu’ici 8 420 sur 10 000 pages incluses.', 'À ce rythme, environ 11 200 d’ici au 30 novembre : environ 1 200 pages au-delà des pages incluses, dès le 28 novembre environ.'],
  ])('in %s, with its grouping and dates', (language, soFar, outlook) => {
    const [, ...lines] = sentences(forecastOf(colour), language)[0]!;
    expect(lines).toEqual([soFar, outlook]);
  });

  it('stays within, or says the included pages are already used up', () => {
    const within: ForecastKind = { counter: 'mono', pagesSoFar: 2_000, projectedPages: 2_608, included: 5_000, projectedOverage: 0, crossingDay: null };
    const exceeded: ForecastKind = { counter: 'scan', pagesSoFar: 1_200, projectedPages: 1_565, included: 1_000, projectedOverage: 565, crossingDay: '2026-11-19' };
    const text = forecastText(forecastOf(within, exceeded), 'en', midMonth);
    expect(text.kinds.map((kind) => kind.state)).toEqual(['within', 'exceeded']);
    expect(sentences(forecastOf(within, exceeded), 'en')).toEqual([
      ['Black & white pages', 'So far 2,000 of 5,000 included pages.', 'At this rate about 2,610 by 30 November, within the included pages.'],
      ['Scans', 'So far 1,200 of 1,000 included pages.', 'The included pages ran out around 19 November. At this rate about 1,570 by 30 November: about 570 pages above them.'],
    ]);
  });

  it('uses the singular where the count is one', () => {
    const one: ForecastKind = { counter: 'mono', pagesSoFar: 1, projectedPages: 2, included: 1, projectedOverage: 1, crossingDay: '2026-11-16' };
    expect(sentences(forecastOf(one), 'en')[0]!.slice(1)).toEqual(['So far 1 of 1 included page.', 'At this rate about 2 by 30 November: about 1 page above the included ones, from around 16 November.']);
  });

  it('projects nothing in the first day of the period', () => {
    const firstHours = new Date('2026-11-01T08:00:00Z');
    const fresh: ForecastKind = { counter: 'colour', pagesSoFar: 40, projectedPages: 40, included: 10_000, projectedOverage: 0, crossingDay: null };
    expect(forecastText(forecastOf(fresh), 'en', firstHours).kinds[0]!.state).toBe('early');
    expect(sentences(forecastOf(fresh), 'en', firstHours)[0]![2]).toBe('The period has just begun: the forecast follows in a day.');
  });

  it('counts the days in the customer’s zone', () => {
    // A quarter in New York: its first and last local days, whatever the browser's zone.
    const quarter = { period: '2026-12', periodStart: '2026-10-01T04:00:00.000Z', periodEnd: '2027-01-01T05:00:00.000Z', timeZone: 'America/New_York', kinds: [colour] };
    expect(plain(forecastText(quarter, 'en', midMonth).period)).toBe('1 October – 31 December');
    expect(sentences(quarter, 'en')[0]![2]).toContain('by 31 December');
  });
});
