import { describe, expect, it } from 'vitest';
import type { Device } from '../support/browser.ts';
import { demoAdmin, type Account } from '../support/accounts.ts';
import { serverForFile } from '../support/spec-server.ts';
import { LoginPage } from '../page-models/login.page.ts';
import { AccountPage } from '../page-models/account.page.ts';
import type { AppShell } from '../page-models/app-shell.page.ts';

const spec = serverForFile();

function signInAsDemoAdmin(on: Device): Promise<AppShell> {
  return new LoginPage(on.page).signInTo(demoAdmin, '/console');
}

describe('signing in', () => {
  it('takes the partner admin to the console on a phone, survives a reload, and signs out', async () => {
    const device = await spec.openDevice('phone');
    const shell = await signInAsDemoAdmin(device);
    expect(await shell.heading.textContent()).toBe('Tableau de bord');
    expect(await shell.signedInUser.textContent()).toContain(demoAdmin.email);
    await device.screenshot('phone-console-home');

    await device.page.reload();
    await shell.waitForPage('/console');
    expect(await shell.signedInUser.textContent()).toContain(demoAdmin.email);

    await shell.logout();
    await device.page.goto('/console');
    await device.page.waitForURL((url) => url.pathname === '/login');
  });

  it('shows an error for a wrong password and stays on the login page', async () => {
    const device = await spec.openDevice('phone');
    const login = new LoginPage(device.page);
    await login.goto();
    await login.signIn(demoAdmin.email, 'not-the-password');
    await login.error.waitFor();
    expect(await login.error.textContent()).toBe('Adresse e-mail ou mot de passe incorrect.');
    expect(new URL(device.page.url()).pathname).toBe('/login');
    await device.screenshot('phone-login-error');
  });

  it('switches the login page to German', async () => {
    const device = await spec.openDevice('phone');
    const login = new LoginPage(device.page);
    await login.goto();
    await login.chooseLanguage('de');
    expect(await device.page.locator('main h1').textContent()).toBe('Anmeldung');
    expect(await device.page.locator('html').getAttribute('lang')).toBe('de');
  });

  it('lets a staff member switch to German, rename themselves and change their password on a phone, then sign in with it', async () => {
    const staff: Account = { email: 'staff@demo-dealer.test', password: 'parc-demo-2026' };
    const device = await spec.openDevice('phone');
    const shell = await new LoginPage(device.page).signInTo(staff, '/console');
    const account = new AccountPage(device.page);
    await account.openFromMenu();

    await account.language.selectOption('de');
    await device.page.locator('main h1', { hasText: 'Mein Konto' }).waitFor();
    await account.rename('Marc Rochat-Keller');
    expect(await account.profile.getByRole('status').textContent()).toBe('Name gespeichert.');
    await account.changePassword(staff.password, 'neues Passwort 2027');
    expect(await account.password.getByRole('status').textContent()).toContain('Passwort geändert.');
    expect(await device.page.evaluate('document.documentElement.scrollWidth <= document.documentElement.clientWidth')).toBe(true);
    await device.screenshot('phone-console-account-de');

    await shell.logout();
    await new LoginPage(device.page).signInTo({ ...staff, password: 'neues Passwort 2027' }, '/console');
    expect(await shell.signedInUser.textContent()).toContain('Marc Rochat-Keller');
    expect(await device.page.locator('html').getAttribute('lang')).toBe('de');
  });

  it('lays the console out on a tablet', async () => {
    const device = await spec.openDevice('tablet');
    const shell = await signInAsDemoAdmin(device);
    expect(await shell.consoleNavigation.isVisible()).toBe(true);
    await device.screenshot('tablet-console-home');
  });
});

describe('installable, offline-capable app', () => {
  it('serves a manifest with the app name and icons', async () => {
    const response = await fetch(`${spec.server.baseURL}/manifest.webmanifest`);
    expect(response.status).toBe(200);
    const manifest = (await response.json()) as { name: string; display: string; start_url: string; icons: Array<{ src: string; purpose?: string }> };
    expect(manifest).toMatchObject({ name: 'Parc', display: 'standalone', start_url: '/' });
    expect(manifest.icons.some((icon) => icon.purpose === 'maskable')).toBe(true);
    for (const icon of manifest.icons) {
      const image = await fetch(new URL(icon.src, spec.server.baseURL));
      expect(image.headers.get('content-type'), icon.src).toContain('image/png');
    }
  });

  it('registers the service worker, opens the shell offline after the first visit, and drops the offline banner once back online', async () => {
    const device = await spec.openDevice('phone');
    await new LoginPage(device.page).goto();
    // Expressions as text: this file is type-checked without the DOM library.
    expect(await device.page.evaluate('navigator.serviceWorker.ready.then((registration) => registration.active.scriptURL)')).toBe(
      `${spec.server.baseURL}/sw.js`,
    );
    // The worker claims the page (clientsClaim), so its precache answers the next load.
    await device.page.waitForFunction("navigator.serviceWorker.controller?.state === 'activated'");

    const shell = await signInAsDemoAdmin(device);

    await device.context.setOffline(true);
    await device.page.reload();
    await shell.waitForPage('/console');
    expect(await shell.signedInUser.textContent()).toContain(demoAdmin.email);
    expect(await shell.offlineBanner.textContent()).toContain('Hors ligne');
    await device.screenshot('phone-console-offline');

    // Back online, the session is asked again and the banner goes, without a reload.
    await device.context.setOffline(false);
    await shell.offlineBanner.waitFor({ state: 'hidden' });
  });
});
