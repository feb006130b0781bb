import { describe, expect, it } from 'vitest';
import type { ReportDefinitionBody } from '../contracts/reports.ts';
import { SOURCES } from './catalogue.ts';
import { csvCell, sheetCell } from './cells.ts';
import { assertReportBody } from './definition.ts';
import { COLUMN_LABELS, CODE_LABELS } from './labels.ts';
import { lastDueAt, monthsOf, nextDueAt, presetDays, rangeInstants, type PeriodPreset } from './period.ts';
import { PREDEFINED_REPORTS } from './predefined.ts';
import { LANGUAGES } from '../languages.ts';

const body = (change: Partial<ReportDefinitionBody>): ReportDefinitionBody => ({ columns: ['serial'], filters: {}, ...change });

describe('a report body against its source', () => {
  it.each<[string, Parameters<typeof assertReportBody>[0], ReportDefinitionBody, string | null]>([
    ['plain', 'devices', body({}), null],
    ['unknown column', 'devices', body({ columns: ['colour'] }), 'report.unknown_column'],
    ['column twice', 'devices', body({ columns: ['serial', 'serial'] }), 'report.duplicate_column'],
    ['state of the source', 'readings', body({ filters: { state: 'to_check' } }), null],
    ['state of another source', 'readings', body({ filters: { state: 'shipped' } }), 'report.unknown_state'],
    ['period on a current-state source', 'devices', body({ filters: { period: { preset: 'last_month' } } }), 'report.no_period'],
    ['period backwards', 'readings', body({ filters: { period: { from: '2026-12-01', to: '2026-11-01' } } }), 'report.bad_period'],
    ['period over 400 days', 'readings', body({ filters: { period: { from: '2025-01-01', to: '2026-03-01' } } }), 'report.bad_period'],
    ['sort by a chosen column', 'devices', body({ sort: { column: 'serial', direction: 'desc' } }), null],
    ['sort by a column left out', 'devices', body({ sort: { column: 'model', direction: 'asc' } }), 'report.sort_column'],
    ['volumes without grouping', 'volumes', body({ columns: ['month'] }), 'report.grouping'],
    ['grouping elsewhere', 'devices', body({ groupBy: 'site' }), 'report.grouping'],
    ['volumes sorted', 'volumes', body({ columns: ['month'], groupBy: 'device', sort: { column: 'month', direction: 'asc' } }), 'report.sort_column'],
  ])('%s', (_, source, input, key) => {
    if (key === null) expect(() => assertReportBody(source, input)).not.toThrow();
    else expect(() => assertReportBody(source, input)).toThrow(expect.objectContaining({ key }));
  });

  it('accepts every predefined report', () => {
    for (const report of PREDEFINED_REPORTS) expect(() => assertReportBody(report.source, report.body), report.key).not.toThrow();
  });

  it('has a label in every language for every column and every code a column can hold', () => {
    for (const spec of Object.values(SOURCES)) {
      for (const column of spec.columns) {
        for (const language of LANGUAGES) expect(COLUMN_LABELS[column.key]?.[language], column.key).toBeTruthy();
        for (const code of column.codes ?? []) for (const language of LANGUAGES) expect(CODE_LABELS[column.key]?.[code]?.[language], `${column.key}.${code}`).toBeTruthy();
      }
    }
  });
});

