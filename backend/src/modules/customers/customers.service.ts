import { DomainError } from '@parc/shared';
import type { Customer, CustomerAvailability, CustomerAvailabilityQuery, CustomerCreate, CustomerListQuery, CustomerUpdate } from '@parc/shared/contracts/customers';
import type { Page } from '@parc/shared/contracts/paging';
import type { Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { countDevicesEver, findCustomer, findCustomers, insertCustomer, partnerDefaults, takenIdentifiers, toCustomer, updateCustomer, type CustomerValues } from './customers.repo.ts';
import { isUniqueViolation } from './scope.ts';

const notFound = () => new DomainError('customer.not_found');

/** Clear messages for the two values a partner must keep unique across their customers (a violation means the value was written). */
function explainDuplicate(error: unknown, values: Partial<CustomerValues>): never {
  if (isUniqueViolation(error, 'customers_prefix_unique')) {
    throw new DomainError('customer.prefix_taken', { prefix: values.prefix!, field: 'prefix' });
  }
  if (isUniqueViolation(error, 'customers_number_unique')) {
    throw new DomainError('customer.number_taken', { customerNumber: values.customerNumber!, field: 'customerNumber' });
  }
  throw error;
}

export async function listCustomers(db: Db, user: SessionUser, query: CustomerListQuery): Promise<Page<Customer>> {
  return { ...(await findCustomers(db, user, query)), page: query.page, pageSize: query.pageSize };
}

/** The customer if this user may see it; other tenants' and other coordinators' customers are simply not found. */
export async function getCustomer(db: Db, user: SessionUser, id: string) {
  const row = await findCustomer(db, user, id);
  if (!row) throw notFound();
  return row;
}

/** Whether a new customer could take this number and prefix; across the whole dealer, since both are unique there. */
export async function customerAvailability(db: Db, user: SessionUser, query: CustomerAvailabilityQuery): Promise<CustomerAvailability> {
  return takenIdentifiers(db, user.partnerId, query.customerNumber, query.prefix);
}

export async function createCustomer(db: Db, user: SessionUser, input: CustomerCreate): Promise<Customer> {
  const defaults = await partnerDefaults(db, user.partnerId);
  const values = {
    ...input,
    language: input.language ?? defaults.language,
    timezone: input.timezone ?? defaults.timezone,
    country: input.country ?? defaults.country,
    currency: input.currency ?? defaults.currency,
  };
  const row = await insertCustomer(db, user.partnerId, values).catch((error) => explainDuplicate(error, values));
  return toCustomer(row);
}

export async function changeCustomer(db: Db, user: SessionUser, id: string, input: CustomerUpdate): Promise<Customer> {
  const current = await getCustomer(db, user, id);
  if (input.prefix !== undefined && input.prefix !== current.prefix && (await countDevicesEver(db, user.partnerId, id)) > 0) {
    throw new DomainError('customer.prefix_fixed', { prefix: current.prefix, field: 'prefix' });
  }
  const row = await updateCustomer(db, user, id, input).catch((error) => explainDuplicate(error, input));
  if (!row) throw notFound();
  return toCustomer(row);
}

export async function deactivateCustomer(db: Db, user: SessionUser, id: string): Promise<Customer> {
  await getCustomer(db, user, id);
  const row = await updateCustomer(db, user, id, { active: false });
  if (!row) throw notFound();
  return toCustomer(row);
}
