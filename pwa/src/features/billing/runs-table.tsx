/** Billing runs as a table (cards on a phone): customer, status, total and what to check, with their actions. */
import { For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { BillingRunSummary } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import { pluralForm } from '../plural/plural.ts';
import { moneyFormat } from './billing.format.ts';
import { billingText } from './messages/index.ts';
import type { RunActions } from './run-actions.ts';
import { RunStatus } from './run-status.tsx';

export function RunsTable(props: { runs: BillingRunSummary[]; actions: RunActions; canEdit: boolean; onChanged: () => void }) {
  const { t, language } = useFeatureText(billingText);
  /** What to look at before approving: lines resting on estimates, devices without a reading, corrections of approved periods. */
  const checks = (run: BillingRunSummary) =>
    (
      [
        ['estimated', run.estimatedLines],
        ['missing', run.missingDevices],
        ['adjustments', run.adjustmentLines],
      ] as const
    )
      .filter(([, count]) => count > 0)
      .map(([what, count]) => t(`billing.runs.check.${what}.${pluralForm(language(), count)}`, { count: formatCount(language(), count) }));
  return (
    <div class="table-scroll">
      <table class="table stack-table runs-table">
        <thead>
          <tr>
            <th scope="col">{t('billing.runs.col.customer')}</th>
            <th scope="col">{t('billing.runs.status')}</th>
            <th scope="col" class="number">
              {t('billing.runs.col.total')}
            </th>
            <th scope="col">{t('billing.runs.col.check')}</th>
            <th scope="col">{t('billing.runs.col.computedAt')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('billing.runs.col.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <For each={props.runs}>
            {(run) => (
              <tr data-run={run.customerNumber}>
                <th scope="row">
                  <A href={`/console/billing/${run.id}`}>{run.customerName}</A> <span class="muted">{run.customerNumber}</span>
                </th>
                <td data-label={t('billing.runs.status')}>
                  <RunStatus status={run.status} />
                </td>
                <td data-label={t('billing.runs.col.total')} class="number">
                  {moneyFormat(language(), run.currency).amount(run.total)}
                </td>
                <td data-label={t('billing.runs.col.check')}>
                  <Show when={checks(run).length > 0} fallback="—">
                    <span class="runs-table__check">
                      <For each={checks(run)}>{(check) => <span class="badge badge--warn">{check}</span>}</For>
                    </span>
                  </Show>
                </td>
                <td data-label={t('billing.runs.col.computedAt')}>{formatDateTime(language(), run.computedAt)}</td>
                <td class="runs-table__actions">
                  <div class="actions">
                    <Show when={props.canEdit && run.status === 'draft'}>
                      <button type="button" class="button" disabled={props.actions.busy() !== null} onClick={async () => (await props.actions.approve(run)) && props.onChanged()}>
                        {t('billing.runs.approve')}
                      </button>
                      <button type="button" class="button button--quiet" disabled={props.actions.busy() !== null} onClick={async () => (await props.actions.deleteDraft(run)) && props.onChanged()}>
                        {t('billing.runs.delete')}
                      </button>
                    </Show>
                  </div>
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}
