import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Database } from '../../db/client.ts';
import { jobRuns } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { TESTABLE_KINDS, createTestDatabase } from '../../test/database.ts';
import { CLAIM_LEASE_MS, claimRun, listRuns, RUNS_KEPT_MS, sweepFinishedRuns } from './job-runs.repo.ts';
import { startScheduler } from '../meters/scheduler.ts';
import { dailyFrom, hourly, onceFor, runScheduledJobs, type ScheduledJob } from './scheduled.ts';

const at = (iso: string) => new Date(iso);

describe.each(TESTABLE_KINDS)('scheduled jobs claim their slot on %s', (kind) => {
  let database: Database;
  let deps: AppDeps;
  let now = at('2026-11-20T08:00:00Z');
  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Only what the claims use: the jobs below are stand-ins that count their runs.
    deps = { db: database.db, dbKind: database.kind, clock: () => now } as AppDeps;
  });
  afterAll(() => database.close());

  /** A job that counts its runs, hourly or daily from 06:00 UTC. */
  function counting(make: typeof hourly, name: string) {
    const runs: Date[] = [];
    return { runs, job: make(name, async (_deps, when) => (runs.push(when), { brief: `ran ${name}`, detail: null })) };
  }

  it('a slot is claimed once: a second claimer (another instance, or a late one) gets nothing', async () => {
    expect(await claimRun(database.db, 'claim-once', 'slot', now, 'a')).toBe(true);
    expect(await claimRun(database.db, 'claim-once', 'slot', now, 'b')).toBe(false);
    expect(await claimRun(database.db, 'claim-once', 'slot', new Date(now.getTime() + 60_000), 'b')).toBe(false);
    expect(await claimRun(database.db, 'claim-once', 'other slot', now, 'b')).toBe(true);
  });

  it('of simultaneous claims of one slot, exactly one wins', async () => {
    const wins = await Promise.all(Array.from({ length: 8 }, (_, i) => claimRun(database.db, 'claim-race', 'slot', now, `instance ${i}`)));
    expect(wins.filter(Boolean)).toHaveLength(1);
  });

  it('an unfinished claim older than the lease (a crashed instance) is taken again, a finished one never', async () => {
    const once = onceFor(deps, 'lease', now, 'a');
    expect(await once('finished', async () => 1)).toEqual({ ran: true, value: 1 });
    expect(await claimRun(database.db, 'lease', 'crashed', now, 'a')).toBe(true);
    const later = new Date(now.getTime() + CLAIM_LEASE_MS + 1000);
    expect(await claimRun(database.db, 'lease', 'crashed', new Date(now.getTime() + CLAIM_LEASE_MS - 1000), 'b')).toBe(false);
    expect(await claimRun(database.db, 'lease', 'crashed', later, 'b')).toBe(true);
    expect(await claimRun(database.db, 'lease', 'finished', later, 'b')).toBe(false);
    expect((await listRuns(database.db)).filter((run) => run.job === 'lease')).toEqual([
      { job: 'lease', slot: 'crashed', attempts: 2, claimedBy: 'b', finished: false },
      { job: 'lease', slot: 'finished', attempts: 1, claimedBy: 'a', finished: true },
    ]);
  });

  it('a run that fails gives its slot back for the next tick', async () => {
    const once = onceFor(deps, 'failing', now, 'a');
    await expect(once('slot', async () => Promise.reject(new Error('webhook down')))).rejects.toThrow('webhook down');
    expect(await once('slot', async () => 'second try')).toEqual({ ran: true, value: 'second try' });
  });

  it('two instances ticking at the same instant run each hourly and daily job once', async () => {
    now = at('2026-11-21T07:10:00Z');
    const campaign = counting(hourly, 'test-hourly');
    const overage = counting((name, run) => dailyFrom(6, name, run), 'test-daily');
    const jobs = [campaign.job, overage.job];
    const [a, b] = await Promise.all([runScheduledJobs(deps, now, { instance: 'a', jobs }), runScheduledJobs(deps, now, { instance: 'b', jobs })]);
    expect(campaign.runs).toHaveLength(1);
    expect(overage.runs).toHaveLength(1);
    expect([...a.reports, ...b.reports].map((report) => `${report.job} ${report.slot}`).sort()).toEqual(['test-daily 2026-11-21', 'test-hourly 2026-11-21T07']);
    // Later in the hour: nothing; the next hour: the hourly job again, not the daily one.
    await runScheduledJobs(deps, at('2026-11-21T07:59:00Z'), { instance: 'a', jobs });
    await runScheduledJobs(deps, at('2026-11-21T08:00:00Z'), { instance: 'b', jobs });
    expect(campaign.runs).toEqual([at('2026-11-21T07:10:00Z'), at('2026-11-21T08:00:00Z')]);
    expect(overage.runs).toHaveLength(1);
  });

  it('a daily job waits for its hour', async () => {
    const daily = counting((name, run) => dailyFrom(6, name, run), 'test-early');
    await runScheduledJobs(deps, at('2026-11-22T05:59:00Z'), { instance: 'a', jobs: [daily.job] });
    expect(daily.runs).toHaveLength(0);
    await runScheduledJobs(deps, at('2026-11-22T06:00:00Z'), { instance: 'a', jobs: [daily.job] });
    expect(daily.runs).toHaveLength(1);
  });

  it("one job's failure is reported and the others still run", async () => {
    const broken: ScheduledJob = { name: 'broken', tick: () => Promise.reject(new Error('boom')) };
    const after = counting(hourly, 'test-after-broken');
    const result = await runScheduledJobs(deps, at('2026-11-23T10:00:00Z'), { instance: 'a', jobs: [broken, after.job] });
    expect(result.failures.map((failure) => failure.job)).toEqual(['broken']);
    expect(after.runs).toHaveLength(1);
  });

  it('after a failed tick, the scheduler looks back to the last clean one (a failed night is due again)', async () => {
    const seen: (Date | undefined)[] = [];
    let fail = true;
    const job: ScheduledJob = {
      name: 'looks-back',
      async tick(_deps, { since }) {
        seen.push(since);
        if (fail) {
          fail = false;
          throw new Error('database away');
        }
        return [];
      },
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const scheduler = startScheduler(deps, { jobs: [job], tickOnStart: false, log: () => {}, instance: 'a' });
    const ticks = [at('2026-11-24T08:00:00Z'), at('2026-11-24T08:01:00Z'), at('2026-11-24T08:02:00Z')];
    for (const tick of ticks) {
      now = tick;
      await scheduler.tick();
    }
    scheduler.stop();
    quiet.mockRestore();
    expect(seen).toEqual([undefined, undefined, ticks[1]]);
  });

  it('the sweep keeps recent and unfinished runs', async () => {
    const old = at('2026-01-01T00:00:00Z');
    await database.db.insert(jobRuns).values([
      { job: 'sweep-test', slot: 'old', claimedAt: old, finishedAt: old, claimedBy: 'a' },
      { job: 'sweep-test', slot: 'old unfinished', claimedAt: old, claimedBy: 'a' },
      { job: 'sweep-test', slot: 'recent', claimedAt: now, finishedAt: now, claimedBy: 'a' },
    ]);
    await sweepFinishedRuns(database.db, new Date(now.getTime() - RUNS_KEPT_MS));
    expect((await listRuns(database.db)).filter((run) => run.job === 'sweep-test').map((run) => run.slot)).toEqual(['old unfinished', 'recent']);
  });
});
