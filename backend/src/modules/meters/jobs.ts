import type { AppDeps } from '../../deps.ts';
import { runOverageAlerts, type OverageSummary } from '../billing/overage.job.ts';
import { additionalPartnerLink, firstRunLink, type IssuedSetupLink } from '../setup/setup.service.ts';
import { runCampaign, type CampaignSummary } from './campaign.job.ts';
import type { JobName } from './meters.schemas.ts';
import { runNightly, type NightlySummary } from './nightly.job.ts';

export type JobResult =
  | { job: 'campaign'; summary: CampaignSummary }
  | { job: 'nightly'; summary: NightlySummary }
  | { job: 'overage'; summary: OverageSummary }
  /** null: refused, a dealer exists (the first-run link is for an empty installation only). */
  | { job: 'setup-link'; summary: IssuedSetupLink | null }
  | { job: 'add-partner'; summary: IssuedSetupLink };

/** The jobs that print a one-time setup link rather than work through the data as of a date. */
export const SETUP_JOBS: readonly JobName[] = ['setup-link', 'add-partner'];

/** Runs a job by name: what the command, the internal endpoint and the Worker's cron share. */
export async function runJob(deps: AppDeps, name: JobName, asOf: Date): Promise<JobResult> {
  if (name === 'setup-link') return { job: name, summary: await firstRunLink(deps) };
  if (name === 'add-partner') return { job: name, summary: await additionalPartnerLink(deps) };
  if (name === 'campaign') return { job: name, summary: await runCampaign(deps, asOf) };
  if (name === 'overage') return { job: name, summary: await runOverageAlerts(deps, asOf) };
  return { job: name, summary: await runNightly(deps, asOf) };
}

/** The summary a person reads at the end of `npm run job`. */
export function describeJob(result: JobResult): string {
  if (result.job === 'campaign') {
    const s = result.summary;
    const lines = [
      `Campaign job as of ${s.asOf}:`,
      `  customers due: ${s.customersDue}`,
      `  links issued: ${s.linksIssued}`,
      `  request emails sent: ${s.requestsSent}`,
      `  reminder emails sent: ${s.remindersSent}`,
      `  estimates created: ${s.estimatesCreated} (not estimated: ${s.estimatesRefused})`,
      ...s.failures.map((failure) => `  FAILED for customer ${failure.customerNumber}: ${failure.message}`),
    ];
    return lines.join('\n');
  }
  if (result.job === 'overage') {
    const s = result.summary;
    const lines = [
      `Overage alert job as of ${s.asOf}:`,
      `  customers with coordinators to alert: ${s.customersChecked}`,
      `  alerts recorded (customer, period, kind): ${s.alertsRecorded}`,
      `  emails sent: ${s.emailsSent}`,
      ...s.failures.map((failure) => `  FAILED for customer ${failure.customerNumber}: ${failure.message}`),
    ];
    return lines.join('\n');
  }
  if (result.job === 'setup-link') {
    const link = result.summary;
    if (!link) return 'Parc is already set up: a dealer exists, so there is no first-run link to give. To add another dealer, run: npm run job -- add-partner';
    return [`Open this link to set up Parc: it creates the dealer and its first administrator (one use, valid until ${link.expiresAt}; earlier unused setup links no longer work):`, `  ${link.url}`].join('\n');
  }
  if (result.job === 'add-partner') {
    const link = result.summary;
    return [`Send this link to the new dealer: it creates the dealer and its first administrator on this installation (one use, valid until ${link.expiresAt}):`, `  ${link.url}`].join('\n');
  }
  const s = result.summary;
  if (s.partners.length === 0) return `Nightly job as of ${s.asOf}: no partner's cutoff has passed since the last run.`;
  const lines = [`Nightly job as of ${s.asOf}:`];
  for (const p of s.partners) {
    lines.push(`  partner ${p.partnerId}, night ${p.night} (cutoff ${p.cutoff}): ${p.locked} readings locked`);
    lines.push(p.file ? `    file written: ${p.file.path} (${p.file.rows} rows)` : '    file: nothing to write');
    if (p.webhook) lines.push(`    webhook: ${p.webhook.status} (${p.webhook.rows} rows)${p.webhook.error ? `: ${p.webhook.error}, retried next night` : ''}`);
  }
  return lines.join('\n');
}
