import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { openPeriodsAt, periodKeyAt } from '@parc/shared';
import type { Db } from '../db/client.ts';
import {
  agentContacts,
  agentCredentials,
  agentKeys,
  agents,
  campaignContacts,
  coordinators,
  counters,
  customers,
  deviceAlerts,
  devices,
  deviceSupplies,
  deviceSupplyLevels,
  maintenanceRequests,
  priceVersions,
  readings,
  requestEvents,
  sites,
  supplyReplacements,
  userCustomers,
  users,
} from '../db/schema/index.ts';
import type { AppDeps } from '../deps.ts';
import { issueLink, type IssuedLink } from '../modules/links/links.service.ts';
import { customerCalendar } from '../modules/meters/settings.repo.ts';
import { hasPartner, insertPartner, insertUsers, lockPartners } from '../modules/setup/setup.repo.ts';
import { planDemoAgent } from './agent.ts';
import { planDemoBilling } from './billing.ts';
import { DEMO_LOGINS, DEMO_METER_CUSTOMER, DEMO_PASSWORD, planDemo } from './plan.ts';
import { catalogued, seedDemoConsumables } from './supplies.ts';
import { planDemoTickets } from './tickets.ts';

export interface SeedDemoOptions {
  /** The last monthly reading is taken at `now`; the history runs back from it. */
  now: Date;
  hashPassword: (password: string) => Promise<string>;
  newId?: () => string;
}

// Well under PostgreSQL's 65,535 bind parameters per statement for the widest table (readings).
const BATCH_ROWS = 1_000;

/**
 * Fills an empty database (no partner yet) with the demo dealer, its users, three customers and
 * their fleets with 14 months of readings, the agent that reads one customer's head office, and
 * what billing needs: each customer's prices (one pricing model each) and the toners replaced, and
 * the consumables: a catalogue with the dealer's data, a supplier, a carrier and orders in flight.
 * Does nothing on a database that has any partner. Returns whether it seeded.
 */
export async function seedDemo(db: Db, { now, hashPassword, newId = randomUUID }: SeedDemoOptions): Promise<boolean> {
  if (await hasPartner(db)) return false;
  const plan = planDemo(now, newId);
  // Hashed one by one so no two accounts share a salt; slow, so done before the transaction.
  const passwordHashes = await Promise.all(plan.users.map(() => hashPassword(DEMO_PASSWORD)));
  return db.transaction(async (tx) => {
    // Two instances starting together on one PostgreSQL: the second waits, then finds the partner.
    await lockPartners(tx);
    if (await hasPartner(tx)) return false;
    await insertPartner(tx, plan.partner);
    await insertUsers(tx, plan.users.map((user, index) => ({ ...user, passwordHash: passwordHashes[index]! })));
    await tx.insert(customers).values(plan.customers);
    await tx.insert(coordinators).values(plan.coordinators);
    await tx.insert(sites).values(plan.sites);
    await tx.insert(userCustomers).values(plan.userCustomers);
    await tx.insert(devices).values(plan.devices);
    await tx.insert(counters).values(plan.counters);
    await tx.insert(campaignContacts).values(plan.campaignContacts);
    for (let start = 0; start < plan.readings.length; start += BATCH_ROWS) {
      await tx.insert(readings).values(plan.readings.slice(start, start + BATCH_ROWS));
    }
    const tickets = planDemoTickets(plan, now, newId);
    await tx.insert(maintenanceRequests).values(tickets.requests);
    await tx.insert(requestEvents).values(tickets.events);
    const agent = planDemoAgent(plan, now, newId);
    await tx.insert(agents).values(agent.agents);
    await tx.insert(agentKeys).values(agent.keys);
    await tx.insert(agentCredentials).values(agent.credentials);
    await tx.insert(agentContacts).values(agent.contacts);
    // The technician's devices and the agent's, linked to the catalogue as the agent's samples link them.
    const supplies = await catalogued(tx, plan, [...tickets.supplies, ...agent.supplies]);
    await tx.insert(deviceSupplies).values(supplies);
    await tx.insert(deviceSupplyLevels).values(agent.supplyLevels);
    await tx.insert(deviceAlerts).values(agent.alerts);
    const billing = planDemoBilling(plan, agent, now, newId);
    await tx.insert(priceVersions).values(billing.priceVersions);
    await tx.insert(supplyReplacements).values(billing.replacements);
    await seedDemoConsumables(tx, plan, supplies, now);
    return true;
  });
}

/** Whether the demo accounts exist (and so whether printing their logins makes sense). */
export async function hasDemoAccounts(db: Db): Promise<boolean> {
  const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGINS[0].email)).limit(1);
  return admin !== undefined;
}

/**
 * The demo customer's meter link for the campaign period open at `now` (the current month's when
 * none is open yet), issued once and handed out again on every start. Null without the demo.
 */
export async function demoMeterLink(deps: Pick<AppDeps, 'db' | 'clock' | 'publicUrl'>): Promise<IssuedLink | null> {
  const [customer] = await deps.db
    .select({ id: customers.id, partnerId: customers.partnerId })
    .from(customers)
    .innerJoin(users, and(eq(users.partnerId, customers.partnerId), eq(users.email, DEMO_LOGINS[0].email)))
    .where(eq(customers.customerNumber, DEMO_METER_CUSTOMER));
  if (!customer) return null;
  const calendar = await customerCalendar(deps.db, customer.partnerId, customer.id);
  const now = deps.clock();
  const period = openPeriodsAt(calendar, now).at(-1) ?? periodKeyAt(now, calendar.timeZone);
  return issueLink(deps, { partnerId: customer.partnerId, customerId: customer.id, period, calendar });
}
