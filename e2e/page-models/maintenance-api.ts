/**
 * The maintenance API as the specs set their scene with it: a signed-in caller per account, and the
 * demo's users by email (to give them a language). Screens are driven through the page models.
 */
import { expect } from 'vitest';
import { demoAdmin, sessionCookie, type Account } from '../support/accounts.ts';

/** The demo coordinator (backend/src/demo/plan.ts), who answers for the demo's meter customer. */
export const demoCoordinator: Account = { ...demoAdmin, email: 'coordinator@demo-dealer.test' };

export type Caller = <T>(method: string, path: string, body?: unknown) => Promise<T>;

/** Signs in through the API and returns a caller with that session; any answer but 2xx fails the test. */
export async function signedIn(baseURL: string, account: Account): Promise<Caller> {
  const cookie = await sessionCookie(baseURL, account);
  return async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseURL}/api${path}`, {
      method,
      headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    expect(response.status, `${method} ${path}`).toBeLessThan(300);
    return (await response.json()) as T;
  };
}

/** Sets a demo user's language (an admin's caller): the app then speaks it once they sign in. */
export async function setLanguage(admin: Caller, email: string, language: 'fr' | 'de' | 'it' | 'en'): Promise<string> {
  const users = await admin<{ items: { id: string; email: string }[] }>('GET', '/users?pageSize=200');
  const user = users.items.find((candidate) => candidate.email === email);
  if (!user) throw new Error(`No demo user ${email}`);
  await admin('PATCH', `/users/${user.id}`, { language });
  return user.id;
}
