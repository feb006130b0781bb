import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { customers, sessions, users, type UserRole } from '../../db/schema/index.ts';
import type { Page } from '@parc/shared/contracts/paging';
import type { ErrorBody } from '../../http/errors.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import type { UserView } from './users.schemas.ts';

let t: TestApp;
let partnerId: string;
let otherPartnerId: string;
let admin: { userId: string; cookie: string };
let customerId: string;
let otherCustomerId: string;

async function addCustomer(partner: string, number: string) {
  const [row] = await t.database.db.insert(customers).values({ partnerId: partner, customerNumber: number, name: `Customer ${number}`, prefix: `C${number}` }).returning();
  return row!.id;
}

beforeAll(async () => {
  t = await createTestApp();
  ({ id: partnerId } = await t.createPartner('Bureautique Léman'));
  ({ id: otherPartnerId } = await t.createPartner('Copieurs Jura'));
  admin = await t.signIn(partnerId, 'partner_admin');
  customerId = await addCustomer(partnerId, '100');
  otherCustomerId = await addCustomer(otherPartnerId, '200');
});
afterAll(() => t.close());

function call(method: string, path: string, cookie: string, body?: unknown) {
  return t.app.request(`/api/users${path}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

const errorOf = async (response: Response) => (await response.json()) as ErrorBody;
const userOf = async (response: Response) => (await response.json()) as UserView;
const pageOf = async (response: Response | Promise<Response>) => (await (await response).json()) as Page<UserView>;

let sequence = 0;
const invite = (body: Record<string, unknown> = {}, cookie = admin.cookie) =>
  call('POST', '', cookie, { email: `new${++sequence}@dealer.test`, name: `New ${sequence}`, role: 'technician', ...body });

describe('users: role checks', () => {
  it.each<[UserRole, number, number]>([
    ['partner_admin', 200, 201],
    ['partner_staff', 200, 403],
    ['coordinator', 403, 403],
    ['technician', 403, 403],
  ])('%s lists -> %i, invites -> %i', async (role, listStatus, inviteStatus) => {
    const { cookie } = await t.signIn(partnerId, role, role === 'coordinator' ? { customerIds: [customerId] } : {});
    expect((await call('GET', '', cookie)).status).toBe(listStatus);
    expect((await invite({}, cookie)).status).toBe(inviteStatus);
  });

  it('forbids changes and deactivation to partner staff', async () => {
    const staff = await t.signIn(partnerId, 'partner_staff');
    const target = await t.signIn(partnerId, 'technician');
    expect((await call('PATCH', `/${target.userId}`, staff.cookie, { name: 'X' })).status).toBe(403);
    expect((await call('DELETE', `/${target.userId}`, staff.cookie)).status).toBe(403);
  });

  it('needs a session', async () => {
    expect((await t.app.request('/api/users')).status).toBe(401);
  });
});

describe('GET /api/users', () => {
  it("lists only the partner's users, by name, in pages", async () => {
    const own = await t.createPartner('Paging Dealer');
    const pagingAdmin = await t.signIn(own.id, 'partner_admin');
    await t.signIn(own.id, 'coordinator', { customerIds: [await addCustomer(own.id, '300')] });
    await t.signIn(own.id, 'technician');
    await t.signIn(otherPartnerId, 'technician');

    const first = await pageOf(call('GET', '?pageSize=2', pagingAdmin.cookie));
    expect(first).toMatchObject({ total: 3, page: 1, pageSize: 2 });
    expect(first.items.map((u) => u.name)).toEqual(['Test coordinator', 'Test partner_admin']);
    expect(first.items[0]!.customerIds).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ active: true, invitationPending: true, language: 'fr' });
    const second = await pageOf(call('GET', '?page=2&pageSize=2', pagingAdmin.cookie));
    expect(second.items.map((u) => u.name)).toEqual(['Test technician']);
    expect(second.items[0]!.customerIds).toEqual([]);
  });

  it('names a bad paging parameter', async () => {
    const response = await call('GET', '?pageSize=0', admin.cookie);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('pageSize');
  });
});

describe('POST /api/users (invite)', () => {
  it('creates the account without a password and emails a link that sets one', async () => {
    const response = await invite({ email: 'Julie.Martin@Dealer.test', name: 'Julie Martin', role: 'partner_staff', language: 'de' });
    expect(response.status).toBe(201);
    const user = await userOf(response);
    expect(user).toMatchObject({ email: 'julie.martin@dealer.test', name: 'Julie Martin', role: 'partner_staff', language: 'de', active: true, invitationPending: true, customerIds: [] });

    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe('julie.martin@dealer.test');
    expect(mail.subject).toContain('Bureautique Léman');
    const token = mail.text.match(/http:\/\/parc\.test\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    const confirm = await t.app.request('/api/auth/password-reset/confirm', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, password: 'julie chooses well' }),
    });
    expect(confirm.status).toBe(204);
    const login = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'julie.martin@dealer.test', password: 'julie chooses well' }),
    });
    expect(login.status).toBe(200);
    const listed = (await pageOf(call('GET', '?pageSize=200', admin.cookie))).items.find((u) => u.id === user.id)!;
    expect(listed.invitationPending).toBe(false);
  });

  it('gives a coordinator their customers, of this partner only', async () => {
    const ok = await invite({ role: 'coordinator', customerIds: [customerId] });
    expect(ok.status).toBe(201);
    expect((await userOf(ok)).customerIds).toEqual([customerId]);

    for (const customerIds of [undefined, [], [otherCustomerId]]) {
      const refused = await invite({ role: 'coordinator', customerIds });
      expect(refused.status).toBe(400);
      expect((await errorOf(refused)).field).toBe('customerIds');
    }
    const notCoordinator = await invite({ role: 'technician', customerIds: [customerId] });
    expect((await errorOf(notCoordinator)).field).toBe('customerIds');
  });

  it("refuses an email one of the dealer's users has, whatever its case, and keeps nothing of a refused invitation", async () => {
    const before = t.mailer.sent.length;
    const { userId } = await t.signIn(partnerId, 'technician', { email: 'taken@dealer.test' });
    const response = await invite({ email: 'TAKEN@dealer.test' });
    expect(response.status).toBe(409);
    expect(await response.json()).toMatchObject({ code: 'conflict', field: 'email' });
    expect(t.mailer.sent.length).toBe(before);
    expect(await t.database.db.select().from(users).where(eq(users.email, 'taken@dealer.test'))).toEqual([expect.objectContaining({ id: userId })]);
  });

  it("invites an address another dealer uses like any other, and each account's own password opens it", async () => {
    const theirs = await t.signIn(otherPartnerId, 'technician', { email: 'freelance@dealer.test' });
    await t.database.db.update(users).set({ passwordHash: await t.deps.passwords.hash('jura password here') }).where(eq(users.id, theirs.userId));
    const fresh = await invite({ email: 'unused.anywhere@dealer.test', name: 'Fresh', role: 'technician' });
    const response = await invite({ email: 'Freelance@dealer.test', name: 'Fresh', role: 'technician' });
    // Nothing in the answer tells the address is known elsewhere.
    expect([response.status, fresh.status]).toEqual([201, 201]);
    const { id: _, email: __, ...shape } = await userOf(response);
    const { id: ___, email: ____, ...freshShape } = await userOf(fresh);
    expect(shape).toEqual(freshShape);

    const mail = t.mailer.sent.findLast((m) => m.to === 'freelance@dealer.test')!;
    const token = mail.text.match(/http:\/\/parc\.test\/reset-password\/([A-Za-z0-9_-]+)/)![1]!;
    const choose = (password: string) =>
      t.app.request('/api/auth/password-reset/confirm', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ token, password }) });
    // The owner of the inbox learns their other account's password would make login ambiguous.
    const same = await choose('jura password here');
    expect(same.status).toBe(400);
    expect(await errorOf(same)).toMatchObject({ code: 'bad_request', field: 'password' });
    expect((await choose('leman password here')).status).toBe(204);

    const signIn = async (password: string) => {
      const login = await t.app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'freelance@dealer.test', password }),
      });
      expect(login.status).toBe(200);
      return ((await login.json()) as { user: { partnerId: string } }).user.partnerId;
    };
    expect(await signIn('jura password here')).toBe(otherPartnerId);
    expect(await signIn('leman password here')).toBe(partnerId);
  });

  it.each([
    [{ email: 'not-an-email' }, 'email'],
    [{ name: '  ' }, 'name'],
    [{ role: 'owner' }, 'role'],
    [{ language: 'es' }, 'language'],
    [{ role: 'coordinator', customerIds: ['not-a-uuid'] }, 'customerIds.0'],
  ])('names the field at fault: %o', async (body, field) => {
    const response = await invite(body);
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe(field);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes name, role, language and customers', async () => {
    const target = await t.signIn(partnerId, 'technician');
    const promoted = await call('PATCH', `/${target.userId}`, admin.cookie, { name: 'Léa', role: 'coordinator', language: 'it', customerIds: [customerId] });
    expect(promoted.status).toBe(200);
    expect(await promoted.json()).toMatchObject({ id: target.userId, name: 'Léa', role: 'coordinator', language: 'it', customerIds: [customerId] });

    // Leaving the coordinator role drops the customer list; the session sees the new role at once.
    const demoted = await call('PATCH', `/${target.userId}`, admin.cookie, { role: 'partner_staff' });
    expect(await demoted.json()).toMatchObject({ role: 'partner_staff', customerIds: [] });
    expect((await call('GET', '', target.cookie)).status).toBe(200);

    const unchanged = await call('PATCH', `/${target.userId}`, admin.cookie, {});
    expect(await unchanged.json()).toMatchObject({ name: 'Léa', role: 'partner_staff' });
  });

  it('refuses to make a coordinator without customers', async () => {
    const target = await t.signIn(partnerId, 'technician');
    const response = await call('PATCH', `/${target.userId}`, admin.cookie, { role: 'coordinator' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('customerIds');
  });

  it('deactivates and reactivates; deactivation ends the sessions', async () => {
    const target = await t.signIn(partnerId, 'technician');
    const off = await call('PATCH', `/${target.userId}`, admin.cookie, { active: false });
    expect(await off.json()).toMatchObject({ active: false });
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, target.userId))).toHaveLength(0);
    expect((await t.app.request('/api/auth/me', { headers: { cookie: target.cookie } })).status).toBe(401);
    expect(await userOf(await call('PATCH', `/${target.userId}`, admin.cookie, { active: true }))).toMatchObject({ active: true });
  });

  it('keeps an admin from deactivating or demoting themselves', async () => {
    const off = await call('PATCH', `/${admin.userId}`, admin.cookie, { active: false });
    expect(off.status).toBe(400);
    expect((await errorOf(off)).field).toBe('active');
    const demote = await call('PATCH', `/${admin.userId}`, admin.cookie, { role: 'technician' });
    expect(demote.status).toBe(400);
    expect((await errorOf(demote)).field).toBe('role');
    expect((await call('PATCH', `/${admin.userId}`, admin.cookie, { name: 'The Admin' })).status).toBe(200);
  });

  it('names the field at fault', async () => {
    const target = await t.signIn(partnerId, 'technician');
    const response = await call('PATCH', `/${target.userId}`, admin.cookie, { active: 'no' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('active');
    const badId = await call('PATCH', '/not-a-uuid', admin.cookie, { name: 'X' });
    expect((await errorOf(badId)).field).toBe('id');
  });
});

describe('DELETE /api/users/:id', () => {
  it('deactivates the user', async () => {
    const target = await t.signIn(partnerId, 'partner_staff');
    expect((await call('DELETE', `/${target.userId}`, admin.cookie)).status).toBe(204);
    const [row] = await t.database.db.select().from(users).where(eq(users.id, target.userId));
    expect(row!.active).toBe(false);
    expect((await call('GET', '', target.cookie)).status).toBe(401);
  });

  it('refuses to deactivate yourself', async () => {
    const response = await call('DELETE', `/${admin.userId}`, admin.cookie);
    expect(response.status).toBe(400);
    // The message is in the signed-in user's language (French here), the key for every client.
    expect(await errorOf(response)).toMatchObject({ key: 'user.self_deactivation', field: 'active', message: 'Vous ne pouvez pas désactiver votre propre compte.' });
  });
});

describe('tenant isolation', () => {
  it("answers 404 for another partner's user, reveals nothing and changes nothing", async () => {
    const foreign = await t.signIn(otherPartnerId, 'technician', { email: 'foreign@jura.test' });
    for (const response of [
      await call('PATCH', `/${foreign.userId}`, admin.cookie, { name: 'Hijacked' }),
      await call('DELETE', `/${foreign.userId}`, admin.cookie),
    ]) {
      expect(response.status).toBe(404);
      const body = await response.text();
      expect(JSON.parse(body)).toEqual({ code: 'not_found', key: 'user.not_found', params: {}, message: 'Utilisateur introuvable.' });
      expect(body).not.toContain('foreign@jura.test');
    }
    const [row] = await t.database.db.select().from(users).where(eq(users.id, foreign.userId));
    expect(row).toMatchObject({ name: 'Test technician', active: true });
    const listed = await pageOf(call('GET', '?pageSize=200', admin.cookie));
    expect(listed.items.map((u) => u.id)).not.toContain(foreign.userId);
    expect(listed.items.every((u) => !u.email.endsWith('jura.test'))).toBe(true);
  });
});
