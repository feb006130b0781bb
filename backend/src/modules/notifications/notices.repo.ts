import { and, desc, eq, exists, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { Language } from '@parc/shared';
import type { NoticeCategory, NoticeFrequency, NoticeRole } from '@parc/shared/notifications/categories';
import type { NoticeFacts } from '@parc/shared/notifications/templates';
import type { Db } from '../../db/client.ts';
import { coordinators, customers, noticeDeliveries, notices, partners, users } from '../../db/schema/index.ts';

/** The people and words of one dealer that notices need: its users by role, its coordinators, its language and time zone. */
export interface DealerAudience {
  language: string;
  timeZone: string;
  users: { email: string; language: string; role: string }[];
  coordinators: Map<string, { email: string; language: string; customerId: string; isMain: boolean }>;
}

export async function audienceOf(db: Db, partnerId: string): Promise<DealerAudience | null> {
  const [partner] = await db.select({ language: partners.defaultLanguage, timeZone: partners.defaultTimezone }).from(partners).where(eq(partners.id, partnerId));
  if (!partner) return null;
  const staff = await db
    .select({ email: users.email, language: users.language, role: users.role })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.active, true), inArray(users.role, ['partner_admin', 'partner_staff', 'technician'])));
  const people = await db
    .select({ id: coordinators.id, email: coordinators.email, userLanguage: users.language, customerLanguage: customers.language, customerId: coordinators.customerId, isMain: coordinators.isMain })
    .from(coordinators)
    .innerJoin(customers, eq(customers.id, coordinators.customerId))
    .leftJoin(users, and(eq(users.id, coordinators.userId), eq(users.active, true)))
    .where(and(eq(customers.partnerId, partnerId), eq(coordinators.active, true)));
  const byId = new Map<string, { email: string; language: string; customerId: string; isMain: boolean }>();
  for (const person of people) if (person.email) byId.set(person.id, { email: person.email, language: person.userLanguage ?? person.customerLanguage, customerId: person.customerId, isMain: person.isMain });
  return { ...partner, users: staff, coordinators: byId };
}

export const usersWithRoles = (audience: DealerAudience, roles: readonly NoticeRole[]) => audience.users.filter((user) => (roles as readonly string[]).includes(user.role));

export interface NewNotice {
  partnerId: string;
  customerId: string | null;
  category: NoticeCategory;
  eventKey: string;
  facts: NoticeFacts;
  path: string;
  createdAt: Date;
}

/** Records the notice and whom it is for, unless the event was told already (then nothing, and false). */
export async function recordNotice(db: Db, notice: NewNotice, deliveries: { email: string; language: Language; frequency: NoticeFrequency; dueAt: Date }[]): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [inserted] = await tx.insert(notices).values(notice).onConflictDoNothing().returning({ id: notices.id });
    if (!inserted) return false;
    if (deliveries.length > 0) await tx.insert(noticeDeliveries).values(deliveries.map((delivery) => ({ ...delivery, noticeId: inserted.id, partnerId: notice.partnerId })));
    return true;
  });
}

/** A claim older than this belongs to a run that died mid-send: another run may take it. */
const CLAIM_HELD_MS = 30 * 60_000;
/** Sends tried at the most: an address the mailer keeps refusing is not tried forever. */
export const MAX_ATTEMPTS = 5;
/** Deliveries taken per run: a backlog drains over a few runs instead of one long one. */
const CLAIM_BATCH = 500;

/**
 * Takes the deliveries due by `now` for sending (of one dealer and frequency when asked): a second
 * run at the same time finds none of them. Each is marked sent only once the mailer accepted it.
 */
