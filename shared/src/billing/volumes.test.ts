import { describe, expect, it } from 'vitest';
import { counterVolumeInPeriod, type BillingReading } from './volumes.ts';

const at = (date: string) => new Date(`${date}T12:00:00Z`);
const NOVEMBER = { previousStart: new Date('2026-10-01T00:00:00Z'), start: new Date('2026-11-01T00:00:00Z'), end: new Date('2026-12-01T00:00:00Z') };
const real = (value: number, date: string, extra: Partial<BillingReading> = {}): BillingReading => ({ value, takenAt: at(date), source: 'agent', status: 'entered', ...extra });

type Case = [name: string, readings: BillingReading[], pages: number, estimated?: boolean];

describe('a counter’s volume in a billing period', () => {
  it.each<Case>([
    ['end of November minus end of October', [real(1_000, '2026-10-28'), real(1_400, '2026-11-15'), real(1_900, '2026-11-29')], 900],
    ['pages between two readings are never lost: the last reading before each boundary', [real(1_000, '2026-10-20'), real(2_000, '2026-11-20')], 1_000],
    ['no reading in November: nothing printed as far as we know', [real(1_000, '2026-10-20'), real(1_500, '2026-12-02')], 0],
    ['a value still to check does not count', [real(1_000, '2026-10-28'), real(99_999_999, '2026-11-20', { status: 'to_check' }), real(1_300, '2026-11-25')], 300],
    ['deleted and refused values do not count', [real(1_000, '2026-10-28'), real(5_000, '2026-11-20', { status: 'deleted' }), real(1_200, '2026-11-25')], 200],
    ['the dealer’s correction counts', [real(1_000, '2026-10-28'), real(1_250, '2026-11-25', { source: 'correction', status: 'corrected' })], 250],
    [
      'a link entry made on 3 December for November counts in November',
      [real(1_000, '2026-10-28', { source: 'link' }), real(1_600, '2026-12-03', { source: 'link', linkPeriodEnd: new Date('2026-12-01T00:00:00Z') })],
      600,
    ],
    ['an estimate stands in when no real reading was taken', [real(1_000, '2026-10-28'), real(1_450, '2026-11-30', { source: 'estimate' })], 450, true],
    ['a real reading wins over an estimate of the same period', [real(1_000, '2026-10-28'), real(1_450, '2026-11-29', { source: 'estimate' }), real(1_300, '2026-11-30')], 300, false],
    ['a device installed in November starts at its first reading', [real(50, '2026-11-10'), real(850, '2026-11-28')], 800],
  ])('%s', (_name, readings, pages, estimated = false) => {
    expect(counterVolumeInPeriod(readings, [], NOVEMBER)).toEqual({ pages, estimated, unknown: false });
  });

  it('continues across a board replacement declared in November', () => {
    const readings = [real(10_000, '2026-10-28'), real(11_000, '2026-11-10'), real(0, '2026-11-10', { takenAt: new Date('2026-11-10T12:00:00.001Z') }), real(700, '2026-11-28')];
    const resets = [{ at: new Date('2026-11-10T12:00:00.001Z'), finalValue: 11_000, startValue: 0 }];
    // 1,000 on the old board, 700 on the new one.
    expect(counterVolumeInPeriod(readings, resets, NOVEMBER)).toEqual({ pages: 1_700, estimated: false, unknown: false });
  });

  it('knows nothing before the first reading', () => {
    expect(counterVolumeInPeriod([real(50, '2026-12-10')], [], NOVEMBER)).toEqual({ pages: 0, estimated: false, unknown: true });
  });
});
