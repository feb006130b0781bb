import { describe, expect, it } from 'vitest';
import { cycleEfficiency, detectReplacement, replacementChecks, stateChecks, type CheckResult, type ReplacementCheckInput, type ReplacementDetection, type StateCheckInput, type SupplySnapshot } from './checks.ts';
import { DEFAULT_ORDER_CONFIG } from './order-config.ts';
import type { SupplyOrder } from './kinds.ts';

const DAY_MS = 86_400_000;
const START = Date.parse('2026-03-02T08:00:00Z');
const day = (n: number) => new Date(START + n * DAY_MS);
const read = (n: number, percent: number | null, fields: Partial<SupplySnapshot> = {}): SupplySnapshot => ({ at: day(n), percent, state: percent === null ? 'unknown' : 'measured', ...fields });

describe('detectReplacement', () => {
  it.each<[string, SupplySnapshot | null, SupplySnapshot, Parameters<typeof detectReplacement>[2], ReplacementDetection]>([
    ['a device just added: installed, not replaced', null, read(1, 40), {}, { replaced: false }],
    ['falling', read(1, 40), read(2, 38), {}, { replaced: false }],
    ['shaken: up a few points', read(1, 12), read(2, 18), {}, { replaced: false }],
    ['up 19 points: still not a new one', read(1, 12), read(2, 31), {}, { replaced: false }],
    ['up REFILL_RISE (20) points: refilled', read(1, 12), read(2, 32), {}, { replaced: true, by: 'level' }],
    ['a new one', read(1, 3), read(2, 100), {}, { replaced: true, by: 'level' }],
    ['a coarse printer flapping between two steps of 25', read(1, 50), read(2, 75), { step: 25 }, { replaced: false }],
    ['a coarse printer, two steps up', read(1, 25), read(2, 75), { step: 25 }, { replaced: true, by: 'level' }],
    ['"some remaining" again after empty', read(1, 0), read(2, null, { state: 'some_remaining' }), {}, { replaced: true, by: 'level' }],
    ['"some remaining" while not empty', read(1, 10), read(2, null, { state: 'some_remaining' }), {}, { replaced: false }],
    ['a new serial, the level not yet moved', read(1, 30, { serial: 'A1' }), read(2, 30, { serial: 'B2' }), {}, { replaced: true, by: 'serial' }],
    ['the same serial, spaced differently', read(1, 30, { serial: 'A1' }), read(2, 30, { serial: ' A1 ' }), {}, { replaced: false }],
    ['a serial only now given: the level decides', read(1, 30), read(2, 29, { serial: 'B2' }), {}, { replaced: false }],
    ['a technician op between the reads', read(1, 30), read(3, 30), { replacementOps: [day(2)] }, { replaced: true, by: 'technician' }],
    ['a technician op at the read', read(1, 30), read(3, 30), { replacementOps: [day(3)] }, { replaced: true, by: 'technician' }],
    ['a technician op before the previous read: already counted', read(1, 30), read(3, 30), { replacementOps: [day(1)] }, { replaced: false }],
  ])('%s', (_, previous, current, options, expected) => {
    expect(detectReplacement(previous, current, options)).toEqual(expected);
  });
});

describe('cycleEfficiency', () => {
  it.each<[number | null, number | null, number | null]>([
    [2500, 5000, 50],
    [0, 5000, 0],
    [6000, 5000, 120],
    [null, 5000, null],
    [2500, null, null],
    [2500, 0, null],
  ])('%s pages of %s → %s %', (pages, ratedYield, expected) => {
    expect(cycleEfficiency(pages, ratedYield)).toBe(expected);
  });
});

