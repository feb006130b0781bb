import { describe, expect, it } from 'vitest';
import { catalogues, translate } from '../../i18n/translate.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { DeviceHistoryEntry } from '@parc/shared/contracts/tickets';
import { historyText } from './tech.format.ts';

const at = '2026-11-20T10:00:00.000Z';
const t = (language: 'de' | 'en' | 'fr') => (key: MessageKey, params?: Readonly<Record<string, string | number>>) => translate(catalogues[language], key, params);

describe('the device history in the technician’s language', () => {
  it.each([
    ['de', { kind: 'reading' as const, at, requestId: null, counter: 'colour' as const, value: 90_100, source: 'link' as const }, /^Zähler Farbe: 90.100 \(/],
    ['en', { kind: 'request' as const, at, requestId: null, subject: 'Jam in tray 2', event: 'created' as const, toState: null, comment: null }, /^Jam in tray 2 · Created$/],
    ['fr', { kind: 'request' as const, at, requestId: null, subject: 'Bourrage', event: 'state' as const, toState: 'done' as const, comment: 'Rouleau changé' }, /^Bourrage · Terminée · Rouleau changé$/],
    ['de', { kind: 'alert' as const, at, requestId: null, severity: 'critical' as const, group: 'status', code: 'noPaper', description: 'noPaper', cleared: true }, /^Kein Papier · /],
    ['en', { kind: 'counter_reset' as const, at, requestId: null, counters: [{ counter: 'mono' as const, finalValue: 1_250, startValue: 0 }], note: null }, /Black & white counter: 1,250 → 0/],
  ] satisfies [('de' | 'en' | 'fr'), DeviceHistoryEntry, RegExp][])('%s: %o', (language, entry, expected) => {
    const text = historyText(entry, t(language), language);
    expect(text).toMatch(expected);
    // No raw codes: neither the source, the event nor the counter kind shows as such.
    expect(text).not.toMatch(/\b(link|created|colour|noPaper|mono)\b/);
  });
});
