import { and, eq, isNull, sql } from 'drizzle-orm';
import type { NoticeCategory, NoticeRule } from '@parc/shared/notifications/categories';
import type { Db } from '../../db/client.ts';
import { customers, noticeRules } from '../../db/schema/index.ts';

type RuleRow = typeof noticeRules.$inferSelect;

const ruleOf = (row: RuleRow): NoticeRule => ({
  enabled: row.enabled,
  frequency: row.frequency,
  roles: row.roles,
  siteCoordinator: row.siteCoordinator,
  customerCoordinator: row.customerCoordinator,
  addresses: row.addresses,
  threshold: row.threshold,
  complexities: row.complexities,
});

/** A dealer's rules: its own by category, and each customer's overrides. */
export interface DealerRules {
  dealer: Map<NoticeCategory, NoticeRule>;
  byCustomer: Map<string, Map<NoticeCategory, NoticeRule>>;
}

export async function rulesOf(db: Db, partnerId: string): Promise<DealerRules> {
  const rows = await db.select().from(noticeRules).where(eq(noticeRules.partnerId, partnerId));
  const rules: DealerRules = { dealer: new Map(), byCustomer: new Map() };
  for (const row of rows) {
    if (row.customerId === null) rules.dealer.set(row.category, ruleOf(row));
    else {
      const own = rules.byCustomer.get(row.customerId) ?? new Map<NoticeCategory, NoticeRule>();
      own.set(row.category, ruleOf(row));
      rules.byCustomer.set(row.customerId, own);
    }
  }
  return rules;
}

/** Sets the dealer's rule (customerId null) or a customer's own. */
export async function saveRule(db: Db, partnerId: string, customerId: string | null, category: NoticeCategory, rule: NoticeRule, by: string, now: Date): Promise<void> {
  const values = { ...rule, updatedAt: now, updatedBy: by };
  // One statement on the partial unique index of its kind: two first saves at once make one rule.
  const target = customerId === null ? { target: [noticeRules.partnerId, noticeRules.category], targetWhere: sql`${noticeRules.customerId} is null` } : { target: [noticeRules.customerId, noticeRules.category], targetWhere: sql`${noticeRules.customerId} is not null` };
  await db
    .insert(noticeRules)
    .values({ partnerId, customerId, category, ...values })
    .onConflictDoUpdate({ ...target, set: values });
}

export async function removeRule(db: Db, partnerId: string, customerId: string | null, category: NoticeCategory): Promise<void> {
  await db
    .delete(noticeRules)
    .where(and(eq(noticeRules.partnerId, partnerId), eq(noticeRules.category, category), customerId === null ? isNull(noticeRules.customerId) : eq(noticeRules.customerId, customerId)));
}

export async function customerOfPartner(db: Db, partnerId: string, customerId: string): Promise<boolean> {
  const [row] = await db.select({ id: customers.id }).from(customers).where(and(eq(customers.id, customerId), eq(customers.partnerId, partnerId)));
  return row !== undefined;
}
