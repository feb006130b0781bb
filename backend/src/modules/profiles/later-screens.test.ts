import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Permissions } from '@parc/shared/contracts/profiles';
import { MIGRATIONS_FOLDER } from '../../db/open.ts';
import { profiles, userProfiles } from '../../db/schema/index.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn, type Caller } from '../customers/test-client.ts';

/** A profile as saved before the maintenance, consumables and reports screens existed. */
const SAVED_BEFORE = { dashboard: 'none', customers: 'edit', devices: 'view', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' };

describe('profiles saved before the later screens', () => {
  let t: TestApp;
  let admin: Caller;
  let staff: Caller;
  let profileId: string;

  beforeAll(async () => {
    t = await createTestApp();
    const partner = await t.createPartner();
    admin = await signedIn(t, partner.id, 'partner_admin');
    staff = await signedIn(t, partner.id, 'partner_staff');
    const [row] = await t.database.db
      .insert(profiles)
      .values({ partnerId: partner.id, name: 'Front desk', permissions: SAVED_BEFORE as unknown as Permissions })
      .returning({ id: profiles.id });
    profileId = row!.id;
    await t.database.db.insert(userProfiles).values({ userId: staff.userId, profileId });
  });
  afterAll(() => t.close());

  it('read as stored: maintenance and consumables at the devices level, reports at the dashboard level', async () => {
    const listed = (await admin.request('GET', '/profiles')).body.items[0];
    expect(listed.permissions).toMatchObject({ maintenance: 'view', consumables: 'view', reports: 'none', customers: 'edit' });
    expect((await staff.request('GET', '/me/permissions')).body.permissions).toEqual(listed.permissions);
    expect((await staff.request('GET', '/requests')).status).toBe(200);
    expect((await staff.request('POST', '/requests', { deviceId: '00000000-0000-4000-8000-000000000001' })).body).toMatchObject({ key: 'access.profile', params: { screen: 'maintenance' } });
  });

  it('migration 0010 writes the same levels into the stored profile, and is harmless run again', async () => {
    const migration = readFileSync(join(MIGRATIONS_FOLDER, '0010_profile_later_screens.sql'), 'utf8');
    const stored = async () => (await t.database.db.select({ permissions: profiles.permissions }).from(profiles).where(eq(profiles.id, profileId)))[0]!.permissions;
    await t.database.db.execute(sql.raw(migration));
    expect(await stored()).toEqual({ ...SAVED_BEFORE, maintenance: 'view', consumables: 'view', reports: 'none' });
    await t.database.db.update(profiles).set({ permissions: { ...(await stored()), maintenance: 'edit' } }).where(eq(profiles.id, profileId));
    await t.database.db.execute(sql.raw(migration));
    expect(await stored()).toMatchObject({ maintenance: 'edit' });
  });

  it('an older client may save a profile without the later screens: they take the same levels', async () => {
    const saved = await admin.request('POST', '/profiles', { name: 'Older client', permissions: { ...SAVED_BEFORE, dashboard: 'edit' } });
    expect(saved.status).toBe(201);
    expect(saved.body.permissions).toMatchObject({ maintenance: 'view', consumables: 'view', reports: 'edit' });
  });
});
