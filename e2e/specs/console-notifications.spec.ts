/**
 * Notifications in the console (issue 12), on a tablet in German: a dealer's administrator turns the
 * meter campaign answers on (a daily digest) and adds the office's address, writes the German email
 * with a placeholder from the chips and sees it filled in the preview, meets the German error for a
 * field that does not exist, saves, and goes back to Parc's text. Then one customer gets a rule of
 * its own, which the customer's tab still shows as its own after a reload, and inherits again.
 * The page never scrolls sideways, and no text of another language shows.
 */
import type { NoticeRuleList, NoticeTemplate } from '@parc/shared/contracts/notifications';
import { beforeAll, describe, expect, it } from 'vitest';
import { scrollsSideways } from '../page-models/consumables.page.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { signedIn, type Caller } from '../page-models/maintenance-api.ts';
import { CustomerNotificationsPage, NotificationSettingsPage } from '../page-models/notifications.page.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { loadCatalogues, scanPage, textProblems, type Catalogues } from '../support/crawl.ts';
import { serverForFile } from '../support/spec-server.ts';

const spec = serverForFile();
const CATEGORY = 'campaign_response';

let api: Caller;
let catalogues: Catalogues;
let customerId: string;

beforeAll(async () => {
  api = await signedIn(spec.server.baseURL, demoAdmin);
  catalogues = await loadCatalogues();
  const me = await api<{ user: { id: string } }>('GET', '/auth/me');
  await api('PATCH', `/users/${me.user.id}`, { language: 'de' });
  const customers = await api<{ items: { id: string; customerNumber: string }[] }>('GET', '/customers?pageSize=100');
  customerId = customers.items.find((customer) => customer.customerNumber === '10452')!.id;
});

const dealerRule = async () => (await api<NoticeRuleList>('GET', '/notification-rules')).items.find((row) => row.category === CATEGORY)!;
const germanTemplate = () => api<NoticeTemplate>('GET', `/notification-templates/${CATEGORY}/de`);

