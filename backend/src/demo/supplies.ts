/**
 * The demo's consumables: the supplies the seed gives its devices, linked to the dealer's catalogue
 * as the agent's samples link them; the dealer's data on a few entries (reference, rated yield,
 * price, supplier, the kind where the printer's French names say none), a carrier, a routing rule,
 * and orders for the black toners running low: one Parc placed on the level, one placed by hand and
 * shipped with a tracking number, one placed by hand and not sent on yet; and a local stock at DF-1's
 * site, low on its black toner with a replenishment on its way. The consumables screens open on a
 * catalogue, orders in flight and a stock instead of empty lists.
 */
import { FULL_ACCESS } from '@parc/shared/contracts/profiles';
import { orderRouteInputSchema, type SupplyModelUpdate } from '@parc/shared/contracts/supplies';
import type { Db } from '../db/client.ts';
import type { deviceSupplies } from '../db/schema/index.ts';
import type { SessionUser } from '../modules/auth/access.ts';
import { insertOrder, updateOrder } from '../modules/supplies/orders.repo.ts';
import { changeSupplyModel, createRoute, saveCarrier, saveSupplier } from '../modules/supplies/settings.service.ts';
import { changeReplenishment, createReplenishment, createStock, saveStockItem } from '../modules/supplies/stocks.service.ts';
import { catalogueEntries } from '../modules/supplies/supplies.catalogue.ts';
import { supplyForecast } from '../modules/supplies/supplies.evaluate.ts';
import { customerTimeZone, deviceSupplyForOrder, levelHistory } from '../modules/supplies/supplies.repo.ts';
import { MODELS, type ModelKey } from '@parc/shared/devices/printer-models';
import type { DemoPlan } from './plan.ts';
import { seedDemoNotifications } from './notifications.ts';
import { seedDemoReports } from './reports.ts';

type DeviceSupply = typeof deviceSupplies.$inferInsert;

const HOUR = 3_600_000;

/** The dealer's data on the catalogue entries of the toners ordered and a few others; `kind` where the printer's name says none. */
const DEALER_DATA: { model: ModelKey; description: string; data: SupplyModelUpdate }[] = [
  { model: 'canonC5840', description: 'Black Toner', data: { dealerReference: 'C-EXV58-BK', ratedYield: 60_000, price: '189.00' } },
  { model: 'canonC5840', description: 'Cyan Toner', data: { dealerReference: 'C-EXV58-C', ratedYield: 60_000, price: '265.00' } },
  { model: 'canon6860', description: 'Black Toner', data: { dealerReference: 'C-EXV53-BK', ratedYield: 42_100, price: '118.00' } },
  { model: 'ricohC4510', description: 'Toner noir', data: { dealerReference: 'RI-842283', ratedYield: 33_000, price: '96.00' } },
  { model: 'ricohC3000', description: 'Toner noir', data: { dealerReference: 'RI-842255', ratedYield: 29_000, price: '84.00' } },
  { model: 'ricohC4510', description: 'Unité photoconductrice', data: { kind: 'drum' } },
  { model: 'ricohC4510', description: 'Bac de récupération du toner', data: { kind: 'waste_toner' } },
  { model: 'ricohC3000', description: 'Unité photoconductrice', data: { kind: 'drum' } },
  { model: 'ricohC3000', description: 'Bac de récupération du toner', data: { kind: 'waste_toner' } },
];

/** The black toners running low and their orders, by device; Parc orders on the level as the read that crossed it arrives. */
const ORDERS = [
  { deviceCode: 'ZHT-1', trigger: 'level' },
  { deviceCode: 'DF-1', trigger: 'manual', placedHoursAgo: 72, by: 'partner_admin', shipped: { hoursAgo: 26, trackingNumber: '99.60.482713.20174436' } },
  { deviceCode: 'DF-2', trigger: 'manual', placedHoursAgo: 2, by: 'partner_staff', note: 'Livraison souhaitée avant vendredi, réception fermée l’après-midi.' },
] as const;

/** The supplies with their catalogue entries (added as the agent adds them), part numbers and serials. */
export async function catalogued(tx: Db, plan: DemoPlan, supplies: readonly DeviceSupply[]): Promise<DeviceSupply[]> {
  const linked: DeviceSupply[] = [];
  for (const device of plan.devices) {
    const own = supplies.filter((supply) => supply.deviceId === device.id);
    if (own.length === 0) continue;
    const reported = own.map((supply) => ({ index: supply.supplyIndex, description: supply.description, type: supply.type, colour: supply.colour ?? null }));
    const entries = await catalogueEntries(tx, { partnerId: device.partnerId, manufacturer: device.manufacturer, model: device.model }, reported, own[0]!.readAt);
    for (const supply of own) {
      const { supplyModelId, partNumber, serial } = entries.get(supply.supplyIndex)!;
      linked.push({ ...supply, supplyModelId, partNumber, serial });
    }
  }
  return linked;
}

