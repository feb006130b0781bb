// The meter campaign under load, on PGlite or (DATABASE_URL set) PostgreSQL:
//  1. the customer's entry page data, GET /api/links/:token (verify the token, the page as kept for
//     reloads; the limiter counts only tokens not seen before and links that do not work), against
//     a bare node:http handler serving the same bytes, in the same run; then at a steady 1,000 req/s
//     for its p99; and the partner's device list (GET /api/devices?pageSize=50, session + list)
//     against bare node:http with its bytes;
//  2. issuing the period's links for 100k customers (BENCH_LINK_CUSTOMERS to change) through the
//     batch path the campaign job uses (issueLinks), and for comparison one issueLink per customer
//     for the first BENCH_SINGLE_LINKS of them, in another period.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { createApp } from '../backend/src/app.ts';
import { customers, partners } from '../backend/src/db/schema/index.ts';
import { DEMO_METER_CUSTOMER } from '../backend/src/demo/plan.ts';
import { demoMeterLink, seedDemo } from '../backend/src/demo/seed.ts';
import { issueLink, issueLinks } from '../backend/src/modules/links/links.service.ts';
import { createTestApp } from '../backend/src/test/app.ts';
import { load, printTable, startBareServer } from './support.ts';

const LINK_CUSTOMERS = Number(process.env.BENCH_LINK_CUSTOMERS ?? 100_000);
const SINGLE_LINKS = Number(process.env.BENCH_SINGLE_LINKS ?? 2_000);
const INSERT_BATCH = 2_000;
/** issueLink calls in flight at once (PGlite runs them one after the other anyway). */
const ISSUE_CONCURRENCY = 8;

// A fresh database (PGlite, or PostgreSQL when DATABASE_URL is set) with memory mail; its clock stands at a send day.
const { database, deps } = await createTestApp();
await seedDemo(database.db, { now: deps.clock(), hashPassword: (p) => deps.passwords.hash(p) });
// The limiter would answer 429 after 60 new tokens a minute from loopback: measure the handler, not the wall.
const app = createApp(deps, { links: { readLimit: { limit: Number.MAX_SAFE_INTEGER, windowMs: 60_000 } } });

let inFlight = 0;
async function startServer(handler: typeof app): Promise<{ base: string; close: () => void }> {
  const server = serve({
    fetch: async (request) => {
      inFlight++;
      try {
        return await handler.fetch(request);
      } finally {
        inFlight--;
      }
    },
    port: 0,
    hostname: '127.0.0.1',
  });
  await new Promise((resolve) => server.once('listening', resolve));
  return { base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, close: () => server.close() };
}
const shipped = await startServer(app);

const link = (await demoMeterLink(deps))!;
const pagePath = `/api/links/${link.token}`;
const body = await (await fetch(`${shipped.base}${pagePath}`)).text();
console.log(`database: ${database.kind}; entry page of customer ${DEMO_METER_CUSTOMER}: ${JSON.parse(body).machines.length} machines, ${body.length} bytes`);

const bare = await startBareServer(body);
const reference = await load('bare node:http, same bytes', bare.url);
const page = await load('GET /api/links/:token (verify, kept page)', `${shipped.base}${pagePath}`);
printTable([reference, page], reference);
const steady = await load('same, at a steady 1,000 req/s', `${shipped.base}${pagePath}`, { rate: 1_000 });
console.log(`entry page at a steady ${steady.requestsPerSecond} req/s: p50 ${steady.p50Ms} ms, p99 ${steady.p99Ms} ms (goal: p99 under 15 ms), ${steady.errors + steady.non2xx} errors`);
bare.server.close();

// --- the partner's device list ---
const login = await fetch(`${shipped.base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@demo-dealer.test', password: 'parc-demo-2026' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const devicesPath = '/api/devices?pageSize=50';
const devicesBody = await (await fetch(`${shipped.base}${devicesPath}`, { headers: { cookie } })).text();
console.log(`device list: ${JSON.parse(devicesBody).items.length} devices, ${devicesBody.length} bytes`);
const devicesBare = await startBareServer(devicesBody);
const devicesReference = await load('bare node:http, same bytes', devicesBare.url);
const devices = await load('GET /api/devices?pageSize=50 (session + list)', `${shipped.base}${devicesPath}`, { headers: { cookie } });
printTable([devicesReference, devices], devicesReference);
devicesBare.server.close();

// --- issuing links ---
const [partner] = await database.db.select({ id: partners.id }).from(partners).limit(1);
const partnerId = partner!.id;
const started = performance.now();
for (let start = 0; start < LINK_CUSTOMERS; start += INSERT_BATCH) {
  const count = Math.min(INSERT_BATCH, LINK_CUSTOMERS - start);
  await database.db.insert(customers).values(
    Array.from({ length: count }, (_, i) => {
      const n = start + i + 1;
      return { partnerId, customerNumber: `B${n}`, name: `Bench customer ${n}`, prefix: `B${n}` };
    }),
  );
}
console.log(`seeded ${LINK_CUSTOMERS} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`);

const ids = (await database.db.select({ id: customers.id }).from(customers).where(eq(customers.partnerId, partnerId))).map((row) => row.id);
const issuing: Record<string, string | number>[] = [];
const timeIssuing = async (name: string, period: string, count: number, issue: () => Promise<number>) => {
  const started = performance.now();
  const created = await issue();
  const seconds = (performance.now() - started) / 1000;
  issuing.push({ case: `${name}, ${period}, ${count} customers`, database: database.kind, created, seconds: Number(seconds.toFixed(1)), 'links/s': Math.round(count / seconds) });
};

await timeIssuing('issueLinks (batch)', '2026-11', ids.length, async () => {
  const outcomes = await issueLinks(deps, partnerId, ids.map((customerId) => ({ customerId })), '2026-11');
  return outcomes.filter((outcome) => 'link' in outcome && outcome.link.created).length;
});

const singles = ids.slice(0, SINGLE_LINKS);
await timeIssuing('issueLink, one per customer', '2026-12', singles.length, async () => {
  let next = 0;
  let created = 0;
  await Promise.all(
    Array.from({ length: ISSUE_CONCURRENCY }, async () => {
      while (next < singles.length) {
        const customerId = singles[next++]!;
        if ((await issueLink(deps, { partnerId, customerId, period: '2026-12' })).created) created++;
      }
    }),
  );
  return created;
});
console.table(issuing);

// The entry page again, now that the meter_links table holds the issued periods' links.
if (LINK_CUSTOMERS > 0) {
  const bareAgain = await startBareServer(body);
  const referenceAgain = await load('bare node:http, same bytes', bareAgain.url);
  const pageAgain = await load(`GET /api/links/:token, ${LINK_CUSTOMERS} more customers' links stored`, `${shipped.base}${pagePath}`);
  printTable([referenceAgain, pageAgain], referenceAgain);
  bareAgain.server.close();
}
shipped.close();
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));

await database.close();