const shipped: SupplyOrder = { id: 'order-1', status: 'shipped', createdAt: day(1), model: 'CE405A' };
/** A clean exchange: the shipped order's model, new and full, the old one replaced at 5 %, having printed 80 % of its yield. */
const clean: ReplacementCheckInput = {
  config: DEFAULT_ORDER_CONFIG,
  kind: 'toner',
  colour: 'magenta',
  before: read(4, 5, { serial: 'OLD' }),
  after: read(5, 100, { serial: 'NEW', model: 'CE405A' }),
  orders: [shipped],
  serialSeenOn: null,
  cyclePages: 4000,
  ratedYield: 5000,
};
const outcome = (result: CheckResult) => (result.outcome === 'alarm' ? { alarm: result.params } : result.outcome === 'skipped' ? { skipped: result.reason } : 'passed');

describe('replacementChecks', () => {
  it('a clean exchange passes every check and fulfils the order', () => {
    const checks = replacementChecks(clean);
    expect(checks.orderId).toBe('order-1');
    expect(checks.results.map((result) => [result.code, result.outcome])).toEqual([
      ['exchange_no_order', 'passed'],
      ['exchange_order_not_shipped', 'passed'],
      ['exchange_not_new', 'passed'],
      ['exchange_serial_seen', 'passed'],
      ['exchange_early', 'passed'],
      ['exchange_wrong_model', 'passed'],
      ['inefficient', 'passed'],
    ]);
  });

  it.each<[string, Partial<ReplacementCheckInput>, Record<string, ReturnType<typeof outcome>>]>([
    ['no order', { orders: [] }, { exchange_no_order: { alarm: {} }, exchange_order_not_shipped: { skipped: 'no_order' }, exchange_wrong_model: { skipped: 'no_order' } }],
    ['only a replaced and a cancelled order', { orders: [{ ...shipped, status: 'replaced' }, { ...shipped, id: 'order-2', status: 'cancelled' }] }, { exchange_no_order: { alarm: {} }, exchange_order_not_shipped: { skipped: 'no_order' }, exchange_wrong_model: { skipped: 'no_order' } }],
    ['an order placed after the replacement', { orders: [{ ...shipped, createdAt: day(6) }] }, { exchange_no_order: { alarm: {} }, exchange_order_not_shipped: { skipped: 'no_order' }, exchange_wrong_model: { skipped: 'no_order' } }],
    ['an order not shipped', { orders: [{ ...shipped, status: 'new' }] }, { exchange_no_order: 'passed', exchange_order_not_shipped: { alarm: { orderId: 'order-1' } } }],
    ['a used supply put in (60 %)', { after: { ...clean.after, percent: 60 } }, { exchange_not_new: { alarm: { percent: 60, min: 80 } } }],
    ['exactly 80 %', { after: { ...clean.after, percent: 80 } }, { exchange_not_new: 'passed' }],
    ['the new level not given', { after: { ...clean.after, percent: null, state: 'some_remaining' } }, { exchange_not_new: { skipped: 'no_level' } }],
    ['a serial another device reported', { serialSeenOn: 'device-9' }, { exchange_serial_seen: { alarm: { serial: 'NEW', deviceId: 'device-9' } } }],
    ['no serial given', { after: { ...clean.after, serial: null }, serialSeenOn: null }, { exchange_serial_seen: { skipped: 'no_serial' } }],
    ['replaced at 30 % (maximum 10 %)', { before: read(4, 30) }, { exchange_early: { alarm: { percent: 30, max: 10 } } }],
    ['replaced at the maximum', { before: read(4, 10) }, { exchange_early: 'passed' }],
    ['a maintenance part replaced at 8 % (maximum 5 %)', { kind: 'fuser', colour: 'none', before: read(4, 8) }, { exchange_early: { alarm: { percent: 8, max: 5 } } }],
    ['the old level never read', { before: null }, { exchange_early: { skipped: 'no_level' } }],
    ['the old level unknown', { before: read(4, null) }, { exchange_early: { skipped: 'no_level' } }],
    ['staples have no maximum', { kind: 'staples', colour: 'none' }, { exchange_early: { skipped: 'no_threshold' } }],
    ['another model than ordered', { after: { ...clean.after, model: 'CE413A' } }, { exchange_wrong_model: { alarm: { ordered: 'CE405A', installed: 'CE413A' } } }],
    ['the ordered model in other case', { after: { ...clean.after, model: 'ce405a ' } }, { exchange_wrong_model: 'passed' }],
    ['the printer gives no model', { after: { ...clean.after, model: null } }, { exchange_wrong_model: { skipped: 'no_model' } }],
    ['the order names no model', { orders: [{ ...shipped, model: null }] }, { exchange_wrong_model: { skipped: 'no_ordered_model' } }],
    ['printed 40 % of its yield (minimum 50 %)', { cyclePages: 2000 }, { inefficient: { alarm: { efficiency: 40, min: 50 } } }],
    ['pages unknown', { cyclePages: null }, { inefficient: { skipped: 'no_pages' } }],
    ['yield unknown', { ratedYield: null }, { inefficient: { skipped: 'no_rated_yield' } }],
    ['the efficiency check turned off', { cyclePages: 10, config: { ...DEFAULT_ORDER_CONFIG, minEfficiency: 0 } }, { inefficient: { skipped: 'disabled' } }],
  ])('%s', (_, fields, expected) => {
    const { results } = replacementChecks({ ...clean, ...fields });
    const byCode = Object.fromEntries(results.map((result) => [result.code, outcome(result)]));
    expect(byCode).toMatchObject(expected);
    // Everything else still passes: one cause, one outcome.
    for (const [code, result] of Object.entries(byCode)) if (!(code in expected)) expect([code, result]).toEqual([code, 'passed']);
  });

  it('fulfils the oldest order in flight', () => {
    const orders: SupplyOrder[] = [{ ...shipped, id: 'later', createdAt: day(3) }, { ...shipped, id: 'older', createdAt: day(2), status: 'new' }];
    expect(replacementChecks({ ...clean, orders }).orderId).toBe('older');
  });
});

