import { describe, expect, it } from 'vitest';
import { defaultRule, effectiveRule, NOTICE_CATEGORIES, placeholdersOf, ruleWants, thresholdReached, type NoticeRule } from './categories.ts';
import { fillTemplate, paragraphsOf, templateProblem, writeFacts } from './templates.ts';

const allowed = placeholdersOf('device_alert');

describe('templateProblem', () => {
  it.each([
    ['Alert on {device.id}', null],
    ['{ device.id } at {customer.number}', null],
    ['No placeholder at all', null],
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['Alert on {device.colour}', { code: 'unknown_placeholder', placeholder: 'device.colour' }],
    ['Order {order.number}', { code: 'unknown_placeholder', placeholder: 'order.number' }],
    ['Empty {}', { code: 'unknown_placeholder', placeholder: '' }],
    ['Odd {device id}', { code: 'unknown_placeholder', placeholder: 'device id' }],
    ['Open {device.id', { code: 'unclosed_brace' }],
    ['Close device.id}', { code: 'unclosed_brace' }],
    ['Nested {{device.id}}', { code: 'unclosed_brace' }],
  ])('%j', (text, problem) => {
    expect(templateProblem(text, allowed)).toEqual(problem);
  });
});

describe('fillTemplate and paragraphsOf', () => {
  it('fills every placeholder, a missing value as nothing', () => {
    expect(fillTemplate('{device.id} at { customer.number }: {alert.description}', { 'device.id': 'DF-3', 'customer.number': '10452' })).toBe('DF-3 at 10452: ');
  });
  it('does not fill a value that itself looks like a placeholder', () => {
    expect(fillTemplate('{device.id} {customer.number}', { 'device.id': '{customer.number}', 'customer.number': 'X' })).toBe('{customer.number} X');
  });
  it.each([
    ['One\ntwo\n\nThree', ['One two', 'Three']],
    ['\n\n  \n', []],
    ['A\n \t\nB\n\n\n\nC', ['A', 'B', 'C']],
  ])('%j', (body, paragraphs) => {
    expect(paragraphsOf(body)).toEqual(paragraphs);
  });
});

describe('writeFacts', () => {
  const facts = {
    'device.id': { text: 'DF-3' },
    'reading.value': { count: 1234567 },
    'supply.percent': { percent: 8 },
    'alert.openedAt': { at: '2026-12-04T07:30:00Z' },
    'campaign.period': { month: '2026-11' },
    'alert.complexity': { code: 'engineer', list: 'complexity' },
    'reading.counter': { code: 'colour', list: 'counter' },
  };
  it.each([
    ['fr', { 'reading.value': '1 234 567', 'supply.percent': '8 %', 'alert.openedAt': '4 déc. 2026, 08:30', 'campaign.period': 'novembre 2026', 'alert.complexity': 'ingénieur' }],
    ['de', { 'reading.value': '1.234.567', 'supply.percent': '8 %', 'alert.openedAt': '04.12.2026, 08:30', 'campaign.period': 'November 2026', 'alert.complexity': 'Ingenieur' }],
    ['en', { 'reading.value': '1,234,567', 'supply.percent': '8%', 'alert.openedAt': 'Dec 4, 2026, 8:30 AM', 'campaign.period': 'November 2026', 'alert.complexity': 'engineer' }],
  ] as const)('in %s, in the dealer’s time zone', (language, expected) => {
    const written = writeFacts(facts, language, 'Europe/Zurich');
    // Intl separates groups and units with (narrow) no-break spaces.
    const plain = Object.fromEntries(Object.entries(written).map(([name, value]) => [name, value.replace(/[\u202f\u00a0]/g, ' ')]));
    expect(plain).toMatchObject(expected);
    expect(plain['device.id']).toBe('DF-3');
    expect(plain['reading.counter']).not.toBe('colour');
  });
});

describe('rules', () => {
  const dealer: NoticeRule = { ...defaultRule('supply_low'), threshold: 20, frequency: 'weekly' };
  const customer: NoticeRule = { ...defaultRule('supply_low'), threshold: 5 };
  it.each([
    [undefined, undefined, 'default', 10],
    [dealer, undefined, 'dealer', 20],
    [dealer, customer, 'customer', 5],
    [undefined, customer, 'customer', 5],
  ] as const)('dealer %#: the customer’s own rule, else the dealer’s, else the default', (dealerRule, customerRule, source, threshold) => {
    const { rule, source: from } = effectiveRule('supply_low', dealerRule, customerRule);
    expect(from).toBe(source);
    expect(rule.threshold).toBe(threshold);
  });

  it('has a default for every category, with a threshold only where the category has one', () => {
    for (const category of NOTICE_CATEGORIES) {
      const rule = defaultRule(category);
      expect(rule.roles.length + rule.addresses.length).toBeGreaterThan(0);
      expect(rule.threshold === null).toBe(category !== 'supply_low' && category !== 'agent_offline');
      expect(rule.complexities.length > 0).toBe(category === 'device_alert');
    }
  });

  const on = (change: Partial<NoticeRule>, category: Parameters<typeof defaultRule>[0] = 'device_alert'): NoticeRule => ({ ...defaultRule(category), ...change });
  it.each([
    ['an alert of a told complexity', on({}), { complexity: 'engineer' }, true],
    ['an alert the user can fix', on({}), { complexity: 'user' }, false],
    ['a rule that is off', on({ enabled: false }), { complexity: 'engineer' }, false],
    ['an event with no complexity', on({}, 'order_created'), {}, true],
  ] as const)('tells %s', (_, rule, event, wanted) => {
    expect(ruleWants(rule, event)).toBe(wanted);
  });

  it.each([
    ['an agent silent long enough', on({}, 'agent_offline'), { hoursSilent: 24 }, true],
    ['an agent silent for less', on({}, 'agent_offline'), { hoursSilent: 23.9 }, false],
    ['a supply at the threshold', on({}, 'supply_low'), { percent: 10 }, true],
    ['a supply above it', on({}, 'supply_low'), { percent: 11 }, false],
    ['an event with no threshold', on({}, 'order_created'), {}, true],
  ] as const)('counts %s as an event', (_, rule, event, reached) => {
    expect(thresholdReached(rule, event)).toBe(reached);
  });

  it.each([
    [24, true],
    [72, true],
    [72.1, false],
    [24 * 30, false],
  ])('counts an agent silent for %s h as an event within two days of passing 24 h: %s', (hoursSilent, reached) => {
    expect(thresholdReached(on({}, 'agent_offline'), { hoursSilent }, 48)).toBe(reached);
  });
});
