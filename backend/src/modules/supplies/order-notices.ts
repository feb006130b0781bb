import { and, eq } from 'drizzle-orm';
import { supplyOrdered } from '@parc/emails';
import { routeOrder, type RouteRecipient } from '@parc/shared/supplies/routing';
import type { Db } from '../../db/client.ts';
import { coordinators, customers, devices, partners, sites, supplyModels, supplyOrders } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import { findOrderViews, updateOrder } from './orders.repo.ts';
import { listRoutes } from './settings.repo.ts';
import { sendLowStockNotices } from './stock-notices.ts';
import { effectiveConfigOf } from './supplies.evaluate.ts';

/**
 * The email an order sends once placed, to the recipients the dealer's routing picks (first
 * matching rule), or to the dealer's own address when no rule matches. Called after the commit; a
 * failed send is logged and leaves the order unsent (notified_at stays empty) rather than undoing it.
 */

interface Addressee {
  email: string;
  language: string;
}

async function orderContext(db: Db, orderDeviceId: string) {
  const [row] = await db
    .select({ device: devices, customer: customers, site: sites })
    .from(devices)
    .innerJoin(customers, eq(customers.id, devices.customerId))
    .leftJoin(sites, eq(sites.id, devices.siteId))
    .where(eq(devices.id, orderDeviceId));
  return row;
}

async function coordinatorAddress(db: Db, coordinatorId: string | null | undefined, language: string): Promise<Addressee[]> {
  if (!coordinatorId) return [];
  const [row] = await db.select({ email: coordinators.email, active: coordinators.active }).from(coordinators).where(eq(coordinators.id, coordinatorId));
  return row?.email && row.active ? [{ email: row.email, language }] : [];
}

async function addresseesOf(db: Db, recipients: readonly RouteRecipient[], context: NonNullable<Awaited<ReturnType<typeof orderContext>>>, dealerLanguage: string): Promise<Addressee[]> {
  const { device, customer, site } = context;
  const found: Addressee[] = [];
  for (const recipient of recipients) {
    if (recipient.kind === 'address') found.push({ email: recipient.address, language: dealerLanguage });
    if (recipient.kind === 'device_coordinator') found.push(...(await coordinatorAddress(db, device.coordinatorId, customer.language)));
    if (recipient.kind === 'site_coordinator') found.push(...(await coordinatorAddress(db, site?.coordinatorId, customer.language)));
    if (recipient.kind === 'customer_coordinator') {
      const [main] = await db
        .select({ id: coordinators.id })
        .from(coordinators)
        .where(and(eq(coordinators.customerId, customer.id), eq(coordinators.isMain, true), eq(coordinators.active, true)));
      found.push(...(await coordinatorAddress(db, main?.id, customer.language)));
    }
  }
  return [...new Map(found.map((each) => [each.email.toLowerCase(), each])).values()];
}

export async function notifyPlacedOrders(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, partnerId: string, orderIds: readonly string[]): Promise<void> {
  if (orderIds.length === 0) return;
  const { db } = deps;
  const [dealer, routes, [partner]] = await Promise.all([loadDealerMail(db, partnerId), listRoutes(db, partnerId), db.select().from(partners).where(eq(partners.id, partnerId))]);
  for (const order of await findOrderViews(db, partnerId, orderIds)) {
    const context = await orderContext(db, order.device.id);
    if (!context) continue;
    const [model] = await db
      .select({ supplierId: supplyModels.supplierId, dealerReference: supplyModels.dealerReference })
      .from(supplyOrders)
      .innerJoin(supplyModels, eq(supplyModels.id, supplyOrders.supplyModelId))
      .where(eq(supplyOrders.id, order.id));
    const route = routeOrder(routes, { manufacturer: context.device.manufacturer, model: context.device.model, deviceId: context.device.id, kind: order.kind, colour: order.colour, supplierId: model?.supplierId ?? null });
    const addressees = route ? await addresseesOf(db, route.recipients, context, partner!.defaultLanguage) : [{ email: partner!.email, language: partner!.defaultLanguage }];
    let sent = false;
    for (const addressee of addressees) {
      const mail = supplyOrdered({
        language: contactLanguage(addressee.language),
        branding: dealer.branding,
        orderCode: order.code,
        customerName: context.customer.name,
        customerNumber: context.customer.customerNumber,
        deviceCode: context.device.deviceCode,
        deviceModel: `${context.device.manufacturer} ${context.device.model}`,
        serial: context.device.serial,
        siteName: context.site?.name ?? null,
        siteAddress: context.site ? [context.site.address, [context.site.postcode, context.site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null : null,
        location: context.device.location,
        supplyName: order.supplyName,
        kind: order.kind,
        colour: order.colour,
        partNumber: order.orderedPartNumber ?? order.partNumber,
        dealerReference: model?.dealerReference ?? null,
        percent: order.percentAtOrder,
        p50Days: order.p50Days,
        p90Days: order.p90Days,
        trigger: order.trigger,
        note: order.note,
        orderUrl: `${deps.publicUrl}/console/consumables/orders?order=${encodeURIComponent(order.code)}`,
      });
      try {
        await deps.mailer.send({ to: addressee.email, ...mail, ...dealer.headers });
        sent = true;
      } catch (error) {
        console.error('Order notification failed', error);
      }
    }
    if (!sent) continue;
    const now = deps.clock();
    const config = await effectiveConfigOf(db, { id: context.device.id, partnerId, customerId: context.customer.id });
    // The manual's "mark sent after the notification": only orders nobody held back, still new.
    const shipped = config.markSentAfterNotification && order.status === 'new' && !order.heldBack;
    await updateOrder(db, order.id, order.status, { notifiedAt: now, updatedAt: now, ...(shipped ? { status: 'shipped', shippedAt: now } : {}) });
  }
}

/** What agent samples (or a device's first sample) leave to tell once committed: the orders they placed, and stocks their replacements drew low. */
export async function notifyAfterSamples(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, partnerId: string, orderIds: readonly string[]): Promise<void> {
  await notifyPlacedOrders(deps, partnerId, orderIds);
  await sendLowStockNotices(deps, partnerId);
}
