import { and, eq, inArray, isNotNull } from 'drizzle-orm';
import { overageForecast } from '@parc/emails';
import { coordinators, customers, overageAlerts, users } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail, type DealerMail } from '../../mail/dealer.ts';
import { amountForecast } from './forecast.service.ts';

/**
 * The daily overage alert. For every active customer with a coordinator who opted in (active, with
 * an email address), the current period's forecast: each counter kind whose projected pages go
 * beyond the included ones is claimed in overage_alerts (once per customer, period and kind), and
 * the newly claimed kinds are emailed together to those coordinators, each in their language (their
 * account's, else the customer's). Nothing is claimed while nobody would be told, so a coordinator
 * who opts in later in the period still hears of it; a send that reached nobody releases its claim
 * for the next run. Running it twice sends nothing twice.
 */

export interface OverageSummary {
  asOf: string;
  customersChecked: number;
  /** Customer × period × kind newly alerted. */
  alertsRecorded: number;
  emailsSent: number;
  failures: { customerNumber: string; message: string }[];
}

/** The scheduler runs the job once a day, at the first tick from this UTC hour on (morning in Europe). */
export const OVERAGE_JOB_HOUR_UTC = 6;

type JobDeps = Pick<AppDeps, 'db' | 'mailer' | 'publicUrl'>;

async function recipientsByCustomer(deps: JobDeps) {
  const rows = await deps.db
    .select({
      customer: { id: customers.id, partnerId: customers.partnerId, customerNumber: customers.customerNumber, language: customers.language },
      email: coordinators.email,
      userLanguage: users.language,
      signsIn: users.id,
    })
    .from(coordinators)
    .innerJoin(customers, and(eq(customers.id, coordinators.customerId), eq(customers.active, true)))
    // Their account, when they have a live one: its language, and the coordinator view to link to.
    .leftJoin(users, and(eq(users.id, coordinators.userId), eq(users.active, true), eq(users.role, 'coordinator')))
    .where(and(eq(coordinators.overageAlerts, true), eq(coordinators.active, true), isNotNull(coordinators.email)))
    .orderBy(customers.partnerId, customers.customerNumber, coordinators.name);
  const grouped = new Map<string, { customer: (typeof rows)[number]['customer']; recipients: typeof rows }>();
  for (const row of rows) {
    const group = grouped.get(row.customer.id) ?? { customer: row.customer, recipients: [] };
    group.recipients.push(row);
    grouped.set(row.customer.id, group);
  }
  return [...grouped.values()];
}

export async function runOverageAlerts(deps: JobDeps, asOf: Date): Promise<OverageSummary> {
  const { db } = deps;
  const summary: OverageSummary = { asOf: asOf.toISOString(), customersChecked: 0, alertsRecorded: 0, emailsSent: 0, failures: [] };
  const dealers = new Map<string, Promise<DealerMail>>();
  for (const { customer, recipients } of await recipientsByCustomer(deps)) {
    try {
      summary.customersChecked += 1;
      const forecast = await amountForecast(db, customer, asOf);
      const crossing = forecast?.kinds.filter((kind) => kind.projectedPages > kind.included) ?? [];
      if (!forecast || crossing.length === 0) continue;
      // Claimed before sending: two runs racing (the scheduler and a command) cannot both send.
      const claimed = await db
        .insert(overageAlerts)
        .values(crossing.map((kind) => ({ partnerId: customer.partnerId, customerId: customer.id, period: forecast.period, counter: kind.counter, projectedPages: kind.projectedPages, included: kind.included, sentAt: asOf })))
        .onConflictDoNothing()
        .returning({ id: overageAlerts.id, counter: overageAlerts.counter });
      if (claimed.length === 0) continue;
      const kinds = crossing.filter((kind) => claimed.some((claim) => claim.counter === kind.counter));
      if (!dealers.has(customer.partnerId)) dealers.set(customer.partnerId, loadDealerMail(db, customer.partnerId));
      const dealer = await dealers.get(customer.partnerId)!;
      const errors: unknown[] = [];
      let sent = 0;
      for (const recipient of recipients) {
        const mail = overageForecast({
          language: contactLanguage(recipient.userLanguage ?? customer.language),
          branding: dealer.branding,
          customerNumber: customer.customerNumber,
          periodStart: new Date(forecast.periodStart),
          periodEnd: new Date(forecast.periodEnd),
          timeZone: forecast.timeZone,
          kinds,
          viewUrl: recipient.signsIn ? `${deps.publicUrl}/coordinator` : undefined,
        });
        try {
          await deps.mailer.send({ to: recipient.email!, ...mail, ...dealer.headers });
          sent += 1;
        } catch (error) {
          errors.push(error);
        }
      }
      if (sent === 0) {
        await db.delete(overageAlerts).where(inArray(overageAlerts.id, claimed.map((claim) => claim.id)));
      } else {
        summary.alertsRecorded += claimed.length;
        summary.emailsSent += sent;
      }
      if (errors.length > 0) throw errors[0];
    } catch (error) {
      // One customer's failure (a mail provider hiccup) must not stop the others.
      summary.failures.push({ customerNumber: customer.customerNumber, message: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}
