/**
 * The crawler (issue 14): signs in as each role and opens every route of the PWA and the meter page,
 * at 360, 390, 820 and 1024 px in French, at one width in each other language, and in a pseudo-locale
 * where every catalogue text is wrapped in ⟦…⟧. It fails on a page wider than the screen, an element
 * wider than the viewport, a catalogue key shown as text, a sentence of another language, text that
 * came from no catalogue (pseudo run), a console error or a failed request the screen did not expect,
 * and on any route of the app's router it did not visit.
 */
import { chromium, type Browser, type BrowserContext, type Page, type Request } from 'playwright-core';
import { addMonths, periodKeyAt, type Language } from '@parc/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoAdmin, sessionCookie, type Account } from '../support/accounts.ts';
import { declaredRoutes, loadCatalogues, scanPage, textProblems, unwrappedTexts, type Catalogues, type Finding } from '../support/crawl.ts';
import { startServer, type RunningServer } from '../support/server.ts';

type Role = 'anonymous' | 'partner_admin' | 'partner_staff' | 'technician' | 'coordinator';
const ACCOUNTS: Record<Exclude<Role, 'anonymous'>, Account> = {
  partner_admin: demoAdmin,
  partner_staff: { email: 'staff@demo-dealer.test', password: demoAdmin.password },
  technician: { email: 'tech@demo-dealer.test', password: demoAdmin.password },
  coordinator: { email: 'coordinator@demo-dealer.test', password: demoAdmin.password },
};

interface Ids {
  token: string;
  customerId: string;
  deviceId: string;
  requestId: string;
  /** A request on a device of the demo coordinator's customer. */
  coordinatorRequestId: string;
  /** The customer's draft billing run of the previous month. */
  billingRunId: string;
  /** The demo's stock room. */
  stockId: string;
}

