import { describe, expect, it } from 'vitest';
import type { DeviceSupply } from '@parc/shared/contracts/supplies';
import { alarmWording, forecastView, historyNote, orderBlocker } from './supplies-section.rules.ts';

type Forecast = NonNullable<DeviceSupply['forecast']>;
const forecast = (fields: Partial<Forecast>): Forecast => ({
  basis: 'levels',
  p50Days: 20.4,
  p90Days: 11.6,
  p50Date: '2026-12-25',
  p90Date: '2026-12-16',
  reasons: [],
  historyDays: 120,
  ...fields,
});

describe('forecastView', () => {
  it('gives days to empty as a range from the early forecast to the median, with both dates', () => {
    expect(forecastView(forecast({}))).toEqual({ kind: 'range', low: 12, high: 20, lowDate: '2026-12-16', highDate: '2026-12-25' });
  });

  it('gives one number when both ends round alike or only the median is known', () => {
    expect(forecastView(forecast({ p50Days: 8.4, p90Days: 7.6 }))).toMatchObject({ kind: 'range', low: 8, high: 8 });
    expect(forecastView(forecast({ p90Days: null, p90Date: null }))).toEqual({ kind: 'range', low: 20, high: 20, lowDate: '2026-12-25', highDate: '2026-12-25' });
  });

  it('says empty within a day rather than a range of zero days', () => {
    expect(forecastView(forecast({ p50Days: 0.8, p90Days: 0.2, p50Date: '2026-12-06', p90Date: '2026-12-05' }))).toEqual({ kind: 'soon', date: '2026-12-05' });
  });

  it('says a supply already empty is empty', () => {
    expect(forecastView(forecast({ p50Days: 0, p90Days: 0, reasons: ['empty'] }))).toEqual({ kind: 'empty' });
  });

  it('has no forecast without one, without a basis, or when nothing is consumed, with the reason that explains it', () => {
    expect(forecastView(null)).toEqual({ kind: 'none', reason: null });
    expect(forecastView(forecast({ basis: 'none', p50Days: null, p90Days: null, reasons: ['replaced', 'too_few_levels'] }))).toEqual({ kind: 'none', reason: 'too_few_levels' });
    expect(forecastView(forecast({ p50Days: null, p90Days: null, reasons: ['no_consumption', 'levels_stuck'] }))).toEqual({ kind: 'none', reason: 'levels_stuck' });
    expect(forecastView(forecast({ basis: 'none', reasons: ['something_new'] }))).toEqual({ kind: 'none', reason: null });
  });
});

describe('historyNote', () => {
  it('notes a forecast on under a month, or under three months, of history', () => {
    expect(historyNote(forecast({ reasons: ['under_a_month'] }))).toBe('under_a_month');
    expect(historyNote(forecast({ reasons: ['stale', 'under_three_months'] }))).toBe('under_three_months');
    expect(historyNote(forecast({}))).toBeNull();
  });

  it('notes nothing when there is no forecast to qualify', () => {
    expect(historyNote(null)).toBeNull();
    expect(historyNote(forecast({ basis: 'none', reasons: ['under_a_month'] }))).toBeNull();
  });
});

describe('alarmWording', () => {
  /** Stands for the reader's Intl formatter: shows that numbers go through it. */
  const format = (value: number) => `n${value}`;

  it('gives the sentence its parameters, numbers in the reader’s locale', () => {
    expect(alarmWording({ code: 'exchange_not_new', params: { percent: 42, min: 80 } }, format)).toEqual({ code: 'exchange_not_new', detailed: true, params: { percent: 'n42', min: 'n80' } });
    expect(alarmWording({ code: 'inefficient', params: { efficiency: 1234, min: 70 } }, format)).toEqual({ code: 'inefficient', detailed: true, params: { efficiency: 'n1234', min: 'n70' } });
    expect(alarmWording({ code: 'exchange_wrong_model', params: { ordered: ' 84C2HK0 ', installed: '84C2HKE' } }, format)).toEqual({
      code: 'exchange_wrong_model',
      detailed: true,
      params: { ordered: '84C2HK0', installed: '84C2HKE' },
    });
    expect(alarmWording({ code: 'level_not_updated', params: { days: 9 } }, format)).toMatchObject({ detailed: true, params: { days: 'n9' } });
  });

  it('keeps only the parameters the sentence shows', () => {
    expect(alarmWording({ code: 'exchange_serial_seen', params: { serial: 'CAT123', deviceId: '8f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c' } }, format)).toEqual({ code: 'exchange_serial_seen', detailed: true, params: { serial: 'CAT123' } });
    expect(alarmWording({ code: 'exchange_order_not_shipped', params: { orderId: '8f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c' } }, format)).toEqual({ code: 'exchange_order_not_shipped', detailed: true, params: {} });
  });

  it('falls back to the plain sentence when a parameter is missing or empty', () => {
    expect(alarmWording({ code: 'exchange_early', params: { percent: 40 } }, format)).toEqual({ code: 'exchange_early', detailed: false });
    expect(alarmWording({ code: 'exchange_wrong_model', params: { ordered: 'A', installed: ' ' } }, format)).toEqual({ code: 'exchange_wrong_model', detailed: false });
  });
});

describe('orderBlocker', () => {
  const inFlight = { code: 'ACME-ORDER-4' } as DeviceSupply['order'];

  it('lets a supply of known kind with nothing on its way be ordered', () => {
    expect(orderBlocker({ kind: 'toner', order: null })).toBeNull();
  });

  it('refuses while an order is on its way, and when Parc does not know the kind', () => {
    expect(orderBlocker({ kind: 'toner', order: inFlight })).toBe('in_flight');
    expect(orderBlocker({ kind: null, order: null })).toBe('no_kind');
  });
});
