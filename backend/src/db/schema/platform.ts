import { index, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * What several Parc instances on one database share: rate-limit windows and scheduled-job claims.
 * Written only by http/rate-limit.repo.ts and modules/jobs/job-runs.repo.ts.
 */

/**
 * One fixed window per limiter and key (an address, an account): hits counted by every instance together.
 * UNLOGGED (in the migration's SQL; drizzle does not model it): the link page counts every request, and a
 * logged write would wait for the disk each time. A crash empties it, forgetting only recent attempts.
 */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    limiter: text('limiter').notNull(),
    key: text('key').notNull(),
    hits: integer('hits').notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.limiter, t.key] }), index('rate_limit_windows_ends_at').on(t.endsAt)],
);

/**
 * One row per scheduled job and due slot (an hour, a day, a partner's night): the instance that
 * inserts it runs the job, every other instance firing for the same slot does nothing. A claim left
 * unfinished past its lease (a crashed instance) may be taken again.
 */
export const jobRuns = pgTable(
  'job_runs',
  {
    job: text('job').notNull(),
    slot: text('slot').notNull(),
    claimedAt: timestamp('claimed_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(1),
    /** Who ran it (host and process), for a person reading the table. */
    claimedBy: text('claimed_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.job, t.slot] })],
);
