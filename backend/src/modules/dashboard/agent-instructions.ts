import { and, eq } from 'drizzle-orm';
import { agentInstructions } from '@parc/emails';
import { DomainError } from '@parc/shared';
import type { AppDeps } from '../../deps.ts';
import { coordinators } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { getCustomer } from '../customers/customers.service.ts';
import { contactLanguage, loadDealerMail } from '../../mail/dealer.ts';

/**
 * Emails the agent's installation instructions and key to the customer's main coordinator (or
 * the given address). The key is the one the summary of the add-customer wizard shows.
 */
export async function sendAgentInstructions(deps: AppDeps, user: SessionUser, customerId: string, input: { agentKey: string; email?: string }): Promise<{ sentTo: string }> {
  const customer = await getCustomer(deps.db, user, customerId);
  const [main] = await deps.db
    .select({ name: coordinators.name, email: coordinators.email })
    .from(coordinators)
    .where(and(eq(coordinators.partnerId, user.partnerId), eq(coordinators.customerId, customerId), eq(coordinators.isMain, true), eq(coordinators.active, true)));
  const to = input.email ?? main?.email;
  if (!to) throw new DomainError('coordinator.no_main_email', { field: 'email' });
  const { branding, headers } = await loadDealerMail(deps.db, user.partnerId);
  const mail = agentInstructions({
    branding,
    language: contactLanguage(customer.language),
    customerName: customer.name,
    contactName: input.email && input.email !== main?.email ? null : (main?.name ?? null),
    agentKey: input.agentKey,
    serverUrl: deps.publicUrl,
    downloadUrl: `${deps.publicUrl}/downloads/parc-agent.mjs`,
  });
  await deps.mailer.send({ to, ...mail, ...headers });
  return { sentTo: to };
}
