/** Every German text of the app, one chunk; the same catalogues as fr.ts (see ../texts.ts). */
import type { LanguageTexts } from '../texts.ts';
import { de as app } from '../messages/de.ts';
import { accountDe } from '../../features/account/messages/de.ts';
import { apiKeysDe } from '../../features/api-keys/messages/de.ts';
import { billingDe } from '../../features/billing/messages/de.ts';
import { consoleDe } from '../../features/console/messages/de.ts';
import { customersDe } from '../../features/customers/messages/de.ts';
import { dashboardDe } from '../../features/dashboard/messages/de.ts';
import { invoicesDe } from '../../features/invoices/messages/de.ts';
import { notificationsDe } from '../../features/notifications/messages/de.ts';
import { setupDe } from '../../features/setup/messages/de.ts';
import { reportsDe } from '../../features/reports/messages/de.ts';
import { suppliesDe } from '../../features/supplies/messages/de.ts';
import { supplySettingsDe } from '../../features/supplies/settings-messages/de.ts';
import { stocksDe } from '../../features/supplies/stocks-messages/de.ts';

export const texts: LanguageTexts = {
  app,
  account: accountDe,
  apiKeys: apiKeysDe,
  billing: billingDe,
  console: consoleDe,
  customers: customersDe,
  dashboard: dashboardDe,
  invoices: invoicesDe,
  notifications: notificationsDe,
  setup: setupDe,
  reports: reportsDe,
  supplies: suppliesDe,
  supplySettings: supplySettingsDe,
  stocks: stocksDe,
};
