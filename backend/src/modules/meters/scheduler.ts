import type { AppDeps } from '../../deps.ts';
import { OVERAGE_JOB_HOUR_UTC, runOverageAlerts } from '../billing/overage.job.ts';
import { runCampaign } from './campaign.job.ts';
import { describeJob } from './jobs.ts';
import { runNightly } from './nightly.job.ts';

/**
 * The in-process scheduler under Node: a tick every minute runs the campaign job once per clock
 * hour, the nightly job for every partner whose cutoff passed since the previous tick, and the
 * overage alerts once a day from OVERAGE_JOB_HOUR_UTC on. The
 * first tick after a start runs them for everything already due, so a restart (or a server that
 * was down at the cutoff) catches up; the jobs are idempotent, so catching up twice is harmless.
 */

export const TICK_MS = 60_000;

export interface Scheduler {
  /** One tick now (tests drive the scheduler with it). */
  tick(): Promise<void>;
  stop(): void;
}

const hourOf = (date: Date) => Math.floor(date.getTime() / 3_600_000);
const dayOf = (date: Date) => date.toISOString().slice(0, 10);

export function startScheduler(deps: AppDeps, options: { intervalMs?: number; log?: (line: string) => void } = {}): Scheduler {
  const log = options.log ?? ((line: string) => console.log(line));
  let lastTick: Date | undefined;
  let lastCampaignHour: number | undefined;
  let lastOverageDay: string | undefined;
  let running: Promise<void> | null = null;

  async function runTick(): Promise<void> {
    const now = deps.clock();
    if (lastCampaignHour !== hourOf(now)) {
      const summary = await runCampaign(deps, now);
      lastCampaignHour = hourOf(now);
      if (summary.linksIssued || summary.requestsSent || summary.remindersSent || summary.estimatesCreated || summary.failures.length) {
        log(describeJob({ job: 'campaign', summary }));
      }
    }
    const nightly = await runNightly(deps, now, { since: lastTick });
    lastTick = now;
    if (nightly.partners.length) log(describeJob({ job: 'nightly', summary: nightly }));
    if (lastOverageDay !== dayOf(now) && now.getUTCHours() >= OVERAGE_JOB_HOUR_UTC) {
      const overage = await runOverageAlerts(deps, now);
      lastOverageDay = dayOf(now);
      if (overage.emailsSent || overage.failures.length) log(describeJob({ job: 'overage', summary: overage }));
    }
  }

  // Ticks never overlap: a slow job (a webhook timing out) makes the next tick wait its turn.
  const tick = () => {
    running ??= runTick()
      .catch((error: unknown) => console.error('Scheduled job failed; it runs again at the next tick.', error))
      .finally(() => {
        running = null;
      });
    return running;
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? TICK_MS);
  timer.unref();
  void tick();
  return { tick, stop: () => clearInterval(timer) };
}
