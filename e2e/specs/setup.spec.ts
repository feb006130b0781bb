import { describe, expect, it } from 'vitest';
import { AppShell } from '../page-models/app-shell.page.ts';
import { SetupPage, type DealerForm } from '../page-models/setup.page.ts';
import { serverForFile } from '../support/spec-server.ts';

// A fresh installation: no demo dealer, so the server prints its one-time setup link.
const spec = serverForFile({ demo: false });

/** The setup link the server printed at start. */
function printedLink(): string {
  const link = /(http:\/\/\S+\/setup\/\S+)/.exec(spec.server.output())?.[1];
  if (!link) throw new Error(`The server printed no setup link:\n${spec.server.output()}`);
  return link;
}

const dealer: DealerForm = {
  dealerName: 'Kopierwerk Freiburg GmbH',
  country: 'DE',
  timeZone: 'Europe/Berlin',
  adminName: 'Jonas Weber',
  email: 'jonas.weber@kopierwerk.test',
  password: 'Drucker im Schwarzwald 9',
};

const fitsTheScreen = 'document.documentElement.scrollWidth <= document.documentElement.clientWidth';

describe('first-run setup', () => {
  it('creates the dealer and its administrator from the printed link on a phone in German, signs in, and the link then stops working', async () => {
    expect(spec.server.output()).toContain('This installation has no dealer yet.');
    const link = printedLink();
    const device = await spec.openDevice('phone');
    const setup = new SetupPage(device.page);
    await setup.open(link);
    await setup.chooseLanguage('de');
    expect(await setup.heading.textContent()).toBe('Parc einrichten');
    // The company speaks the page's language unless told otherwise; a German address suggests euros.
    expect(await setup.dealerLanguage.inputValue()).toBe('de');
    await setup.fill(dealer);
    expect(await setup.currency.inputValue()).toBe('EUR');
    expect(await device.page.evaluate(fitsTheScreen)).toBe(true);
    await device.screenshot('phone-setup-de');

    // A password from the breach lists: the server's rule, in German; nothing is created and the link still works.
    await setup.fill({ ...dealer, password: 'Passwort2024!' });
    await setup.submit.click();
    await setup.error.waitFor();
    expect(await setup.error.textContent()).toContain('Das Passwort gehört zu den häufigsten.');

    await setup.fill(dealer);
    await setup.submit.click();
    const shell = new AppShell(device.page);
    await shell.waitForPage('/console');
    expect(await shell.signedInUser.textContent()).toContain(dealer.email);
    expect(await device.page.locator('html').getAttribute('lang')).toBe('de');

    // Spent: the same link now explains itself, in German, and leads to the sign-in.
    await setup.open(link);
    await setup.gone.waitFor();
    expect(await setup.heading.textContent()).toBe('Dieser Link funktioniert nicht mehr');
    expect(await setup.gone.textContent()).toContain('bereits verwendet');
    await device.screenshot('phone-setup-used-de');
  });

  it('an unknown link gets the friendly page, in the browser\'s language, on a tablet', async () => {
    const device = await spec.openDevice('tablet');
    const setup = new SetupPage(device.page);
    await setup.open(`${spec.server.baseURL}/setup/not-a-real-token`);
    await setup.gone.waitFor();
    expect(await setup.heading.textContent()).toBe('Ce lien ne fonctionne plus');
    expect(await setup.gone.textContent()).toContain('n’est pas valable');
    expect(await device.page.evaluate(fitsTheScreen)).toBe(true);
  });
});
