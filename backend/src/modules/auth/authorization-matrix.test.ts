/**
 * The authorization matrix, generated from the route table: every mounted route × every kind of
 * caller × (for routes naming a resource) whose resource it is. A route must declare its access
 * where it is declared (its gate middleware, read back as `x-parc-access`); one that does not, or
 * whose gate lets a caller through that its declaration should stop, fails here.
 *
 * Judged at the gate: refused is 401 (no session) or 403 with `access.role`/`access.profile`;
 * anything else passed it. Probes are built to stop right after the gate (a JSON body no schema
 * accepts, ids that name nothing), so passing probes change nothing and cases stay independent.
 * Scope is judged past the gate, on resources of every kind the paths name: changes carry a body
 * their route accepts (authorization-matrix.bodies.ts) and are only tried where scope must refuse them.
 */
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import type { Supply } from '@parc/shared/agents/reading';
import { supplyIdentity } from '@parc/shared/supplies/identity';
import { SCREENS, type AccessLevel, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import { API_KEY_SCOPES, type ApiKeyScope } from '@parc/shared/contracts/api-keys';
import { createApp } from '../../app.ts';
import { deviceSupplies, supplyAlarms, type UserRole } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { routeTable, type RouteEntry } from '../../http/route-table.ts';
import { createRouter } from '../../http/router.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, deviceInput, signedIn, type Caller, type Json } from '../customers/test-client.ts';
import { issueLink } from '../links/links.service.ts';
import { catalogueEntries } from '../supplies/supplies.catalogue.ts';
import type { RouteAccess } from './access.ts';
import { PNG, VALID_BODIES, type Ids, type ProbeBody } from './authorization-matrix.bodies.ts';

/** The table, read once at collection so each route is its own case. */
const TABLE = routeTable(createApp({ publicUrl: 'http://parc.test' } as AppDeps));
const SESSION_KINDS = new Set(['screen', 'any_screen', 'role', 'self']);
const sessionRoutes = TABLE.filter((route) => route.access && SESSION_KINDS.has(route.access.kind));
const label = (route: RouteEntry) => `${route.method} ${route.path}`;

type Level = Exclude<AccessLevel, 'none'> | 'none';
/**
 * Who calls: a role, and for partner staff the profile: one screen at a level and every other at
 * edit, or (`only`) that screen at view and every other at none; or every screen at none.
 */
type Who =
  | { role: 'anonymous' | 'partner_admin' | 'coordinator' | 'technician' }
  | { role: 'partner_staff'; screen: Screen; level: Level; only?: true }
  | { role: 'partner_staff'; blind: true };
type Outcome = 'refused' | 'passes';

/** What the declaration says the gate does with this caller: the rule the whole matrix is checked against. */
function expectedAtGate(access: RouteAccess, who: Who): Outcome {
  // A credential other than a session (a link, an agent's token, the job secret): no session caller holds it.
  if (!('roles' in access)) return access.kind === 'public' ? 'passes' : 'refused';
  if (who.role === 'anonymous' || !access.roles.includes(who.role as UserRole)) return 'refused';
  if (who.role !== 'partner_staff' || access.kind === 'self') return 'passes';
  // Partner staff only ever pass by their profile: a route open to them without a screen is refused to a blind profile.
  if (access.kind === 'role' || 'blind' in who) return 'refused';
  const rank = { none: 0, view: 1, edit: 2 } as const;
  const levelOn = (screen: Screen): Level => (screen === who.screen ? who.level : who.only ? 'none' : 'edit');
  const granted = (need: { screen: Screen; level: Level }) => rank[levelOn(need.screen)] >= rank[need.level];
  return (access.kind === 'any_screen' ? access.needs.some(granted) : access.needs.every(granted)) ? 'passes' : 'refused';
}

function judged(response: { status: number; body: Json }): Outcome {
  if (response.status === 401) return 'refused';
  if (response.status === 403 && ['access.role', 'access.profile'].includes(response.body?.key)) return 'refused';
  return 'passes';
}

/** Ids that name nothing, so a route that passes its gate finds nothing to work on. */
const NOWHERE = '00000000-0000-4000-8000-00000000dead';
const PROBE_PARAMS: Record<string, string> = { screen: 'customers', name: 'campaign', token: 'no-such-token' };
const probePath = (route: RouteEntry, values: Record<string, string> = {}) =>
  route.path.replace(/^\/api/, '').replaceAll(/\{([^}]+)\}/g, (_, param: string) => values[param] ?? PROBE_PARAMS[param] ?? NOWHERE);
