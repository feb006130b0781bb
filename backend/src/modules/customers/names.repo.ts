import { asc } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { customers } from '../../db/schema/index.ts';
import { visibleTo, type Scope } from './scope.ts';

/** Every customer the user may see, by number: the names a screen's customer filter offers. */
export async function customerNames(db: Db, scope: Scope) {
  return db
    .select({ id: customers.id, name: customers.name, customerNumber: customers.customerNumber, active: customers.active })
    .from(customers)
    .where(visibleTo(scope, { partnerId: customers.partnerId, customerId: customers.id }))
    .orderBy(asc(customers.customerNumber));
}
