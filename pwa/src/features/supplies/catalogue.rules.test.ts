import { describe, expect, it } from 'vitest';
import type { SupplyModel } from '@parc/shared/contracts/supplies';
import { consumptionBars, modelChangeOf, modelFormOf } from './catalogue.rules.ts';

const SUPPLIER = '3f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c';
const model: SupplyModel = {
  id: '7f1d6c52-3b7a-4a8e-9a55-2d3e4f5a6b7c',
  name: 'Black Toner Cartridge',
  partNumber: 'TK-5240K',
  kind: null,
  colour: 'black',
  ratedYield: 4000,
  dealerReference: null,
  price: '24.90',
  supplierId: null,
  supplierName: null,
  deviceCount: 3,
  printerModels: ['ECOSYS M5526cdw'],
  consumption: [],
};

describe('the supply model form', () => {
  it('saves nothing when nothing changed', () => {
    expect(modelChangeOf(modelFormOf(model), model)).toEqual({ ok: true, change: null });
  });

  it('sends only what changed, in the contract’s shape', () => {
    const form = { ...modelFormOf(model), ratedYield: "5'000", price: '19,5', dealerReference: ' K-5240 ', supplierId: SUPPLIER, kind: 'toner' as const };
    expect(modelChangeOf(form, model)).toEqual({ ok: true, change: { ratedYield: 5000, price: '19.50', dealerReference: 'K-5240', supplierId: SUPPLIER, kind: 'toner' } });
  });

  it('clears the fields left empty', () => {
    expect(modelChangeOf({ ...modelFormOf(model), ratedYield: '', price: ' ' }, model)).toEqual({ ok: true, change: { ratedYield: null, price: null } });
  });

  it.each([
    ['ratedYield', 'lots', 'yield'],
    ['ratedYield', '0', 'yield'],
    ['price', '24.905', 'price'],
    ['price', '-3', 'price'],
    ['dealerReference', 'x'.repeat(101), 'reference'],
  ] as const)('refuses %s "%s"', (field, text, problem) => {
    expect(modelChangeOf({ ...modelFormOf(model), [field]: text }, model)).toEqual({ ok: false, problems: { [field]: problem } });
  });
});

describe('the consumption chart', () => {
  it('keeps the last twelve months, scaled to the busiest', () => {
    const consumption = Array.from({ length: 14 }, (_, index) => ({ month: `2026-${String((index % 12) + 1).padStart(2, '0')}`, count: index }));
    const bars = consumptionBars(consumption);
    expect(bars).toHaveLength(12);
    expect(bars[0]).toEqual({ month: '2026-03', count: 2, share: 2 / 13 });
    expect(bars[11]).toEqual({ month: '2026-02', count: 13, share: 1 });
  });

  it('draws empty months flat', () => {
    expect(consumptionBars([{ month: '2026-11', count: 0 }])).toEqual([{ month: '2026-11', count: 0, share: 0 }]);
  });
});