/** A JSON body no route's schema accepts: validation answers 400 after the gate, before any work. */
const UNACCEPTABLE_BODY = JSON.stringify('probe');

const PATH_KINDS = {
  customers: 'customer',
  sites: 'site',
  coordinators: 'coordinator',
  devices: 'device',
  counters: 'counter',
  readings: 'reading',
  agents: 'agent',
  requests: 'request',
  parameters: 'parameter',
  profiles: 'profile',
  users: 'user',
  floorplans: 'floorplan',
  invoices: 'invoice',
  payments: 'payment',
  'billing-runs': 'billingRun',
  links: 'link',
  'location-requests': 'locationRequest',
  attachments: 'attachment',
  models: 'supplyModel',
  suppliers: 'supplier',
  carriers: 'carrier',
  orders: 'supplyOrder',
  routes: 'orderRoute',
  alarms: 'supplyAlarm',
  stocks: 'localStock',
  items: 'supplyModel',
  replenishments: 'replenishment',
  'api-keys': 'apiKey',
} as const;
type Kind = (typeof PATH_KINDS)[keyof typeof PATH_KINDS];
/** Kinds that belong to the dealer as a whole rather than to one of its customers. */
const DEALER_KINDS = new Set<Kind>(['parameter', 'profile', 'user', 'supplyModel', 'supplier', 'carrier', 'orderRoute', 'apiKey']);

/** The toner every fixture device reports: one catalogue entry per dealer, found by its part number. */
const TONER = { index: '1.1', description: 'Black Toner, PN 006R01509;SN48178080E0000481', type: 'toner', colour: 'black' } satisfies Pick<Supply, 'index' | 'description' | 'type' | 'colour'>;

/** The resources a route's path names (each param by the segment before it), when the fixture holds one of each kind in every place. */
function targetsOf(route: RouteEntry): { param: string; kind: Kind }[] | undefined {
  const targets = [...route.path.matchAll(/\/([a-z-]+)\/\{([^}]+)\}/g)].map((match) => ({ param: match[2]!, kind: PATH_KINDS[match[1] as keyof typeof PATH_KINDS] }));
  if (!targets.length || targets.length !== route.params.length || targets.some((target) => !target.kind)) return undefined;
  return targets as { param: string; kind: Kind }[];
}

/** Where a resource lives relative to the caller: its own customer, another customer of the same dealer, another dealer. */
type Place = 'own' | 'otherCustomer' | 'otherTenant';
type Fixture = Record<Place, Partial<Record<Kind, string>>>;

describe('every route declares its access where it is declared', () => {
  it('every mounted route has a declaration in the route table', () => {
    expect(TABLE.length).toBeGreaterThan(100);
    expect(TABLE.filter((route) => !route.access).map(label)).toEqual([]);
  });

  it('a route added without a declaration is noticed, in a router or beside it', () => {
    const router = createRouter().openapi(
      createRoute({ method: 'get', path: '/forgotten', responses: { 200: { description: 'Anything' } } }),
      (c) => c.json({}, 200),
    );
    const app = new OpenAPIHono().route('/api', router);
    app.get('/api/plain', (c) => c.text('plain'));
    expect(routeTable(app).filter((route) => !route.access).map(label)).toEqual(['GET /api/forgotten', 'GET /api/plain']);
  });

  it('routes open to partner staff name the screen their profile must grant (or act on the caller alone)', () => {
    const open = TABLE.filter((route) => route.access?.kind === 'role' && route.access.roles.includes('partner_staff'));
    expect(open.map(label)).toEqual([]);
  });

  it('the OpenAPI document carries each declaration as x-parc-access', async () => {
    const app = createApp({ publicUrl: 'http://parc.test' } as AppDeps);
    const document: Json = await (await app.request('/api/openapi.json')).json();
    expect(document.paths['/customers/{id}'].patch['x-parc-access']).toEqual({
      kind: 'screen',
      roles: ['partner_admin', 'partner_staff'],
      needs: [{ screen: 'customers', level: 'edit' }],
    });
  });
});

