/**
 * The billing runs of a period (the previous month unless chosen): compute them for every customer,
 * check each run's total and what rests on estimates or misses a reading, approve or delete drafts.
 * The period and status are in the address, so a run's page leads back to the same list.
 */
import { createResource, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import { BILLING_RUN_STATUSES, type BillingRunStatus } from '@parc/shared/contracts/billing';
import { periodKeySchema } from '@parc/shared/meters/periods';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createBillingApi } from './billing.api.ts';
import { previousPeriod } from './billing.format.ts';
import { billingText } from './messages/index.ts';
import { createRunActions } from './run-actions.ts';
import { RunBilling } from './run-billing.tsx';
import { RunsTable } from './runs-table.tsx';
import './billing.css';

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

export default function BillingRunsPage() {
  const { t } = useFeatureText(billingText);
  const api = createBillingApi();
  const actions = createRunActions(api);
  const canEdit = usePermission('billing', 'edit');
  const [search, setSearch] = useSearchParams<{ period?: string; status?: string }>();
  const period = () => (periodKeySchema.safeParse(search.period).success ? search.period! : previousPeriod(new Date(), browserTimeZone()));
  const status = () => (BILLING_RUN_STATUSES as readonly string[]).includes(search.status ?? '') ? (search.status as BillingRunStatus) : undefined;
  const [runs, { refetch }] = createResource(
    () => ({ period: period(), status: status() }),
    ({ period, status }) => api.runs(status ? { period, status } : { period }),
  );

  return (
    <div class="billing">
      <div class="page__heading">
        <h1 id="page-title">{t('billing.runs.title')}</h1>
      </div>
      <p class="muted">{t('billing.runs.hint')}</p>
      <div class="filters">
        <label class="field">
          {t('billing.runs.period')}
          <input type="month" name="period" value={period()} required onChange={(event) => event.currentTarget.value && setSearch({ period: event.currentTarget.value })} />
        </label>
        <label class="field">
          {t('billing.runs.status')}
          <select name="status" onChange={(event) => setSearch({ status: event.currentTarget.value || undefined })}>
            <option value="" selected={!status()}>
              {t('billing.runs.status.all')}
            </option>
            <option value="draft" selected={status() === 'draft'}>
              {t('billing.runs.status.draft')}
            </option>
            <option value="approved" selected={status() === 'approved'}>
              {t('billing.runs.status.approved')}
            </option>
          </select>
        </label>
      </div>
      <Show when={canEdit()} fallback={<p class="notice">{t('billing.runs.readOnly')}</p>}>
        <RunBilling api={api} period={period()} onDone={() => void refetch()} />
      </Show>
      <Show when={actions.outcome()}>{(outcome) => (outcome().ok ? <p class="success" role="status">{outcome().text}</p> : <FormError message={outcome().text} />)}</Show>
      <Loaded result={runs.loading ? undefined : runs()} retry={refetch}>
        {(data) => (
          <Show when={data.items.length > 0} fallback={<p class="card muted">{t('billing.runs.empty')}</p>}>
            <RunsTable runs={data.items} actions={actions} canEdit={canEdit()} onChanged={() => void refetch()} />
          </Show>
        )}
      </Loaded>
    </div>
  );
}
