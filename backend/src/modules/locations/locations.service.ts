import { and, eq } from 'drizzle-orm';
import { locationRequested } from '@parc/emails';
import { DomainError } from '@parc/shared';
import type { LocationRequest, LocationRequestListQuery } from '@parc/shared/contracts/locations';
import type { Db } from '../../db/client.ts';
import { users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import type { SessionUser } from '../auth/access.ts';
import { assertCustomerVisible } from '../auth/access.ts';
import { changeDevice } from '../devices/devices.service.ts';
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
 * Stores a customer's request and tells the dealer's administrators (in their language), after the
 * request is stored; a failed email is logged and never loses the request.
 */
export async function receiveLocationRequest(deps: Pick<AppDeps, 'db' | 'clock' | 'mailer' | 'publicUrl'>, input: NewLocationRequest): Promise<void> {
  const id = await insertLocationRequest(deps.db, { ...input, createdAt: deps.clock() });
  try {
    await notifyDealer(deps, input.partnerId, id);
  } catch (error) {
    console.error('Location request notice failed', error);
  }
}

async function notifyDealer(deps: Pick<AppDeps, 'db' | 'mailer' | 'publicUrl'>, partnerId: string, id: string): Promise<void> {
  const request = await findLocationRequest(deps.db, { partnerId, customerIds: null }, id);
  if (!request) return;
  const dealer = await loadDealerMail(deps.db, partnerId);
  const admins = await deps.db
    .select({ email: users.email, language: users.language })
    .from(users)
    .where(and(eq(users.partnerId, partnerId), eq(users.role, 'partner_admin'), eq(users.active, true)));
  for (const admin of admins) {
    const mail = locationRequested({
      language: contactLanguage(admin.language),
      branding: dealer.branding,
      customerNumber: request.customerNumber,
      customerName: request.customerName,
      deviceCode: request.deviceCode,
      deviceModel: request.model,
      currentLocation: request.currentLocation,
      requestedLocation: request.location,
      message: request.message,
      consoleUrl: `${deps.publicUrl}/console/customers/${request.customerId}?tab=locations`,
    });
    await deps.mailer.send({ to: admin.email, ...mail, ...dealer.headers });
  }
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
