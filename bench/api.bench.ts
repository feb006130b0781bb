// API read path under load: the partner's device list (50 rows, authenticated, on the demo fleet)
// against a bare node:http handler serving the same bytes, in the same run.
import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { seedDemo } from '../backend/src/demo/seed.ts';
import { createTestApp } from '../backend/src/test/app.ts';
import { load, printTable, startBareServer } from './support.ts';

// The test app: a fresh database (PGlite, or PostgreSQL when DATABASE_URL is set) with memory mail.
const { app, database, deps } = await createTestApp();
await seedDemo(database.db, { now: deps.clock(), hashPassword: (p) => deps.passwords.hash(p) });
// Counted so the database is closed only after the last request autocannon left behind has finished.
let inFlight = 0;
const server = serve({
  fetch: async (request) => {
    inFlight++;
    try {
      return await app.fetch(request);
    } finally {
      inFlight--;
    }
  },
  port: 0,
  hostname: '127.0.0.1',
});
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

const login = await fetch(`${base}/api/auth/login`, {
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({ email: 'admin@demo-dealer.test', password: 'parc-demo-2026' }),
});
const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
const devicesUrl = `${base}/api/devices?pageSize=50`;
const body = await (await fetch(devicesUrl, { headers: { cookie } })).text();
console.log(`database: ${database.kind}; device list: ${JSON.parse(body).items.length} devices, ${body.length} bytes`);

const bare = await startBareServer(body);
const reference = await load('bare node:http, same bytes', bare.url);
const health = await load('GET /api/health (one SQL query)', `${base}/api/health`);
const devices = await load('GET /api/devices?pageSize=50 (session + list)', devicesUrl, { headers: { cookie } });
printTable([reference, health, devices], reference);

bare.server.close();
server.close();
while (inFlight > 0) await new Promise((resolve) => setTimeout(resolve, 10));
await database.close();
