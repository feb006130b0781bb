import { describe, expect, it } from 'vitest';
import type { LocalStock, StockItem } from '@parc/shared/contracts/stocks';
import type { ReplenishmentStatus } from '@parc/shared/supplies/stock';
import {
  addableItems,
  addedLine,
  checkedStock,
  itemInputOf,
  movementText,
  replenishmentActions,
  replenishmentFormOf,
  replenishmentInputOf,
  stockAlerts,
  stockFormOf,
  stockUpdateOf,
  type ItemForm,
  type ItemMode,
  type ReplenishmentForm,
  type StockForm,
} from './stocks.rules.ts';

const CUSTOMER = '9f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const SITE = '8f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const DEVICE = '7f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const COORDINATOR = '6f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const BLACK = '5f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const CYAN = '4f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const DRUM = '3f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';

function item(supplyModelId: string, fields: Partial<StockItem>): StockItem {
  return { supplyModelId, name: `Supply ${supplyModelId.slice(0, 2)}`, partNumber: 'PN', dealerReference: null, kind: 'toner', colour: 'black', quantity: 5, minimum: 2, target: 6, state: 'ok', inTransit: 0, suggested: 0, ...fields };
}

const items = [item(BLACK, { quantity: 1, state: 'low', suggested: 5 }), item(CYAN, { quantity: 0, state: 'empty', suggested: 6 }), item(DRUM, { quantity: 4, state: 'ok', suggested: 0 })];

describe('stockAlerts', () => {
  it.each([
    ['nothing when every item is above its minimum', [item(BLACK, {}), item(CYAN, {})], []],
    ['no item at all', [], []],
    ['the empty ones then the low ones, counted', [...items, item('2f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c', { state: 'low' })], [{ state: 'empty', count: 1 }, { state: 'low', count: 2 }]],
    ['only low', [item(BLACK, { state: 'low' })], [{ state: 'low', count: 1 }]],
  ] as const)('%s', (_, given, expected) => {
    expect(stockAlerts(given)).toEqual(expected);
  });
});

describe('replenishmentActions', () => {
  it.each([
    ['new', ['ship', 'receive', 'cancel']],
    ['shipped', ['receive', 'cancel']],
    ['received', []],
    ['cancelled', []],
  ] as [ReplenishmentStatus, string[]][])('%s offers %j', (status, expected) => {
    expect(replenishmentActions(status)).toEqual(expected);
  });
});

describe('movementText', () => {
  it.each([
    [{ reason: 'count', replenishmentCode: null, deviceCode: null }, { key: 'stocks.movement.count', params: {} }],
    [{ reason: 'replenishment', replenishmentCode: 'ACME-ORDER-3', deviceCode: null }, { key: 'stocks.movement.replenishment', params: { code: 'ACME-ORDER-3' } }],
    [{ reason: 'replacement', replenishmentCode: null, deviceCode: 'ACME-12' }, { key: 'stocks.movement.replacement', params: { device: 'ACME-12' } }],
    [{ reason: 'replacement', replenishmentCode: null, deviceCode: null }, { key: 'stocks.movement.replacement', params: { device: '—' } }],
  ] as const)('%j', (movement, expected) => {
    expect(movementText(movement)).toEqual(expected);
  });
});

describe('the stock form', () => {
  const stock: LocalStock = {
    id: '1f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c',
    name: 'Supply room',
    customer: { id: CUSTOMER, number: 'C1', name: 'Acme' },
    site: { id: SITE, name: 'HQ' },
    manager: { coordinatorId: null, coordinatorName: null, email: 'desk@acme.test' },
    devices: [{ id: DEVICE, deviceCode: 'ACME-1', manufacturer: 'Lexmark', model: 'CX725', serial: null, location: null }],
    items,
    updatedAt: '2026-12-01T08:00:00.000Z',
  };
  const filled: StockForm = { name: ' Supply room ', customerId: CUSTOMER, siteId: SITE, deviceIds: [DEVICE], managerCoordinatorId: COORDINATOR, managerEmail: '' };

  it('opens on the stock edited, or empty', () => {
    expect(stockFormOf(stock)).toEqual({ name: 'Supply room', customerId: CUSTOMER, siteId: SITE, deviceIds: [DEVICE], managerCoordinatorId: '', managerEmail: 'desk@acme.test' });
    expect(stockFormOf()).toEqual({ name: '', customerId: '', siteId: '', deviceIds: [], managerCoordinatorId: '', managerEmail: '' });
  });

  it.each([
    ['a complete form, the name trimmed and an empty email as none', filled, { ok: true, input: { name: 'Supply room', customerId: CUSTOMER, siteId: SITE, deviceIds: [DEVICE], managerCoordinatorId: COORDINATOR, managerEmail: null } }],
    ['no manager at all', { ...filled, managerCoordinatorId: '' }, { ok: true, input: { name: 'Supply room', customerId: CUSTOMER, siteId: SITE, deviceIds: [DEVICE], managerCoordinatorId: null, managerEmail: null } }],
    ['nothing chosen', stockFormOf(), { ok: false, problems: { name: 'required', customerId: 'required', siteId: 'required' } }],
    ['a wrong email', { ...filled, managerEmail: 'desk@' }, { ok: false, problems: { managerEmail: 'invalid' } }],
  ] as const)('%s', (_, form, expected) => {
    expect(checkedStock({ ...form, deviceIds: [...form.deviceIds] })).toEqual(expected);
  });

  it('edits the name, devices and manager, clearing a manager left out', () => {
    expect(stockUpdateOf({ name: 'Room', customerId: CUSTOMER, siteId: SITE, deviceIds: [], managerEmail: 'a@b.ch' })).toEqual({ name: 'Room', deviceIds: [], managerCoordinatorId: null, managerEmail: 'a@b.ch' });
  });
});

