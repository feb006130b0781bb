import { describe, expect, it } from 'vitest';
import { fitReading, READING_LIMITS, type PrinterReading } from '../agents/reading.ts';
import { AGENT_LIMITS, DiscoveryReportSchema, paginateDiscovery, type DiscoveryReport } from './agents.ts';

const printer = (n: number) => ({ ip: `10.0.${n >> 8}.${n & 255}`, serial: `S${n}`, mac: null, manufacturer: null, model: null });
const failure = (n: number) => ({ ip: `10.1.${n >> 8}.${n & 255}`, reason: 'timeout' as const, message: '' });
const report = (found: number, failures: number, finishedAt: string | null = '2026-11-20T07:30:00.000Z'): DiscoveryReport => ({
  scanId: '6f1c3c9e-51a8-4a57-9d0c-0d6f1b0b8a11',
  startedAt: '2026-11-20T07:00:00.000Z',
  finishedAt,
  progress: { probed: 10, total: 10 },
  found: Array.from({ length: found }, (_, n) => printer(n)),
  failures: Array.from({ length: failures }, (_, n) => failure(n)),
});

describe('paginateDiscovery', () => {
  const F = AGENT_LIMITS.foundPerPage;
  const X = AGENT_LIMITS.failuresPerPage;
  it.each([
    // found, failures, pages, found per page, failures per page
    [0, 0, [0], [0]],
    [1, 1, [1], [1]],
    [F, X, [F], [X]],
    [F + 1, 0, [F, 1], [0, 0]],
    [0, 2 * X + 1, [0, 0, 0], [X, X, 1]],
    [2 * F + 3, X + 2, [F, F, 3], [X, 2, 0]],
  ])('cuts %i printers and %i failures into pages of %j printers and %j failures', (found, failures, foundSizes, failureSizes) => {
    const source = report(found, failures);
    const pages = paginateDiscovery(source);
    expect(pages.map((page) => page.found.length)).toEqual(foundSizes);
    expect(pages.map((page) => page.failures.length)).toEqual(failureSizes);
    expect(pages.map((page) => page.page)).toEqual(pages.map((_page, index) => ({ index, last: index === pages.length - 1 })));
    expect(pages.map((page) => page.finishedAt)).toEqual(pages.map((_page, index) => (index === pages.length - 1 ? source.finishedAt : null)));
    expect(pages.every((page) => DiscoveryReportSchema.safeParse(page).success)).toBe(true);
    expect(pages.flatMap((page) => page.found)).toEqual(source.found);
    expect(pages.flatMap((page) => page.failures)).toEqual(source.failures);
  });

  it('refuses a report that would need more pages than a scan may have', () => {
    expect(() => paginateDiscovery(report(F * AGENT_LIMITS.pagesPerScan + 1, 0))).toThrow(RangeError);
  });
});

describe('fitReading', () => {
  const base: PrinterReading = {
    vendor: 'hp',
    manufacturer: 'HP',
    model: 'M404',
    serial: 'S1',
    firmware: null,
    mac: null,
    sysObjectId: null,
    sysDescr: null,
    counters: { total: 1 },
    supplies: [],
    status: { printer: 'idle', errors: [] },
    alerts: [],
    warnings: [],
  };
  const supply = (n: number) => ({ index: `1.${n}`, description: '', type: 'toner', colour: null, level: null, max: null, percent: null, state: 'unknown' as const, source: 'printer_mib' as const });
  const many = <T>(count: number, make: (n: number) => T) => Array.from({ length: count }, (_, n) => make(n));
  it.each<[string, Partial<PrinterReading>, (fitted: PrinterReading) => number, number]>([
    ['supplies', { supplies: many(READING_LIMITS.supplies + 5, supply) }, (fitted) => fitted.supplies.length, READING_LIMITS.supplies],
    ['alerts', { alerts: many(READING_LIMITS.alerts + 1, (n) => ({ severity: 'other' as const, group: 'g', code: `${n}`, description: '' })) }, (fitted) => fitted.alerts.length, READING_LIMITS.alerts],
    ['status flags', { status: { printer: null, errors: many(READING_LIMITS.statusErrors + 1, (n) => `f${n}`) } }, (fitted) => fitted.status.errors.length, READING_LIMITS.statusErrors],
    ['warnings', { warnings: many(READING_LIMITS.warnings + 1, () => ({ code: 'counter_missing' as const, message: '', values: {} })) }, (fitted) => fitted.warnings.length, READING_LIMITS.warnings],
    ['counters', { counters: Object.fromEntries(many(READING_LIMITS.counters + 1, (n) => [`c${n}`, n])) }, (fitted) => Object.keys(fitted.counters).length, READING_LIMITS.counters],
    ['a reading that fits', { supplies: many(3, supply) }, (fitted) => fitted.supplies.length, 3],
  ])('cuts %s to the limit', (_name, overrides, measure, expected) => {
    expect(measure(fitReading({ ...base, ...overrides }))).toBe(expected);
  });
});
