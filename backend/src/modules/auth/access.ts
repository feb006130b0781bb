import { and, eq, gt } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '@parc/shared';
import { allows, completePermissions, FULL_ACCESS, type AccessLevel, type Permissions, type Screen } from '@parc/shared/contracts/profiles';
import { API_KEY_PATTERN, type ApiKeyScope } from '@parc/shared/contracts/api-keys';
import { profiles, sessions, userCustomers, userProfiles, users, type UserRole } from '../../db/schema/index.ts';
import type { Db } from '../../db/client.ts';
import type { AppEnv } from '../../http/router.ts';
import { keyHolder, recordUse } from '../api-keys/api-keys.repo.ts';
import { hashToken, SESSION_COOKIE } from './session-token.ts';

/** The signed-in user as every route sees it. `customerIds` is null when the user sees all of the partner's customers. */
export interface SessionUser {
  id: string;
  partnerId: string;
  email: string;
  name: string;
  role: UserRole;
  language: string;
  customerIds: string[] | null;
  /** What the user may do per console screen: a staff user's profile, else full access. */
  permissions: Permissions;
}

export const PARTNER_ROLES = ['partner_admin', 'partner_staff'] as const satisfies readonly UserRole[];
export const ALL_ROLES = ['partner_admin', 'partner_staff', 'coordinator', 'technician'] as const satisfies readonly UserRole[];

/** A screen and the access a route needs on it (view to read, edit to change). */
export interface PermissionNeed {
  screen: Screen;
  level: Exclude<AccessLevel, 'none'>;
}

/**
 * Who may call a route, declared where the route is declared (by its gate middleware) and carried
 * into the route table and the OpenAPI document as `x-parc-access`:
 * - `screen`: a session of one of `roles`; partner staff also need each `level` on its `screen` in their profile;
 * - `any_screen`: the same, but one of `needs` is enough (what several screens show, as the custom parameters);
 * - `role`: a session of one of `roles`, no profile involved (so never partner staff: they carry profiles);
 * - `self`: any session of `roles`, acting only on the caller's own account (preferences, who am I)
 *   or reading what every screen of its dealer wears (the brand);
 * - `public`: no credential at all; `link`: a signed meter link in the path; `agent`: an enrolled
 *   agent's token; `job`: the job runner's secret.
 */
export type RouteAccess =
  | { kind: 'screen' | 'any_screen'; roles: readonly UserRole[]; needs: readonly PermissionNeed[] }
  | { kind: 'role'; roles: readonly UserRole[] }
  | { kind: 'self'; roles: readonly UserRole[] }
  | { kind: 'public' | 'link' | 'agent' | 'job' };

const ACCESS = Symbol('parc.access');

/** Marks `middleware` as the gate that gives a route `access`; the router copies it into the route table. */
export function declareAccess<M extends object>(access: RouteAccess, middleware: M): M {
  Object.defineProperty(middleware, ACCESS, { value: access, enumerable: false });
  return middleware;
}

/** The access a gate middleware declares, if it is one. */
export function accessOf(middleware: unknown): RouteAccess | undefined {
  return typeof middleware === 'function' ? (middleware as { [ACCESS]?: RouteAccess })[ACCESS] : undefined;
}

/** A route anyone may call (the health check, signing in, a public logo): declared, so never by omission. */
export const publicRoute = declareAccess({ kind: 'public' }, createMiddleware(async (_c, next) => next()));

type GatedAccess = Extract<RouteAccess, { roles: readonly UserRole[] }>;

/**
 * The one gate every protected route goes through: a live session (or an API key, see keyCaller),
 * an active user, one of `roles`, and, when `need` is given, a profile that allows it (only partner
 * staff carry profiles). Tenant scoping follows from `user.partnerId`, which repositories must filter on.
 */
function gate(access: GatedAccess) {
  const { roles } = access;
  const needs = 'needs' in access ? access.needs : [];
  return declareAccess(access, createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
    const { db, clock } = c.get('deps');
    const authorization = c.req.header('authorization');
    const { row, permissions } =
      authorization === undefined ? await sessionCaller(db, getCookie(c, SESSION_COOKIE), clock()) : await keyCaller(db, authorization, access, c.req.method, clock());
    if (!roles.includes(row.user.role)) throw new DomainError('access.role');
    const granted = (need: PermissionNeed) => allows(permissions[need.screen], need.level);
    const missing = access.kind === 'any_screen' ? (needs.some(granted) ? undefined : needs[0]) : needs.find((need) => !granted(need));
    if (missing) throw new DomainError('access.profile', { screen: missing.screen, level: missing.level });
    c.set('user', await sessionUserOf(db, row, permissions));
    await next();
  }));
}

interface Caller {
  row: UserRow;
  permissions: Permissions;
}

