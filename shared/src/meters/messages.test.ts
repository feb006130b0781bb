import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../languages.ts';
import { COUNTER_KINDS } from './counters.ts';
import { COUNTER_LABELS, messageFormat, reasonMessage } from './messages.ts';
import { readingReasonSchema, REASON_CODES, type ReadingReason, type ReasonCode, type ReasonParams } from './reasons.ts';

const last = { lastValue: 344_805, lastDate: '2014-01-24' };
const interval = { ...last, value: 690_256, pages: 345_451, workingDays: 163, pagesPerWorkingDay: 2119.3 };

/** One example per code; typed so a new reason code needs an example here. */
const EXAMPLES: { [C in ReasonCode]: ReasonParams<C> } = {
  not_integer: {},
  negative: {},
  too_large: { max: 10 ** 10 },
  below_last: { ...last, otherCounter: null },
  above_usual: { ...interval, usualPagesPerWorkingDay: 683.6, usualPages: 111_427, shortInterval: false, ratio: 3.1, otherCounter: null },
  above_class_cap: { ...interval, capPagesPerWorkingDay: 1500, deviceClass: 'office', otherCounter: 'mono' },
  first_reading: {},
  unchanged: last,
  within_usual: { ...interval, usualPagesPerWorkingDay: 2000, usualPages: 326_000, shortInterval: false },
  within_class_cap: { ...interval, capPagesPerWorkingDay: 4000 },
  in_future: {},
  before_install: { installDate: '2013-06-01' },
  above_next: { nextValue: 344_000, nextDate: '2014-02-24' },
  settled: { value: 344_900 },
  suspected_reset: last,
  estimate: {},
};

const reasons = REASON_CODES.map((code) => ({ code, params: EXAMPLES[code] }) as ReadingReason);

describe('reason messages', () => {
  it('examples are valid reasons', () => {
    for (const reason of reasons) expect(readingReasonSchema.parse(reason)).toEqual(reason);
  });

  it.each(LANGUAGES.flatMap((language) => reasons.map((reason) => [language, reason.code, reason] as const)))(
    '%s %s renders with every parameter filled in',
    (language, _code, reason) => {
      const message = reasonMessage(reason, language);
      expect(message.length).toBeGreaterThan(10);
      expect(message).not.toMatch(/undefined|NaN|null|\$\{|\[object/);
    },
  );

  it.each([
    ['fr', { code: 'below_last', params: { ...last, otherCounter: null } }, 'La valeur doit être supérieure ou égale à celle du dernier compteur (344805, relevé le 24.01.2014).'],
    ['de', { code: 'below_last', params: { ...last, otherCounter: null } }, 'Der Wert muss grösser oder gleich dem letzten Zählerstand sein (344805, abgelesen am 24.01.2014).'],
    ['en', { code: 'unchanged', params: last }, 'Counter unchanged since the last reading on 24/01/2014.'],
  ] as const)('%s %o', (language, reason, expected) => {
    expect(reasonMessage(reason, language)).toBe(expected);
  });

  it('explains a to_check in pages a secretary can check, in the language’s number format', () => {
    const reason = { code: 'above_usual', params: EXAMPLES.above_usual } as const;
    expect(reasonMessage(reason, 'fr')).toBe(
      'Cette valeur fait 345451 pages depuis le dernier relevé (344805 le 24.01.2014), soit 3,1 fois ce qu’il imprime d’habitude sur cette durée (environ 111427 pages). Merci de vérifier le compteur.',
    );
    expect(reasonMessage(reason, 'en')).toContain('3.1 times what it usually prints over that time (about 111427 pages)');
    const short = { ...reason, params: { ...reason.params, shortInterval: true } };
    expect(reasonMessage(short, 'de')).toContain('in einem Monat');
    expect(reasonMessage({ ...reason, params: { ...reason.params, ratio: null } }, 'it')).toContain('non stampa quasi nulla');
  });

  it.each([
    ['fr', { code: 'below_last', params: { ...last, otherCounter: 'colour' } }, 'Elle correspondrait au « Compteur couleur » : avez-vous confondu les compteurs ?'],
    ['de', { code: 'above_usual', params: { ...EXAMPLES.above_usual, otherCounter: 'mono' } }, 'Er würde zum «Zähler Schwarzweiss» passen'],
    ['en', { code: 'above_class_cap', params: EXAMPLES.above_class_cap }, 'It would fit the "Black & white counter"'],
  ] as const)('%s %o names the other counter when the value looks mixed up', (language, reason, hint) => {
    expect(reasonMessage(reason, language)).toContain(hint);
  });

  it('adds no hint when no other counter fits', () => {
    expect(reasonMessage({ code: 'below_last', params: { ...last, otherCounter: null } }, 'en')).not.toContain('mix up');
  });

  it('every language has its own texts', () => {
    for (const reason of reasons.filter((r) => !r.code.startsWith('within'))) {
      expect(new Set(LANGUAGES.map((language) => reasonMessage(reason, language))).size).toBe(LANGUAGES.length);
    }
    for (const kind of COUNTER_KINDS) expect(new Set(Object.values(COUNTER_LABELS[kind])).size).toBe(LANGUAGES.length);
  });

  it('formats counters without grouping, as the device shows them', () => {
    expect(messageFormat('de').count(1_234_567)).toBe('1234567');
  });
});
