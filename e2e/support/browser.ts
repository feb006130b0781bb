/** Debian's Chromium driven by playwright-core: one fresh profile per device, screenshots under e2e/artifacts/. */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';

export const artifactsDir = fileURLToPath(new URL('../artifacts/', import.meta.url));

const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const devices = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  tablet: { viewport: { width: 820, height: 1180 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} satisfies Record<string, BrowserContextOptions>;

export type DeviceName = keyof typeof devices;

export interface Device {
  context: BrowserContext;
  page: Page;
  /** Saves a full-page PNG as e2e/artifacts/<name>.png and returns its path. */
  screenshot(name: string): Promise<string>;
  close(): Promise<void>;
}

/**
 * A browser with a new, empty profile (no cookies, caches or service workers from an earlier run),
 * sized as the device. `baseURL` makes `page.goto('/login')` work.
 */
export async function openDevice(name: DeviceName, baseURL: string): Promise<Device> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'parc-e2e-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: chromiumArgs,
    baseURL,
    locale: 'fr-CH',
    serviceWorkers: 'allow',
    // Specs wait with page functions, which the app's CSP (no eval) refuses; the crawler runs under the real CSP.
    bypassCSP: true,
    ...devices[name],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async screenshot(fileName) {
      mkdirSync(artifactsDir, { recursive: true });
      const path = join(artifactsDir, `${fileName}.png`);
      await page.screenshot({ path, fullPage: true });
      return path;
    },
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
