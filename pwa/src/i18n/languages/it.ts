/** Every Italian text of the app, one chunk; the same catalogues as fr.ts (see ../texts.ts). */
import type { LanguageTexts } from '../texts.ts';
import { it as app } from '../messages/it.ts';
import { accountIt } from '../../features/account/messages/it.ts';
import { apiKeysIt } from '../../features/api-keys/messages/it.ts';
import { billingIt } from '../../features/billing/messages/it.ts';
import { consoleIt } from '../../features/console/messages/it.ts';
import { customersIt } from '../../features/customers/messages/it.ts';
import { dashboardIt } from '../../features/dashboard/messages/it.ts';
import { invoicesIt } from '../../features/invoices/messages/it.ts';
import { notificationsIt } from '../../features/notifications/messages/it.ts';
import { setupIt } from '../../features/setup/messages/it.ts';
import { reportsIt } from '../../features/reports/messages/it.ts';
import { suppliesIt } from '../../features/supplies/messages/it.ts';
import { supplySettingsIt } from '../../features/supplies/settings-messages/it.ts';
import { stocksIt } from '../../features/supplies/stocks-messages/it.ts';

export const texts: LanguageTexts = {
  app,
  account: accountIt,
  apiKeys: apiKeysIt,
  billing: billingIt,
  console: consoleIt,
  customers: customersIt,
  dashboard: dashboardIt,
  invoices: invoicesIt,
  notifications: notificationsIt,
  setup: setupIt,
  reports: reportsIt,
  supplies: suppliesIt,
  supplySettings: supplySettingsIt,
  stocks: stocksIt,
};
