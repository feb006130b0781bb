import { base64url, decodeProtectedHeader, errors, jwtVerify, SignJWT } from 'jose';
import { emailChangeConfirm, emailChangeNotice } from '@parc/emails';
import { DomainError } from '@parc/shared';
import type { Account, AccountChange, EmailChange, EmailChangeAnswer, PasswordChange } from '@parc/shared/contracts/account';
import type { AppDeps } from '../../deps.ts';
import { consumeAttempt, createRateLimiter, throwIfLimited } from '../../http/rate-limit.ts';
import { contactLanguage } from '../../mail/dealer.ts';
import { assertOnlyAccountOpened } from '../auth/auth.service.ts';
import { sendAsPartner } from '../auth/password-links.ts';
import { passwordProblem } from '../auth/password-policy.ts';
import { hashToken } from '../auth/session-token.ts';
import { currentSigningKey, findSigningKey } from '../links/links.tokens.ts';
import { countOtherSessions, deleteOtherSessions, emailTakenInPartner, findAccount, replaceEmail, updateAccount, type AccountRow } from './account.repo.ts';

/** How long the link sent to a new address works. */
export const EMAIL_CHANGE_VALID_MINUTES = 24 * 60;
/** Sets these tokens apart from the customers' links signed with the same keys. */
const EMAIL_CHANGE_AUDIENCE = 'parc:email-change';
const ALG = 'HS256';

/** Wrong current passwords per account: a session left open is no way to guess its password. */
export const CURRENT_PASSWORD_LIMIT = { limit: 10, windowMs: 15 * 60_000 };
/** Address change emails per account: keeps the form from flooding someone else's inbox. */
export const EMAIL_CHANGE_LIMIT = { limit: 5, windowMs: 60 * 60_000 };
const currentPasswordLimiter = createRateLimiter('account.current_password', CURRENT_PASSWORD_LIMIT);
const emailChangeLimiter = createRateLimiter('account.email_change', EMAIL_CHANGE_LIMIT);

/** Who is asking: the session's user and the hash of the session's own token (the session kept). */
export interface AccountCaller {
  id: string;
  sessionHash: string;
}

async function accountOf(deps: AppDeps, caller: AccountCaller): Promise<AccountRow> {
  const row = await findAccount(deps.db, caller.id);
  if (!row) throw new DomainError('user.not_found');
  return row;
}

async function view(deps: AppDeps, row: AccountRow, caller: AccountCaller): Promise<Account> {
  const otherSessions = await countOtherSessions(deps.db, row.id, caller.sessionHash, deps.clock());
  return { name: row.name, email: row.email, language: contactLanguage(row.language), otherSessions };
}

async function assertCurrentPassword(deps: AppDeps, row: AccountRow, password: string): Promise<void> {
  const now = deps.clock();
  await throwIfLimited(currentPasswordLimiter, deps.db, row.id, now);
  if (await deps.passwords.verify(password, row.passwordHash)) return;
  await currentPasswordLimiter.record(deps.db, row.id, now);
  throw new DomainError('account.wrong_password', { field: 'currentPassword' });
}

export async function readAccount(deps: AppDeps, caller: AccountCaller): Promise<Account> {
  return view(deps, await accountOf(deps, caller), caller);
}

export async function changeAccount(deps: AppDeps, caller: AccountCaller, change: AccountChange): Promise<Account> {
  const row = await accountOf(deps, caller);
  return view(deps, Object.keys(change).length > 0 ? await updateAccount(deps.db, caller.id, change) : row, caller);
}

/**
 * What a link is bound to: the address it changes and the password hash. Once the address changed
 * (the link was used) or the password did, the link no longer matches: single use without a row.
 */
const fingerprint = (row: AccountRow) => hashToken(`${row.id}\n${row.email}\n${row.passwordHash ?? ''}`);

/**
 * Sends the new address a signed link carrying it; the old address is told a change was asked for.
 * Nothing changes until the link is opened (confirmEmailChange).
 */
