import { and, asc, eq } from 'drizzle-orm';
import { contactConfirm } from '@parc/emails';
import { DomainError, type Language } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { campaignContacts, customers, partners } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { hashToken, newToken } from '../auth/session-token.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { loadDealerMail } from '../../mail/dealer.ts';
import type { Contact, Signup } from './meters.schemas.ts';

/**
 * Campaign contacts: several addresses per customer, each confirmed by a link (double opt-in)
 * before it receives anything, and unsubscribed by the link in every campaign email.
 */

export type ContactRow = typeof campaignContacts.$inferSelect;
type MailDeps = Pick<AppDeps, 'db' | 'mailer' | 'clock' | 'publicUrl'>;

export const CONFIRMATION_VALID_DAYS = 7;
/** A new confirmation email to the same address waits this long: sign-up cannot flood an inbox. */
export const CONFIRMATION_RESEND_MINUTES = 10;

export const unsubscribeUrl = (publicUrl: string, token: string) => `${publicUrl}/api/campaign/unsubscribe/${token}`;
const confirmUrl = (publicUrl: string, token: string) => `${publicUrl}/api/campaign/confirm/${token}`;

export function toContact(row: ContactRow): Contact {
  const state = row.unsubscribedAt ? 'unsubscribed' : row.confirmedAt ? 'confirmed' : 'pending';
  return {
    id: row.id,
    email: row.email,
    language: row.language,
    state,
    confirmedAt: row.confirmedAt?.toISOString() ?? null,
    unsubscribedAt: row.unsubscribedAt?.toISOString() ?? null,
  };
}

const isReceiving = (row: ContactRow) => row.confirmedAt !== null && row.unsubscribedAt === null;

interface ContactTarget {
  partnerId: string;
  customerId: string;
  customerNumber: string;
  email: string;
  language: Language;
}

/**
 * The contact for this address (created when new), with a fresh confirmation email unless it
 * already receives the campaign or was sent one moments ago.
 */
async function requestConfirmation(deps: MailDeps, target: ContactTarget): Promise<ContactRow> {
  const { db, clock } = deps;
  const now = clock();
  const [existing] = await db
    .select()
    .from(campaignContacts)
    .where(and(eq(campaignContacts.customerId, target.customerId), eq(campaignContacts.email, target.email)));
  if (existing && isReceiving(existing)) return existing;
  if (existing?.confirmationSentAt && now.getTime() - existing.confirmationSentAt.getTime() < CONFIRMATION_RESEND_MINUTES * 60_000) return existing;

  const token = newToken();
  const values = { language: target.language, confirmationTokenHash: hashToken(token), confirmationSentAt: now };
  const [row] = existing
    ? await db.update(campaignContacts).set(values).where(eq(campaignContacts.id, existing.id)).returning()
    : await db
        .insert(campaignContacts)
        .values({ partnerId: target.partnerId, customerId: target.customerId, email: target.email, unsubscribeToken: newToken(), ...values })
        .returning();
  const { branding, headers } = await loadDealerMail(db, target.partnerId);
  const rendered = contactConfirm({
    language: target.language,
    branding,
    customerNumber: target.customerNumber,
    confirmUrl: confirmUrl(deps.publicUrl, token),
    unsubscribeUrl: unsubscribeUrl(deps.publicUrl, row!.unsubscribeToken),
  });
  await deps.mailer.send({ to: target.email, ...rendered, ...headers });
  return row!;
}

export async function listContacts(db: Db, user: SessionUser, customerId: string): Promise<Contact[]> {
  await getCustomer(db, user, customerId);
  const rows = await db.select().from(campaignContacts).where(eq(campaignContacts.customerId, customerId)).orderBy(asc(campaignContacts.email));
  return rows.map(toContact);
}

/** The partner adds an address; it receives the campaign once its owner confirms. */
export async function inviteContact(deps: MailDeps, user: SessionUser, customerId: string, input: { email: string; language: Language }): Promise<Contact> {
  const customer = await getCustomer(deps.db, user, customerId);
  const row = await requestConfirmation(deps, { partnerId: user.partnerId, customerId, customerNumber: customer.customerNumber, ...input });
  return toContact(row);
}

/**
 * Public self sign-up. Says nothing about whether the customer number exists: the caller answers
 * 202 before the lookup and the email, so a known number takes no longer than an unknown one.
 * Without a partner id it only works on a single-dealer installation.
 */
export function signUp(deps: MailDeps & Pick<AppDeps, 'background'>, input: Signup): void {
  deps.background.run('campaign sign-up confirmation', () => confirmSignUp(deps, input));
}

async function confirmSignUp(deps: MailDeps, input: Signup): Promise<void> {
  const { db } = deps;
  const partnerIds = input.partnerId ? [input.partnerId] : (await db.select({ id: partners.id }).from(partners).limit(2)).map((p) => p.id);
  if (partnerIds.length !== 1) return;
  const [customer] = await db
    .select({ id: customers.id, partnerId: customers.partnerId, customerNumber: customers.customerNumber })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerIds[0]!), eq(customers.customerNumber, input.customerNumber), eq(customers.active, true)));
  if (!customer) return;
  await requestConfirmation(deps, { partnerId: customer.partnerId, customerId: customer.id, customerNumber: customer.customerNumber, email: input.email, language: input.language });
}

const invalidLink = () => new DomainError('contact_link.invalid');

/** Confirms the address (again, if it had unsubscribed). Clicking twice is fine. */
export async function confirmContact(deps: Pick<AppDeps, 'db' | 'clock'>, token: string): Promise<Contact> {
  const now = deps.clock();
  const [row] = await deps.db.select().from(campaignContacts).where(eq(campaignContacts.confirmationTokenHash, hashToken(token)));
  const sentAt = row?.confirmationSentAt;
  if (!row || !sentAt || now.getTime() - sentAt.getTime() > CONFIRMATION_VALID_DAYS * 86_400_000) throw invalidLink();
  if (isReceiving(row)) return toContact(row);
  const [confirmed] = await deps.db
    .update(campaignContacts)
    .set({ confirmedAt: now, unsubscribedAt: null })
    .where(eq(campaignContacts.id, row.id))
    .returning();
  return toContact(confirmed!);
}

/** Stops every campaign email to the address; the token comes from any campaign email. */
export async function unsubscribeContact(deps: Pick<AppDeps, 'db' | 'clock'>, token: string): Promise<Contact> {
  const [row] = await deps.db.select().from(campaignContacts).where(eq(campaignContacts.unsubscribeToken, token));
  if (!row) throw invalidLink();
  if (row.unsubscribedAt) return toContact(row);
  const [updated] = await deps.db
    .update(campaignContacts)
    .set({ unsubscribedAt: deps.clock(), confirmationTokenHash: null })
    .where(eq(campaignContacts.id, row.id))
    .returning();
  return toContact(updated!);
}

/** Addresses that receive the customer's campaign emails now. */
export async function receivingContacts(db: Db, customerId: string): Promise<ContactRow[]> {
  const rows = await db.select().from(campaignContacts).where(eq(campaignContacts.customerId, customerId)).orderBy(asc(campaignContacts.createdAt));
  return rows.filter(isReceiving);
}
