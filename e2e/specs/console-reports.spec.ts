/**
 * Reports in the console (issue 12), on a tablet in German: an office manager builds an own report
 * (volumes per site over the last three months), makes it into an XLSX file and downloads it when the
 * files list says it is ready; the workbook reads back with the German headers and the rows the run
 * counted. Then the report is scheduled weekly on Mondays to an address, and the schedule is listed
 * with its next sending. The page never scrolls sideways, and no text of another language shows.
 */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Report, ReportRun, ReportSchedule } from '@parc/shared/contracts/reports';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways } from '../page-models/consumables.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { demoAdmin } from '../support/accounts.ts';
import { loadCatalogues, scanPage, textProblems, type Catalogues } from '../support/crawl.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const REPORT_NAME = 'Volumen pro Standort';

let api: Caller;
let catalogues: Catalogues;

beforeAll(async () => {
  api = await signedIn(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();
  const me = await api<{ user: { id: string } }>('GET', '/auth/me');
  await api('PATCH', `/users/${me.user.id}`, { language: 'de' });
});

describe('reports in the console', () => {
  it('builds an own report, downloads it as XLSX, and schedules it weekly, on a tablet in German', async () => {
    const tablet = await spec.openDevice('tablet');
    const page = tablet.page;
    // A render that throws leaves a screen stuck on "loading": the test says why rather than timing out.
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    await page.goto('/console/reports');
    await page.locator('html[lang="de"]').waitFor({ state: 'attached' });
    await page.getByTestId('predefined-reports').waitFor();

    // The report: volumes, grouped by site, over the last three months, two columns left out.
    await page.locator('[data-action="create-report"]').click();
    const dialog = page.locator('dialog[open]');
    await dialog.locator('input[name="name"]').fill(REPORT_NAME);
    await dialog.locator('select[name="source"]').selectOption('volumes');
    await dialog.locator('input[name="columns"][value="serial"]').uncheck();
    await dialog.locator('input[name="columns"][value="manufacturer"]').uncheck();
    await dialog.locator('select[name="period"]').selectOption('last_3_months');
    await dialog.locator('select[name="groupBy"]').selectOption('site');
    expect(textProblems(catalogues, (await scanPage(page)).texts, 'de')).toEqual([]);
    await dialog.locator('button[type="submit"]').click();
    await dialog.waitFor({ state: 'detached' });

    const own = page.getByTestId('own-reports').locator('tr', { hasText: REPORT_NAME });
    await own.waitFor();
    const saved = (await api<{ items: Report[] }>('GET', '/reports')).items.find((report) => report.name === REPORT_NAME)!;
    expect(saved).toMatchObject({ source: 'volumes', predefined: false, editable: true, body: { groupBy: 'site', filters: { period: { preset: 'last_3_months' } } } });
    expect(saved.body.columns).not.toContain('serial');
    expect(await scrollsSideways(page)).toBe(false);

    // The file: made in the background, then offered for download.
    await own.locator('[data-action="run-xlsx"]').click();
    await page.waitForURL((url) => url.pathname === '/console/reports/files');
    const file = page.getByTestId('report-files').locator('li[data-status="done"]').first();
    await file.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), file.getByRole('link').click()]);
    expect(download.suggestedFilename()).toMatch(/^volumen-pro-standort-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await readFile(await download.path())) as never);
    const sheet = workbook.worksheets[0]!;
    const [run] = (await api<{ items: ReportRun[] }>('GET', '/report-runs')).items;
    expect(run).toMatchObject({ reportKey: saved.key, status: 'done', format: 'xlsx' });
    expect(sheet.rowCount - 1).toBe(run!.rowsWritten);
    expect(run!.rowsWritten).toBeGreaterThan(0);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['Monat', 'Kundennummer', 'Kunde', 'Standort', 'Geräte-ID', 'Modell', 'Seiten Schwarzweiss', 'Seiten Farbe', 'Seiten total']);
    expect(sheet.getCell('A2').value).toBeInstanceOf(Date);
    expect(await scrollsSideways(page)).toBe(false);

    // The schedule: weekly on Mondays to the office's address.
    await page.goto('/console/reports');
    await own.locator('[data-action="schedule"]').click();
    const schedule = page.locator('dialog[open]');
    await schedule.locator('select[name="frequency"]').selectOption('weekly');
    await schedule.locator('select[name="weekday"]').selectOption('1');
    await schedule.locator('input[name="addresses"]').fill('buero@haendler.test');
    expect(textProblems(catalogues, (await scanPage(page)).texts, 'de')).toEqual([]);
    await schedule.locator('button[type="submit"]').click();
    await page.waitForURL((url) => url.pathname === '/console/reports/schedules');
    const listed = page.getByTestId('report-schedules').locator(`li[data-schedule="${saved.key}"]`);
    await listed.waitFor();
    expect(await listed.innerText()).toContain('Montag');
    const [scheduled] = (await api<{ items: ReportSchedule[] }>('GET', '/report-schedules')).items.filter((each) => each.reportKey === saved.key);
    expect(scheduled).toMatchObject({ frequency: 'weekly', day: 1, format: 'xlsx', language: 'de', recipients: { addresses: ['buero@haendler.test'] } });
    expect(new Date(scheduled!.nextDueAt!).getUTCDay()).toBe(1);
    expect(await scrollsSideways(page)).toBe(false);
    expect(pageErrors).toEqual([]);
  });
});