const state = (fields: Partial<StateCheckInput>): StateCheckInput => ({ percent: 40, state: 'measured', level: 400, max: 1000, readAt: day(10), deviceReadAt: day(10), ...fields });

describe('stateChecks', () => {
  it.each<[string, Partial<StateCheckInput>, Record<string, ReturnType<typeof outcome>>]>([
    ['a sound supply', {}, { level_unknown: 'passed', level_not_updated: 'passed', damaged: 'passed' }],
    ['"some remaining" is a level', { percent: null, state: 'some_remaining', level: -3 }, { level_unknown: 'passed', damaged: 'passed' }],
    ['unknown level', { percent: null, state: 'unknown', level: -2 }, { level_unknown: { alarm: {} }, damaged: 'passed' }],
    ['a printer that gives no level for it', { percent: null, state: 'other', level: -1 }, { level_unknown: { skipped: 'no_level' } }],
    ['not updated for 7 days while the device was read', { readAt: day(3), deviceReadAt: day(10) }, { level_not_updated: { alarm: { days: 7 } } }],
    ['6 days behind', { readAt: day(4), deviceReadAt: day(10) }, { level_not_updated: 'passed' }],
    ['the device never read', { deviceReadAt: null }, { level_not_updated: { skipped: 'not_read' } }],
    ['more than full', { percent: 130, level: 1300, max: 1000 }, { damaged: { alarm: { percent: 130, level: 1300, max: 1000 } } }],
    ['a negative percentage', { percent: -5, level: null, max: null }, { damaged: { alarm: { percent: -5 } } }],
    ['a level RFC 3805 does not define', { percent: null, state: 'unknown', level: -7, max: 1000 }, { damaged: { alarm: { level: -7, max: 1000 } } }],
    ['a vendor percentage only', { percent: 55, level: null, max: null }, { damaged: 'passed' }],
    ['nothing to judge', { percent: null, state: 'unknown', level: null, max: null }, { damaged: { skipped: 'no_level' } }],
  ])('%s', (_, fields, expected) => {
    const byCode = Object.fromEntries(stateChecks(state(fields)).map((result) => [result.code, outcome(result)]));
    expect(byCode).toMatchObject(expected);
  });
});
