import { and, eq, gt } from 'drizzle-orm';
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import { DomainError } from '@parc/shared';
import { sessions, userCustomers, users, type UserRole } from '../../db/schema/index.ts';
import type { AppEnv } from '../../http/router.ts';
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
}

export const PARTNER_ROLES = ['partner_admin', 'partner_staff'] as const satisfies readonly UserRole[];
export const ALL_ROLES = ['partner_admin', 'partner_staff', 'coordinator', 'technician'] as const satisfies readonly UserRole[];

/**
 * The one gate every protected route goes through: a live session, an active user, one of `roles`.
 * Tenant scoping follows from `user.partnerId`, which repositories must filter on.
 */
export function requireRole(...roles: readonly UserRole[]) {
  return createMiddleware<AppEnv & { Variables: { user: SessionUser } }>(async (c, next) => {
    const { db, clock } = c.get('deps');
    const token = getCookie(c, SESSION_COOKIE);
    if (!token) throw new DomainError('unauthenticated', 'Please sign in.');
    const [row] = await db
      .select({ user: users })
      .from(sessions)
      .innerJoin(users, eq(users.id, sessions.userId))
      .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, clock())));
    if (!row || !row.user.active) throw new DomainError('unauthenticated', 'Your session has ended; please sign in again.');
    if (!roles.includes(row.user.role)) throw new DomainError('forbidden', 'Your role does not give access to this.');
    const customerIds =
      row.user.role === 'coordinator'
        ? (await db.select({ id: userCustomers.customerId }).from(userCustomers).where(eq(userCustomers.userId, row.user.id))).map((r) => r.id)
        : null;
    const { id, partnerId, email, name, role, language } = row.user;
    c.set('user', { id, partnerId, email, name, role, language, customerIds });
    await next();
  });
}

/** Throws not_found (never forbidden: no hint that it exists) when the user may not see this customer. */
export function assertCustomerVisible(user: SessionUser, customerId: string): void {
  if (user.customerIds && !user.customerIds.includes(customerId)) throw new DomainError('not_found', 'No such customer.');
}
