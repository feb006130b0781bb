import { describe, expect, it } from 'vitest';
import { routeMatches, routeOrder, type OrderRoute, type RouteFilters, type RoutedOrder } from './routing.ts';

const order: RoutedOrder = { manufacturer: 'Lexmark', model: 'MX310', deviceId: 'd1', kind: 'drum', colour: 'black', supplierId: 's1' };

describe('routeMatches: every filter given must match, an empty one matches anything', () => {
  it.each<[string, RouteFilters, boolean]>([
    ['no filter', {}, true],
    ['the manufacturer, in another case and with blanks', { manufacturer: ' lexmark ' }, true],
    ['another manufacturer', { manufacturer: 'Canon' }, false],
    ['the model', { model: 'mx310' }, true],
    ['the kind', { kind: 'drum' }, true],
    ['another kind', { kind: 'toner' }, false],
    ['the colour', { colour: 'black' }, true],
    ['another colour', { colour: 'cyan' }, false],
    ['the device', { deviceId: 'd1' }, true],
    ['another device', { deviceId: 'd2' }, false],
    ['the supplier', { supplierId: 's1' }, true],
    ['another supplier', { supplierId: 's2' }, false],
    ['filters cleared to null', { manufacturer: null, kind: null, supplierId: null }, true],
    ['all given, one wrong', { manufacturer: 'Lexmark', model: 'MX310', kind: 'drum', colour: 'cyan' }, false],
  ])('%s', (_, filters, matches) => {
    expect(routeMatches(filters, order)).toBe(matches);
  });

  it('an order without a supplier does not match a supplier filter', () => {
    expect(routeMatches({ supplierId: 's1' }, { ...order, supplierId: null })).toBe(false);
  });
});

describe('routeOrder: the first matching rule wins', () => {
  const route = (id: string, filters: RouteFilters): OrderRoute => ({ id, filters, recipients: [{ kind: 'address', address: `${id}@desk.test` }] });
  it.each<[string, OrderRoute[], string | null]>([
    ['the Lexmark rule before the catch-all', [route('lexmark', { manufacturer: 'Lexmark' }), route('all', {})], 'lexmark'],
    ['the catch-all first takes everything', [route('all', {}), route('lexmark', { manufacturer: 'Lexmark' })], 'all'],
    ['a rule that does not match is skipped', [route('canon', { manufacturer: 'Canon' }), route('drums', { kind: 'drum' })], 'drums'],
    ['no rule matches', [route('canon', { manufacturer: 'Canon' })], null],
    ['no rules', [], null],
  ])('%s', (_, routes, expected) => {
    expect(routeOrder(routes, order)?.id ?? null).toBe(expected);
  });
});
