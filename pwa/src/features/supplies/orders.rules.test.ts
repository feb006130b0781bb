import { describe, expect, it } from 'vitest';
import type { SupplyOrderView } from '@parc/shared/contracts/supplies';
import { checkedCarrier, checkedSupplier, daysRange, orderActions, orderChangeOf, orderDetailsOf, ordersQuery, type OrderFilters } from './orders.rules.ts';

const CARRIER = '3f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const order: SupplyOrderView = {
  id: '7f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c',
  code: 'ACME-ORDER-4',
  status: 'shipped',
  trigger: 'level',
  device: { id: '8f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c', deviceCode: 'ACME-12', manufacturer: 'Lexmark', model: 'CX725', customerId: '9f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c', customerName: 'Acme', siteName: null },
  supplyIndex: '1',
  supplyName: 'Black Toner',
  kind: 'toner',
  colour: 'black',
  partNumber: '84C2HK0',
  orderedPartNumber: null,
  carrier: { id: CARRIER, name: 'Post', trackingUrl: 'https://post.test/{tracking}' },
  trackingNumber: 'RR123',
  trackingLink: 'https://post.test/RR123',
  note: null,
  heldBack: null,
  percentAtOrder: 12,
  p50Days: 9.6,
  p90Days: 4.2,
  createdAt: '2026-12-01T08:00:00.000Z',
  createdBy: null,
  notifiedAt: null,
  shippedAt: '2026-12-02T08:00:00.000Z',
  deliveredAt: null,
  replacedAt: null,
  cancelledAt: null,
};

const noFilters: OrderFilters = { customerId: '', kind: '', status: '', search: '' };

describe('ordersQuery', () => {
  it('asks the pending view for every order in flight, whatever status was chosen on all orders', () => {
    expect(ordersQuery('pending', { ...noFilters, status: 'cancelled' }, 1, 50).toString()).toBe('page=1&pageSize=50&status=pending');
  });

  it('sends on all orders only the filters set, the search trimmed', () => {
    expect(ordersQuery('all', noFilters, 2, 50).toString()).toBe('page=2&pageSize=50');
    const params = ordersQuery('all', { customerId: order.device.customerId, kind: 'drum', status: 'replaced', search: '  84C2 ' }, 1, 25);
    expect(Object.fromEntries(params)).toEqual({ page: '1', pageSize: '25', status: 'replaced', customerId: order.device.customerId, kind: 'drum', search: '84C2' });
  });
});

describe('orderActions', () => {
  it('offers what ORDER_ACTIONS allows from each status', () => {
    expect(orderActions('new')).toEqual(['ship', 'replace', 'cancel']);
    expect(orderActions('shipped')).toEqual(['deliver', 'replace', 'cancel']);
    expect(orderActions('to_replace')).toEqual(['replace', 'cancel']);
    expect(orderActions('replaced')).toEqual([]);
    expect(orderActions('cancelled')).toEqual(['reopen']);
  });
});

describe('daysRange', () => {
  it('runs from the early forecast to the median, in whole days', () => {
    expect(daysRange(4.2, 9.6)).toEqual({ low: 4, high: 10 });
  });

  it('is one number when only one forecast is known or both round alike, and none without a forecast', () => {
    expect(daysRange(null, 7.2)).toEqual({ low: 7, high: 7 });
    expect(daysRange(6.6, 7.4)).toEqual({ low: 7, high: 7 });
    expect(daysRange(null, null)).toBeNull();
  });

  it('never goes below zero days', () => {
    expect(daysRange(-1.2, 2)).toEqual({ low: 0, high: 2 });
  });
});

describe('orderChangeOf', () => {
  it('sends the action with only the details changed, a cleared one as null', () => {
    const form = { ...orderDetailsOf(order), trackingNumber: '', orderedPartNumber: ' 84C2HKE ' };
    expect(orderChangeOf(order, form, 'ship')).toEqual({ action: 'ship', trackingNumber: null, orderedPartNumber: '84C2HKE' });
  });

  it('sends nothing when the details are unchanged and no action is taken', () => {
    expect(orderChangeOf(order, orderDetailsOf(order))).toBeNull();
    expect(orderChangeOf(order, orderDetailsOf(order), 'deliver')).toEqual({ action: 'deliver' });
  });
});

describe('supplier and carrier forms', () => {
  it('sends empty optional fields as null', () => {
    expect(checkedSupplier({ name: ' Toner AG ', email: '', phone: ' ' })).toEqual({ ok: true, input: { name: 'Toner AG', email: null, phone: null } });
    expect(checkedCarrier({ name: 'Post', trackingUrl: 'https://post.test/track?n={tracking}' })).toEqual({ ok: true, input: { name: 'Post', trackingUrl: 'https://post.test/track?n={tracking}' } });
  });

  it('names the fields the server would refuse', () => {
    expect(checkedSupplier({ name: '', email: 'not an address', phone: '' })).toEqual({ ok: false, problems: { name: 'required', email: 'invalid' } });
    expect(checkedCarrier({ name: 'Post', trackingUrl: 'ftp://post.test' })).toEqual({ ok: false, problems: { trackingUrl: 'invalid' } });
  });
});
