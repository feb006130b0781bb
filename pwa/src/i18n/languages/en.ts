/** Every English text of the app, one chunk; the same catalogues as fr.ts (see ../texts.ts). */
import type { LanguageTexts } from '../texts.ts';
import { en as app } from '../messages/en.ts';
import { accountEn } from '../../features/account/messages/en.ts';
import { apiKeysEn } from '../../features/api-keys/messages/en.ts';
import { billingEn } from '../../features/billing/messages/en.ts';
import { consoleEn } from '../../features/console/messages/en.ts';
import { customersEn } from '../../features/customers/messages/en.ts';
import { dashboardEn } from '../../features/dashboard/messages/en.ts';
import { invoicesEn } from '../../features/invoices/messages/en.ts';
import { notificationsEn } from '../../features/notifications/messages/en.ts';
import { setupEn } from '../../features/setup/messages/en.ts';
import { reportsEn } from '../../features/reports/messages/en.ts';
import { suppliesEn } from '../../features/supplies/messages/en.ts';
import { supplySettingsEn } from '../../features/supplies/settings-messages/en.ts';
import { stocksEn } from '../../features/supplies/stocks-messages/en.ts';

export const texts: LanguageTexts = {
  app,
  account: accountEn,
  apiKeys: apiKeysEn,
  billing: billingEn,
  console: consoleEn,
  customers: customersEn,
  dashboard: dashboardEn,
  invoices: invoicesEn,
  notifications: notificationsEn,
  setup: setupEn,
  reports: reportsEn,
  supplies: suppliesEn,
  supplySettings: supplySettingsEn,
  stocks: stocksEn,
};
