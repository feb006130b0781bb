import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { BillingRunListQuery } from '@parc/shared/contracts/billing';
import type { Db } from '../../db/client.ts';
import { billingRuns, customers, priceVersions } from '../../db/schema/index.ts';
import type { PriceVersionRow } from './prices.repo.ts';

export type BillingRunRow = typeof billingRuns.$inferSelect;
export type RunWithCustomer = BillingRunRow & { customerNumber: string; customerName: string };
export type ComputedRun = Omit<typeof billingRuns.$inferInsert, 'id' | 'status' | 'approvedAt' | 'approvedBy'>;

const withCustomer = { run: billingRuns, customerNumber: customers.customerNumber, customerName: customers.name };
const flatten = ({ run, customerNumber, customerName }: { run: BillingRunRow; customerNumber: string; customerName: string }): RunWithCustomer => ({ ...run, customerNumber, customerName });

export async function findRuns(db: Db, partnerId: string, query: BillingRunListQuery): Promise<RunWithCustomer[]> {
  const rows = await db
    .select(withCustomer)
    .from(billingRuns)
    .innerJoin(customers, eq(customers.id, billingRuns.customerId))
    .where(
      and(
        eq(billingRuns.partnerId, partnerId),
        query.customerId ? eq(billingRuns.customerId, query.customerId) : undefined,
        query.period ? eq(billingRuns.period, query.period) : undefined,
        query.status ? eq(billingRuns.status, query.status) : undefined,
      ),
    )
    .orderBy(desc(billingRuns.period), asc(customers.customerNumber));
  return rows.map(flatten);
}

/** One run of the partner; `forUpdate` holds it until the transaction ends (an approval against a concurrent re-run). */
export async function findRun(db: Db, partnerId: string, id: string, options: { forUpdate?: boolean } = {}): Promise<RunWithCustomer | null> {
  const query = db
    .select(withCustomer)
    .from(billingRuns)
    .innerJoin(customers, eq(customers.id, billingRuns.customerId))
    .where(and(eq(billingRuns.partnerId, partnerId), eq(billingRuns.id, id)));
  const [row] = options.forUpdate ? await query.for('update', { of: billingRuns }) : await query;
  return row ? flatten(row) : null;
}

/** The customers' approved runs, oldest first: what later runs adjust. */
export function approvedRunsOf(db: Db, partnerId: string, customerIds: readonly string[]): Promise<BillingRunRow[]> {
  return db
    .select()
    .from(billingRuns)
    .where(and(eq(billingRuns.partnerId, partnerId), inArray(billingRuns.customerId, [...customerIds]), eq(billingRuns.status, 'approved')))
    .orderBy(asc(billingRuns.period));
}

/** Every price version of the customers, newest first per customer (what prices.repo answers for one). */
export function priceVersionsOfCustomers(db: Db, partnerId: string, customerIds: readonly string[]): Promise<PriceVersionRow[]> {
  return db
    .select()
    .from(priceVersions)
    .where(and(eq(priceVersions.partnerId, partnerId), inArray(priceVersions.customerId, [...customerIds])))
    .orderBy(desc(priceVersions.effectiveFrom), desc(priceVersions.version));
}

/** Rows per statement: well below the protocol's 65,535 parameters. */
const DRAFTS_PER_STATEMENT = 1_000;
const excluded = (column: { name: string }) => sql.raw(`excluded."${column.name}"`);

/**
 * Stores computed runs as their periods' drafts, replacing drafts in place (a draft keeps its id, so
 * an invoice linked to it follows); answers the rows saved: a period approved meanwhile is left as it is.
 */
export async function saveDrafts(db: Db, runs: readonly ComputedRun[]): Promise<BillingRunRow[]> {
  const saved: BillingRunRow[] = [];
  for (let index = 0; index < runs.length; index += DRAFTS_PER_STATEMENT) {
    const rows = await db
      .insert(billingRuns)
      .values(runs.slice(index, index + DRAFTS_PER_STATEMENT).map((run) => ({ ...run, status: 'draft' as const })))
      .onConflictDoUpdate({
        target: [billingRuns.customerId, billingRuns.period],
        set: {
          periodStart: excluded(billingRuns.periodStart),
          periodEnd: excluded(billingRuns.periodEnd),
          currency: excluded(billingRuns.currency),
          total: excluded(billingRuns.total),
          priceVersionId: excluded(billingRuns.priceVersionId),
          inputs: excluded(billingRuns.inputs),
          lines: excluded(billingRuns.lines),
          missing: excluded(billingRuns.missing),
          computedAt: excluded(billingRuns.computedAt),
          computedBy: excluded(billingRuns.computedBy),
        },
        setWhere: sql`${billingRuns.status} = 'draft'`,
      })
      .returning();
    saved.push(...rows);
  }
  return saved;
}

export async function markApproved(db: Db, id: string, at: Date, by: string): Promise<void> {
  await db.update(billingRuns).set({ status: 'approved', approvedAt: at, approvedBy: by }).where(and(eq(billingRuns.id, id), eq(billingRuns.status, 'draft')));
}

export async function deleteDraftRun(db: Db, partnerId: string, id: string): Promise<boolean> {
  const deleted = await db
    .delete(billingRuns)
    .where(and(eq(billingRuns.partnerId, partnerId), eq(billingRuns.id, id), eq(billingRuns.status, 'draft')))
    .returning({ id: billingRuns.id });
  return deleted.length > 0;
}

/** The partner's active customers, by number: a run for all of them. */
export function activeCustomersOf(db: Db, partnerId: string) {
  return db
    .select({ id: customers.id, partnerId: customers.partnerId, customerNumber: customers.customerNumber, name: customers.name })
    .from(customers)
    .where(and(eq(customers.partnerId, partnerId), eq(customers.active, true)))
    .orderBy(asc(customers.customerNumber));
}
