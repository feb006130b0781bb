import { eq } from 'drizzle-orm';
import { stockLow } from '@parc/emails';
import type { Db } from '../../db/client.ts';
import { partners } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import { claimLowItems, itemsOfStocks, releaseLowNotices, stockNoticeContext } from './stocks.repo.ts';

/**
 * The low-stock notice: once per fall of an item to its minimum (`low_noticed_at`), one email per
 * stock listing every item due, to the stock's manager (coordinator and/or address) and to the
 * dealer. Run after a replacement drew from a stock and by the hourly job (which catches a
 * technician's draws and any send that failed). A stock whose every send failed is told again later.
 */
export async function sendLowStockNotices(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, partnerId?: string): Promise<{ stocks: number; emails: number }> {
  const now = deps.clock();
  const claimed = await claimLowItems(deps.db, now, partnerId);
  const stockIds = [...new Set(claimed.map((item) => item.stockId))];
  let emails = 0;
  for (const stockId of stockIds) {
    const sent = await notifyStock(deps, stockId, claimed.filter((item) => item.stockId === stockId).map((item) => item.supplyModelId));
    if (sent === 0) await releaseLowNotices(deps.db, stockId, now);
    emails += sent;
  }
  return { stocks: stockIds.length, emails };
}

async function notifyStock(deps: Pick<AppDeps, 'db' | 'mailer' | 'publicUrl'>, stockId: string, supplyModelIds: readonly string[]): Promise<number> {
  const db: Db = deps.db;
  const context = await stockNoticeContext(db, stockId);
  if (!context) return 0;
  const { stock } = context;
  const [dealer, [partner], items] = await Promise.all([loadDealerMail(db, stock.partnerId), db.select().from(partners).where(eq(partners.id, stock.partnerId)), itemsOfStocks(db, [stockId])]);
  const due = items
    .filter(({ item }) => supplyModelIds.includes(item.supplyModelId))
    .map(({ item, ...model }) => ({ name: model.name, partNumber: model.partNumber ?? model.dealerReference, quantity: item.quantity, minimum: item.minimum }));
  if (due.length === 0 || !partner) return 0;
  const managers = [
    ...(context.coordinatorEmail && context.coordinatorActive ? [context.coordinatorEmail] : []),
    ...(stock.managerEmail ? [stock.managerEmail] : []),
  ].filter((email) => email.toLowerCase() !== partner.email.toLowerCase());
  const addressees = [
    ...[...new Set(managers.map((email) => email.toLowerCase()))].map((email) => ({ email, language: context.customerLanguage, stockUrl: null })),
    { email: partner.email, language: partner.defaultLanguage, stockUrl: `${deps.publicUrl}/console/consumables/stocks?stock=${stockId}` },
  ];
  let sent = 0;
  for (const addressee of addressees) {
    const mail = stockLow({
      language: contactLanguage(addressee.language),
      branding: dealer.branding,
      stockName: stock.name,
      siteName: context.siteName,
      customerNumber: context.customerNumber,
      items: due,
      stockUrl: addressee.stockUrl,
    });
    try {
      await deps.mailer.send({ to: addressee.email, ...mail, ...dealer.headers });
      sent += 1;
    } catch (error) {
      console.error('Low-stock notice failed', error);
    }
  }
  return sent;
}
