import type { Db } from '../db/client.ts';
import type { SessionUser } from '../modules/auth/access.ts';
import { createReport } from '../modules/reports/reports.service.ts';
import { createSchedule } from '../modules/reports/schedules.service.ts';

/**
 * The dealer's own report, shared with its staff (volumes per site over the last three months), sent
 * on the first of each month to the office as XLSX, through the reports module like any other.
 */
export async function seedDemoReports(tx: Db, admin: SessionUser, now: Date): Promise<void> {
  const report = await createReport(tx, admin, {
    name: 'Volumes par site — trimestre',
    source: 'volumes',
    shared: true,
    body: {
      columns: ['month', 'customerNumber', 'customerName', 'siteName', 'monoPages', 'colourPages', 'totalPages'],
      filters: { period: { preset: 'last_3_months' } },
      groupBy: 'site',
    },
  });
  await createSchedule({ db: tx, clock: () => now }, admin, {
    reportKey: report.key,
    frequency: 'monthly',
    day: 1,
    format: 'xlsx',
    language: 'fr',
    recipients: { addresses: ['bureau@demo-dealer.test'] },
  });
}