describe('notifications in the console', () => {
  it('sets a rule, edits and resets its German email, and overrides it for one customer, on a tablet in German', async () => {
    const tablet = await spec.openDevice('tablet');
    const page = tablet.page;
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    const noForeignText = async () => expect(textProblems(catalogues, (await scanPage(page)).texts, 'de')).toEqual([]);
    await new LoginPage(page).signInTo(demoAdmin, '/console');
    const settings = new NotificationSettingsPage(page);
    await settings.goto();
    await page.locator('html[lang="de"]').waitFor({ state: 'attached' });

    // The campaign answers start off (Parc's default); the switch turns them on, as a daily digest.
    expect(await settings.source(CATEGORY).innerText()).toBe('Parc-Standard');
    expect(await settings.switchOf(CATEGORY).isChecked()).toBe(false);
    await settings.switchOf(CATEGORY).check();
    await settings.source(CATEGORY).filter({ hasText: 'Von Ihnen eingestellt' }).waitFor();
    expect(await settings.frequencyOf(CATEGORY).inputValue()).toBe('daily');
    expect(await dealerRule()).toMatchObject({ source: 'dealer', rule: { enabled: true, frequency: 'daily', roles: ['partner_admin'] } });

    // The office's address too: a mistyped one is refused in German before anything is sent.
    const rule = await settings.editRule(CATEGORY);
    await rule.addresses.fill('buero@haendler');
    await rule.dialog.locator('button[type="submit"]').click();
    expect(await rule.error.innerText()).toContain('Erwartet wird eine gültige E-Mail-Adresse');
    await rule.addresses.fill('Buero@Haendler.test');
    await noForeignText();
    await rule.save();
    await settings.row(CATEGORY).locator('[data-recipients]').filter({ hasText: 'buero@haendler.test' }).waitFor();
    expect((await dealerRule()).rule).toMatchObject({ enabled: true, frequency: 'daily', addresses: ['buero@haendler.test'] });
    expect(await scrollsSideways(page)).toBe(false);

    // The German email: a sentence with the period from the chips, seen filled in the preview.
    const editor = await settings.editTemplate(CATEGORY);
    expect(await editor.language('de').getAttribute('aria-selected')).toBe('true');
    expect(await editor.state.innerText()).toBe('Text von Parc');
    const builtIn = await editor.body.inputValue();
    await editor.cursorAtEndOfBody();
    await page.keyboard.type('\n\nAbrechnungsperiode: ');
    await editor.chip('campaign.period').click();
    expect(await editor.body.inputValue()).toBe(`${builtIn}\n\nAbrechnungsperiode: {campaign.period}`);
    const preview = await editor.previewText();
    expect(preview).toMatch(/Abrechnungsperiode: \S/);
    expect(preview).not.toContain('{campaign.period}');
    expect(await editor.preview.innerText()).toMatch(/Noch kein echtes Ereignis|Vorschau mit den Daten des letzten echten Ereignisses/);
    await noForeignText();
    expect(await scrollsSideways(page)).toBe(false);

    // A field that does not exist: the German sentence names it at once, and saving waits.
    await editor.body.press('Control+End');
    await page.keyboard.type(' {kunde.nummer}');
    expect(await editor.problem.innerText()).toBe('«{kunde.nummer}» ist kein Feld dieser Benachrichtigung: Wählen Sie eines aus der Liste.');
    expect(await editor.save.isDisabled()).toBe(true);
    // The server refuses it too, with the same key.
    const refused = await fetch(`${spec.server.baseURL}/api/notification-templates/${CATEGORY}/de`, {
      method: 'PUT',
      headers: { cookie: await sessionCookie(spec.server.baseURL, demoAdmin), 'content-type': 'application/json' },
      body: JSON.stringify({ subject: 'Antwort', body: 'Kunde {kunde.nummer}' }),
    });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ key: 'notice_template.unknown_placeholder', params: { placeholder: 'kunde.nummer' } });

    // Without it, the text saves and is marked as edited.
    for (let i = 0; i < ' {kunde.nummer}'.length; i++) await editor.body.press('Backspace');
    await editor.problem.waitFor({ state: 'detached' });
    await editor.save.click();
    await editor.state.filter({ hasText: 'Text angepasst' }).waitFor();
    expect(await germanTemplate()).toMatchObject({ edited: true, body: `${builtIn}\n\nAbrechnungsperiode: {campaign.period}` });

    // And back to Parc's text, after a question.
    await editor.resetToDefault();
    await editor.state.filter({ hasText: 'Text von Parc' }).waitFor();
    expect(await editor.body.inputValue()).toBe(builtIn);
    expect(await germanTemplate()).toMatchObject({ edited: false, body: builtIn });
    await editor.close();

    // One customer gets its own rule: immediately, to its own address; a reload still says so.
    const customer = new CustomerNotificationsPage(page);
    await customer.goto(customerId);
    expect(await customer.source(CATEGORY).innerText()).toBe('Allgemeine Einstellung');
    const override = await customer.override(CATEGORY);
    await override.frequency.selectOption('immediate');
    await override.addresses.fill('it@kunde.test');
    await noForeignText();
    await override.save();
    await customer.source(CATEGORY).filter({ hasText: 'Eigene dieses Kunden' }).waitFor();
    await page.reload();
    await customer.rules.locator('tr[data-category]').first().waitFor();
    expect(await customer.source(CATEGORY).innerText()).toBe('Eigene dieses Kunden');
    expect(await customer.source('device_found').innerText()).toBe('Parc-Standard');
    const own = (await api<NoticeRuleList>('GET', `/customers/${customerId}/notification-rules`)).items.find((row) => row.category === CATEGORY)!;
    expect(own).toMatchObject({ source: 'customer', rule: { frequency: 'immediate', addresses: ['it@kunde.test'] } });
    expect(await scrollsSideways(page)).toBe(false);

    // Inheriting again brings the general setting back.
    await customer.inherit(CATEGORY);
    await customer.source(CATEGORY).filter({ hasText: 'Allgemeine Einstellung' }).waitFor();
    expect(pageErrors).toEqual([]);
  });
});
