import { defaultRule } from '@parc/shared/notifications/categories';
import type { Db } from '../db/client.ts';
import type { SessionUser } from '../modules/auth/access.ts';
import { saveFrame, saveTemplate, setCustomerRule, setDealerRule } from '../modules/notifications/notifications.service.ts';

/**
 * The demo dealer's notifications: alerts a technician must fix told at once to the office and the
 * workshop, low supplies in the morning digest at 15 %, one customer whose coordinator hears about
 * a missed meter campaign, its own wording of the low-supply email and a header, through the
 * notifications module like any dealer's.
 */
export async function seedDemoNotifications(tx: Db, admin: SessionUser, customerId: string, now: Date): Promise<void> {
  await setDealerRule(tx, admin, 'device_alert', { ...defaultRule('device_alert'), frequency: 'immediate', addresses: ['atelier@demo-dealer.test'] }, now);
  await setDealerRule(tx, admin, 'supply_low', { ...defaultRule('supply_low'), threshold: 15 }, now);
  await setCustomerRule(tx, admin, customerId, 'campaign_missed', { ...defaultRule('campaign_missed'), customerCoordinator: true }, now);
  await saveTemplate(
    tx,
    admin,
    'supply_low',
    'fr',
    {
      subject: '{device.id} : {supply.name} à {supply.percent}',
      body: 'Bonjour,\n\nIl reste {supply.percent} de {supply.name} sur {device.model} ({device.id}, site {site.name}, client {customer.number}).\n\nLa commande part automatiquement si la configuration du client le prévoit.',
    },
    now,
  );
  await saveFrame(tx, admin, 'fr', { header: 'Service technique : 0848 912 912, du lundi au vendredi de 7 h 30 à 17 h.', footer: '' });
}
