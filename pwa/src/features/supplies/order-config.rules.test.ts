import { describe, expect, it } from 'vitest';
import type { OrderConfigView } from '@parc/shared/contracts/supplies';
import { effectiveOrderConfig, type OrderConfigLevel } from '@parc/shared/supplies/order-config';
import { configDraftOf, effectiveValue, inheritedOf, levelOf, SETTING_IDS, sourceOf, startingValue } from './order-config.rules.ts';

const dealer: OrderConfigLevel = { method: 'proactive', levelThresholds: { colour_toner: 25 } };
const customer: OrderConfigLevel = { levelThresholds: { mono_toner: 12.5 }, blockOn: { exchange_early: true }, proactiveDays: 21 };
const { config, from } = effectiveOrderConfig(dealer, customer);
const view: OrderConfigView = { level: 'customer', own: customer, effective: config, from, updatedAt: null };

describe('the order configuration draft', () => {
  it('holds what the level sets and inherits the rest', () => {
    const draft = configDraftOf(customer);
    expect(draft['levelThresholds.mono_toner']).toBe('12.5');
    expect(draft['blockOn.exchange_early']).toBe(true);
    expect(draft.proactiveDays).toBe('21');
    expect(draft.method).toBeNull();
    expect(draft['levelThresholds.colour_toner']).toBeNull();
    expect(SETTING_IDS.filter((id) => draft[id] !== null)).toHaveLength(3);
  });

  it('shows each value that applies with where it comes from', () => {
    expect([effectiveValue(view, 'method'), sourceOf(view, 'method')]).toEqual(['proactive', 'dealer']);
    expect([effectiveValue(view, 'levelThresholds.colour_toner'), sourceOf(view, 'levelThresholds.colour_toner')]).toEqual(['25', 'dealer']);
    expect([effectiveValue(view, 'levelThresholds.mono_toner'), sourceOf(view, 'levelThresholds.mono_toner')]).toEqual(['12.5', 'customer']);
    expect([effectiveValue(view, 'blockOn.exchange_not_new'), sourceOf(view, 'blockOn.exchange_not_new')]).toEqual([true, 'default']);
    expect([effectiveValue(view, 'minEfficiency'), sourceOf(view, 'minEfficiency')]).toEqual(['50', 'default']);
  });

  it('saves only the settings set at this level, numbers read in either decimal notation', () => {
    const draft = { ...configDraftOf(customer), 'levelThresholds.mono_toner': ' 7,5 ', blockOn: null, 'replacementMaxLevels.waste_toner': '3', markSentAfterNotification: false };
    expect(levelOf(draft)).toEqual({
      ok: true,
      level: { levelThresholds: { mono_toner: 7.5 }, proactiveDays: 21, markSentAfterNotification: false, blockOn: { exchange_early: true }, replacementMaxLevels: { waste_toner: 3 } },
    });
  });

  it('saves an empty level when everything is inherited', () => {
    expect(levelOf(configDraftOf({}))).toEqual({ ok: true, level: {} });
  });

  it.each([
    ['levelThresholds.colour_drum', '101', 'percent'],
    ['levelThresholds.colour_drum', '', 'percent'],
    ['minEfficiency', '-1', 'percent'],
    ['proactiveDays', '0', 'days'],
    ['proactiveDays', '2.5', 'days'],
    ['proactiveDays', '366', 'days'],
    ['method', 'weekly', 'invalid'],
  ] as const)('refuses %s = "%s" (%s)', (id, text, problem) => {
    expect(levelOf({ ...configDraftOf({}), [id]: text })).toEqual({ ok: false, problems: { [id]: problem } });
  });
});

describe('what a setting inherits', () => {
  it('is the value that applies when the level does not set it', () => {
    expect(inheritedOf(view, 'method')).toEqual({ value: 'proactive', source: 'dealer' });
  });

  it('is Parc’s default under the dealer’s own setting', () => {
    const dealerView: OrderConfigView = { level: 'dealer', own: dealer, ...(({ config, from }) => ({ effective: config, from }))(effectiveOrderConfig(dealer)), updatedAt: null };
    expect(inheritedOf(dealerView, 'levelThresholds.colour_toner')).toEqual({ value: '20', source: 'default' });
  });

  it('is unknown under a customer’s own setting, the dealer’s not being in the view', () => {
    expect(inheritedOf(view, 'levelThresholds.mono_toner')).toBeNull();
  });
});

describe('setting a value here again', () => {
  it('starts from the level’s saved value, else from the one inherited', () => {
    expect(startingValue(view, 'blockOn.exchange_early')).toBe(true);
    expect(startingValue(view, 'levelThresholds.mono_toner')).toBe('12.5');
    expect(startingValue(view, 'levelThresholds.colour_toner')).toBe('25');
    expect(startingValue(view, 'markSentAfterNotification')).toBe(false);
  });
});
