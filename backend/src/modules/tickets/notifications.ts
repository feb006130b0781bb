import { and, eq } from 'drizzle-orm';
import { requestAssigned, requestChanged } from '@parc/emails';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { userCustomers, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';
import type { Change, WrittenComment } from './tickets.service.ts';
import { loadRequest } from './tickets.repo.ts';

/** The changes of one call, request by request, in the order they happened. */
function byRequest(changes: readonly Change[]): Map<string, Change[]> {
  const grouped = new Map<string, Change[]>();
  for (const change of changes) grouped.set(change.requestId, [...(grouped.get(change.requestId) ?? []), change]);
  return grouped;
}

/**
 * Emails about committed changes: the newly assigned technician gets `requestAssigned` with every
 * comment, the customer's coordinators `requestChanged` with the shared ones only (an internal note
 * alone writes them nothing). Called after the commit; one email per request and person however
 * many ops of a batch touched it; a failed send is logged, never undoes the change.
 */
export async function notifyChanges(deps: AppDeps, partnerId: string, changes: readonly Change[]): Promise<void> {
  if (changes.length === 0) return;
  const dealer = await loadDealerMail(deps.db, partnerId);
  for (const [requestId, group] of byRequest(changes)) {
    const request = await loadRequest(deps.db, partnerId, requestId);
    if (!request) continue;
    const comments = group.flatMap((change) => (change.comment ? [change.comment] : []));
    const props = (language: string, readable: readonly WrittenComment[]) => ({
      language: contactLanguage(language),
      branding: dealer.branding,
      deviceCode: request.device.deviceCode,
      deviceModel: `${request.device.manufacturer} ${request.device.model}`,
      customerName: request.device.customerName,
      subject: request.subject,
      state: request.state,
      comments: readable.map((comment) => comment.text),
      requestUrl: `${deps.publicUrl}/requests/${request.id}`,
    });
    const send = async (to: string, mail: { subject: string; html: string; text: string }) => {
      try {
        await deps.mailer.send({ to, ...mail, ...dealer.headers });
      } catch (error) {
        console.error('Request notification failed', error);
      }
    };
    const assignedTo = group.findLast((change) => change.assignedTo)?.assignedTo;
    if (assignedTo) {
      const [technician] = await deps.db.select().from(users).where(and(eq(users.id, assignedTo), eq(users.active, true)));
      if (technician) await send(technician.email, requestAssigned(props(technician.language, comments)));
    }
    if (!group.some((change) => change.toCustomer)) continue;
    const shared = comments.filter((comment) => comment.visibility === 'shared');
    for (const coordinator of await coordinatorsOf(deps, request)) {
      await send(coordinator.email, requestChanged(props(coordinator.language, shared)));
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
