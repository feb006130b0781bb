import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../app.ts';
import { partners, sessions, users, type UserRole } from '../../db/schema/index.ts';
import type { ErrorBody } from '../../http/errors.ts';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { LOGIN_ACCOUNT_LIMIT, LOGIN_ADDRESS_LIMIT } from './auth.routes.ts';
import { MAX_SESSIONS_PER_USER, type AuthUser } from './auth.service.ts';
import { hashToken, SESSION_COOKIE } from './session-token.ts';

const PASSWORD = 'correct horse battery';
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

/** A user who can sign in with PASSWORD; each gets a fresh email so tests do not share lock or rate-limit state. */
async function addUser(options: { role?: UserRole; active?: boolean } = {}) {
  const email = `user${++sequence}@dealer.test`;
  const [user] = await t.database.db
    .insert(users)
    .values({ partnerId, email, name: `User ${sequence}`, role: options.role ?? 'partner_staff', active: options.active ?? true, passwordHash: await t.deps.passwords.hash(PASSWORD) })
    .returning();
  return user!;
}

function post(path: string, body: unknown, headers: Record<string, string> = {}) {
  return t.app.request(`/api/auth${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const login = (email: string, password: string, headers?: Record<string, string>) => post('/login', { email, password }, headers);
const cookieOf = (response: Response) => response.headers.get('set-cookie')!.split(';')[0]!;
const errorOf = async (response: Response) => (await response.json()) as ErrorBody;
const me = (cookie?: string) => t.app.request('/api/auth/me', { headers: cookie ? { cookie } : {} });

/** The token in the last email sent to `email`, from its /reset-password/<token> link. */
function lastLinkToken(email: string): string {
  const mail = t.mailer.sent.filter((m) => m.to === email).at(-1);
  expect(mail).toBeDefined();
  const match = mail!.text.match(/http:\/\/parc\.test\/reset-password\/([A-Za-z0-9_-]+)/);
  expect(match).not.toBeNull();
  return match![1]!;
}

describe('POST /api/auth/login', () => {
  it('signs in, stores only the hash of the session token and sets a strict cookie', async () => {
    t.setNow(START);
    const user = await addUser({ role: 'partner_admin' });
    const response = await login(user.email, PASSWORD);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      user: { id: user.id, email: user.email, name: user.name, role: 'partner_admin', partnerId, language: 'fr' },
    });
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[A-Za-z0-9_-]{43};`));
    expect(setCookie).toContain('Max-Age=1209600');
    expect(setCookie).toContain('Path=/');
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');

    const token = cookieOf(response).slice(SESSION_COOKIE.length + 1);
    const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.tokenHash).toBe(hashToken(token));
    expect(rows[0]!.expiresAt.toISOString()).toBe('2026-12-04T08:00:00.000Z');
    expect((await me(cookieOf(response))).status).toBe(200);
  });

  it('marks the cookie Secure when Parc is served over TLS', async () => {
    const user = await addUser();
    const app = createApp({ ...t.deps, secureCookies: true });
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: user.email, password: PASSWORD }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toContain('Secure');
  });

  it('compares emails without case or surrounding blanks', async () => {
    const user = await addUser();
    expect((await login(`  ${user.email.toUpperCase()} `, PASSWORD)).status).toBe(200);
  });

  it('answers a wrong password and an unknown email in the same words', async () => {
    const user = await addUser();
    const wrongPassword = await login(user.email, 'not the password');
    const unknownEmail = await login('nobody@dealer.test', PASSWORD);
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    const body = await errorOf(wrongPassword);
    // No session: the message is English; clients word the key in their user's language.
    expect(body).toEqual({ code: 'unauthenticated', key: 'auth.wrong_credentials', params: {}, message: 'The email or password is incorrect.' });
    expect(await unknownEmail.json()).toEqual(body);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
  });

  it('holds back an account after 10 wrong passwords from any addresses, an unknown one exactly alike, for 15 minutes', async () => {
    t.setNow(START);
    const user = await addUser();
    const from = (n: number) => ({ 'cf-connecting-ip': `198.51.100.${n}` });
    for (let attempt = 1; attempt <= LOGIN_ACCOUNT_LIMIT.limit; attempt++) {
      expect((await login(user.email, 'wrong password', from(attempt))).status).toBe(401);
      expect((await login('ghost@dealer.test', 'wrong password', from(attempt))).status).toBe(401);
    }
    // Even the right password, from a fresh address, waits: the answer is the same as for an unknown account.
    const held = await login(user.email, PASSWORD, from(99));
    const ghost = await login('ghost@dealer.test', PASSWORD, from(99));
    expect(held.status).toBe(429);
    expect(await errorOf(held)).toEqual(await errorOf(ghost));
    t.setNow(minutesLater(15));
    expect((await login(user.email, PASSWORD, from(99))).status).toBe(200);
    t.setNow(START);
  });

  it('keeps no lock in the account: a success clears the count, and nothing is written for failures', async () => {
    const user = await addUser();
    const fromHere = { 'cf-connecting-ip': '198.51.100.200' };
    for (let attempt = 1; attempt < LOGIN_ACCOUNT_LIMIT.limit; attempt++) await login(user.email, 'wrong password', fromHere);
    expect((await login(user.email, PASSWORD, fromHere)).status).toBe(200);
    for (let attempt = 1; attempt < LOGIN_ACCOUNT_LIMIT.limit; attempt++) expect((await login(user.email, 'wrong password', fromHere)).status).toBe(401);
    expect((await login(user.email, PASSWORD, fromHere)).status).toBe(200);
  });

  it('keeps at most 20 live sessions per user, ending the oldest', async () => {
    const user = await addUser();
    const cookies: string[] = [];
    for (let count = 0; count <= MAX_SESSIONS_PER_USER; count++) {
      t.setNow(minutesLater(count));
      cookies.push(cookieOf(await login(user.email, PASSWORD)));
    }
    expect(await t.database.db.$count(sessions, eq(sessions.userId, user.id))).toBe(MAX_SESSIONS_PER_USER);
    expect((await me(cookies[0])).status).toBe(401);
    expect((await me(cookies.at(-1))).status).toBe(200);
    t.setNow(START);
  });

  it('refuses a deactivated user, and says so only to someone who knows the password', async () => {
    const user = await addUser({ active: false });
    const right = await login(user.email, PASSWORD);
    expect(right.status).toBe(403);
    expect((await errorOf(right)).message).toContain('deactivated');
    expect((await login(user.email, 'wrong password')).status).toBe(401);
  });

  it('refuses an invited user who has not chosen a password yet', async () => {
    const [user] = await t.database.db.insert(users).values({ partnerId, email: 'invited@dealer.test', name: 'Invited', role: 'technician' }).returning();
    expect((await login(user!.email, '')).status).toBe(400);
    expect((await login(user!.email, 'any password at all')).status).toBe(401);
  });

  it.each([
    ['not JSON', '{"email":', undefined],
    ['no password', { email: 'a@dealer.test' }, 'password'],
    ['an email of the wrong type', { email: 42, password: 'x' }, 'email'],
    ['a malformed email', { email: 'not-an-email', password: 'x' }, 'email'],
    ['an empty password', { email: 'a@dealer.test', password: '' }, 'password'],
  ])('answers 400 to %s', async (_, body, field) => {
    const response = await post('/login', body);
    expect(response.status).toBe(400);
    const error = await errorOf(response);
    expect(error.code).toBe('bad_request');
    expect(error.field).toBe(field);
  });

  it('answers 400 when the body is not sent as JSON', async () => {
    const response = await t.app.request('/api/auth/login', { method: 'POST', body: 'email=a@dealer.test' });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      code: 'bad_request',
      key: 'request.unreadable',
      params: { detail: 'Unsupported Media Type' },
      message: 'The request could not be read: Unsupported Media Type.',
    });
  });

  it('rate-limits refused sign-ins per address, whatever the emails', async () => {
    const fromA = { 'cf-connecting-ip': '203.0.113.1' };
    for (let attempt = 1; attempt <= LOGIN_ADDRESS_LIMIT.limit; attempt++) expect((await login(`guess${attempt}@dealer.test`, 'guess', fromA)).status).toBe(401);
    const limited = await login('guess-more@dealer.test', 'guess', fromA);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'rate_limited', key: 'auth.too_many_attempts', params: { minutes: 15 }, message: expect.stringContaining('15 minutes') });
    // Another address is not held back.
    expect((await login('guess-more@dealer.test', 'guess', { 'cf-connecting-ip': '203.0.113.2' })).status).toBe(401);
    t.setNow(minutesLater(15));
    expect((await login('guess-more@dealer.test', 'guess', fromA)).status).toBe(401);
    t.setNow(START);
  });
});

