import { hostname } from 'node:os';
import type { AppDeps } from '../../deps.ts';
import { runScheduledJobs, type ScheduledJob } from '../jobs/scheduled.ts';

/**
 * The in-process scheduler under Node: a tick every minute runs every scheduled job that is due
 * (jobs/scheduled.ts: the campaign once per clock hour, the nightly for every partner whose cutoff
 * passed, the overage alerts once a day from OVERAGE_JOB_HOUR_UTC, the hourly sweep). Each job
 * claims its slot in PostgreSQL first, so with several servers on one database each slot runs on
 * one of them only. The first tick after a start catches up on what is due and nobody ran.
 */

export const TICK_MS = 60_000;

export interface Scheduler {
  /** One tick now (tests drive the scheduler with it); resolves when the tick is over. */
  tick(): Promise<void>;
  stop(): void;
}

export interface SchedulerOptions {
  intervalMs?: number;
  log?: (line: string) => void;
  /** Who claims the runs, as job_runs shows it (default: host name and process id). */
  instance?: string;
  jobs?: readonly ScheduledJob[];
  /** Tick at once on start (default true; a test driving ticks by hand turns it off). */
  tickOnStart?: boolean;
}

export function startScheduler(deps: AppDeps, options: SchedulerOptions = {}): Scheduler {
  const log = options.log ?? ((line: string) => console.log(line));
  const instance = options.instance ?? `${hostname()} pid ${process.pid}`;
  let lastTick: Date | undefined;
  let running: Promise<void> | null = null;

  async function runTick(): Promise<void> {
    const now = deps.clock();
    const { reports, failures } = await runScheduledJobs(deps, now, { since: lastTick, instance, jobs: options.jobs });
    // After a failure the next tick looks back to the last clean one: what failed is due again, what ran is claimed.
    if (failures.length === 0) lastTick = now;
    for (const report of reports) if (report.detail) log(report.detail);
    for (const { job, error } of failures) console.error(`Scheduled job ${job} failed; it runs again at the next tick.`, error);
  }

  // Ticks never overlap: a slow job (a webhook timing out) makes the next tick wait its turn.
  const tick = () => {
    running ??= runTick()
      .catch((error: unknown) => console.error('The scheduler tick failed; it runs again at the next tick.', error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? TICK_MS);
  timer.unref();
  if (options.tickOnStart ?? true) void tick();
  return { tick, stop: () => clearInterval(timer) };
}
