import type { AppDeps } from '../../deps.ts';
import { sweepEndedWindows } from '../../http/rate-limit.repo.ts';
import { OVERAGE_JOB_HOUR_UTC, runOverageAlerts } from '../billing/overage.job.ts';
import { runCampaign } from '../meters/campaign.job.ts';
import { describeJob } from '../meters/jobs.ts';
import { runNightly, type ExportBucket } from '../meters/nightly.job.ts';
import { notifyPlacedOrders } from '../supplies/order-notices.ts';
import { sendLowStockNotices } from '../supplies/stock-notices.ts';
import { reviewProactiveOrders } from '../supplies/supplies.evaluate.ts';
import { removeExpiredRuns } from '../reports/reports.repo.ts';
import { sendDueReports } from '../reports/schedules.service.ts';
import { collectNotices, sendDueNotices } from '../notifications/notices.service.ts';
import { claimRun, finishRun, releaseRun, RUNS_KEPT_MS, sweepFinishedRuns } from './job-runs.repo.ts';

/**
 * Every scheduled job, and how it runs once across instances. The Node scheduler (every minute, in
 * each server) and the Worker's cron (hourly, in any isolate) both call runScheduledJobs; each job
 * claims its due slot (an hour, a day, a partner's night) in job_runs before doing anything, so of
 * N instances firing for the same slot one runs it and the others do nothing.
 *
 * A new scheduled job (reports, digests…) is one more entry in SCHEDULED_JOBS: `hourly(…)`,
 * `dailyFrom(hour, …)`, or a `tick` that calls `once(slot, …)` per thing due (a tenant, a night).
 * `npm run job` and POST /api/internal/jobs/:name run a job by hand, without claiming: a person asked.
 */

/** What a job did, in one line for the cron's log (`brief`) and in full when something happened (`detail`). */
export interface JobReport {
  job: string;
  slot: string;
  brief: string;
  detail: string | null;
}

export type Ran<T> = { ran: true; value: T } | { ran: false };
/** Runs `run` only when this instance claims `slot` of the job; a failure gives the slot back and rethrows. */
export type Once = <T>(slot: string, run: () => Promise<T>) => Promise<Ran<T>>;

/** The app's dependencies, and where a Worker keeps the nightly export files (R2). */
export type ScheduledDeps = AppDeps & { exportBucket?: ExportBucket | null };

export interface TickContext {
  now: Date;
  /** This instance's previous tick (undefined on its first): a job may look only at what fell due since. */
  since: Date | undefined;
  once: Once;
}

export interface ScheduledJob {
  name: string;
  tick(deps: ScheduledDeps, context: TickContext): Promise<JobReport[]>;
}

type Outcome = { brief: string; detail: string | null };

const hourSlot = (now: Date) => now.toISOString().slice(0, 13);
const daySlot = (now: Date) => now.toISOString().slice(0, 10);

/** Once per UTC clock hour, at the first tick in it. */
export function hourly(name: string, run: (deps: ScheduledDeps, now: Date) => Promise<Outcome>): ScheduledJob {
  return {
    name,
    async tick(deps, { now, once }) {
      const slot = hourSlot(now);
      const done = await once(slot, () => run(deps, now));
      return done.ran ? [{ job: name, slot, ...done.value }] : [];
    },
  };
}

/** Once per UTC day, at the first tick from `hourUtc` on. */
export function dailyFrom(hourUtc: number, name: string, run: (deps: ScheduledDeps, now: Date) => Promise<Outcome>): ScheduledJob {
  return {
    name,
    async tick(deps, { now, once }) {
      if (now.getUTCHours() < hourUtc) return [];
      const slot = daySlot(now);
      const done = await once(slot, () => run(deps, now));
      return done.ran ? [{ job: name, slot, ...done.value }] : [];
    },
  };
}

const campaign = hourly('campaign', async (deps, now) => {
  const summary = await runCampaign(deps, now);
  const busy = summary.linksIssued || summary.requestsSent || summary.remindersSent || summary.estimatesCreated || summary.failures.length;
  return {
    brief: `${summary.linksIssued} links issued, ${summary.requestsSent} requests and ${summary.remindersSent} reminders sent`,
    detail: busy ? describeJob({ job: 'campaign', summary }) : null,
  };
});

/** Each partner's night is its own slot: partners' cutoffs fall at different times. */
const nightly: ScheduledJob = {
  name: 'nightly',
  async tick(deps, { now, since, once }) {
    const summary = await runNightly(deps, now, { since, once });
    if (summary.partners.length === 0) return [];
    return [{ job: 'nightly', slot: summary.partners.map((p) => `${p.partnerId}/${p.night}`).join(' '), brief: `${summary.partners.length} partners transmitted`, detail: describeJob({ job: 'nightly', summary }) }];
  },
};