describe('the authorization matrix', () => {
  let t: TestApp;
  let admin: Caller;
  let callers: Map<string, Caller>;
  let fixture: Fixture;
  /** Who owns each place: its dealer's admin, who sees all of it. */
  let owners: Record<Place, Caller>;
  const keyOf = (who: Who) => ('screen' in who ? `staff ${who.only ? 'only ' : ''}${who.screen}=${who.level}` : 'blind' in who ? 'staff blind' : who.role);

  /** A request as `who`; an answer that is not a JSON object (a file, an export) is kept as text. */
  async function call(who: Who, method: string, path: string, body?: string | Uint8Array, type = 'application/json') {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': type };
    if (who.role !== 'anonymous') headers.cookie = callers.get(keyOf(who))!.cookie;
    const response = await t.app.request(`/api${path}`, { method, headers, body });
    const text = await response.text();
    return { status: response.status, body: text.startsWith('{') ? JSON.parse(text) : text };
  }

  beforeAll(async () => {
    t = await createTestApp();
    const dealer = await t.createPartner();
    const otherDealer = await t.createPartner();
    admin = await signedIn(t, dealer.id, 'partner_admin');
    const otherAdmin = await signedIn(t, otherDealer.id, 'partner_admin');

    const post = async (caller: Caller, path: string, body: unknown) => {
      const response = await caller.request('POST', path, body);
      if (response.status >= 300) throw new Error(`seeding POST ${path}: ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    };
    const technician = await signedIn(t, dealer.id, 'technician');
    /** The dealer's catalogue entry of the toner (added the first time, found after). */
    const catalogued = async (device: { partnerId: string; manufacturer: string; model: string }) => (await catalogueEntries(t.database.db, device, [TONER], t.deps.clock())).get(TONER.index)!;
    /** One of each customer-side resource under a new customer of `caller`'s dealer (requests go to the dealer's technician: a technician sees those given to him). */
    const customerSide = async (caller: Caller, partnerId: string) => {
      const customer = await post(caller, '/customers', customerInput());
      const device = await post(caller, '/devices', deviceInput(customer.id));
      const counters = (await caller.request('GET', `/devices/${device.id}/counters`)).body.items;
      const reading = await post(caller, `/devices/${device.id}/readings`, { counterId: counters[0].id, value: 100, takenAt: '2026-11-19T08:00:00Z' });
      const request = await post(caller, '/requests', { deviceId: device.id, subject: 'Paper jam', ...(caller === admin ? { technicianId: technician.userId } : {}) });
      const plan = await t.app.request(`/api/customers/${customer.id}/floorplans?name=Ground%20floor&floor=0`, { method: 'POST', headers: { cookie: caller.cookie, 'content-type': 'image/png' }, body: PNG });
      if (plan.status !== 201) throw new Error(`seeding a floor plan: ${plan.status}`);
      const invoice = await post(caller, '/invoices', { customerId: customer.id, number: `INV-${customer.id.slice(0, 8)}`, issuedOn: '2026-11-01', amount: '100', currency: 'CHF', document: { name: 'invoice.pdf', contentType: 'application/pdf', dataBase64: Buffer.from('%PDF-1.7\n%%EOF\n').toString('base64') } });
      const paid = await post(caller, `/invoices/${invoice.id}/payments`, { clientId: randomUUID(), paidOn: '2026-11-02', amount: '10' });
      // Prices count from the day they are saved: saved early in October, they bill October.
      const now = t.deps.clock();
      t.setNow(new Date('2026-10-01T08:00:00Z'));
      const priced = await caller.request('PUT', `/customers/${customer.id}/prices`, { ...emptyPriceList('CHF'), defaults: { prices: { mono: '0.01', colour: null, scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' } });
      t.setNow(now);
      if (priced.status !== 200) throw new Error(`seeding prices: ${priced.status}`);
      const billing = await post(caller, '/billing-runs', { customerId: customer.id, period: '2026-10' });
      // Meter links are issued by the campaign job, not a route; the customer answers through one.
      const link = await issueLink(t.deps, { partnerId, customerId: customer.id, period: '2026-11' });
      const asked = await t.app.request(`/api/links/${link.token}/location-requests`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: device.id, location: 'Second floor', message: 'Moved' }) });
      if (asked.status !== 202) throw new Error(`seeding a location request: ${asked.status}`);
      const locationRequests = (await caller.request('GET', '/location-requests')).body.items;
      // Supplies come from an agent's samples: the device reports its toner low, it is ordered by hand, and an alarm is open on it.
      const entry = await catalogued({ partnerId, manufacturer: device.manufacturer, model: device.model });
      await t.database.db.insert(deviceSupplies).values({ partnerId, deviceId: device.id, supplyIndex: TONER.index, description: TONER.description, type: TONER.type, colour: TONER.colour, level: 8, max: 100, percent: 8, state: 'measured', ...supplyIdentity(TONER.description), supplyModelId: entry.supplyModelId, readAt: t.deps.clock() });
      const order = await post(caller, '/supplies/orders', { deviceId: device.id, supplyIndex: TONER.index });
      const stockSite = await post(caller, `/customers/${customer.id}/sites`, { name: 'Stock room site' });
      const stock = await post(caller, '/supplies/stocks', { name: 'Stock room', customerId: customer.id, siteId: stockSite.id });
      const stocked = await caller.request('PUT', `/supplies/stocks/${stock.id}/items/${entry.supplyModelId}`, { minimum: 1, target: 3, quantity: 2 });
      if (stocked.status !== 200) throw new Error(`seeding a stock item: ${stocked.status}`);
      const replenishment = await post(caller, `/supplies/stocks/${stock.id}/replenishments`, { lines: [{ supplyModelId: entry.supplyModelId, quantity: 1 }] });
      const [alarm] = await t.database.db.insert(supplyAlarms).values({ partnerId, deviceId: device.id, supplyIndex: TONER.index, code: 'inefficient', params: { efficiency: 40 }, openedAt: t.deps.clock() }).returning();
      return {
        customer: customer.id,
        device: device.id,
        counter: counters[0].id,
        reading: (reading.reading ?? reading).id,
        site: (await post(caller, `/customers/${customer.id}/sites`, { name: 'Head office' })).id,
        coordinator: (await post(caller, `/customers/${customer.id}/coordinators`, { name: 'Anna Keller' })).id,
        agent: (await post(caller, `/customers/${customer.id}/agents`, { name: 'Office network' })).id,
        request: request.id,
        attachment: (await post(caller, `/requests/${request.id}/attachments`, { id: randomUUID(), fileName: 'jam.png', contentType: 'image/png', dataBase64: Buffer.from(PNG).toString('base64') })).id,
        floorplan: ((await plan.json()) as Json).id,
        invoice: invoice.id,
        payment: paid.payments.at(-1).id,
        billingRun: billing.runs[0].id,
        link: link.linkId,
        locationRequest: locationRequests.find((item: Json) => item.deviceId === device.id).id,
        supplyOrder: order.id,
        supplyAlarm: alarm!.id,
        localStock: stock.id,
        replenishment: replenishment.id,
      } satisfies Partial<Record<Kind, string>>;
    };
    const dealerSide = async (caller: Caller, partnerId: string) => ({
      parameter: (await post(caller, '/parameters', { name: `Cost centre ${partnerId.slice(0, 4)}`, kind: 'text', appliesTo: 'device' })).id,
      profile: (await post(caller, '/profiles', { name: 'Reception', permissions: allAt('view') })).id,
      user: (await signedIn(t, partnerId, 'partner_staff')).userId,
      supplyModel: (await catalogued({ partnerId, manufacturer: 'Xerox', model: 'VersaLink C405' })).supplyModelId,
      supplier: (await post(caller, '/supplies/suppliers', { name: 'Toner desk', email: 'orders@toner-desk.test' })).id,
      carrier: (await post(caller, '/supplies/carriers', { name: 'Swiss Post', trackingUrl: 'https://post.example/track?n={tracking}' })).id,
      orderRoute: (await post(caller, '/supplies/routes', { name: 'Toners', filters: { kind: 'toner' }, recipients: [{ kind: 'address', address: 'toners@dealer.test' }] })).id,
      apiKey: (await post(caller, '/api-keys', { name: 'ERP', scope: 'read' })).key.id,
    });
    const own = { ...(await customerSide(admin, dealer.id)), ...(await dealerSide(admin, dealer.id)) };
    fixture = {
      own,
      otherCustomer: await customerSide(admin, dealer.id),
      otherTenant: { ...(await customerSide(otherAdmin, otherDealer.id)), ...(await dealerSide(otherAdmin, otherDealer.id)) },
    };
    owners = { own: admin, otherCustomer: admin, otherTenant: otherAdmin };

    callers = new Map<string, Caller>();
    callers.set('partner_admin', admin);
    callers.set('coordinator', await signedIn(t, dealer.id, 'coordinator', { customerIds: [own.customer] }));
    callers.set('technician', technician);
    const staffWith = async (key: string, permissions: Permissions) => {
      const profile = await post(admin, '/profiles', { name: key, permissions });
      const staff = await signedIn(t, dealer.id, 'partner_staff');
      const assigned = await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
      if (assigned.status !== 200) throw new Error(`assigning ${key}: ${assigned.status}`);
      callers.set(key, staff);
    };
    await staffWith('staff blind', allAt('none'));
    for (const screen of SCREENS) {
      for (const level of ['none', 'view', 'edit'] as const) await staffWith(`staff ${screen}=${level}`, { ...allAt('edit'), [screen]: level });
      await staffWith(`staff only ${screen}=view`, { ...allAt('none'), [screen]: 'view' });
    }
  });
  afterAll(() => t.close());

  /** Everyone who may knock: for staff, each screen the route needs at each level (the others at edit), and a blind profile. */
  function whoFor(access: RouteAccess): Who[] {
    const staff: Who[] = 'needs' in access ? access.needs.flatMap((need) => (['none', 'view', 'edit'] as const).map((level) => ({ role: 'partner_staff' as const, screen: need.screen, level }))) : [];
    // One of several screens is enough: each alone must open the route, and none must not.
    if (access.kind === 'any_screen') staff.push(...access.needs.map((need) => ({ role: 'partner_staff' as const, screen: need.screen, level: 'view' as const, only: true as const })));
    return [{ role: 'anonymous' }, { role: 'partner_admin' }, { role: 'coordinator' }, { role: 'technician' }, { role: 'partner_staff', blind: true }, ...staff];
  }

  it.each(sessionRoutes.map((route) => [label(route), route] as const))('%s: the gate lets through exactly whom its declaration names', async (_label, route) => {
    const access = route.access!;
    const body = route.jsonBody ? UNACCEPTABLE_BODY : undefined;
    const wrong: string[] = [];
    for (const who of whoFor(access)) {
      const response = await call(who, route.method, probePath(route), body);
      const expected = expectedAtGate(access, who);
      if (judged(response) !== expected) wrong.push(`${keyOf(who)}: expected ${expected}, got ${response.status} ${response.body?.key ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  /** The ids of a place's resources; another customer of the caller's dealer shares its dealer's own (parameters, profiles, users). */
  const idsAt = (place: Place): Ids => (place === 'otherCustomer' ? { ...fixture.own, ...fixture.otherCustomer } : fixture[place]);

  /** A probe as `role`, with the body its route accepts built from the ids of the place probed. */
  async function probe(role: string, route: RouteEntry, path: string, ids: Ids) {
    const make = VALID_BODIES[label(route)];
    if (!route.body || !make) return call({ role } as Who, route.method, path);
    const body: ProbeBody = make(ids);
    return 'json' in body ? call({ role } as Who, route.method, path, JSON.stringify(body.json)) : call({ role } as Who, route.method, `${path}?${body.query}`, body.raw, body.type);
  }

  /**
   * What the owner of a place sees around the resource a route names: every read of that resource
   * and of its customer (with what hangs under them), and the list of each kind the path names.
   * A probe stopped by scope leaves all of it as it was.
   */
  async function viewsOf(route: RouteEntry, place: Place) {
    const kind = targetsOf(route)![0]!.kind;
    const around = new Set<Kind>(DEALER_KINDS.has(kind) ? [kind] : [kind, 'customer']);
    const ids = idsAt(place);
    const reads = TABLE.filter((read) => read.method === 'GET' && read.access?.kind === 'screen' && around.has(targetsOf(read)?.[0]?.kind as Kind));
    const paths = reads.map((read) => probePath(read, Object.fromEntries(targetsOf(read)!.map(({ param, kind: of }) => [param, ids[of]!]))));
    // Each segment's list, and the lists the path's leading segments name (/supplies/suppliers).
    const segments = route.path.split('/').slice(2);
    const leading = segments.slice(0, segments.findIndex((segment) => segment.startsWith('{'))).map((_, at) => segments.slice(0, at + 1).join('/'));
    for (const list of new Set([...segments, ...leading])) {
      if (TABLE.some((read) => read.method === 'GET' && read.path === `/api/${list}`)) paths.push(`/${list}`);
    }
    // Files (plans, documents, exports) are compared by their status alone: their bytes say nothing of scope.
    return Promise.all(
      paths.map(async (path) => {
        const response = await t.app.request(`/api${path}`, { headers: { cookie: owners[place].cookie } });
        return [path, response.status, response.headers.get('content-type')?.includes('json') ? await response.json() : null] as const;
      }),
    );
  }

  /**
   * Past the gate, each caller reaches only what its scope holds: a coordinator its own customer,
   * partner users and technicians their dealer's customers, nobody another dealer's (404, never a hint).
   * Reads are tried on every place; changes (with a body the route accepts) only where they must be
   * refused, and what the owner sees of that place must be as it was.
   */
  const scoped = sessionRoutes.filter((route) => targetsOf(route));
  it.each(scoped.map((route) => [label(route), route] as const))('%s: reaches what the caller\'s scope holds, and nothing else', async (_label, route) => {
    const access = route.access!;
    const targets = targetsOf(route)!;
    const kinds = targets.map((target) => target.kind).join('/');
    const wrong: string[] = [];
    for (const role of ['partner_admin', 'coordinator', 'technician'] as const) {
      if (!('roles' in access) || !access.roles.includes(role)) continue;
      for (const place of ['own', 'otherCustomer', 'otherTenant'] as const) {
        if (place === 'otherCustomer' && targets.some((target) => DEALER_KINDS.has(target.kind))) continue;
        const visible = place === 'own' || (place === 'otherCustomer' && role !== 'coordinator');
        if (visible && route.method !== 'GET') continue;
        const ids = idsAt(place);
        const before = route.method === 'GET' ? undefined : await viewsOf(route, place);
        const response = await probe(role, route, probePath(route, Object.fromEntries(targets.map(({ param, kind }) => [param, ids[kind]!]))), ids);
        const ok = visible ? ![401, 403, 404].includes(response.status) : response.status === 404;
        if (!ok) wrong.push(`${role} on ${place} ${kinds}: expected ${visible ? 'to reach it' : '404'}, got ${response.status} ${response.body?.key ?? ''}`);
        if (before && !isDeepStrictEqual(before, await viewsOf(route, place))) wrong.push(`${role} on ${place} ${kinds}: changed what its owner sees`);
      }
    }
    expect(wrong).toEqual([]);
  });

  /**
   * The admin's API keys at the same gates: a key passes where its creator does on the console's
   * screens (a read-only one only to read) and never where a person must be signed in (role and
   * self routes: one's account, users, the keys themselves).
   */
  describe('with an API key', () => {
    const secrets: Partial<Record<ApiKeyScope, string>> = {};
    beforeAll(async () => {
      for (const scope of API_KEY_SCOPES) secrets[scope] = (await admin.request('POST', '/api-keys', { name: `Matrix ${scope}`, scope })).body.secret;
    });

    const expectedWithKey = (access: RouteAccess, scope: ApiKeyScope, method: string) => {
      if (access.kind !== 'screen' && access.kind !== 'any_screen') return 'api_key.session_only';
      if (scope === 'read' && method !== 'GET') return 'api_key.read_only';
      return access.roles.includes('partner_admin') ? 'passes' : 'access.role';
    };

    it.each(sessionRoutes.map((route) => [label(route), route] as const))('%s: an admin\'s key passes as its scope and the route allow', async (_label, route) => {
      const body = route.jsonBody ? UNACCEPTABLE_BODY : undefined;
      const wrong: string[] = [];
      for (const scope of API_KEY_SCOPES) {
        const headers: Record<string, string> = { authorization: `Bearer ${secrets[scope]}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) };
        const response = await t.app.request(`/api${probePath(route)}`, { method: route.method, headers, body });
        const text = await response.text();
        const key: string | undefined = text.startsWith('{') ? JSON.parse(text).key : undefined;
        const refused = response.status === 401 || (response.status === 403 && key !== undefined && /^(access|api_key)\./.test(key));
        const outcome = refused ? key : 'passes';
        const expected = expectedWithKey(route.access!, scope, route.method);
        if (outcome !== expected) wrong.push(`${scope} key: expected ${expected}, got ${response.status} ${key ?? ''}`);
      }
      expect(wrong).toEqual([]);
    });
  });

  it('every scoped change with a body has a body its schema accepts, so scope is what answers it', () => {
    const withBody = scoped.filter((route) => route.body).map(label);
    expect(withBody.filter((key) => !VALID_BODIES[key])).toEqual([]);
    expect(Object.keys(VALID_BODIES).filter((key) => !withBody.includes(key))).toEqual([]);
  });

  it('every route naming a resource names a kind the fixture holds in every place, or acts on none of a customer', () => {
    // Pending devices and errors exist only once an agent reports one (alert-actions.test.ts tries another dealer's);
    // preferences are the caller's own; reports, their files and schedules belong to the dealer or the user
    // (reports.test.ts tries another dealer's and another user's); notification rules, templates and frames are
    // the dealer's, named by category and language (notifications.test.ts tries another dealer on a customer's).
    expect(sessionRoutes.filter((route) => route.params.length && !targetsOf(route)).map(label).sort()).toEqual([
      'DELETE /api/customers/{id}/notification-rules/{category}',
      'DELETE /api/devices/pending/{id}',
      'DELETE /api/errors/{id}/ignore',
      'DELETE /api/notification-rules/{category}',
      'DELETE /api/notification-templates/{category}/{language}',
      'DELETE /api/preferences/{screen}',
      'DELETE /api/report-schedules/{id}',
      'DELETE /api/reports/{id}',
      'GET /api/notification-frames/{language}',
      'GET /api/notification-templates/{category}/{language}',
      'GET /api/preferences/{screen}',
      'GET /api/report-runs/{id}',
      'GET /api/report-runs/{id}/file',
      'POST /api/devices/pending/{id}/assign',
      'POST /api/devices/pending/{id}/decision',
      'POST /api/errors/{id}/email',
      'POST /api/errors/{id}/notes',
      'POST /api/notification-templates/{category}/{language}/preview',
      'POST /api/report-runs/{id}/cancel',
      'POST /api/reports/{key}/runs',
      'PUT /api/customers/{id}/notification-rules/{category}',
      'PUT /api/errors/{id}/ignore',
      'PUT /api/notification-frames/{language}',
      'PUT /api/notification-rules/{category}',
      'PUT /api/notification-templates/{category}/{language}',
      'PUT /api/preferences/{screen}',
      'PUT /api/report-schedules/{id}',
      'PUT /api/reports/{id}',
    ]);
  });
});

function allAt(level: AccessLevel): Permissions {
  return Object.fromEntries(SCREENS.map((screen) => [screen, level])) as Permissions;
}

/** The rule itself, on its own: a table of declarations and callers. */
describe('expectedAtGate', () => {
  const screen = (roles: UserRole[], ...needs: [Screen, 'view' | 'edit'][]): RouteAccess => ({ kind: 'screen', roles, needs: needs.map(([s, level]) => ({ screen: s, level })) });
  const anyScreen = (...needs: [Screen, 'view' | 'edit'][]): RouteAccess => ({ kind: 'any_screen', roles: partner, needs: needs.map(([s, level]) => ({ screen: s, level })) });
  const partner: UserRole[] = ['partner_admin', 'partner_staff'];
  it.each<[string, RouteAccess, Who, Outcome]>([
    ['anonymous on a screen route', screen(partner, ['devices', 'view']), { role: 'anonymous' }, 'refused'],
    ['admin on a screen route', screen(partner, ['devices', 'edit']), { role: 'partner_admin' }, 'passes'],
    ['technician outside the roles', screen(partner, ['devices', 'view']), { role: 'technician' }, 'refused'],
    ['staff at view on a view route', screen(partner, ['devices', 'view']), { role: 'partner_staff', screen: 'devices', level: 'view' }, 'passes'],
    ['staff at view on an edit route', screen(partner, ['devices', 'edit']), { role: 'partner_staff', screen: 'devices', level: 'view' }, 'refused'],
    ['staff at none on another screen', screen(partner, ['devices', 'edit']), { role: 'partner_staff', screen: 'billing', level: 'none' }, 'passes'],
    ['staff missing the second of two screens', screen(partner, ['agents', 'edit'], ['devices', 'edit']), { role: 'partner_staff', screen: 'devices', level: 'view' }, 'refused'],
    ['blind staff on a screen route', screen(partner, ['devices', 'view']), { role: 'partner_staff', blind: true }, 'refused'],
    ['staff with only one of any screens', anyScreen(['settings', 'view'], ['devices', 'view']), { role: 'partner_staff', screen: 'devices', level: 'view', only: true }, 'passes'],
    ['staff with only a screen outside any screens', anyScreen(['settings', 'view'], ['devices', 'view']), { role: 'partner_staff', screen: 'billing', level: 'view', only: true }, 'refused'],
    ['staff without one of any screens, the others at edit', anyScreen(['settings', 'view'], ['devices', 'view']), { role: 'partner_staff', screen: 'devices', level: 'none' }, 'passes'],
    ['blind staff on any screens', anyScreen(['settings', 'view'], ['devices', 'view']), { role: 'partner_staff', blind: true }, 'refused'],
    ['blind staff on a role route open to staff', { kind: 'role', roles: partner }, { role: 'partner_staff', blind: true }, 'refused'],
    ['blind staff on their own account', { kind: 'self', roles: partner }, { role: 'partner_staff', blind: true }, 'passes'],
    ['coordinator on a coordinator route', { kind: 'role', roles: ['coordinator'] }, { role: 'coordinator' }, 'passes'],
    ['anonymous on a public route', { kind: 'public' }, { role: 'anonymous' }, 'passes'],
  ])('%s', (_name, access, who, expected) => {
    expect(expectedAtGate(access, who)).toBe(expected);
  });
});
