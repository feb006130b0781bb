/**
 * "Compute this period": for every customer with prices, or one customer. Drafts are computed again
 * in place; the customers skipped are listed with the reason. One computation at a time.
 */
import { createSignal, For, Show } from 'solid-js';
import { useFeatureText } from '../console/feature-text.ts';
import { FormError } from '../shell/form-error.tsx';
import { pluralForm } from '../plural/plural.ts';
import type { ApiError } from '../../api/client.ts';
import type { BillingApi, BillingRunResult } from './billing.api.ts';
import { formatPeriod } from './billing.format.ts';
import { billingText } from './messages/index.ts';

const SKIPPED_SHOWN_OPEN = 5;

export function RunBilling(props: { api: BillingApi; period: string; customerId?: string; onDone: () => void }) {
  const { t, language } = useFeatureText(billingText);
  const [running, setRunning] = createSignal(false);
  const [result, setResult] = createSignal<BillingRunResult | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);

  async function run() {
    if (running()) return;
    setRunning(true);
    setError(null);
    setResult(null);
    const outcome = await props.api.runBilling(props.customerId ? { period: props.period, customerId: props.customerId } : { period: props.period });
    setRunning(false);
    if (!outcome.ok) return setError(outcome.error);
    setResult(outcome.data);
    props.onDone();
  }

  return (
    <div class="run-billing" data-action="run-billing">
      <div class="actions">
        <button type="button" class="button button--primary" disabled={running()} aria-busy={running()} onClick={() => void run()}>
          {running() ? t('billing.runs.running') : t(props.customerId ? 'billing.runs.runCustomer' : 'billing.runs.runAll', { period: formatPeriod(language(), props.period) })}
        </button>
      </div>
      <FormError message={error()} />
      <Show when={result()}>
        {(done) => (
          <div class="run-billing__result" role="status">
            <p class="success">{t(`billing.runs.computed.${pluralForm(language(), done().runs.length)}`, { count: done().runs.length })}</p>
            <Show when={done().skipped.length > 0}>
              {/* A long list (every customer without prices) stays folded until asked for. */}
              <details class="run-billing__skipped" open={done().skipped.length <= SKIPPED_SHOWN_OPEN}>
                <summary>{t(`billing.runs.skipped.${pluralForm(language(), done().skipped.length)}`, { count: done().skipped.length })}</summary>
                <ul>
                  <For each={done().skipped}>{(skipped) => <li>{t(`billing.runs.skipped.${skipped.reason}`, { customer: skipped.customerNumber })}</li>}</For>
                </ul>
              </details>
            </Show>
          </div>
        )}
      </Show>
    </div>
  );
}
