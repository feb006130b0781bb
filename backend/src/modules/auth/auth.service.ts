import { and, asc, desc, eq, isNotNull, isNull, lte, ne, notInArray } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import { passwordResets, sessions, users, type UserRole } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { sendPasswordResetLink } from './password-links.ts';
import { passwordProblem } from './password-policy.ts';
import { hashToken, newToken, SESSION_DAYS } from './session-token.ts';

/** Live sessions kept per user: signing in again past this ends the oldest (a script cannot pile up rows). */
export const MAX_SESSIONS_PER_USER = 20;

/** The signed-in user as the client sees it. */
export interface AuthUser {
  id: string;
  email: string;
  name: string;
  role: UserRole;
  partnerId: string;
  language: string;
}

type UserRow = typeof users.$inferSelect;

const toAuthUser = ({ id, email, name, role, partnerId, language }: Pick<UserRow, keyof AuthUser>): AuthUser => ({ id, email, name, role, partnerId, language });

/** Same words for an unknown email and a wrong password: the answer must not tell which. */
const wrongCredentials = () => new DomainError('auth.wrong_credentials');

/**
 * The account at this address whose password this is. An address can have one account per dealer;
 * their passwords differ (see confirmPasswordReset), so the password picks the account.
 */
async function accountOpenedBy(deps: AppDeps, email: string, password: string): Promise<UserRow | undefined> {
  const accounts = await deps.db.select().from(users).where(eq(users.email, email.toLowerCase())).orderBy(asc(users.createdAt));
  // An unknown email is verified against a dummy hash (null), so it takes as long as a known one.
  for (const account of accounts.length > 0 ? accounts : [undefined]) {
    if (await deps.passwords.verify(password, account?.passwordHash ?? null)) return account;
  }
  return undefined;
}

/** Checks the password and opens a session; the caller puts `token` in the cookie. */
export async function login(deps: AppDeps, email: string, password: string): Promise<{ user: AuthUser; token: string }> {
  const now = deps.clock();
  const user = await accountOpenedBy(deps, email, password);
  if (!user) throw wrongCredentials();
  // Said only to someone who knows the password, so it reveals nothing to a guesser.
  if (!user.active) throw new DomainError('auth.deactivated');

  const token = newToken();
  await deps.db.transaction(async (tx) => {
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), lte(sessions.expiresAt, now)));
    await tx.insert(sessions).values({ tokenHash: hashToken(token), userId: user.id, createdAt: now, expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000) });
    const kept = tx.select({ tokenHash: sessions.tokenHash }).from(sessions).where(eq(sessions.userId, user.id)).orderBy(desc(sessions.createdAt)).limit(MAX_SESSIONS_PER_USER);
    await tx.delete(sessions).where(and(eq(sessions.userId, user.id), notInArray(sessions.tokenHash, kept)));
  });
  return { user: toAuthUser(user), token };
}

export async function logout(deps: AppDeps, token: string): Promise<void> {
  await deps.db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/**
 * Emails a reset link to each active account at the address (one per dealer it works with). Says
 * nothing either way, and looks nothing up before answering: a known address takes no longer.
 */
export function requestPasswordReset(deps: AppDeps, email: string): void {
  deps.background.run('password reset email', async () => {
    const accounts = await deps.db.select().from(users).where(and(eq(users.email, email.toLowerCase()), eq(users.active, true)));
    for (const user of accounts) await sendPasswordResetLink(deps, deps.db, user);
  });
}

/**
 * Refuses a password that would also open another account at `account.email` (another dealer's):
 * login picks the account by its password, so a shared one would leave it unable to pick.
 */
export async function assertOnlyAccountOpened(deps: AppDeps, account: { id: string; email: string }, password: string, field: string): Promise<void> {
  const sameAddress = await deps.db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(and(eq(users.email, account.email), ne(users.id, account.id), isNotNull(users.passwordHash)));
  for (const other of sameAddress) {
    if (await deps.passwords.verify(password, other.passwordHash)) throw new DomainError('auth.password_opens_other_account', { field });
  }
}

/** Sets the password from an emailed link: the link is spent and every session of the user ends; answers the account's email. */
export async function confirmPasswordReset(deps: AppDeps, token: string, password: string): Promise<string> {
  const now = deps.clock();
  const tokenHash = hashToken(token);
  const [row] = await deps.db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, tokenHash));
  if (!row || !row.user.active) throw new DomainError('auth.reset_link_invalid', { field: 'token' });
  if (row.reset.usedAt) throw new DomainError('auth.reset_link_used', { field: 'token' });
  if (row.reset.expiresAt <= now) throw new DomainError('auth.reset_link_expired', { field: 'token' });
  const problem = passwordProblem(password, row.user);
  if (problem) throw problem;
  // Told only to the address's owner (the link came to their inbox).
  await assertOnlyAccountOpened(deps, { id: row.user.id, email: row.user.email }, password, 'password');

  const passwordHash = await deps.passwords.hash(password);
  await deps.db.transaction(async (tx) => {
    // Conditional on still unused: of two simultaneous confirmations only one wins.
    const spent = await tx
      .update(passwordResets)
      .set({ usedAt: now })
      .where(and(eq(passwordResets.tokenHash, tokenHash), isNull(passwordResets.usedAt)))
      .returning({ userId: passwordResets.userId });
    if (spent.length === 0) throw new DomainError('auth.reset_link_used', { field: 'token' });
    await tx.update(users).set({ passwordHash }).where(eq(users.id, row.user.id));
    await tx.delete(sessions).where(eq(sessions.userId, row.user.id));
  });
  return row.user.email;
}
