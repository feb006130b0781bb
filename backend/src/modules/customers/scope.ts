import { and, eq, inArray, or, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ACCENTED, foldForSearch, PLAIN } from '@parc/shared/search';
import type { PgColumn } from 'drizzle-orm/pg-core';

/**
 * Whose rows a user may touch: always one partner (tenant), and only some customers when
 * `customerIds` is set (coordinators). A SessionUser is a Scope.
 */
export interface Scope {
  partnerId: string;
  customerIds: string[] | null;
}

/** The condition every fleet query carries: the user's partner, and their customers when restricted. */
export function visibleTo(scope: Scope, columns: { partnerId: PgColumn; customerId: PgColumn }): SQL {
  const ofPartner = eq(columns.partnerId, scope.partnerId);
  return scope.customerIds ? and(ofPartner, inArray(columns.customerId, scope.customerIds))! : ofPartner;
}

/**
 * A list's search: any of `columns` contains `text`, ignoring case and accents ("zurcher" finds
 * "Zürcher"), with the user's own % and _ taken literally.
 */
export function searchCondition(text: string, columns: readonly SQLWrapper[]): SQL {
  const pattern = `%${foldForSearch(text).replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
  return or(...columns.map((column) => sql`translate(${column}, ${ACCENTED}, ${PLAIN}) ilike ${pattern}`))!;
}

export function pageOffset(query: { page: number; pageSize: number }): number {
  return (query.page - 1) * query.pageSize;
}

/** True when `error` (or the driver error it wraps) is a unique violation of `constraint`. */
export function isUniqueViolation(error: unknown, constraint: string): boolean {
  const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: string; constraint_name?: string; constraint?: string };
  return cause.code === '23505' && (cause.constraint_name ?? cause.constraint) === constraint;
}

/** A row something else still refers to (PostgreSQL 23503), as a delete meets it. */
export function isForeignKeyViolation(error: unknown): boolean {
  return (((error as { cause?: unknown }).cause ?? error) as { code?: string }).code === '23503';
}

export const toIso = (date: Date) => date.toISOString();
