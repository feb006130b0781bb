import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import type { Page, PageQuery } from '@parc/shared/contracts/paging';
import type { Db } from '../../db/client.ts';
import { customers, sessions, userCustomers, users, type UserRole } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { sendInvitation } from '../auth/password-links.ts';
import type { UserInvite, UserUpdate, UserView } from './users.schemas.ts';

type UserRow = typeof users.$inferSelect;

function toView(user: UserRow, customerIds: string[]): UserView {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    language: user.language,
    active: user.active,
    customerIds,
    invitationPending: user.passwordHash === null,
    createdAt: user.createdAt.toISOString(),
  };
}

async function customerIdsOf(db: Db, userIds: string[]): Promise<Map<string, string[]>> {
  const byUser = new Map<string, string[]>(userIds.map((id) => [id, []]));
  if (userIds.length === 0) return byUser;
  const rows = await db.select().from(userCustomers).where(inArray(userCustomers.userId, userIds)).orderBy(asc(userCustomers.customerId));
  for (const row of rows) byUser.get(row.userId)?.push(row.customerId);
  return byUser;
}

/** A user of the actor's partner; another partner's id is "not found", never "forbidden". */
async function findUser(db: Db, actor: SessionUser, id: string): Promise<UserRow> {
  const [user] = await db.select().from(users).where(and(eq(users.id, id), eq(users.partnerId, actor.partnerId)));
  if (!user) throw new DomainError('user.not_found');
  return user;
}

/**
 * The customers a user of `role` is limited to: coordinators need at least one, of their own
 * partner; the other roles see every customer of the partner and take none.
 */
async function checkedCustomerIds(db: Db, actor: SessionUser, role: UserRole, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  if (role !== 'coordinator') {
    if (unique.length > 0) throw new DomainError('user.customers_only_for_coordinators', { field: 'customerIds' });
    return [];
  }
  if (unique.length === 0) throw new DomainError('user.coordinator_needs_customer', { field: 'customerIds' });
  const found = await db
    .select({ id: customers.id })
    .from(customers)
    .where(and(eq(customers.partnerId, actor.partnerId), inArray(customers.id, unique)));
  const known = new Set(found.map((row) => row.id));
  const unknown = unique.find((id) => !known.has(id));
  if (unknown) throw new DomainError('user.unknown_customer', { customerId: unknown, field: 'customerIds' });
  return unique;
}

async function replaceCustomerIds(db: Db, userId: string, customerIds: string[]): Promise<void> {
  await db.delete(userCustomers).where(eq(userCustomers.userId, userId));
  if (customerIds.length > 0) await db.insert(userCustomers).values(customerIds.map((customerId) => ({ userId, customerId })));
}

export async function listUsers(db: Db, actor: SessionUser, query: PageQuery): Promise<Page<UserView>> {
  const mine = eq(users.partnerId, actor.partnerId);
  const [rows, [total]] = await Promise.all([
    db.select().from(users).where(mine).orderBy(asc(users.name), asc(users.email)).limit(query.pageSize).offset((query.page - 1) * query.pageSize),
    db.select({ value: count() }).from(users).where(mine),
  ]);
  const assigned = await customerIdsOf(db, rows.map((user) => user.id));
  return { items: rows.map((user) => toView(user, assigned.get(user.id) ?? [])), total: total?.value ?? 0, page: query.page, pageSize: query.pageSize };
}

/** The dealer's active technicians, by name: whom a maintenance request can be assigned to. */
export async function listTechnicians(db: Db, actor: SessionUser): Promise<{ id: string; name: string }[]> {
  return db
    .select({ id: users.id, name: users.name })
    .from(users)
    .where(and(eq(users.partnerId, actor.partnerId), eq(users.role, 'technician'), eq(users.active, true)))
    .orderBy(asc(users.name), asc(users.email));
}

/** Creates the user without a password and emails a link to choose one; nothing is kept if the email cannot be sent. */
export async function inviteUser(deps: AppDeps, actor: SessionUser, input: UserInvite): Promise<UserView> {
  // Only this dealer's users count: an address another dealer uses gets its own account here, unseen.
  const [taken] = await deps.db.select({ id: users.id }).from(users).where(and(eq(users.partnerId, actor.partnerId), eq(users.email, input.email)));
  if (taken) throw new DomainError('user.email_taken', { field: 'email' });
  return deps.db.transaction(async (tx) => {
    const customerIds = await checkedCustomerIds(tx, actor, input.role, input.customerIds ?? []);
    const [user] = await tx
      .insert(users)
      .values({ partnerId: actor.partnerId, email: input.email, name: input.name, role: input.role, language: input.language, createdAt: deps.clock() })
      .returning();
    await replaceCustomerIds(tx, user!.id, customerIds);
    await sendInvitation(deps, tx, user!, actor.name);
    return toView(user!, customerIds);
  });
}

export async function updateUser(deps: AppDeps, actor: SessionUser, id: string, change: UserUpdate): Promise<UserView> {
  const current = await findUser(deps.db, actor, id);
  // An admin who demotes or deactivates themselves could leave the partner with no admin at all.
  if (id === actor.id && change.active === false) throw new DomainError('user.self_deactivation', { field: 'active' });
  if (id === actor.id && change.role && change.role !== current.role) throw new DomainError('user.self_role_change', { field: 'role' });

  const role = change.role ?? current.role;
  const roleChanged = role !== current.role;
  return deps.db.transaction(async (tx) => {
    const existing = (await customerIdsOf(tx, [id])).get(id) ?? [];
    const customerIds =
      change.customerIds || roleChanged ? await checkedCustomerIds(tx, actor, role, change.customerIds ?? (role === 'coordinator' ? existing : [])) : existing;
    // drizzle leaves undefined fields untouched, but refuses an update with none at all.
    const fields = { name: change.name, role: change.role, language: change.language, active: change.active };
    const [user] =
      Object.values(fields).some((value) => value !== undefined)
        ? await tx.update(users).set(fields).where(and(eq(users.id, id), eq(users.partnerId, actor.partnerId))).returning()
        : [current];
    if (customerIds !== existing) await replaceCustomerIds(tx, id, customerIds);
    if (change.active === false) await tx.delete(sessions).where(eq(sessions.userId, id));
    return toView(user!, customerIds);
  });
}

/** Deactivation, not deletion: readings and tickets keep pointing at who did them. */
export async function deactivateUser(deps: AppDeps, actor: SessionUser, id: string): Promise<void> {
  await updateUser(deps, actor, id, { active: false });
}
