/**
 * Approving and deleting a draft run, from the runs list or a run's page: each asks for
 * confirmation, runs one at a time (a double tap does nothing more), and says how it went in the
 * reader's language (the server's refusal included: period not ended, readings changed since).
 */
import { createSignal } from 'solid-js';
import type { BillingRunSummary } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import type { BillingApi } from './billing.api.ts';
import { formatPeriodRange } from './billing.format.ts';
import { billingText } from './messages/index.ts';

type RunOutcome = { ok: boolean; text: string };

export function createRunActions(api: BillingApi) {
  const { t, language } = useFeatureText(billingText);
  const [busy, setBusy] = createSignal<string | null>(null);
  const [outcome, setOutcome] = createSignal<RunOutcome | null>(null);
  const namesOf = (run: BillingRunSummary) => ({ customer: run.customerName, period: formatPeriodRange(language(), run.periodStart, run.periodEnd) });

  async function act(run: BillingRunSummary, question: 'billing.runs.confirmApprove' | 'billing.runs.confirmDelete', call: () => Promise<{ ok: true } | { ok: false; error: Parameters<typeof apiErrorText>[0] }>, done: 'billing.runs.approved' | 'billing.runs.deleted'): Promise<boolean> {
    if (busy() !== null || !confirm(t(question, namesOf(run)))) return false;
    setBusy(run.id);
    setOutcome(null);
    const result = await call();
    setBusy(null);
    setOutcome(result.ok ? { ok: true, text: t(done, namesOf(run)) } : { ok: false, text: apiErrorText(result.error, language()) });
    return result.ok;
  }

  return {
    /** The run being approved or deleted, if any. */
    busy,
    outcome,
    approve: (run: BillingRunSummary) => act(run, 'billing.runs.confirmApprove', () => api.approve(run.id), 'billing.runs.approved'),
    deleteDraft: (run: BillingRunSummary) => act(run, 'billing.runs.confirmDelete', () => api.deleteDraft(run.id), 'billing.runs.deleted'),
  };
}

export type RunActions = ReturnType<typeof createRunActions>;
