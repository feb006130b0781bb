import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { allows, FULL_ACCESS } from '@parc/shared/contracts/profiles';
import type { TestApp } from '../../test/app.ts';
import { partnerAdminApp } from '../../test/partner-admin.ts';
import { signedIn, type Caller } from '../customers/test-client.ts';

const permissions = (overrides: Record<string, string> = {}) => ({ dashboard: 'view', customers: 'view', devices: 'view', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none', ...overrides });

describe('profiles and user administration API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => ({ t, admin, partnerId } = await partnerAdminApp()));
  afterAll(() => t.close());

  it('creates, renames and lists profiles with their user counts; refuses deleting one in use', async () => {
    const created = await admin.request('POST', '/profiles', { name: 'Sales', permissions: permissions() });
    expect(created.status).toBe(201);
    expect((await admin.request('POST', '/profiles', { name: 'Sales', permissions: permissions() })).status).toBe(409);
    expect((await admin.request('POST', '/profiles', { name: 'Broken', permissions: { dashboard: 'view' } })).status).toBe(400);
    const staff = await signedIn(t, partnerId, 'partner_staff');
    expect((await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: created.body.id })).body).toEqual({ profileId: created.body.id });
    expect((await admin.request('GET', '/profiles')).body.items).toEqual([expect.objectContaining({ name: 'Sales', userCount: 1 })]);
    expect((await admin.request('GET', '/profiles/assignments')).body.items).toEqual([{ userId: staff.userId, profileId: created.body.id }]);
    expect((await admin.request('DELETE', `/profiles/${created.body.id}`)).status).toBe(409);
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: null });
    expect((await admin.request('DELETE', `/profiles/${created.body.id}`)).status).toBe(204);
  });

  it('gives staff their profile, admins and profile-less staff everything, and applies changes at once', async () => {
    const profile = (await admin.request('POST', '/profiles', { name: 'Viewer', permissions: permissions() })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    expect((await staff.request('GET', '/me/permissions')).body).toEqual({ profileId: null, permissions: FULL_ACCESS });
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: profile.id });
    expect((await staff.request('GET', '/me/permissions')).body.permissions.users).toBe('none');
    expect((await staff.request('GET', '/profiles')).status).toBe(403);
    await admin.request('PATCH', `/profiles/${profile.id}`, { permissions: permissions({ users: 'edit' }) });
    expect((await staff.request('GET', '/profiles')).status).toBe(200);
    // Even with users:edit, staff cannot write profiles: that would let them raise their own access.
    expect((await staff.request('PATCH', `/profiles/${profile.id}`, { permissions: FULL_ACCESS })).status).toBe(403);
    expect((await admin.request('GET', '/me/permissions')).body.permissions).toEqual(FULL_ACCESS);
  });

  it('gives profiles only to staff', async () => {
    const profile = (await admin.request('POST', '/profiles', { name: 'Tech?', permissions: permissions() })).body;
    const technician = await signedIn(t, partnerId, 'technician');
    expect((await admin.request('PUT', `/users/${technician.userId}/profile`, { profileId: profile.id })).body).toMatchObject({ code: 'bad_request', field: 'profileId' });
  });

  it('emails a password reset link, and deletes an account for good (never your own)', async () => {
    const invited = (await admin.request('POST', '/users', { email: 'anna@dealer.test', name: 'Anna', role: 'partner_staff' })).body;
    const before = t.mailer.sent.length;
    expect((await admin.request('POST', `/users/${invited.id}/password-reset`)).status).toBe(204);
    expect(t.mailer.sent).toHaveLength(before + 1);
    expect(t.mailer.sent.at(-1)).toMatchObject({ to: 'anna@dealer.test' });
    expect(t.mailer.sent.at(-1)!.text).toContain('/reset-password/');
    expect((await admin.request('DELETE', `/users/${invited.id}/account`)).status).toBe(204);
    expect((await admin.request('GET', '/users')).body.items.map((u: { email: string }) => u.email)).not.toContain('anna@dealer.test');
    expect((await admin.request('DELETE', `/users/${admin.userId}/account`)).status).toBe(400);
  });

  it("answers 404 for another partner's users and profiles", async () => {
    const other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
    const profile = (await admin.request('POST', '/profiles', { name: 'Mine', permissions: permissions() })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    expect((await other.request('PATCH', `/profiles/${profile.id}`, { name: 'x' })).status).toBe(404);
    expect((await other.request('DELETE', `/profiles/${profile.id}`)).status).toBe(404);
    expect((await other.request('PUT', `/users/${staff.userId}/profile`, { profileId: null })).status).toBe(404);
    expect((await other.request('POST', `/users/${staff.userId}/password-reset`)).status).toBe(404);
    expect((await other.request('DELETE', `/users/${staff.userId}/account`)).status).toBe(404);
    expect((await other.request('GET', '/profiles')).body.items).toEqual([]);
    const ownStaff = (await other.request('POST', '/profiles', { name: 'Theirs', permissions: permissions() })).body;
    expect((await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: ownStaff.id })).body).toMatchObject({ code: 'bad_request', field: 'profileId' });
  });
});

describe('access levels', () => {
  it.each([
    ['edit', 'view', true],
    ['edit', 'edit', true],
    ['view', 'view', true],
    ['view', 'edit', false],
    ['none', 'view', false],
  ] as const)('%s allows %s: %s', (granted, needed, expected) => expect(allows(granted, needed)).toBe(expected));
});