describe('periods', () => {
  it.each<[PeriodPreset, string, string, string]>([
    ['this_month', '2026-12-05', '2026-12-01', '2026-12-31'],
    ['last_month', '2026-12-05', '2026-11-01', '2026-11-30'],
    ['last_month', '2026-03-31', '2026-02-01', '2026-02-28'],
    ['last_month', '2026-01-15', '2025-12-01', '2025-12-31'],
    ['last_3_months', '2026-02-10', '2025-11-01', '2026-01-31'],
    ['last_12_months', '2026-12-05', '2025-12-01', '2026-11-30'],
    ['this_year', '2026-12-05', '2026-01-01', '2026-12-31'],
    ['last_year', '2026-12-05', '2025-01-01', '2025-12-31'],
  ])('%s on %s covers %s to %s', (preset, today, from, to) => {
    expect(presetDays(preset, today)).toEqual({ from, to });
  });

  it('turns days into instants of the time zone, the last day included', () => {
    expect(rangeInstants({ from: '2026-03-01', to: '2026-03-31' }, 'Europe/Zurich')).toEqual({ start: new Date('2026-02-28T23:00:00Z'), end: new Date('2026-03-31T22:00:00Z') });
    expect(monthsOf({ from: '2025-11-15', to: '2026-02-01' })).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('schedule timing (06:00 in the dealer’s time zone)', () => {
  const zurich = 'Europe/Zurich';
  const created = new Date('2026-11-01T00:00:00Z');
  it.each<[string, 'daily' | 'weekly' | 'monthly', number | null, string, string | null, string]>([
    ['daily before six', 'daily', null, '2026-12-07T04:59:00Z', '2026-12-06T05:00:00.000Z', '2026-12-07T05:00:00.000Z'],
    ['daily at six', 'daily', null, '2026-12-07T05:00:00Z', '2026-12-07T05:00:00.000Z', '2026-12-08T05:00:00.000Z'],
    ['weekly on Monday, on Saturday', 'weekly', 1, '2026-12-05T09:00:00Z', '2026-11-30T05:00:00.000Z', '2026-12-07T05:00:00.000Z'],
    ['monthly on the 28th, in summer time', 'monthly', 28, '2027-06-28T06:00:00Z', '2027-06-28T04:00:00.000Z', '2027-07-28T04:00:00.000Z'],
    ['monthly, the first one not yet due', 'monthly', 28, '2026-11-20T06:00:00Z', null, '2026-11-28T05:00:00.000Z'],
  ])('%s', (_, frequency, day, now, last, next) => {
    const at = new Date(now);
    expect(lastDueAt({ frequency, day }, at, created, zurich)?.toISOString() ?? null).toBe(last);
    expect(nextDueAt({ frequency, day }, at, zurich).toISOString()).toBe(next);
  });
});

describe('cells', () => {
  const de = { language: 'de' as const };
  it.each<[string, Parameters<typeof csvCell>[0], unknown, string, unknown]>([
    ['text', { key: 'model', type: 'text' }, 'C5535', 'C5535', 'C5535'],
    ['formula-looking text', { key: 'model', type: 'text' }, '=SUM(A1)', "'=SUM(A1)", '=SUM(A1)'],
    ['a big counter from the driver as text', { key: 'value', type: 'integer' }, '1234567890', '1234567890', 1_234_567_890],
    ['an exact amount', { key: 'amount', type: 'decimal' }, '12.50', '12.50', 12.5],
    ['an amount a double cannot hold', { key: 'amount', type: 'decimal' }, '12345678901234567.89', '12345678901234567.89', '12345678901234567.89'],
    ['a day', { key: 'installedAt', type: 'date' }, '2026-03-01', '2026-03-01', new Date(Date.UTC(2026, 2, 1))],
    ['a wall-clock time', { key: 'takenAt', type: 'datetime' }, '2026-03-01 08:30', '2026-03-01 08:30', new Date(Date.UTC(2026, 2, 1, 8, 30))],
    ['a month', { key: 'month', type: 'month' }, '2026-11', '2026-11', new Date(Date.UTC(2026, 10, 1))],
    ['a code in the reader’s language', { key: 'readingSource', type: 'code' }, 'technician', 'Techniker', 'Techniker'],
    ['nothing', { key: 'ip', type: 'text' }, null, '', null],
  ])('%s', (_, column, value, csv, sheet) => {
    expect(csvCell(column, value, de)).toBe(csv);
    expect(sheetCell(column, value, de)).toEqual(sheet);
  });
});
