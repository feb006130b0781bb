import { describe, expect, it } from 'vitest';
import type { OrderRouteView } from '@parc/shared/contracts/supplies';
import { movedIds, routeFormOf, routeInputOf } from './routing.rules.ts';

const SUPPLIER = '3f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const route: OrderRouteView = {
  id: '7f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c',
  name: 'Lexmark colour toners',
  position: 0,
  filters: { manufacturer: 'Lexmark', kind: 'toner', colour: null, supplierId: SUPPLIER },
  recipients: [{ kind: 'site_coordinator' }, { kind: 'address', address: 'orders@lexmark.test' }],
};

describe('the routing rule form', () => {
  it('round-trips a rule, empty filters meaning any', () => {
    expect(routeInputOf(routeFormOf(route))).toEqual({
      ok: true,
      input: {
        name: 'Lexmark colour toners',
        filters: { manufacturer: 'Lexmark', model: null, deviceId: null, kind: 'toner', colour: null, supplierId: SUPPLIER },
        recipients: [{ kind: 'site_coordinator' }, { kind: 'address', address: 'orders@lexmark.test' }],
      },
    });
  });

  it('starts a new rule for every order, to the device’s coordinator', () => {
    const form = routeFormOf();
    expect(form.recipients).toEqual([{ kind: 'device_coordinator', address: '' }]);
    expect(routeInputOf({ ...form, name: ' The rest ', manufacturer: '  ' })).toEqual({
      ok: true,
      input: { name: 'The rest', filters: { manufacturer: null, model: null, deviceId: null, kind: null, colour: null, supplierId: null }, recipients: [{ kind: 'device_coordinator' }] },
    });
  });

  it('names what is missing or wrong where it is', () => {
    const form = { ...routeFormOf(route), name: ' ', recipients: [{ kind: 'customer_coordinator' as const, address: '' }, { kind: 'address' as const, address: 'not an address' }] };
    expect(routeInputOf(form)).toEqual({ ok: false, problems: { name: 'required', 'recipients.1.address': 'email' } });
    expect(routeInputOf({ ...routeFormOf(route), recipients: [] })).toEqual({ ok: false, problems: { recipients: 'no_recipient' } });
  });
});

describe('moving a rule', () => {
  it.each([
    [1, -1, ['b', 'a', 'c']],
    [1, 1, ['a', 'c', 'b']],
    [0, -1, ['a', 'b', 'c']],
    [2, 1, ['a', 'b', 'c']],
  ] as const)('moves index %i by %i', (index, step, expected) => {
    expect(movedIds(['a', 'b', 'c'], index, step)).toEqual(expected);
  });
});