/** The dealer's supplier, carrier and routing rule, its data on the catalogue, and the orders, all through the supplies module; then its own report. */
export async function seedDemoConsumables(tx: Db, plan: DemoPlan, supplies: readonly DeviceSupply[], now: Date): Promise<void> {
  const userOf = (role: 'partner_admin' | 'partner_staff'): SessionUser => {
    const user = plan.users.find((candidate) => candidate.role === role)!;
    return { id: user.id!, partnerId: user.partnerId, email: user.email, name: user.name, role, language: user.language!, customerIds: null, permissions: FULL_ACCESS };
  };
  const admin = userOf('partner_admin');
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const supplier = await saveSupplier(tx, admin, null, { name: 'Alpen Büro Distribution AG', email: 'bestellungen@alpen-buero.test', phone: '+41 44 552 18 40' });
  const carrier = await saveCarrier(tx, admin, null, { name: 'La Poste', trackingUrl: 'https://service.post.ch/ekp-web/ui/entry/search/{tracking}' });
  // Toners go to the site's coordinator, who takes the parcel in, and to the dealer's warehouse.
  await createRoute(tx, admin, orderRouteInputSchema.parse({ name: 'Toners : coordinateur du site et dépôt', filters: { kind: 'toner' }, recipients: [{ kind: 'site_coordinator' }, { kind: 'address', address: 'depot@demo-dealer.test' }] }), now);

  const devices = new Map(plan.devices.map((device) => [device.id!, device]));
  for (const { model, description, data } of DEALER_DATA) {
    const supply = supplies.find((candidate) => candidate.description === description && devices.get(candidate.deviceId)!.model === MODELS[model].model)!;
    await changeSupplyModel(tx, admin, supply.supplyModelId!, { ...data, ...(data.ratedYield ? { supplierId: supplier.id } : {}) }, now);
  }

  for (const spec of ORDERS) {
    const device = plan.devices.find((candidate) => candidate.deviceCode === spec.deviceCode)!;
    const toner = supplies.find((candidate) => candidate.deviceId === device.id && candidate.colour === 'black')!;
    // The supply as an order reads it: the catalogue's kind and colour, the part number, the level.
    const supply = (await deviceSupplyForOrder(tx, device.id!, toner.supplyIndex))!;
    const placedAt = 'placedHoursAgo' in spec ? ago(spec.placedHoursAgo) : supply.readAt;
    // What Parc knew when it ordered on the level: the forecast from the levels the agent stored.
    const levels = spec.trigger === 'level' ? await levelHistory(tx, device.id!, [supply.supplyIndex], new Date(0)) : [];
    const forecast = spec.trigger === 'level' ? supplyForecast(supply, levels.map((level) => ({ at: level.readAt, percent: level.percent })), [], placedAt, await customerTimeZone(tx, device.customerId)) : null;
    const order = (await insertOrder(
      tx,
      {
        partnerId: device.partnerId,
        customerId: device.customerId,
        deviceId: device.id!,
        supplyIndex: supply.supplyIndex,
        supplyModelId: supply.supplyModelId,
        kind: supply.kind!,
        colour: supply.colour,
        supplyName: supply.description,
        partNumber: supply.partNumber,
        trigger: spec.trigger,
        percentAtOrder: supply.percent,
        p50Days: forecast?.p50Days ?? null,
        p90Days: forecast?.p90Days ?? null,
        note: 'note' in spec ? spec.note : null,
        createdBy: 'by' in spec ? userOf(spec.by).id : null,
      },
      placedAt,
    ))!;
    // Its email went out as it was placed.
    await updateOrder(tx, order.id, 'new', { notifiedAt: placedAt, updatedAt: placedAt });
    if ('shipped' in spec) {
      const shippedAt = ago(spec.shipped.hoursAgo);
      await updateOrder(tx, order.id, 'new', { status: 'shipped', carrierId: carrier.id, trackingNumber: spec.shipped.trackingNumber, shippedAt, updatedAt: shippedAt });
    }
  }

  await seedDemoStock(tx, plan, supplies, admin, carrier.id, ago);
  await seedDemoReports(tx, admin, now);
  await seedDemoNotifications(tx, admin, plan.devices[0]!.customerId, now);
}

/** A stock room at DF-1's site serving the site's devices: one black toner left (its minimum), three on their way by post. */
async function seedDemoStock(tx: Db, plan: DemoPlan, supplies: readonly DeviceSupply[], admin: SessionUser, carrierId: string, ago: (hours: number) => Date): Promise<void> {
  const served = plan.devices.find((device) => device.deviceCode === 'DF-1')!;
  const site = plan.sites.find((candidate) => candidate.id === served.siteId)!;
  const deviceIds = plan.devices.filter((device) => device.siteId === site.id).map((device) => device.id!);
  const stock = await createStock(tx, admin, { name: 'Salle Stock Conso 1er étage', customerId: served.customerId, siteId: site.id!, deviceIds, managerCoordinatorId: site.coordinatorId ?? null }, ago(24 * 30));
  const toner = supplies.find((candidate) => candidate.deviceId === served.id && candidate.colour === 'black')!;
  await saveStockItem(tx, admin, stock.id, toner.supplyModelId!, { minimum: 1, target: 4, quantity: 1 }, ago(24 * 3));
  const replenishment = await createReplenishment(tx, admin, stock.id, { carrierId, lines: [{ supplyModelId: toner.supplyModelId!, quantity: 3 }] }, ago(30));
  await changeReplenishment(tx, admin, replenishment.id, { action: 'ship', trackingNumber: '99.60.482713.20175512' }, ago(20));
}
