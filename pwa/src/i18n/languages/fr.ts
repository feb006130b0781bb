/**
 * Every French text of the app, one chunk that only a French reader downloads (see ../texts.ts).
 * French is the reference: the other languages' files must list the same catalogues with the same keys.
 * A feature's catalogue: its `messages/<language>.ts` here and in de.ts, it.ts and en.ts, and
 * `catalogueOf('<name>')` in its `messages/index.ts`.
 */
import { fr as app } from '../messages/fr.ts';
import { accountFr } from '../../features/account/messages/fr.ts';
import { apiKeysFr } from '../../features/api-keys/messages/fr.ts';
import { billingFr } from '../../features/billing/messages/fr.ts';
import { consoleFr } from '../../features/console/messages/fr.ts';
import { customersFr } from '../../features/customers/messages/fr.ts';
import { dashboardFr } from '../../features/dashboard/messages/fr.ts';
import { invoicesFr } from '../../features/invoices/messages/fr.ts';
import { notificationsFr } from '../../features/notifications/messages/fr.ts';
import { setupFr } from '../../features/setup/messages/fr.ts';
import { reportsFr } from '../../features/reports/messages/fr.ts';
import { suppliesFr } from '../../features/supplies/messages/fr.ts';
import { supplySettingsFr } from '../../features/supplies/settings-messages/fr.ts';
import { stocksFr } from '../../features/supplies/stocks-messages/fr.ts';

export const texts = {
  app,
  account: accountFr,
  apiKeys: apiKeysFr,
  billing: billingFr,
  console: consoleFr,
  customers: customersFr,
  dashboard: dashboardFr,
  invoices: invoicesFr,
  notifications: notificationsFr,
  setup: setupFr,
  reports: reportsFr,
  supplies: suppliesFr,
  supplySettings: supplySettingsFr,
  stocks: stocksFr,
};
