// The console's first screen on a throttled connection: the real server (pwa/dist and the demo
// data) and Debian's Chromium through playwright-core, with "Fast 3G"-like network conditions
// (1.6 Mbps down, 750 kbps up, 750 ms RTT) and the CPU slowed 4x through CDP. A signed-in admin
// opens /console with an empty cache and no service worker (a first visit after login); we report
// first contentful paint and when the dashboard's tiles are on screen and clickable, against the
// 1.5 s target. Prints numbers, asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from '../e2e/support/server.ts';

const TARGET_MS = 1_500;
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 3);
const NETWORK = { offline: false, latency: 750, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
const demoAdmin = { email: 'admin@demo-dealer.test', password: 'parc-demo-2026' };

interface Run {
  visit: 'first (empty cache)' | 'again (HTTP cache)';
  firstContentfulPaintMs: number | null;
  tilesInteractiveMs: number;
  transferredKiB: number;
}

const server = await startServer();
const profile = mkdtempSync(join(tmpdir(), 'parc-bench-profile-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  baseURL: server.baseURL,
  serviceWorkers: 'block',
  viewport: { width: 820, height: 1180 },
});

try {
  // Sign in once without throttling: what is measured is the console's first screen, not the login.
  const login = await context.request.post('/api/auth/login', { data: demoAdmin });
  if (!login.ok()) throw new Error(`Login failed: ${login.status()} ${await login.text()}`);

  const runs: Run[] = [];
  // Each first visit starts from an empty cache; the visit after it reuses what the first cached.
  const visits = Array.from({ length: RUNS }, () => ['first (empty cache)', 'again (HTTP cache)'] as const).flat();
  for (const visit of visits) {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    if (visit === 'first (empty cache)') await cdp.send('Network.clearBrowserCache');
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_SLOWDOWN });
    let transferred = 0;
    cdp.on('Network.loadingFinished', (event) => {
      transferred += event.encodedDataLength;
    });

    await page.goto('/console', { waitUntil: 'commit' });
    // A tile is a router link: once it is in the document, Solid has attached its click handling.
    await page.locator('a.tile').first().waitFor({ timeout: 60_000 });
    const timings = (await page.evaluate(`(() => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      return { fcp: paint ? paint.startTime : null, now: performance.now() };
    })()`)) as { fcp: number | null; now: number };
    runs.push({
      visit,
      firstContentfulPaintMs: timings.fcp === null ? null : Math.round(timings.fcp),
      tilesInteractiveMs: Math.round(timings.now),
      transferredKiB: Math.round(transferred / 1024),
    });
    await page.close();
  }

  console.log(`Console first screen, ${NETWORK.latency} ms RTT, 1.6 Mbps, CPU ${CPU_SLOWDOWN}x slower (target ${TARGET_MS} ms):`);
  console.table(runs.map((r) => ({ ...r, withinTarget: r.tilesInteractiveMs <= TARGET_MS })));
  for (const visit of new Set(runs.map((r) => r.visit))) {
    const same = runs.filter((r) => r.visit === visit).sort((a, b) => a.tilesInteractiveMs - b.tilesInteractiveMs);
    const median = same[Math.floor(same.length / 2)]!;
    console.log(`Median, ${visit}: first contentful paint ${median.firstContentfulPaintMs ?? '—'} ms, tiles interactive ${median.tilesInteractiveMs} ms (${median.tilesInteractiveMs <= TARGET_MS ? 'within' : 'over'} the ${TARGET_MS} ms target).`);
  }
} finally {
  await context.close();
  rmSync(profile, { recursive: true, force: true });
  await server.stop();
}
