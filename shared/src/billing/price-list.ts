import type { PriceListData } from '../contracts/billing.ts';

/** A price list with nothing priced yet: per page, no included pages, no fee, no tiers, pools or consumables. */
export function emptyPriceList(currency: string): PriceListData {
  return {
    model: 'per_page',
    currency,
    defaults: { prices: { mono: null, colour: null, scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' },
    models: [],
    devices: [],
    tiers: { mono: [], colour: [], scan: [] },
    pools: [],
    minimumPerPeriod: null,
    largeCountsDouble: false,
    consumables: [],
    trueUp: 'none',
  };
}

/** The simple price list of the manual's first model (what the new-customer wizard asks): prices per page. */
export function perPagePriceList(currency: string, prices: { mono: string; colour: string; scan: string | null }): PriceListData {
  const list = emptyPriceList(currency);
  return { ...list, defaults: { ...list.defaults, prices } };
}