describe('itemInputOf', () => {
  const form = (fields: Partial<ItemForm>): ItemForm => ({ minimum: '2', target: '6', quantity: '4', ...fields });
  it.each([
    ['add', form({}), { ok: true, input: { minimum: 2, target: 6, quantity: 4 } }],
    ['limits', form({ quantity: 'x' }), { ok: true, input: { minimum: 2, target: 6 } }],
    ['count', form({ minimum: '', target: '' }), { ok: true, input: { quantity: 4 } }],
    ['count', form({ quantity: ' 0 ' }), { ok: true, input: { quantity: 0 } }],
    ['limits', form({ target: '0' }), { ok: true, input: { minimum: 2, target: 0 } }],
    ['limits', form({ target: '2' }), { ok: false, problems: { target: 'target' } }],
    ['add', form({ minimum: '-1', quantity: '2.5' }), { ok: false, problems: { minimum: 'whole', quantity: 'whole' } }],
    ['count', form({ quantity: '100001' }), { ok: false, problems: { quantity: 'whole' } }],
    ['count', form({ quantity: '' }), { ok: false, problems: { quantity: 'whole' } }],
  ] as [ItemMode, ItemForm, unknown][])('%s %j', (mode, given, expected) => {
    expect(itemInputOf(mode, given)).toEqual(expected);
  });
});

describe('the replenishment form', () => {
  it('opens with a line for each item to send, at its suggested quantity', () => {
    expect(replenishmentFormOf(items)).toEqual({
      carrierId: '',
      trackingNumber: '',
      note: '',
      lines: [
        { supplyModelId: BLACK, name: items[0]!.name, partNumber: 'PN', quantity: '5' },
        { supplyModelId: CYAN, name: items[1]!.name, partNumber: 'PN', quantity: '6' },
      ],
    });
    expect(replenishmentFormOf([items[2]!]).lines).toEqual([]);
  });

  it('offers the items not on a line, a line added proposing its suggestion or one', () => {
    const form = replenishmentFormOf(items);
    expect(addableItems(items, form.lines).map((each) => each.supplyModelId)).toEqual([DRUM]);
    expect(addedLine(items[2]!).quantity).toBe('1');
    expect(addedLine(items[0]!).quantity).toBe('5');
  });

  const lines = replenishmentFormOf(items).lines;
  it.each([
    [
      'the lines as numbers, blank details as none',
      { carrierId: '', trackingNumber: ' ', note: '', lines },
      { ok: true, input: { carrierId: null, trackingNumber: null, note: null, lines: [{ supplyModelId: BLACK, quantity: 5 }, { supplyModelId: CYAN, quantity: 6 }] } },
    ],
    [
      'a carrier, tracking number and note',
      { carrierId: COORDINATOR, trackingNumber: ' RR1 ', note: 'Door B', lines: [lines[0]!] },
      { ok: true, input: { carrierId: COORDINATOR, trackingNumber: 'RR1', note: 'Door B', lines: [{ supplyModelId: BLACK, quantity: 5 }] } },
    ],
    ['no line', { carrierId: '', trackingNumber: '', note: '', lines: [] }, { ok: false, problem: 'lines' }],
    [
      'a zero, a fraction and too many',
      { carrierId: '', trackingNumber: '', note: '', lines: [{ ...lines[0]!, quantity: '0' }, { ...lines[1]!, quantity: '1.5' }, { ...lines[0]!, supplyModelId: DRUM, quantity: '10001' }] },
      { ok: false, problem: 'quantity', supplyModelIds: [BLACK, CYAN, DRUM] },
    ],
  ] as [string, ReplenishmentForm, unknown][])('%s', (_, form, expected) => {
    expect(replenishmentInputOf(form)).toEqual(expected);
  });
});
