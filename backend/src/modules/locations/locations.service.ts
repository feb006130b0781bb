import { DomainError } from '@parc/shared';
import type { LocationRequest, LocationRequestListQuery } from '@parc/shared/contracts/locations';
import type { Db } from '../../db/client.ts';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { assertCustomerVisible } from '../auth/access.ts';
import { changeDevice } from '../devices/devices.service.ts';
import { tellNow } from '../notifications/notices.service.ts';
import { findLocationRequest, findLocationRequests, insertLocationRequest, settleLocationRequest } from './locations.repo.ts';

const notFound = () => new DomainError('location_request.not_found');

export async function listLocationRequests(db: Db, user: SessionUser, query: LocationRequestListQuery): Promise<LocationRequest[]> {
  if (query.customerId) assertCustomerVisible(user, query.customerId);
  return findLocationRequests(db, user, query);
}

export interface NewLocationRequest {
  partnerId: string;
  deviceId: string;
  linkId: string;
  location: string;
  message: string;
}

/**
 * Stores a customer's request, then tells the dealer as its notification rules say (the
 * `location_requested` category: by default at once, to its administrators). A failed email never
 * loses the request: the notices job tells it later.
 */
export async function receiveLocationRequest(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, input: NewLocationRequest): Promise<void> {
  await insertLocationRequest(deps.db, { ...input, createdAt: deps.clock() });
  await tellNow(deps, { partnerId: input.partnerId, category: 'location_requested' });
}

/** The dealer applies the requested location to the device (through the devices service) or dismisses it. */
export async function handleLocationRequest(
  deps: Pick<AppDeps, 'db' | 'clock'>,
  user: SessionUser,
  id: string,
  outcome: 'applied' | 'dismissed',
): Promise<LocationRequest> {
  const request = await findLocationRequest(deps.db, user, id);
  if (!request) throw notFound();
  if (request.handledAt) throw new DomainError('location_request.handled');
  await deps.db.transaction(async (tx) => {
    if (!(await settleLocationRequest(tx, user.partnerId, id, outcome, user.email, deps.clock()))) throw new DomainError('location_request.handled');
    if (outcome === 'applied') await changeDevice(tx, user, request.deviceId, { location: request.location });
  });
  return (await findLocationRequest(deps.db, user, id))!;
}
