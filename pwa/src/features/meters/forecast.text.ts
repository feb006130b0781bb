/**
 * The overage forecast in words, per counter kind with included pages: "So far 8,420 of 10,000
 * included pages. At this rate about 11,200 by 30 November: about 1,200 pages above the included
 * ones, from around 28 November." Numbers grouped and dates written the reader's way; days are
 * the customer's local days.
 */
import { roundedForecast } from '@parc/shared/billing/forecast';
import type { ForecastKind, PageForecast } from '@parc/shared/contracts/forecast';
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import { localDateKey } from '@parc/shared/meters/periods';
import type { MessageKey } from '../../i18n/catalogue.ts';
import { plural } from '../plural/plural.ts';

const DAY_MS = 86_400_000;

/**
 * early: less than a day of the period has passed, too soon to project; within: the projection
 * stays within the included pages; over: it goes beyond them; exceeded: they are already used up.
 */
export type ForecastState = 'early' | 'within' | 'over' | 'exceeded';

export interface ForecastLine {
  key: MessageKey;
  params: Record<string, string>;
}

export interface KindForecastText {
  counter: ForecastKind['counter'];
  state: ForecastState;
  title: MessageKey;
  lines: ForecastLine[];
  /** Pages so far, projected and included as shares (0–1) of a bar as long as the larger of projected and included. */
  bar: { soFar: number; projected: number; included: number };
}

export interface ForecastText {
  /** The period's days, "1–30 November". */
  period: string;
  kinds: KindForecastText[];
}

const TITLES: Record<ForecastKind['counter'], MessageKey> = {
  mono: 'meters.forecast.kind.mono',
  colour: 'meters.forecast.kind.colour',
  scan: 'meters.forecast.kind.scan',
};

/** Less than a day of the period has passed: too soon to project anything. */
export const isEarly = (forecast: Pick<PageForecast, 'periodStart'>, now: Date) => now.getTime() - new Date(forecast.periodStart).getTime() < DAY_MS;

function stateOf(kind: ForecastKind, early: boolean): ForecastState {
  if (early) return 'early';
  if (kind.pagesSoFar > kind.included) return 'exceeded';
  return kind.projectedOverage > 0 ? 'over' : 'within';
}

export function forecastText(forecast: PageForecast, language: Language, now: Date): ForecastText {
  const locale = LANGUAGE_LOCALES[language];
  const pages = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // Local dates 'YYYY-MM-DD' read at UTC midnight: the day written is the customer's day.
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const asDay = (localDate: string) => new Date(`${localDate}T00:00:00Z`);
  const firstDay = localDateKey(new Date(forecast.periodStart), forecast.timeZone);
  const lastDay = localDateKey(new Date(new Date(forecast.periodEnd).getTime() - 1), forecast.timeZone);
  const end = dayMonth.format(asDay(lastDay));
  const early = isEarly(forecast, now);

  const kinds = forecast.kinds.map((kind): KindForecastText => {
    const state = stateOf(kind, early);
    const shown = roundedForecast(kind.projectedPages, kind.projectedOverage);
    const params = {
      pages: pages.format(kind.pagesSoFar),
      included: pages.format(kind.included),
      projected: pages.format(shown.projectedPages),
      over: pages.format(shown.projectedOverage),
      end,
      // Set whenever the projection goes beyond the included pages; the period's end otherwise.
      day: kind.crossingDay ? dayMonth.format(asDay(kind.crossingDay)) : end,
    };
    const soFar: ForecastLine = { key: plural(language, kind.included, { one: 'meters.forecast.soFar.one', other: 'meters.forecast.soFar.other' }), params };
    const outlook: Record<ForecastState, MessageKey> = {
      early: 'meters.forecast.early',
      within: 'meters.forecast.within',
      over: plural(language, shown.projectedOverage, { one: 'meters.forecast.over.one', other: 'meters.forecast.over.other' }),
      exceeded: plural(language, shown.projectedOverage, { one: 'meters.forecast.exceeded.one', other: 'meters.forecast.exceeded.other' }),
    };
    const scale = Math.max(kind.included, kind.projectedPages, kind.pagesSoFar, 1);
    return {
      counter: kind.counter,
      state,
      title: TITLES[kind.counter],
      lines: [soFar, { key: outlook[state], params }],
      bar: { soFar: kind.pagesSoFar / scale, projected: Math.max(kind.projectedPages, kind.pagesSoFar) / scale, included: kind.included / scale },
    };
  });
  return { period: dayMonth.formatRange(asDay(firstDay), asDay(lastDay)), kinds };
}
