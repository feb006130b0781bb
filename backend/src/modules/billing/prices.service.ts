import { DomainError } from '@parc/shared';
import { billingPeriodAt } from '@parc/shared/billing/periods';
import type { CustomerPrices, PriceListData, PriceVersion, PricingChoices } from '@parc/shared/contracts/billing';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { customerCalendar } from '../meters/settings.repo.ts';
import { fleetOf, insertPriceVersion, priceVersionsOf, type PriceVersionRow } from './prices.repo.ts';

/**
 * A customer's prices are versioned: saving creates a version that applies from the billing period
 * current at that moment (the manual: "effective from the start of the current billing period;
 * earlier periods are not affected"). Nothing is ever overwritten, so every run can name its version.
 */

export function toPriceVersion(row: PriceVersionRow): PriceVersion {
  return { id: row.id, customerId: row.customerId, effectiveFrom: row.effectiveFrom, version: row.version, prices: row.prices, savedBy: row.savedBy, savedAt: row.savedAt.toISOString() };
}

export async function customerPrices(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, customerId: string): Promise<CustomerPrices> {
  const customer = await getCustomer(deps.db, user, customerId);
  const [versions, calendar] = await Promise.all([priceVersionsOf(deps.db, customer.partnerId, customer.id), customerCalendar(deps.db, customer.partnerId, customer.id)]);
  const changesTakeEffect = billingPeriodAt(calendar, deps.clock()).key;
  const current = versions.find((version) => version.effectiveFrom <= changesTakeEffect) ?? null;
  return { current: current && toPriceVersion(current), history: versions.map(toPriceVersion), changesTakeEffect };
}

/** Per-device prices must name the customer's devices; a device shares at most one pool. */
function checkPriceList(prices: PriceListData, deviceIds: ReadonlySet<string>): void {
  for (const entry of prices.devices) if (!deviceIds.has(entry.deviceId)) throw new DomainError('prices.unknown_device', { deviceId: entry.deviceId, field: 'devices' });
  const poolIds = new Set<string>();
  const pooled = new Set<string>();
  for (const pool of prices.pools) {
    if (poolIds.has(pool.id) || (pool.deviceIds === 'all' && prices.pools.length > 1)) throw new DomainError('prices.duplicate_pool', { poolId: pool.id, field: 'pools' });
    poolIds.add(pool.id);
    if (pool.deviceIds === 'all') continue;
    for (const deviceId of pool.deviceIds) {
      if (!deviceIds.has(deviceId)) throw new DomainError('prices.unknown_device', { deviceId, field: 'pools' });
      if (pooled.has(deviceId)) throw new DomainError('prices.duplicate_pool', { poolId: pool.id, field: 'pools' });
      pooled.add(deviceId);
    }
  }
}

export async function savePrices(deps: Pick<AppDeps, 'db' | 'clock'>, user: SessionUser, customerId: string, prices: PriceListData): Promise<CustomerPrices> {
  const { db, clock } = deps;
  const customer = await getCustomer(db, user, customerId);
  const [{ fleet }, calendar] = await Promise.all([fleetOf(db, customer.partnerId, customer.id), customerCalendar(db, customer.partnerId, customer.id)]);
  checkPriceList(prices, new Set(fleet.map((device) => device.id)));
  const now = clock();
  await insertPriceVersion(db, { partnerId: customer.partnerId, customerId: customer.id, effectiveFrom: billingPeriodAt(calendar, now).key, prices, savedBy: user.email, savedAt: now });
  return customerPrices(deps, user, customerId);
}

/** The fleet's real models, its devices and the supply models found on them: what the prices tab offers to price. */
export async function pricingChoices(db: Db, user: SessionUser, customerId: string): Promise<PricingChoices> {
  const customer = await getCustomer(db, user, customerId);
  const { fleet, supplyModels } = await fleetOf(db, customer.partnerId, customer.id);
  const models = new Map<string, { manufacturer: string; model: string; devices: number }>();
  for (const device of fleet) {
    const key = `${device.manufacturer}\u0000${device.model}`;
    const entry = models.get(key) ?? { manufacturer: device.manufacturer, model: device.model, devices: 0 };
    entry.devices += 1;
    models.set(key, entry);
  }
  return {
    models: [...models.values()].sort((a, b) => a.manufacturer.localeCompare(b.manufacturer) || a.model.localeCompare(b.model)),
    devices: fleet.map(({ id, code, manufacturer, model, serial }) => ({ id, code, manufacturer, model, serial })),
    supplyModels,
  };
}