const overage = dailyFrom(OVERAGE_JOB_HOUR_UTC, 'overage', async (deps, now) => {
  const summary = await runOverageAlerts(deps, now);
  return {
    brief: `overage alerts: ${summary.emailsSent} emails sent for ${summary.alertsRecorded} alerts, ${summary.failures.length} customers failed`,
    detail: summary.emailsSent || summary.failures.length ? describeJob({ job: 'overage', summary }) : null,
  };
});

/** Ended rate-limit windows and old job runs. */
const sweep = hourly('sweep', async (deps, now) => {
  const windows = await sweepEndedWindows(deps.db, now);
  const runs = await sweepFinishedRuns(deps.db, new Date(now.getTime() - RUNS_KEPT_MS));
  return { brief: `swept ${windows} rate-limit windows and ${runs} job runs`, detail: null };
});

/** Local stocks that fell to their minimum since the last run and were not told yet (a technician's draws, a failed send). */
const lowStock = hourly('low-stock', async (deps) => {
  const summary = await sendLowStockNotices(deps);
  return { brief: `low-stock notices: ${summary.emails} emails for ${summary.stocks} stocks`, detail: null };
});

/** Early each day (UTC), before the dealer's warehouse starts: the proactive method's forecasts looked at again as of now. */
const PROACTIVE_JOB_HOUR_UTC = 4;
const proactiveOrders = dailyFrom(PROACTIVE_JOB_HOUR_UTC, 'proactive-orders', async (deps, now) => {
  const placed = await reviewProactiveOrders(deps.db, now);
  for (const [partnerId, orderIds] of placed) await notifyPlacedOrders(deps, partnerId, orderIds);
  const count = [...placed.values()].reduce((sum, ids) => sum + ids.length, 0);
  return { brief: `proactive review: ${count} orders placed`, detail: null };
});

/** Scheduled reports (due at 06:00 in each dealer's time zone), and report files past their day removed. */
const reports = hourly('reports', async (deps, now) => {
  const sent = await sendDueReports(deps);
  const removed = await removeExpiredRuns(deps.db, now);
  return { brief: `scheduled reports: ${sent.emails} emails for ${sent.schedules} schedules; ${removed} expired files removed`, detail: null };
});

/**
 * Notices: what happened is collected and what is due sent every five minutes ("immediately" means
 * within five minutes; a Worker's hourly cron makes it within the hour). Digests fall due at 06:00
 * in each dealer's time zone.
 */
const NOTICE_SLOT_MINUTES = 5;
const notices: ScheduledJob = {
  name: 'notices',
  async tick(deps, { now, once }) {
    const slot = `${hourSlot(now)}:${String(Math.floor(now.getUTCMinutes() / NOTICE_SLOT_MINUTES) * NOTICE_SLOT_MINUTES).padStart(2, '0')}`;
    const done = await once(slot, async () => {
      const { recorded } = await collectNotices(deps, now);
      const { emails, failed } = await sendDueNotices(deps, now);
      return { brief: `notices: ${recorded} recorded, ${emails} emails sent${failed ? `, ${failed} failed` : ''}`, detail: null };
    });
    return done.ran ? [{ job: 'notices', slot, ...done.value }] : [];
  },
};

export const SCHEDULED_JOBS: readonly ScheduledJob[] = [campaign, nightly, overage, sweep, lowStock, proactiveOrders, reports, notices];

/** The claim-guarded runner of one job at `now`, on behalf of `instance`. */
export function onceFor(deps: Pick<AppDeps, 'db' | 'clock'>, job: string, now: Date, instance: string): Once {
  return async (slot, run) => {
    if (!(await claimRun(deps.db, job, slot, now, instance))) return { ran: false };
    let value;
    try {
      value = await run();
    } catch (error) {
      await releaseRun(deps.db, job, slot, now).catch(() => {});
      throw error;
    }
    await finishRun(deps.db, job, slot, now, deps.clock());
    return { ran: true, value };
  };
}

export interface ScheduledRun {
  reports: JobReport[];
  failures: { job: string; error: unknown }[];
}

/** One tick of every scheduled job: a job's failure is reported and does not stop the others. */
export async function runScheduledJobs(
  deps: ScheduledDeps,
  now: Date,
  options: { since?: Date; instance: string; jobs?: readonly ScheduledJob[] },
): Promise<ScheduledRun> {
  const result: ScheduledRun = { reports: [], failures: [] };
  for (const job of options.jobs ?? SCHEDULED_JOBS) {
    try {
      result.reports.push(...(await job.tick(deps, { now, since: options.since, once: onceFor(deps, job.name, now, options.instance) })));
    } catch (error) {
      result.failures.push({ job: job.name, error });
    }
  }
  return result;
}
