import { and, eq } from 'drizzle-orm';
import { requestAssigned, requestChanged } from '@parc/emails';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { userCustomers, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import type { Change } from './tickets.service.ts';
import { loadRequest } from './tickets.repo.ts';


/**
 * Emails about committed changes: the newly assigned technician gets `requestAssigned`, the
 * customer's coordinators `requestChanged`. Called after the commit, once per change; a failed
 * send is logged, never undoes the change.
 */
export async function notifyChanges(deps: AppDeps, partnerId: string, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const dealer = await loadDealerMail(deps.db, partnerId);
  // One email per request and person per call, however many ops of a batch touched it.
  const sentTo = new Set<string>();
  for (const change of changes) {
    const request = await loadRequest(deps.db, partnerId, change.requestId);
    if (!request) continue;
    const props = (language: string) => ({
      language: contactLanguage(language),
      branding: dealer.branding,
      deviceCode: request.device.deviceCode,
      deviceModel: `${request.device.manufacturer} ${request.device.model}`,
      customerName: request.device.customerName,
      subject: request.subject,
      state: request.state,
      comment: change.comment,
      requestUrl: `${deps.publicUrl}/requests/${request.id}`,
    });
    const send = async (key: string, to: string, mail: { subject: string; html: string; text: string }) => {
      if (sentTo.has(key)) return;
      sentTo.add(key);
      try {
        await deps.mailer.send({ to, ...mail, ...dealer.headers });
      } catch (error) {
        console.error('Request notification failed', error);
      }
    };
    if (change.assignedTo) {
      const [technician] = await deps.db.select().from(users).where(and(eq(users.id, change.assignedTo), eq(users.active, true)));
      if (technician) await send(`${request.id}:${technician.id}`, technician.email, requestAssigned(props(technician.language)));
    }
    for (const coordinator of await coordinatorsOf(deps, request)) {
      await send(`${request.id}:${coordinator.id}`, coordinator.email, requestChanged(props(coordinator.language)));
    }
  }
}

async function coordinatorsOf(deps: AppDeps, request: MaintenanceRequest) {
  return deps.db
    .select({ id: users.id, email: users.email, language: users.language })
    .from(users)
    .innerJoin(userCustomers, eq(userCustomers.userId, users.id))
    .where(and(eq(userCustomers.customerId, request.device.customerId), eq(users.role, 'coordinator'), eq(users.active, true)));
}

