import { describe, expect, it } from 'vitest';
import { reportDefinitionInputSchema, reportScheduleInputSchema, type Report } from '@parc/shared/contracts/reports';
import { assertReportBody } from '@parc/shared/reports/definition';
import { blankForm, fileSize, formOf, parsedAddresses, progressPercent, reportInputOf, reportName, reportProblems, scheduleFormOf, scheduleInputOf, toggledColumn, withSource } from './reports.rules.ts';

const volumes: Report = {
  key: 'volumes_by_site',
  predefined: true,
  name: null,
  source: 'volumes',
  body: { columns: ['month', 'customerNumber', 'siteName', 'totalPages'], filters: { period: { preset: 'last_12_months' } }, groupBy: 'site' },
  shared: true,
  ownerName: null,
  editable: false,
};

describe('own report form', () => {
  it('saves what the server accepts, for a new report on every source', () => {
    for (const source of ['devices', 'volumes', 'readings', 'supplies', 'orders', 'requests', 'agents', 'billing_lines'] as const) {
      const input = reportInputOf({ ...withSource(blankForm(), source), name: 'Mine' });
      expect(reportDefinitionInputSchema.safeParse(input).success, source).toBe(true);
      expect(() => assertReportBody(input.source, input.body), source).not.toThrow();
    }
  });

  it('copies a predefined report with its grouping and period, as a private report', () => {
    const form = formOf(volumes, 'Copie');
    expect(form).toMatchObject({ name: 'Copie', source: 'volumes', groupBy: 'site', period: 'last_12_months', shared: false });
    expect(reportInputOf(form).body).toEqual(volumes.body);
  });

  it.each([
    ['no name', { name: ' ' }, ['name']],
    ['no column', { name: 'A', columns: [] }, ['columns']],
    ['custom period without its end', { name: 'A', period: 'custom' as const, from: '2026-01-01', to: '' }, ['period']],
    ['a parameter without its value', { name: 'A', parameterId: 'p1', parameterValue: '  ' }, ['parameter']],
    ['complete', { name: 'A' }, []],
  ])('%s', (_, change, problems) => {
    expect(reportProblems({ ...blankForm('readings'), ...change })).toEqual(problems);
  });

  it('keeps the catalogue order of columns whatever order they are ticked in', () => {
    const form = { ...blankForm('devices'), columns: ['serial'] };
    expect(toggledColumn(form, 'deviceCode', true)).toEqual(['deviceCode', 'serial']);
    expect(toggledColumn(form, 'serial', false)).toEqual([]);
  });

  it('on another source takes all its columns and drops a state, period and sort it lacks', () => {
    const form = { ...blankForm('readings'), columns: ['deviceCode', 'value'], state: 'to_check', sortColumn: 'value' };
    const devices = withSource(form, 'devices');
    expect(devices).toMatchObject({ state: '', period: '', sortColumn: '' });
    expect(devices.columns[0]).toBe('customerNumber');
    expect(devices.columns).toContain('lastTotal');
  });

  it('filters by one custom parameter, its value trimmed, and reads it back', () => {
    const input = reportInputOf({ ...blankForm('devices'), name: 'A', parameterId: '0b8a1f7e-0000-4000-8000-000000000001', parameterValue: ' Gold ' });
    expect(input.body.filters.parameters).toEqual([{ parameterId: '0b8a1f7e-0000-4000-8000-000000000001', value: 'Gold' }]);
    expect(reportInputOf({ ...blankForm('devices'), name: 'A', parameterId: '', parameterValue: 'Gold' }).body.filters.parameters).toBeUndefined();
    const report = { key: 'k', name: 'A', source: 'devices', body: input.body, predefined: false, shared: false } as never;
    expect(formOf(report, 'A')).toMatchObject({ parameterId: '0b8a1f7e-0000-4000-8000-000000000001', parameterValue: 'Gold' });
  });

  it('sorts descending only with a sort column, and never volumes', () => {
    expect(reportInputOf({ ...blankForm('devices'), name: 'A', sortColumn: 'serial', descending: true }).body.sort).toEqual({ column: 'serial', direction: 'desc' });
    expect(reportInputOf({ ...blankForm('volumes'), name: 'A', sortColumn: 'month' }).body.sort).toBeUndefined();
  });
});

describe('files', () => {
  it.each([
    [{ rowsWritten: 0, rowsTotal: null }, null],
    [{ rowsWritten: 0, rowsTotal: 0 }, 100],
    [{ rowsWritten: 250, rowsTotal: 1000 }, 25],
    [{ rowsWritten: 1001, rowsTotal: 1000 }, 100],
  ])('progress of %o is %s', (run, percent) => {
    expect(progressPercent(run)).toBe(percent);
  });

  it('writes sizes in the reader’s format', () => {
    expect(fileSize(512, 'en-GB')).toBe('512 byte');
    expect(fileSize(12_400_000, 'fr-CH')).toBe('12,4\u202fMo');
  });

  it('names predefined reports from the catalogue and own ones by their name', () => {
    expect(reportName({ key: 'fleet', name: null }, 'de')).toBe('Geräteliste');
    expect(reportName({ key: 'd3b4', name: 'Mine' }, 'de')).toBe('Mine');
  });
});

describe('schedule form', () => {
  it('sends the day only for weekly and monthly schedules, and customers only when some are chosen', () => {
    const form = { ...scheduleFormOf(undefined, 'fleet', 'fr'), frequency: 'weekly' as const, weekday: 3, addresses: 'a@b.ch; c@d.ch', customerIds: ['x'] };
    const input = scheduleInputOf(form);
    expect(input).toMatchObject({ day: 3, customerIds: [], recipients: { addresses: ['a@b.ch', 'c@d.ch'] } });
    expect(reportScheduleInputSchema.safeParse(input).success).toBe(true);
    expect(scheduleInputOf({ ...form, frequency: 'daily' }).day).toBeNull();
  });

  it('finds the address that is not one', () => {
    expect(parsedAddresses('a@b.ch, nope , c@d.ch')).toEqual({ addresses: ['a@b.ch', 'nope', 'c@d.ch'], invalid: 'nope' });
    expect(parsedAddresses('  ').invalid).toBeNull();
  });
});