describe('GET /api/auth/me and POST /api/auth/logout', () => {
  it('needs a session', async () => {
    const response = await me();
    expect(response.status).toBe(401);
    expect((await errorOf(response)).code).toBe('unauthenticated');
    expect((await me(`${SESSION_COOKIE}=made-up`)).status).toBe(401);
  });

  it('answers who is signed in, for every role', async () => {
    const { userId, cookie } = await t.signIn(partnerId, 'technician');
    const response = await me(cookie);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { user: AuthUser }).user).toMatchObject({ id: userId, role: 'technician', partnerId });
  });

  it('ends the session: the row is gone, the cookie cleared and no longer accepted', async () => {
    const user = await addUser();
    const cookie = cookieOf(await login(user.email, PASSWORD));
    const response = await post('/logout', {}, { cookie });
    expect(response.status).toBe(204);
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=;.*Max-Age=0`));
    expect(await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id))).toHaveLength(0);
    expect((await me(cookie)).status).toBe(401);
  });

  it('signs out quietly when there is no session', async () => {
    expect((await post('/logout', {})).status).toBe(204);
  });
});

describe('password reset', () => {
  /** Asks for a link and waits for the email the server sends after answering. */
  const requestReset = async (email: string, headers?: Record<string, string>) => {
    const response = await post('/password-reset', { email }, headers);
    await t.deps.background.idle();
    return response;
  };
  const confirm = (token: string, password: string) => post('/password-reset/confirm', { token, password });

  it('emails a one-hour link; the new password replaces the old one and ends every session', async () => {
    t.setNow(START);
    const user = await addUser();
    const oldCookie = cookieOf(await login(user.email, PASSWORD));
    const response = await requestReset(user.email.toUpperCase());
    expect(response.status).toBe(202);
    const mail = t.mailer.sent.at(-1)!;
    expect(mail.to).toBe(user.email);
    expect(mail.subject).toBe('Réinitialisation de votre mot de passe');
    const [partner] = await t.database.db.select().from(partners).where(eq(partners.id, partnerId));
    expect(mail.replyTo).toBe(partner!.email);
    const token = lastLinkToken(user.email);
    expect(mail.html).toContain(`http://parc.test/reset-password/${token}`);
    const [stored] = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.id));
    expect(stored).toBeDefined();

    const weak = await confirm(token, '1234567890');
    expect(weak.status).toBe(400);
    expect(await weak.json()).toMatchObject({ code: 'bad_request', key: 'password.sequence', field: 'password' });

    expect((await confirm(token, 'a much better passphrase')).status).toBe(204);
    expect((await me(oldCookie)).status).toBe(401);
    expect((await login(user.email, PASSWORD)).status).toBe(401);
    expect((await login(user.email, 'a much better passphrase')).status).toBe(200);

    const reused = await confirm(token, 'yet another passphrase');
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ code: 'bad_request', key: 'auth.reset_link_used', field: 'token', message: expect.stringContaining('already been used') });
  });

  it('refuses an expired link and an unknown one', async () => {
    t.setNow(START);
    const user = await addUser();
    await requestReset(user.email);
    const token = lastLinkToken(user.email);
    t.setNow(minutesLater(60));
    const expired = await confirm(token, 'a much better passphrase');
    expect(expired.status).toBe(400);
    expect((await errorOf(expired)).message).toContain('expired');
    const unknown = await confirm('not-a-token', 'a much better passphrase');
    expect(unknown.status).toBe(400);
    expect((await errorOf(unknown)).message).toContain('not valid');
    t.setNow(START);
  });

  it('keeps only the latest link working', async () => {
    const user = await addUser();
    await requestReset(user.email);
    const first = lastLinkToken(user.email);
    await requestReset(user.email);
    const second = lastLinkToken(user.email);
    expect((await confirm(first, 'a much better passphrase')).status).toBe(400);
    expect((await confirm(second, 'a much better passphrase')).status).toBe(204);
  });

  it('lets the owner of a held-back account in at once', async () => {
    t.setNow(START);
    const user = await addUser();
    for (let attempt = 1; attempt <= LOGIN_ACCOUNT_LIMIT.limit; attempt++) await login(user.email, 'wrong password', { 'cf-connecting-ip': `192.0.2.${attempt}` });
    expect((await login(user.email, PASSWORD)).status).toBe(429);
    await requestReset(user.email);
    expect((await confirm(lastLinkToken(user.email), 'a much better passphrase')).status).toBe(204);
    expect((await login(user.email, 'a much better passphrase')).status).toBe(200);
  });

  it('answers an unknown or deactivated email exactly like a real one, and sends nothing', async () => {
    const real = await requestReset((await addUser()).email);
    const sentBefore = t.mailer.sent.length;
    const unknown = await requestReset('nobody-here@dealer.test');
    const inactive = await requestReset((await addUser({ active: false })).email);
    for (const response of [real, unknown, inactive]) {
      expect(response.status).toBe(202);
      expect(await response.text()).toBe('');
    }
    expect(t.mailer.sent.length).toBe(sentBefore);
  });

  it('answers before looking the address up, so a real account takes no longer than an unknown one', async () => {
    const user = await addUser();
    const sentBefore = t.mailer.sent.length;
    const response = await post('/password-reset', { email: user.email });
    expect(response.status).toBe(202);
    expect(t.mailer.sent.length).toBe(sentBefore);
    await t.deps.background.idle();
    expect(t.mailer.sent.map((mail) => mail.to).slice(sentBefore)).toEqual([user.email]);
  });

  it('rate-limits requests per address and email', async () => {
    const user = await addUser();
    for (let attempt = 1; attempt <= 5; attempt++) expect((await requestReset(user.email)).status).toBe(202);
    expect((await requestReset(user.email)).status).toBe(429);
    expect((await requestReset('nobody-here@dealer.test')).status).toBe(202);
  });

  it('names the field at fault', async () => {
    const response = await post('/password-reset', { email: 'nope' });
    expect(response.status).toBe(400);
    expect((await errorOf(response)).field).toBe('email');
    const missing = await post('/password-reset/confirm', { password: 'a much better passphrase' });
    expect((await errorOf(missing)).field).toBe('token');
  });
});

describe('OpenAPI', () => {
  it('documents the auth routes', async () => {
    const document = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    const paths = Object.keys(document.paths);
    expect(paths).toEqual(expect.arrayContaining(['/auth/login', '/auth/me', '/auth/logout', '/auth/password-reset', '/auth/password-reset/confirm']));
  });
});