async function sessionCaller(db: Db, token: string | undefined, now: Date): Promise<Caller> {
  if (!token) throw new DomainError('session.required');
  const [row] = await db
    .select({ user: users, permissions: profiles.permissions })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .leftJoin(profiles, eq(profiles.id, userProfiles.profileId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)));
  if (!row || !row.user.active) throw new DomainError('session.ended');
  return { row, permissions: permissionsOf(row) };
}

/** Uses of one API key closer together than this are noted once: no write per request. */
const KEY_USE_INTERVAL_MS = 60_000;
const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * An API key (`Authorization: Bearer parc_…`) acts as its creator as they are now (role, profile,
 * customers), its scope capping every screen at view for a read-only key. It opens the console's
 * screens only: role and self routes (one's own account, users, the keys themselves) need a person.
 * A key is not a cookie, so the same-origin check on writes (same-origin.ts) does not concern it.
 */
async function keyCaller(db: Db, authorization: string, access: GatedAccess, method: string, now: Date): Promise<Caller> {
  const secret = /^Bearer (\S+)$/i.exec(authorization)?.[1];
  if (!secret || !API_KEY_PATTERN.test(secret)) throw new DomainError('api_key.invalid');
  const found = await keyHolder(db, hashToken(secret));
  if (!found) throw new DomainError('api_key.invalid');
  if (found.key.revokedAt) throw new DomainError('api_key.revoked');
  if (!found.user.active) throw new DomainError('api_key.creator_inactive');
  if (access.kind !== 'screen' && access.kind !== 'any_screen') throw new DomainError('api_key.session_only');
  if (found.key.scope === 'read' && !READ_METHODS.has(method)) throw new DomainError('api_key.read_only');
  if (!found.key.lastUsedAt || now.getTime() - found.key.lastUsedAt.getTime() >= KEY_USE_INTERVAL_MS) {
    await recordUse(db, found.key.id, now, new Date(now.getTime() - KEY_USE_INTERVAL_MS));
  }
  return { row: found, permissions: withinScope(permissionsOf(found), found.key.scope) };
}

/** A read-only key sees what its creator sees and changes nothing. */
function withinScope(permissions: Permissions, scope: ApiKeyScope): Permissions {
  if (scope === 'write') return permissions;
  return Object.fromEntries(Object.entries(permissions).map(([screen, level]) => [screen, level === 'edit' ? 'view' : level])) as Permissions;
}

/** A route for these roles whatever a staff profile says: not for partner staff (their routes name a screen). */
export function requireRole(...roles: readonly UserRole[]) {
  return gate({ kind: 'role', roles });
}

/** A route on the caller's own account (who am I, my preferences) or its dealer's brand: any session of `roles`, no screen. */
export function requireSession(...roles: readonly UserRole[]) {
  return gate({ kind: 'self', roles });
}

/** The partner console's routes: partner admins always pass, staff as their profile allows. */
export function requirePermission(screen: Screen, level: PermissionNeed['level'], roles: readonly UserRole[] = PARTNER_ROLES) {
  return gate({ kind: 'screen', roles, needs: [{ screen, level }] });
}

/** A partner console route that any one of `needs` opens to staff (what several screens show). */
export function requireAnyPermission(...needs: readonly PermissionNeed[]) {
  return gate({ kind: 'any_screen', roles: PARTNER_ROLES, needs });
}

/** Throws not_found (never forbidden: no hint that it exists) when the user may not see this customer. */
export function assertCustomerVisible(user: SessionUser, customerId: string): void {
  if (user.customerIds && !user.customerIds.includes(customerId)) throw new DomainError('customer.not_found');
}

type UserRow = { user: typeof users.$inferSelect; permissions: Partial<Record<string, AccessLevel>> | null };

const permissionsOf = (row: UserRow): Permissions => (row.user.role === 'partner_staff' && row.permissions ? completePermissions(row.permissions) : FULL_ACCESS);

async function sessionUserOf(db: Db, row: UserRow, permissions = permissionsOf(row)): Promise<SessionUser> {
  const customerIds =
    row.user.role === 'coordinator' ? (await db.select({ id: userCustomers.customerId }).from(userCustomers).where(eq(userCustomers.userId, row.user.id))).map((r) => r.id) : null;
  const { id, partnerId, email, name, role, language } = row.user;
  return { id, partnerId, email, name, role, language, customerIds, permissions };
}

/**
 * A user as a request of theirs would see them now (role, current profile, customers), for work done
 * on their behalf without a request, such as a scheduled report; undefined when they are gone or inactive.
 */
export async function actingUser(db: Db, userId: string): Promise<SessionUser | undefined> {
  const [row] = await db
    .select({ user: users, permissions: profiles.permissions })
    .from(users)
    .leftJoin(userProfiles, eq(userProfiles.userId, users.id))
    .leftJoin(profiles, eq(profiles.id, userProfiles.profileId))
    .where(eq(users.id, userId));
  return row && row.user.active ? sessionUserOf(db, row) : undefined;
}
