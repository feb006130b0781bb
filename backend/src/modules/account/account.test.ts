import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessions, users, type UserRole } from '../../db/schema/index.ts';
import type { ErrorBody } from '../../http/errors.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { CURRENT_PASSWORD_LIMIT, EMAIL_CHANGE_LIMIT, EMAIL_CHANGE_VALID_MINUTES } from './account.service.ts';

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'violet tram at dawn';
const START = new Date('2026-11-20T08:00:00Z');
const minutesLater = (minutes: number) => new Date(START.getTime() + minutes * 60_000);

let t: TestApp;
let partnerId: string;
let sequence = 0;

beforeAll(async () => {
  t = await createTestApp();
  ({ id: partnerId } = await t.createPartner('Bureautique Léman'));
});
afterAll(() => t.close());

async function addUser(role: UserRole = 'partner_staff', partner = partnerId) {
  const email = `account${++sequence}@dealer.test`;
  const [user] = await t.database.db
    .insert(users)
    .values({ partnerId: partner, email, name: `User ${sequence}`, role, passwordHash: await t.deps.passwords.hash(PASSWORD) })
    .returning();
  return user!;
}

function request(method: string, path: string, body?: unknown, cookie?: string) {
  return t.app.request(`/api${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

async function login(email: string, password = PASSWORD) {
  const response = await request('POST', '/auth/login', { email, password });
  return { status: response.status, cookie: response.headers.get('set-cookie')?.split(';')[0] ?? '' };
}

async function signedInUser(role: UserRole = 'partner_staff') {
  t.setNow(START);
  const user = await addUser(role);
  return { user, cookie: (await login(user.email)).cookie };
}

const errorOf = async (response: Response) => (await response.json()) as ErrorBody;
const rowOf = async (id: string) => (await t.database.db.select().from(users).where(eq(users.id, id)))[0]!;

/** The token of the last confirmation link sent to `email`. */
function confirmToken(email: string): string {
  const mail = t.mailer.sent.filter((m) => m.to === email).at(-1);
  const match = mail?.text.match(/http:\/\/parc\.test\/confirm-email\/([A-Za-z0-9_.-]+)/);
  expect(match).toBeTruthy();
  return match![1]!;
}

describe('GET and PATCH /api/me/account', () => {
  it('shows the account with the count of other sessions, and changes name and language', async () => {
    const { user, cookie } = await signedInUser('technician');
    await login(user.email);
    await login(user.email);

    const read = await request('GET', '/me/account', undefined, cookie);
    expect(read.status).toBe(200);
    expect(await read.json()).toEqual({ name: user.name, email: user.email, language: 'fr', otherSessions: 2 });

    const changed = await request('PATCH', '/me/account', { name: '  Anna Keller ', language: 'de' }, cookie);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({ name: 'Anna Keller', language: 'de' });
    const me = (await (await request('GET', '/auth/me', undefined, cookie)).json()) as { user: unknown };
    expect(me.user).toMatchObject({ name: 'Anna Keller', language: 'de' });
  });

  it('refuses an empty name, an unknown language and an anonymous caller', async () => {
    const { cookie } = await signedInUser();
    expect((await request('PATCH', '/me/account', { name: '  ' }, cookie)).status).toBe(400);
    expect((await request('PATCH', '/me/account', { language: 'es' }, cookie)).status).toBe(400);
    expect((await request('PATCH', '/me/account', { name: 'X' })).status).toBe(401);
  });
});

describe('POST /api/me/password', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const { user, cookie } = await signedInUser();
    const other = await login(user.email);

    const response = await request('POST', '/me/password', { currentPassword: PASSWORD, password: NEW_PASSWORD }, cookie);
    expect(response.status).toBe(204);
    expect((await request('GET', '/auth/me', undefined, cookie)).status).toBe(200);
    expect((await request('GET', '/auth/me', undefined, other.cookie)).status).toBe(401);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    expect((await login(user.email, NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses a wrong current password and a weak new one, changing nothing', async () => {
    const { user, cookie } = await signedInUser();
    const wrong = await request('POST', '/me/password', { currentPassword: 'not my password', password: NEW_PASSWORD }, cookie);
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toMatchObject({ key: 'account.wrong_password', field: 'currentPassword' });

    const weak = await request('POST', '/me/password', { currentPassword: PASSWORD, password: 'short' }, cookie);
    expect(weak.status).toBe(400);
    expect(await errorOf(weak)).toMatchObject({ key: 'password.too_short', field: 'password' });
    expect((await login(user.email, PASSWORD)).status).toBe(200);
  });
});

describe('limits', () => {
  it('holds back guesses of the current password, even a right one once over the limit', async () => {
    const { cookie } = await signedInUser();
    for (let attempt = 0; attempt < CURRENT_PASSWORD_LIMIT.limit; attempt++) {
      expect((await request('POST', '/me/password', { currentPassword: `guess ${attempt}`, password: NEW_PASSWORD }, cookie)).status).toBe(400);
    }
    const held = await request('POST', '/me/password', { currentPassword: PASSWORD, password: NEW_PASSWORD }, cookie);
    expect(held.status).toBe(429);
    expect(await errorOf(held)).toMatchObject({ key: 'auth.too_many_attempts' });
  });

  it('sends a limited number of address change emails per account', async () => {
    const { cookie } = await signedInUser();
    for (let attempt = 0; attempt < EMAIL_CHANGE_LIMIT.limit; attempt++) {
      expect((await request('POST', '/me/email', { email: `flood${attempt}@elsewhere.test`, currentPassword: PASSWORD }, cookie)).status).toBe(202);
    }
    const refused = await request('POST', '/me/email', { email: 'one-more@elsewhere.test', currentPassword: PASSWORD }, cookie);
    expect(refused.status).toBe(429);
    expect(t.mailer.sent.some((m) => m.to === 'one-more@elsewhere.test')).toBe(false);
  });
});

describe('DELETE /api/me/sessions/others', () => {
  it('ends every other session and keeps this one', async () => {
    const { user, cookie } = await signedInUser('coordinator');
    const others = [await login(user.email), await login(user.email)];

    const response = await request('DELETE', '/me/sessions/others', undefined, cookie);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ended: 2 });
    for (const other of others) expect((await request('GET', '/auth/me', undefined, other.cookie)).status).toBe(401);
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(1);
    expect(await (await request('GET', '/me/account', undefined, cookie)).json()).toMatchObject({ otherSessions: 0 });
  });
});

describe('changing the email address', () => {
  it('mails a link to the new address and a notice to the old one; the address changes once the link is opened, once', async () => {
    const { user, cookie } = await signedInUser('partner_admin');
    const newEmail = `moved${sequence}@dealer.test`;
    const response = await request('POST', '/me/email', { email: ` ${newEmail.toUpperCase()} `, currentPassword: PASSWORD }, cookie);
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ email: newEmail, expiresAt: minutesLater(EMAIL_CHANGE_VALID_MINUTES).toISOString() });
    const notice = t.mailer.sent.filter((m) => m.to === user.email).at(-1);
    expect(notice?.text).toContain(newEmail);
    expect((await rowOf(user.id)).email).toBe(user.email);

    const token = confirmToken(newEmail);
    t.setNow(minutesLater(30));
    const confirmed = await request('POST', '/me/email/confirm', { token });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toEqual({ email: newEmail });
    expect((await rowOf(user.id)).email).toBe(newEmail);
    expect((await login(newEmail)).status).toBe(200);

    const again = await request('POST', '/me/email/confirm', { token });
    expect(again.status).toBe(400);
    expect(await errorOf(again)).toMatchObject({ key: 'account.email_link_used', field: 'token' });
  });

  it('refuses an address another user of the dealer has, the current address and a wrong password', async () => {
    const { user, cookie } = await signedInUser();
    const colleague = await addUser();
    const taken = await request('POST', '/me/email', { email: colleague.email, currentPassword: PASSWORD }, cookie);
    expect(taken.status).toBe(409);
    expect(await errorOf(taken)).toMatchObject({ key: 'account.email_taken', field: 'email' });

    const same = await request('POST', '/me/email', { email: user.email, currentPassword: PASSWORD }, cookie);
    expect(await errorOf(same)).toMatchObject({ key: 'account.email_unchanged' });

    const wrong = await request('POST', '/me/email', { email: 'elsewhere@dealer.test', currentPassword: 'not my password' }, cookie);
    expect(wrong.status).toBe(400);
    expect(await errorOf(wrong)).toMatchObject({ key: 'account.wrong_password', field: 'currentPassword' });
    expect(t.mailer.sent.some((m) => m.to === 'elsewhere@dealer.test')).toBe(false);
  });

  it('refuses a link whose address was taken meanwhile', async () => {
    const { user, cookie } = await signedInUser();
    const wanted = `wanted${sequence}@dealer.test`;
    await request('POST', '/me/email', { email: wanted, currentPassword: PASSWORD }, cookie);
    await t.database.db.insert(users).values({ partnerId, email: wanted, name: 'Late comer', role: 'partner_staff' });
    const response = await request('POST', '/me/email/confirm', { token: confirmToken(wanted) });
    expect(response.status).toBe(409);
    expect(await errorOf(response)).toMatchObject({ key: 'account.email_taken' });
    expect((await rowOf(user.id)).email).toBe(user.email);
  });

  it('refuses an expired link, a tampered one and one the password change made void', async () => {
    const { user, cookie } = await signedInUser();
    const wanted = `later${sequence}@dealer.test`;
    await request('POST', '/me/email', { email: wanted, currentPassword: PASSWORD }, cookie);
    const token = confirmToken(wanted);

    t.setNow(minutesLater(EMAIL_CHANGE_VALID_MINUTES + 1));
    const expired = await request('POST', '/me/email/confirm', { token });
    expect(await errorOf(expired)).toMatchObject({ key: 'account.email_link_expired', field: 'token' });

    t.setNow(minutesLater(10));
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = Buffer.from(JSON.stringify({ ...claims, email: 'attacker@evil.test' })).toString('base64url');
    for (const bad of [`${header}.${forged}.${signature}`, 'not-a-token', `${token}x`]) {
      const response = await request('POST', '/me/email/confirm', { token: bad });
      expect(response.status).toBe(400);
      expect(await errorOf(response)).toMatchObject({ key: 'account.email_link_invalid' });
    }

    await request('POST', '/me/password', { currentPassword: PASSWORD, password: NEW_PASSWORD }, cookie);
    const superseded = await request('POST', '/me/email/confirm', { token });
    expect(await errorOf(superseded)).toMatchObject({ key: 'account.email_link_invalid' });
    expect((await rowOf(user.id)).email).toBe(user.email);
  });
});
