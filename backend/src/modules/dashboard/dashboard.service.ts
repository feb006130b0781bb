import { addMonths, periodKeyAt } from '@parc/shared';
import type { AgentState, CustomerOverview, CustomerOverviewPage, CustomerOverviewQuery, DashboardSummary } from '@parc/shared/contracts/dashboard';
import type { AppDeps } from '../../deps.ts';
import type { SessionUser } from '../auth/access.ts';
import { listAgents } from '../agents/agents.service.ts';
import { monthPagesByCustomer } from '../statistics/statistics.service.ts';
import { partnerTimeZone } from '../statistics/statistics.repo.ts';
import { countOpenLocationRequests } from '../locations/locations.repo.ts';
import { countTotals, findCustomerOverview } from './dashboard.repo.ts';

type Deps = Pick<AppDeps, 'db' | 'clock'>;

export async function dashboardSummary(deps: Deps, user: SessionUser): Promise<DashboardSummary> {
  const [totals, agents, locationRequests] = await Promise.all([countTotals(deps.db, user), listAgents(deps, user, undefined), countOpenLocationRequests(deps.db, user)]);
  return {
    ...totals,
    locationRequests,
    // An ambiguous agent is heard from (twice over); a new one was never installed, so it is neither.
    agentsConnected: agents.filter((agent) => agent.status === 'connected' || agent.status === 'ambiguous').length,
    agentsDisconnected: agents.filter((agent) => agent.status === 'disconnected').length,
  };
}

/** Per customer, the agent heard from last (else the newest one): what the list's agent column shows. */
function latestAgentByCustomer(agents: { customerId: string; status: AgentState; lastContactAt: string | null; createdAt: string }[]): Map<string, CustomerOverview['agent']> {
  const latest = new Map<string, (typeof agents)[number]>();
  const rank = (agent: (typeof agents)[number]) => agent.lastContactAt ?? `0${agent.createdAt}`;
  for (const agent of agents) {
    const current = latest.get(agent.customerId);
    if (!current || rank(agent) > rank(current)) latest.set(agent.customerId, agent);
  }
  return new Map([...latest].map(([customerId, agent]) => [customerId, { status: agent.status, lastContactAt: agent.lastContactAt }]));
}

/** The customers list: one page of customers with their columns; last month's pages and agents for that page only. */
export async function customerOverview(deps: Deps, user: SessionUser, query: CustomerOverviewQuery): Promise<CustomerOverviewPage> {
  const { rows, total } = await findCustomerOverview(deps.db, user, query);
  const lastMonth = addMonths(periodKeyAt(deps.clock(), await partnerTimeZone(deps.db, user.partnerId)), -1);
  const ids = rows.map((row) => row.id);
  const [pages, agents] = await Promise.all([monthPagesByCustomer(deps.db, user, ids, lastMonth), listAgents(deps, user, undefined)]);
  const agentOf = latestAgentByCustomer(agents);
  const items = rows.map(({ customerAddress, ...row }) => ({
    ...row,
    // The customer's own address; its first site's only when it has none.
    mainAddress: customerAddress ?? row.mainAddress,
    agent: agentOf.get(row.id) ?? null,
    lastMonthPages: pages.get(row.id) ?? 0,
  }));
  return { items, total, page: query.page, pageSize: query.pageSize, lastMonth };
}
