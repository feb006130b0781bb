import { and, asc, count, eq, inArray, ne } from 'drizzle-orm';
import { DomainError } from '@parc/shared';
import { completePermissions, type MyPermissions, type Profile, type ProfileCreate, type ProfileUpdate } from '@parc/shared/contracts/profiles';
import type { Db } from '../../db/client.ts';
import { coordinators, profiles, userProfiles, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { sendPasswordResetLink } from '../auth/password-links.ts';
import { toIso } from '../customers/scope.ts';

type ProfileRow = typeof profiles.$inferSelect;
const notFound = () => new DomainError('profile.not_found');

async function userCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await db.select({ profileId: userProfiles.profileId, users: count() }).from(userProfiles).where(inArray(userProfiles.profileId, ids)).groupBy(userProfiles.profileId);
  return new Map(rows.map((row) => [row.profileId, row.users]));
}

function toProfile({ partnerId: _partner, ...row }: ProfileRow, userCount: number): Profile {
  return { ...row, permissions: completePermissions(row.permissions), userCount, createdAt: toIso(row.createdAt) };
}

async function findProfile(db: Db, user: SessionUser, id: string): Promise<ProfileRow> {
  const [row] = await db.select().from(profiles).where(and(eq(profiles.partnerId, user.partnerId), eq(profiles.id, id)));
  if (!row) throw notFound();
  return row;
}

export async function listProfiles(db: Db, user: SessionUser): Promise<{ items: Profile[] }> {
  const rows = await db.select().from(profiles).where(eq(profiles.partnerId, user.partnerId)).orderBy(asc(profiles.name));
  const counts = await userCounts(db, rows.map((row) => row.id));
  return { items: rows.map((row) => toProfile(row, counts.get(row.id) ?? 0)) };
}

export async function createProfile(db: Db, user: SessionUser, input: ProfileCreate): Promise<Profile> {
  const [row] = await db.insert(profiles).values({ partnerId: user.partnerId, name: input.name, permissions: completePermissions(input.permissions) }).returning();
  return toProfile(row!, 0);
}

export async function changeProfile(db: Db, user: SessionUser, id: string, input: ProfileUpdate): Promise<Profile> {
  const current = await findProfile(db, user, id);
  const [row] = await db
    .update(profiles)
    .set({ name: input.name ?? current.name, permissions: completePermissions(input.permissions ?? current.permissions) })
    .where(and(eq(profiles.partnerId, user.partnerId), eq(profiles.id, id)))
    .returning();
  return toProfile(row!, (await userCounts(db, [id])).get(id) ?? 0);
}

/** A profile still given to someone stays: removing it would silently widen their access. */
export async function deleteProfile(db: Db, user: SessionUser, id: string): Promise<void> {
  await findProfile(db, user, id);
  const users = (await userCounts(db, [id])).get(id) ?? 0;
  if (users > 0) throw new DomainError('profile.in_use', { users });
  await db.delete(profiles).where(and(eq(profiles.partnerId, user.partnerId), eq(profiles.id, id)));
}

async function findUser(db: Db, actor: SessionUser, id: string) {
  const [row] = await db.select().from(users).where(and(eq(users.partnerId, actor.partnerId), eq(users.id, id)));
  if (!row) throw new DomainError('user.not_found');
  return row;
}

/** Only partner staff carry a profile: admins have everything, coordinators and technicians have their own areas. */
export async function setUserProfile(db: Db, actor: SessionUser, userId: string, profileId: string | null): Promise<{ profileId: string | null }> {
  const target = await findUser(db, actor, userId);
  if (profileId === null) {
    await db.delete(userProfiles).where(eq(userProfiles.userId, userId));
    return { profileId: null };
  }
  if (target.role !== 'partner_staff') throw new DomainError('user.profile_only_for_staff', { field: 'profileId' });
  await findProfile(db, actor, profileId).catch(() => {
    throw new DomainError('profile.unknown', { field: 'profileId' });
  });
  await db.insert(userProfiles).values({ userId, profileId }).onConflictDoUpdate({ target: userProfiles.userId, set: { profileId } });
  return { profileId };
}

export async function listAssignments(db: Db, actor: SessionUser): Promise<{ items: { userId: string; profileId: string }[] }> {
  const rows = await db
    .select({ userId: userProfiles.userId, profileId: userProfiles.profileId })
    .from(userProfiles)
    .innerJoin(users, eq(users.id, userProfiles.userId))
    .where(eq(users.partnerId, actor.partnerId));
  return { items: rows };
}

export async function myPermissions(db: Db, user: SessionUser): Promise<MyPermissions> {
  const [row] = user.role === 'partner_staff' ? await db.select({ profileId: userProfiles.profileId }).from(userProfiles).where(eq(userProfiles.userId, user.id)) : [];
  return { profileId: row?.profileId ?? null, permissions: user.permissions };
}

/** Emails the user a link to choose a new password (as "forgot password" does), at an admin's request. */
export async function resetUserPassword(deps: AppDeps, actor: SessionUser, userId: string): Promise<void> {
  const target = await findUser(deps.db, actor, userId);
  if (!target.active) throw new DomainError('user.inactive', { field: 'active' });
  await sendPasswordResetLink(deps, deps.db, target);
}

/**
 * Deletes the account for good (sessions, links, customers and profile go with it). Readings keep
 * the email text of who entered them; a coordinator contact it was linked to stays, unlinked.
 */
export async function eraseUser(db: Db, actor: SessionUser, userId: string): Promise<void> {
  if (userId === actor.id) throw new DomainError('user.self_deletion', { field: 'id' });
  await findUser(db, actor, userId);
  await db.transaction(async (tx) => {
    await tx.update(coordinators).set({ userId: null }).where(and(eq(coordinators.partnerId, actor.partnerId), eq(coordinators.userId, userId)));
    await tx.delete(users).where(and(eq(users.partnerId, actor.partnerId), eq(users.id, userId), ne(users.id, actor.id)));
  });
}