export async function requestEmailChange(deps: AppDeps, caller: AccountCaller, { email, currentPassword }: EmailChange): Promise<EmailChangeAnswer> {
  const row = await accountOf(deps, caller);
  await assertCurrentPassword(deps, row, currentPassword);
  if (email === row.email) throw new DomainError('account.email_unchanged', { field: 'email' });
  if (await emailTakenInPartner(deps.db, row.partnerId, email, row.id)) throw new DomainError('account.email_taken', { field: 'email' });
  // Login picks the account by its password: at the new address, this one must open only this account.
  await assertOnlyAccountOpened(deps, { id: row.id, email }, currentPassword, 'currentPassword');

  const now = deps.clock();
  await consumeAttempt(emailChangeLimiter, deps.db, row.id, now);
  const expiresAt = new Date(now.getTime() + EMAIL_CHANGE_VALID_MINUTES * 60_000);
  const key = await currentSigningKey(deps.db, now);
  const token = await new SignJWT({ email, fp: fingerprint(row) })
    .setProtectedHeader({ alg: ALG, kid: key.kid })
    .setSubject(row.id)
    .setAudience(EMAIL_CHANGE_AUDIENCE)
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(base64url.decode(key.secret));

  const language = contactLanguage(row.language);
  await sendAsPartner(deps, deps.db, { ...row, email }, ({ branding }) =>
    emailChangeConfirm({ language, branding, newEmail: email, confirmUrl: `${deps.publicUrl}/confirm-email/${token}`, validForMinutes: EMAIL_CHANGE_VALID_MINUTES }),
  );
  await sendAsPartner(deps, deps.db, row, ({ branding }) => emailChangeNotice({ language, branding, newEmail: email }));
  return { email, expiresAt: expiresAt.toISOString() };
}

interface EmailClaims {
  userId: string;
  email: string;
  fp: string;
}

async function readEmailToken(deps: AppDeps, token: string): Promise<EmailClaims> {
  const invalid = () => new DomainError('account.email_link_invalid', { field: 'token' });
  let kid: unknown;
  try {
    kid = decodeProtectedHeader(token).kid;
  } catch {
    throw invalid();
  }
  const key = typeof kid === 'string' ? await findSigningKey(deps.db, kid) : null;
  if (!key) throw invalid();
  try {
    const { payload } = await jwtVerify(token, base64url.decode(key.secret), { algorithms: [ALG], audience: EMAIL_CHANGE_AUDIENCE, currentDate: deps.clock() });
    const { sub, email, fp } = payload;
    if (typeof sub !== 'string' || typeof email !== 'string' || typeof fp !== 'string') throw invalid();
    return { userId: sub, email, fp };
  } catch (error) {
    // The signature is checked before the expiry: an expired token is a genuine one.
    if (error instanceof errors.JWTExpired) throw new DomainError('account.email_link_expired', { field: 'token' });
    throw invalid();
  }
}

/** Opens a link from requestEmailChange: the account takes the address it carries. Needs no session (another browser may open it). */
export async function confirmEmailChange(deps: AppDeps, token: string): Promise<{ email: string }> {
  const claims = await readEmailToken(deps, token);
  const row = await findAccount(deps.db, claims.userId);
  if (!row || !row.active) throw new DomainError('account.email_link_invalid', { field: 'token' });
  if (fingerprint(row) !== claims.fp) {
    if (row.email === claims.email) throw new DomainError('account.email_link_used', { field: 'token' });
    // The address or the password changed since: a later request supersedes this one.
    throw new DomainError('account.email_link_invalid', { field: 'token' });
  }
  if (await emailTakenInPartner(deps.db, row.partnerId, claims.email, row.id)) throw new DomainError('account.email_taken', { field: 'token' });
  if (!(await replaceEmail(deps.db, row.id, row.email, claims.email))) throw new DomainError('account.email_link_used', { field: 'token' });
  return { email: claims.email };
}

/** A new password for the signed-in user; every other session ends, this one stays. */
export async function changePassword(deps: AppDeps, caller: AccountCaller, { currentPassword, password }: PasswordChange): Promise<void> {
  const row = await accountOf(deps, caller);
  await assertCurrentPassword(deps, row, currentPassword);
  const problem = passwordProblem(password, row);
  if (problem) throw problem;
  await assertOnlyAccountOpened(deps, row, password, 'password');
  const passwordHash = await deps.passwords.hash(password);
  const now = deps.clock();
  await deps.db.transaction(async (tx) => {
    await updateAccount(tx, row.id, { passwordHash });
    await deleteOtherSessions(tx, row.id, caller.sessionHash, now);
  });
}

export async function endOtherSessions(deps: AppDeps, caller: AccountCaller): Promise<{ ended: number }> {
  return { ended: await deleteOtherSessions(deps.db, caller.id, caller.sessionHash, deps.clock()) };
}
