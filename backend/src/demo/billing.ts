/**
 * What the demo bills: the customers' contracts, one pricing model each, and the toners a technician
 * replaced over the history on the machines of the customer billed per consumable, so the billing
 * screens have something to bill from the first start. Prices are in CHF; the manual's figures (in
 * centimes there) become francs per page here: its Canon row 2/3/1 is 0.02/0.03/0.01, its tiers
 * 10/8/6/4 are 0.10/0.08/…. Each version takes effect from the month the customer came into Parc,
 * before its first reading.
 */
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { PriceListData } from '@parc/shared/contracts/billing';
import { periodKeyAt } from '@parc/shared';
import type { priceVersions, supplyReplacements } from '../db/schema/index.ts';
import { DEMO_AGENT_CUSTOMER, type DemoAgent } from './agent.ts';
import { MODELS } from '@parc/shared/devices/printer-models';
import { DEMO_LOGINS, DEMO_METER_CUSTOMER, HISTORY_MONTHS, type DemoPlan } from './plan.ts';

export interface DemoBilling {
  priceVersions: (typeof priceVersions.$inferInsert)[];
  replacements: (typeof supplyReplacements.$inferInsert)[];
}

/** The customer billed by volume tiers. */
const DEMO_TIERED_CUSTOMER = '10633';

type Terms = PriceListData['defaults'];

const terms = (prices: Terms['prices'], included: Terms['included'], fixedFee: string): Terms => ({ prices, included, fixedFee });
const modelOf = (key: keyof typeof MODELS) => ({ manufacturer: MODELS[key].manufacturer, model: MODELS[key].model });

/**
 * Per page with a subscription: pages included per device and a monthly fee, scans not billed; the
 * manual's per-model rows on the demo's Canon colour MFP (the C3550's successor line) and HP MFP,
 * and the print-room Xerox on prices of its own.
 */
function perPage(plan: DemoPlan, customerId: string): PriceListData {
  const printRoom = plan.devices.find((device) => device.customerId === customerId && device.model === MODELS.xeroxC9065.model)!;
  return {
    ...emptyPriceList('CHF'),
    defaults: terms({ mono: '0.012', colour: '0.065', scan: null }, { mono: 500, colour: 100, scan: 0 }, '25'),
    models: [
      { ...modelOf('canonC5840'), terms: terms({ mono: '0.02', colour: '0.03', scan: '0.01' }, { mono: 100, colour: 100, scan: 200 }, '0') },
      { ...modelOf('hpM528'), terms: terms({ mono: '0.01', colour: '0.02', scan: '0.03' }, { mono: 0, colour: 0, scan: 0 }, '0') },
    ],
    devices: [{ deviceId: printRoom.id!, terms: terms({ mono: '0.0085', colour: '0.045', scan: null }, { mono: 0, colour: 0, scan: 0 }, '120') }],
  };
}

/** Per consumable: each toner the agent reads on the head office's machines, per cartridge replaced. */
function perConsumable(): PriceListData {
  return {
    ...emptyPriceList('CHF'),
    model: 'per_consumable',
    consumables: [
      { supplyModel: 'Black Toner', price: '89.00' },
      { supplyModel: 'Cyan Toner', price: '142.50' },
      { supplyModel: 'Magenta Toner', price: '142.50' },
      { supplyModel: 'Yellow Toner', price: '142.50' },
    ],
  };
}

/** Tiered by the customer's total volume: the manual's bands, mono and colour. */
function tiered(): PriceListData {
  return {
    ...emptyPriceList('CHF'),
    model: 'tiered',
    tiers: {
      mono: [
        { from: 1, price: '0.10' },
        { from: 101, price: '0.08' },
        { from: 1_001, price: '0.06' },
        { from: 10_001, price: '0.04' },
      ],
      colour: [
        { from: 1, price: '0.12' },
        { from: 101, price: '0.105' },
        { from: 1_001, price: '0.0775' },
        { from: 10_001, price: '0.052' },
      ],
      scan: [],
    },
  };
}

/** A black toner every third month, a colour one every fifth, each machine on its own rhythm. */
const BLACK_EVERY = 3;
const COLOUR_EVERY = 5;

/**
 * Toners replaced by the technician on the agent-read machines (the only ones whose supplies the
 * agent names, so a replacement has a supply model to price), in the first days of each of the last
 * twelve months: every closed month has some to bill, whatever day the demo starts on.
 */
function replacementsOf(plan: DemoPlan, agent: DemoAgent, now: Date, newId: () => string): DemoBilling['replacements'] {
  const technician = plan.users.find((user) => user.role === 'technician')!;
  const deviceIndex = new Map(plan.devices.map((device, index) => [device.id!, index]));
  return agent.supplies.flatMap((supply) => {
    const index = deviceIndex.get(supply.deviceId)!;
    const every = supply.colour === 'black' ? BLACK_EVERY : COLOUR_EVERY;
    return Array.from({ length: HISTORY_MONTHS - 2 }, (_, step) => step + 1)
      .filter((monthsAgo) => (monthsAgo + index) % every === 0)
      .map((monthsAgo) => {
        const replacedAt = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1 + (index % 7), 10, 30));
        return {
          id: newId(),
          partnerId: plan.partner.id!,
          deviceId: supply.deviceId,
          supplyIndex: supply.supplyIndex,
          supplyType: 'toner',
          colour: supply.colour ?? null,
          replacedAt,
          technicianId: technician.id!,
          createdAt: replacedAt,
        };
      });
  });
}

export function planDemoBilling(plan: DemoPlan, agent: DemoAgent, now: Date, newId: () => string): DemoBilling {
  const byNumber: Record<string, (customerId: string) => PriceListData> = {
    [DEMO_METER_CUSTOMER]: (customerId) => perPage(plan, customerId),
    [DEMO_AGENT_CUSTOMER]: perConsumable,
    [DEMO_TIERED_CUSTOMER]: tiered,
  };
  const versions = plan.customers.map((customer) => {
    const createdAt = customer.createdAt!;
    return {
      id: newId(),
      partnerId: plan.partner.id!,
      customerId: customer.id!,
      effectiveFrom: periodKeyAt(createdAt, customer.timezone!),
      version: 1,
      prices: byNumber[customer.customerNumber]!(customer.id!),
      savedBy: DEMO_LOGINS[0].email,
      savedAt: createdAt,
    };
  });
  return { priceVersions: versions, replacements: replacementsOf(plan, agent, now, newId) };
}