/** Every route of the router, who opens it and at which address. A new route without a line here fails the crawl. */
const VISITS: Record<string, { role: Role; url: (ids: Ids) => string }[]> = {
  '/': [{ role: 'anonymous', url: () => '/' }],
  '/login': [{ role: 'anonymous', url: () => '/login' }],
  '/forgot-password': [{ role: 'anonymous', url: () => '/forgot-password' }],
  '/reset-password/:token': [{ role: 'anonymous', url: () => '/reset-password/not-a-real-token' }],
  '/confirm-email/:token': [{ role: 'anonymous', url: () => '/confirm-email/not-a-real-token' }],
  '/setup/:token': [{ role: 'anonymous', url: () => '/setup/not-a-real-token' }],
  '/m/:token': [{ role: 'anonymous', url: (ids) => `/m/${ids.token}` }],
  '*404': [{ role: 'anonymous', url: () => '/no-such-page' }],
  '/requests/:id': [
    { role: 'partner_admin', url: (ids) => `/requests/${ids.requestId}` },
    { role: 'technician', url: (ids) => `/requests/${ids.requestId}` },
  ],
  '/console': [
    { role: 'partner_admin', url: () => '/console' },
    { role: 'partner_staff', url: () => '/console' },
  ],
  '/console/customers': [{ role: 'partner_admin', url: () => '/console/customers' }],
  '/console/customers/new': [{ role: 'partner_admin', url: () => '/console/customers/new' }],
  '/console/customers/:id/:tab?': [
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}` },
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}/prices` },
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}/billing` },
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}/consumables` },
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}/notifications` },
    { role: 'partner_admin', url: (ids) => `/console/customers/${ids.customerId}?tab=locations` },
  ],
  '/console/readings/to-check': [{ role: 'partner_admin', url: () => '/console/readings/to-check' }],
  '/console/pending-devices': [{ role: 'partner_admin', url: () => '/console/pending-devices' }],
  '/console/location-requests': [{ role: 'partner_admin', url: () => '/console/location-requests' }],
  '/console/devices': [
    { role: 'partner_admin', url: () => '/console/devices' },
    { role: 'partner_staff', url: () => '/console/devices' },
  ],
  '/console/devices/:id': [{ role: 'partner_admin', url: (ids) => `/console/devices/${ids.deviceId}` }],
  '/console/errors': [{ role: 'partner_admin', url: () => '/console/errors' }],
  '/console/requests': [{ role: 'partner_admin', url: () => '/console/requests' }],
  '/console/requests/new': [{ role: 'partner_admin', url: () => '/console/requests/new' }],
  '/console/requests/:id': [{ role: 'partner_admin', url: (ids) => `/console/requests/${ids.requestId}` }],
  '/console/consumables/:tab?': [
    { role: 'partner_admin', url: () => '/console/consumables' },
    { role: 'partner_admin', url: () => '/console/consumables/catalogue' },
    { role: 'partner_admin', url: () => '/console/consumables/configuration' },
    { role: 'partner_admin', url: () => '/console/consumables/routing' },
    { role: 'partner_admin', url: () => '/console/consumables/suppliers' },
    { role: 'partner_admin', url: () => '/console/consumables/stocks' },
    { role: 'partner_admin', url: (ids) => `/console/consumables/stocks?stock=${ids.stockId}` },
  ],
  '/console/billing': [{ role: 'partner_admin', url: () => '/console/billing' }],
  '/console/reports/:tab?': [
    { role: 'partner_admin', url: () => '/console/reports' },
    { role: 'partner_admin', url: () => '/console/reports/files' },
    { role: 'partner_admin', url: () => '/console/reports/schedules' },
  ],
  '/console/billing/:id': [{ role: 'partner_admin', url: (ids) => `/console/billing/${ids.billingRunId}` }],
  '/console/users': [{ role: 'partner_admin', url: () => '/console/users' }],
  '/console/settings': [{ role: 'partner_admin', url: () => '/console/settings' }],
  '/console/account': [{ role: 'partner_staff', url: () => '/console/account' }],
  '/console/*404': [{ role: 'partner_admin', url: () => '/console/no-such-screen' }],
  '/tech': [{ role: 'technician', url: () => '/tech' }],
  '/tech/requests/:id': [{ role: 'technician', url: (ids) => `/tech/requests/${ids.requestId}` }],
  '/tech/account': [{ role: 'technician', url: () => '/tech/account' }],
  '/coordinator': [{ role: 'coordinator', url: () => '/coordinator' }],
  '/coordinator/requests/:id': [{ role: 'coordinator', url: (ids) => `/coordinator/requests/${ids.coordinatorRequestId}` }],
  '/coordinator/account': [{ role: 'coordinator', url: () => '/coordinator/account' }],
};

/**
 * Known failures of console routes, each to be emptied by the console issue; nothing else may be
 * listed here. Key: route; value: why it is known to fail.
 */
const CONSOLE_KNOWN_FAILURES: Record<string, string> = {};

interface View {
  name: string;
  width: number;
  language: Language;
  pseudo: boolean;
}

const WIDTHS = [360, 390, 820, 1024];
const VIEWS: View[] = [
  ...WIDTHS.map((width) => ({ name: `fr@${width}`, width, language: 'fr' as const, pseudo: false })),
  ...(['de', 'it', 'en'] as const).map((language) => ({ name: `${language}@390`, width: 390, language, pseudo: false })),
  { name: 'pseudo@820', width: 820, language: 'en', pseudo: true },
];

/** Requests a screen makes and may see fail: the session probe of a signed-out page, the crawler's made-up setup link. */
const expectedFailure = (url: string, status: number) => (status === 401 && url.endsWith('/api/auth/me')) || (status === 410 && url.endsWith('/api/setup/not-a-real-token'));

let server: RunningServer;
let browser: Browser;
let ids: Ids;
let catalogues: Catalogues;
const cookies = new Map<Role, string>();
const visited = new Set<string>();
const findings: Finding[] = [];

async function api<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`${server.baseURL}/api${path}`, { ...init, headers: { 'content-type': 'application/json', cookie: cookies.get('partner_admin')!, ...(init.headers ?? {}) } });
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every signed-in demo user speaks `language` from now on (the app takes the user's own language). */
async function speak(language: Language): Promise<void> {
  const { items } = await api<{ items: { id: string }[] }>('/users?pageSize=100');
  for (const user of items) await api(`/users/${user.id}`, { method: 'PATCH', body: JSON.stringify({ language }) });
}

async function contextFor(role: Role, view: View): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: server.baseURL, viewport: { width: view.width, height: 900 }, locale: view.language === 'fr' ? 'fr-CH' : `${view.language}-CH`, serviceWorkers: 'block' });
  if (view.pseudo) await context.addInitScript(`localStorage.setItem('parc.pseudo-locale', '1')`);
  // The meter page opens in the language chosen earlier on the device (switching on the page is
  // meter-languages.spec.ts's): a French customer's cards are read in the view's language from the start.
  if (role === 'anonymous') await context.addInitScript(`localStorage.setItem('parc.meters.language', '${view.language}')`);
  const cookie = cookies.get(role);
  if (cookie) {
    const [name, value] = cookie.split('=');
    await context.addCookies([{ name: name!, value: value!, url: server.baseURL }]);
  }
  return context;
}

/** Waits, through Playwright's own locators (the app's CSP refuses page functions), until nothing says it is loading. */
async function settled(page: Page): Promise<boolean> {
  return page
    .locator('[aria-busy="true"], .loading')
    .first()
    .waitFor({ state: 'hidden', timeout: 10_000 })
    .then(() => true, () => false);
}

/**
 * The page's requests in flight, to wait until none is left: Playwright's networkidle would add
 * 500 ms of quiet to each of the ~300 visits of a run.
 */
function requestsInFlight(page: Page): { none(): Promise<boolean> } {
  const pending = new Set<Request>();
  let wake: (() => void) | null = null;
  const finished = (request: Request) => {
    pending.delete(request);
    if (pending.size === 0) wake?.();
  };
  page.on('request', (request) => pending.add(request));
  page.on('requestfinished', finished);
  page.on('requestfailed', finished);
  return {
    async none() {
      if (pending.size === 0) return true;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const quiet = await new Promise<boolean>((resolve) => {
        wake = () => resolve(true);
        timer = setTimeout(() => resolve(false), 10_000);
      });
      clearTimeout(timer);
      wake = null;
      return quiet;
    },
  };
}

async function crawl(view: View): Promise<void> {
  await speak(view.language);
  const byRole = new Map<Role, { route: string; url: string }[]>();
  for (const [route, visits] of Object.entries(VISITS)) for (const visit of visits) byRole.set(visit.role, [...(byRole.get(visit.role) ?? []), { route, url: visit.url(ids) }]);
  for (const [role, pages] of byRole) {
    const context = await contextFor(role, view);
    const page = await context.newPage();
    const requests = requestsInFlight(page);
    // Every text the API answered in this session: a screen may show data an earlier visit fetched
    // (the technician's app works from what it synced), and data is not a text from a catalogue.
    const data = new Set<string>();
    // Bodies still being read: the findings wait for them, or a value from the API could pass for an untranslated text.
    const reading: Promise<void>[] = [];
    const onData = (response: { url(): string; headers(): Record<string, string>; json(): Promise<unknown> }) => {
      if (!response.url().includes('/api/') || !(response.headers()['content-type'] ?? '').includes('json')) return;
      const collect = (value: unknown): void => {
        if (typeof value === 'string') data.add(value.trim());
        else if (Array.isArray(value)) value.forEach(collect);
        else if (value && typeof value === 'object') Object.values(value).forEach(collect);
      };
      reading.push(response.json().then(collect, () => undefined));
    };
    // For the whole session: a screen's data may arrive after the visit that asked for it ended.
    page.on('response', onData);
    for (const { route, url } of pages) {
      const problems: string[] = [];
      const onConsole = (message: { type(): string; text(): string; location(): { url: string } }) => {
        // The browser's own line for a failed request; the request itself is judged below.
        if (message.type() === 'error' && !/\b(401|410)\b/.test(message.text())) problems.push(`console error: ${message.text()}`);
      };
      const onResponse = (response: { status(): number; url(): string }) => {
        if (response.status() >= 400 && !expectedFailure(response.url(), response.status())) problems.push(`request failed: ${response.status()} ${response.url()}`);
      };
      const onPageError = (error: Error) => problems.push(`uncaught error: ${error.message}`);
      page.on('console', onConsole);
      page.on('pageerror', onPageError);
      page.on('response', onResponse);
      await page.goto(url);
      // The app renders the screen after its data; the requests it made must all have ended.
      const loaded = async () => {
        if (!(await settled(page))) problems.push('still loading after 10 s');
        if (!(await requests.none())) problems.push('requests still in flight after 10 s');
      };
      await loaded();
      // Other pages without a signed-in user are switched like a person would.
      const switcher = page.locator('.language-switcher select');
      if (role === 'anonymous' && (await switcher.count()) > 0 && (await switcher.first().inputValue()) !== view.language) {
        await switcher.first().selectOption(view.language);
        await page.locator(`html[lang="${view.language}"]`).waitFor({ state: 'attached' });
        await loaded();
      }
      const scan = await scanPage(page);
      // A request may start after the page looked quiet and render its data before the scan: its response
      // event reached us before the scan's answer did, so every body read so far covers what was scanned.
      for (let read = -1; read !== reading.length; ) {
        read = reading.length;
        await Promise.all(reading);
      }
      problems.push(...scan.problems);
      if (scan.lang !== view.language) problems.push(`html lang is "${scan.lang}", not ${view.language}`);
      if (view.pseudo) {
        problems.push(...unwrappedTexts(scan.texts, data).map((text) => `text from no catalogue: "${text.slice(0, 120)}"`));
      } else {
        problems.push(...textProblems(catalogues, scan.texts, view.language));
      }
      page.off('console', onConsole);
      page.off('pageerror', onPageError);
      page.off('response', onResponse);
      visited.add(route);
      const known = route.startsWith('/console') ? CONSOLE_KNOWN_FAILURES[route] : undefined;
      if (!known) findings.push(...problems.map((problem) => ({ route, url, view: `${view.name} as ${role}`, problem })));
    }
    await context.close();
  }
}

describe('the crawler', () => {
  beforeAll(async () => {
    catalogues = await loadCatalogues();
    server = await startServer();
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    for (const [role, account] of Object.entries(ACCOUNTS)) cookies.set(role as Role, await sessionCookie(server.baseURL, account));
    const token = server.output().match(/\/m\/([A-Za-z0-9_\-.]+)/)?.[1];
    if (!token) throw new Error('no demo meter link in the server output');
    const customers = await api<{ items: { id: string; customerNumber: string }[] }>('/customers?pageSize=100');
    const customerId = customers.items.find((customer) => customer.customerNumber === '10452')!.id;
    const devices = await api<{ items: { id: string }[] }>(`/devices?customerId=${customerId}&pageSize=1`);
    const requests = await api<{ items: { id: string }[] }>('/requests?pageSize=1');
    const forCoordinator = await api<{ items: { id: string }[] }>(`/requests?customerId=${customerId}&pageSize=1`);
    const previousMonth = addMonths(periodKeyAt(new Date(), 'Europe/Zurich'), -1);
    const billing = await api<{ runs: { id: string }[] }>('/billing-runs', { method: 'POST', body: JSON.stringify({ period: previousMonth, customerId }) });
    const stocks = await api<{ items: { id: string }[] }>('/supplies/stocks');
    ids = {
      token,
      customerId,
      deviceId: devices.items[0]!.id,
      requestId: requests.items[0]!.id,
      coordinatorRequestId: forCoordinator.items[0]?.id ?? requests.items[0]!.id,
      billingRunId: billing.runs[0]!.id,
      stockId: stocks.items[0]!.id,
    };
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('has a visit for every route of the router', () => {
    expect(declaredRoutes().filter((route) => !(route in VISITS))).toEqual([]);
    expect(Object.keys(CONSOLE_KNOWN_FAILURES).every((route) => route.startsWith('/console'))).toBe(true);
  });

  it.each(VIEWS)('$name: every screen fits, speaks one language and fails no request', async (view) => {
    await crawl(view);
    const mine = findings.filter((finding) => finding.view.startsWith(view.name));
    expect(mine.map((finding) => `${finding.view} ${finding.route}: ${finding.problem}`)).toEqual([]);
  });

  it('visited every route of the router', () => {
    console.log(`[crawler] visited ${visited.size} routes:\n  ${[...visited].sort().join('\n  ')}`);
    expect(declaredRoutes().filter((route) => !visited.has(route))).toEqual([]);
  });
});
