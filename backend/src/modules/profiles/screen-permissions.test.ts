import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import { SCREENS, type AccessLevel, type Permissions } from '@parc/shared/contracts/profiles';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';

const everywhere = (level: AccessLevel) => Object.fromEntries(SCREENS.map((screen) => [screen, level])) as Permissions;

/** The console routes honour a staff user's profile, screen by screen, on top of the role. */
describe('screen permissions on the console routes', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  let fixture: { customer: Json; device: Json };
  /** Staff whose profile gives `level` on every screen. */
  let staffWith: (level: AccessLevel) => Promise<Caller>;

  beforeAll(async () => {
    t = await createTestApp();
    const { partner, ...rest } = await partnerWithDevice(t);
    admin = rest.admin;
    partnerId = partner.id;
    fixture = rest;
    let profiles = 0;
    staffWith = async (level) => {
      const profile = (await admin.request('POST', '/profiles', { name: `Everything ${level} ${++profiles}`, permissions: everywhere(level) })).body;
      const staff = await signedIn(t, partnerId, 'partner_staff');
      await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
      return staff;
    };
  });
  afterAll(() => t.close());

  type Call = [method: string, path: (f: typeof fixture) => string, body?: unknown];
  it.each<[screen: string, read: Call, write: Call]>([
    ['customers', ['GET', ({ customer }) => `/customers/${customer.id}/coordinators`], ['PATCH', ({ customer }) => `/customers/${customer.id}`, { name: 'Renamed' }]],
    ['billing', ['GET', ({ customer }) => `/customers/${customer.id}/prices`], ['PUT', ({ customer }) => `/customers/${customer.id}/prices`, emptyPriceList('CHF')]],
    ['customers (sites)', ['GET', ({ customer }) => `/customers/${customer.id}/sites`], ['POST', ({ customer }) => `/customers/${customer.id}/sites`, { name: 'Annex' }]],
    ['devices', ['GET', ({ device }) => `/devices/${device.id}/counters`], ['POST', ({ device }) => `/devices/${device.id}/deactivate`]],
    ['readings', ['GET', () => '/readings/to-check'], ['POST', ({ device }) => `/devices/${device.id}/readings`, { counter: 'total', value: 100, takenAt: '2026-11-19T08:00:00Z' }]],
    ['readings (links)', ['GET', () => '/links'], ['POST', () => '/links/00000000-0000-4000-8000-000000000000/revoke']],
    ['agents', ['GET', () => '/agents'], ['POST', ({ customer }) => `/customers/${customer.id}/agents`, {}]],
    ['settings', ['GET', () => '/campaign/settings'], ['PUT', () => '/campaign/settings', {}]],
  ])('%s: a view-only profile reads (200) and may not change (403)', async (_screen, [readMethod, readPath], [writeMethod, writePath, body]) => {
    const staff = await staffWith('view');
    expect((await staff.request(readMethod, readPath(fixture))).status).toBe(200);
    const write = await staff.request(writeMethod, writePath(fixture), body);
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ code: 'forbidden', key: 'access.profile', params: { level: 'edit' } });
  });

  it('dashboard: a view-only profile reads it, a profile without it gets 403', async () => {
    const viewer = await staffWith('view');
    const blind = await staffWith('none');
    expect((await viewer.request('GET', '/dashboard')).status).toBe(200);
    expect((await blind.request('GET', '/dashboard')).status).toBe(403);
    expect((await blind.request('GET', '/customers')).status).toBe(403);
  });

  it('leaves coordinators and technicians as their role allows', async () => {
    const coordinator = await signedIn(t, partnerId, 'coordinator', { customerIds: [fixture.customer.id] });
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await coordinator.request('GET', `/customers/${fixture.customer.id}/sites`)).status).toBe(200);
    expect((await technician.request('GET', `/devices/${fixture.device.id}`)).status).toBe(200);
    expect((await coordinator.request('PATCH', `/customers/${fixture.customer.id}`, { name: 'Mine' })).status).toBe(403);
  });
});