export async function claimDueDeliveries(db: Db, now: Date, only: { partnerId?: string; frequency?: NoticeFrequency } = {}) {
  const due = and(
    isNull(noticeDeliveries.sentAt),
    lte(noticeDeliveries.dueAt, now),
    lt(noticeDeliveries.attempts, MAX_ATTEMPTS),
    or(isNull(noticeDeliveries.claimedAt), lt(noticeDeliveries.claimedAt, new Date(now.getTime() - CLAIM_HELD_MS))),
    only.partnerId ? eq(noticeDeliveries.partnerId, only.partnerId) : undefined,
    only.frequency ? eq(noticeDeliveries.frequency, only.frequency) : undefined,
  );
  const claimed = await db
    .update(noticeDeliveries)
    .set({ claimedAt: now, attempts: sql`${noticeDeliveries.attempts} + 1` })
    .where(and(due, inArray(noticeDeliveries.id, db.select({ id: noticeDeliveries.id }).from(noticeDeliveries).where(due).orderBy(noticeDeliveries.dueAt).limit(CLAIM_BATCH))))
    .returning({ id: noticeDeliveries.id, noticeId: noticeDeliveries.noticeId, partnerId: noticeDeliveries.partnerId, email: noticeDeliveries.email, language: noticeDeliveries.language, frequency: noticeDeliveries.frequency });
  if (claimed.length === 0) return [];
  const rows = await db
    .select({ id: notices.id, category: notices.category, facts: notices.facts, path: notices.path, customerNumber: customers.customerNumber, createdAt: notices.createdAt })
    .from(notices)
    .leftJoin(customers, eq(customers.id, notices.customerId))
    .where(inArray(notices.id, [...new Set(claimed.map((delivery) => delivery.noticeId))]));
  const byId = new Map(rows.map((row) => [row.id, row]));
  return claimed.map((delivery) => ({ ...delivery, notice: byId.get(delivery.noticeId)! }));
}
export type ClaimedDelivery = Awaited<ReturnType<typeof claimDueDeliveries>>[number];

/** The mailer accepted them. */
export async function markSent(db: Db, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length > 0) await db.update(noticeDeliveries).set({ sentAt: now, claimedAt: null }).where(inArray(noticeDeliveries.id, [...ids]));
}

/** A send that failed: the deliveries are due again at the next run, until their attempts run out. */
export async function releaseDeliveries(db: Db, ids: readonly string[]): Promise<void> {
  if (ids.length > 0) await db.update(noticeDeliveries).set({ claimedAt: null }).where(inArray(noticeDeliveries.id, [...ids]));
}

export async function latestNotices(db: Db, partnerId: string, limit: number) {
  const rows = await db
    .select({ id: notices.id, category: notices.category, facts: notices.facts, customerNumber: customers.customerNumber, createdAt: notices.createdAt })
    .from(notices)
    .leftJoin(customers, eq(customers.id, notices.customerId))
    // Only what was told to someone: events a rule left silent are kept to be told never, not listed.
    .where(and(eq(notices.partnerId, partnerId), exists(db.select({ one: noticeDeliveries.id }).from(noticeDeliveries).where(eq(noticeDeliveries.noticeId, notices.id)))))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(limit);
  const deliveries =
    rows.length === 0
      ? []
      : await db
          .select({ noticeId: noticeDeliveries.noticeId, email: noticeDeliveries.email, frequency: noticeDeliveries.frequency, sentAt: noticeDeliveries.sentAt })
          .from(noticeDeliveries)
          .where(inArray(noticeDeliveries.noticeId, rows.map((row) => row.id)))
          .orderBy(noticeDeliveries.email);
  return rows.map((row) => ({ ...row, deliveries: deliveries.filter((delivery) => delivery.noticeId === row.id) }));
}

/** The newest notice of a category (told to someone or not), for the template editor's preview with real data. */
export async function latestOfCategory(db: Db, partnerId: string, category: NoticeCategory) {
  const [row] = await db
    .select({ facts: notices.facts, path: notices.path })
    .from(notices)
    .where(and(eq(notices.partnerId, partnerId), eq(notices.category, category)))
    .orderBy(desc(notices.createdAt))
    .limit(1);
  return row;
}

export const partnerName = async (db: Db, partnerId: string) => (await db.select({ name: partners.name }).from(partners).where(eq(partners.id, partnerId)))[0]?.name ?? '';
