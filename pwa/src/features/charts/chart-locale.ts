/**
 * uPlot writes its axes and legend in English (month names, "Time", plain numbers). These give it
 * the user's locale instead, through Intl: tick labels whose precision follows the tick spacing,
 * the legend's instant, and grouped numbers.
 */
import { LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';

const DAY_S = 86_400;

/** Labels for time ticks (uPlot seconds): months when ticks are weeks apart, days, or hours. */
export function timeTicks(language: Language, timeZone?: string): (ticks: readonly number[], incrementSeconds: number) => string[] {
  const locale = LANGUAGE_LOCALES[language];
  const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone });
  const day = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone });
  const hour = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit', timeZone });
  return (ticks, incrementSeconds) => {
    const format = incrementSeconds >= 28 * DAY_S ? month : incrementSeconds >= DAY_S ? day : hour;
    return ticks.map((tick) => format.format(new Date(tick * 1000)));
  };
}

/** The legend's date of the point under the cursor. */
export function legendInstant(language: Language, timeZone?: string): (seconds: number | null) => string {
  const format = new Intl.DateTimeFormat(LANGUAGE_LOCALES[language], { dateStyle: 'medium', timeStyle: 'short', timeZone });
  return (seconds) => (seconds === null ? '–' : format.format(new Date(seconds * 1000)));
}

/** Grouped whole numbers for value axes and legends ("1 234 567" in fr-CH). */
export function countLabel(language: Language): (value: number | null) => string {
  const format = new Intl.NumberFormat(LANGUAGE_LOCALES[language], { maximumFractionDigits: 0 });
  return (value) => (value === null ? '–' : format.format(value));
}
