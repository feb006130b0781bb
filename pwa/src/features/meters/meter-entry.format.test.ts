import { describe, expect, it } from 'vitest';
import type { Language } from '@parc/shared/languages';
import { entryFormat } from './meter-entry.format.ts';

describe('entryFormat', () => {
  it.each<[Language, string, string]>([
    ['fr', 'août 2014', '08.09.2014'],
    ['de', 'August 2014', '08.09.2014'],
    ['it', 'agosto 2014', '08.09.2014'],
    ['en', 'August 2014', '08/09/2014'],
  ])('%s: period and local day', (language, period, day) => {
    const format = entryFormat(language, 'Europe/Zurich');
    expect(format.period('2014-08')).toBe(period);
    expect(format.dayOf('2014-09-08T10:00:00+02:00')).toBe(day);
  });

  it('takes the day in the page time zone, not the browser one', () => {
    // 23:30 UTC on the 7th is already the 8th in Zurich.
    expect(entryFormat('fr', 'Europe/Zurich').dayOf('2014-09-07T23:30:00Z')).toBe('08.09.2014');
    expect(entryFormat('fr', 'America/New_York').dayOf('2014-09-07T23:30:00Z')).toBe('07.09.2014');
  });
});
