import { DomainError } from '@parc/shared';
import type { Coordinator, CoordinatorCreate, CoordinatorUpdate } from '@parc/shared/contracts/coordinators';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import type { Scope } from '../customers/scope.ts';
import { clearMainCoordinator, findCoordinator, findCoordinators, insertCoordinator, toCoordinator, updateCoordinator } from './coordinators.repo.ts';

const notFound = () => new DomainError('coordinator.not_found');

/** Overage alerts go by email: a coordinator without an address cannot have them on. */
function assertAlertsReachable(coordinator: { email?: string | null; overageAlerts?: boolean }): void {
  if (coordinator.overageAlerts && !coordinator.email) throw new DomainError('coordinator.alerts_need_email', { field: 'overageAlerts' });
}

export async function listCoordinators(db: Db, user: SessionUser, customerId: string, active?: boolean): Promise<{ items: Coordinator[] }> {
  await getCustomer(db, user, customerId);
  return { items: (await findCoordinators(db, user, customerId, active)).map(toCoordinator) };
}

export async function getCoordinator(db: Db, user: SessionUser, id: string): Promise<Coordinator> {
  const row = await findCoordinator(db, user, id);
  if (!row) throw notFound();
  return toCoordinator(row);
}

/**
 * A coordinator given as a reference (by a site or a device) must be an active one of that customer;
 * anything else is the caller's mistake on `field`.
 */
export async function assertCoordinatorOfCustomer(db: Db, scope: Scope, coordinatorId: string, customerId: string): Promise<void> {
  const row = await findCoordinator(db, scope, coordinatorId);
  if (!row || row.customerId !== customerId || !row.active) {
    throw new DomainError('coordinator.not_active', { field: 'coordinatorId' });
  }
}

/** The customer's main coordinator, the default for new sites. */
export async function mainCoordinatorId(db: Db, scope: Scope, customerId: string): Promise<string | null> {
  return (await findCoordinators(db, scope, customerId, true)).find((row) => row.isMain)?.id ?? null;
}

export async function createCoordinator(db: Db, user: SessionUser, customerId: string, input: CoordinatorCreate): Promise<Coordinator> {
  await getCustomer(db, user, customerId);
  assertAlertsReachable(input);
  return db.transaction(async (tx) => {
    if (input.isMain) await clearMainCoordinator(tx, user, customerId);
    return toCoordinator(await insertCoordinator(tx, user.partnerId, customerId, input));
  });
}

export async function changeCoordinator(db: Db, user: SessionUser, id: string, input: CoordinatorUpdate): Promise<Coordinator> {
  return db.transaction(async (tx) => {
    const current = await findCoordinator(tx, user, id);
    if (!current) throw notFound();
    if (input.isMain && !current.active) throw new DomainError('coordinator.main_inactive', { field: 'isMain' });
    assertAlertsReachable({ email: input.email === undefined ? current.email : input.email, overageAlerts: input.overageAlerts ?? current.overageAlerts });
    if (input.isMain) await clearMainCoordinator(tx, user, current.customerId, id);
    const row = await updateCoordinator(tx, user, id, input);
    return toCoordinator(row!);
  });
}

/** A deactivated coordinator stops being the main one; sites and devices keep pointing at them for history. */
export async function deactivateCoordinator(db: Db, user: SessionUser, id: string): Promise<Coordinator> {
  const row = await updateCoordinator(db, user, id, { active: false, isMain: false });
  if (!row) throw notFound();
  return toCoordinator(row);
}

/** Back in the customer's lists as an ordinary coordinator: the main one stays who it is (make them main again by hand). */
export async function reactivateCoordinator(db: Db, user: SessionUser, id: string): Promise<Coordinator> {
  const row = await updateCoordinator(db, user, id, { active: true });
  if (!row) throw notFound();
  return toCoordinator(row);
}
