import type { UserRole } from '../../db/schema/index.ts';
import type { TestApp } from '../../test/app.ts';

/** A JSON body the tests read freely; the routes' schemas are what guarantee its shape. */
export type Json = any;

export interface Caller {
  cookie: string;
  userId: string;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: Json }>;
}

/** A signed-in user of `partnerId` who calls the API in-process. */
export async function signedIn(t: TestApp, partnerId: string, role: UserRole, options: { customerIds?: string[]; email?: string } = {}): Promise<Caller> {
  const { cookie, userId } = await t.signIn(partnerId, role, options);
  return {
    cookie,
    userId,
    async request(method, path, body, headers = {}) {
      const init: RequestInit = { method, headers: { cookie, ...headers } };
      if (typeof body === 'string') init.body = body;
      else if (body !== undefined) {
        init.body = JSON.stringify(body);
        init.headers = { ...init.headers, 'content-type': 'application/json' };
      }
      const response = await t.app.request(`/api${path}`, init);
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : null };
    },
  };
}

let sequence = 0;

/** A valid new-customer body; `prefix` must be unique per partner. */
export function customerInput(overrides: Record<string, unknown> = {}) {
  sequence++;
  return { customerNumber: `C${sequence}`, name: `Customer ${sequence}`, prefix: `P${sequence}`, ...overrides };
}

export function deviceInput(customerId: string, overrides: Record<string, unknown> = {}) {
  sequence++;
  // Installed at the start of the year: tests enter histories from before the clock's day.
  return { customerId, serial: `SN${sequence}`, manufacturer: 'Canon', model: 'iR-ADV C5535', installedAt: '2026-01-01T00:00:00Z', ...overrides };
}

/** A partner with an admin, one customer and one device: the fixture most tenant tests start from. */
export async function partnerWithDevice(t: TestApp, options: { colourCapable?: boolean } = {}) {
  const partner = await t.createPartner();
  const admin = await signedIn(t, partner.id, 'partner_admin');
  const customer = (await admin.request('POST', '/customers', customerInput())).body;
  const device = (await admin.request('POST', '/devices', deviceInput(customer.id, { colourCapable: options.colourCapable ?? false }))).body;
  return { partner, admin, customer, device };
}
