/**
 * One billing run: who and which period, when it was computed and approved, the prices it used, the
 * devices without a reading, every line and the total; exports for accounting; a draft can be
 * computed again, approved or deleted.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { BillingRun } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createCustomersApi } from '../customers/customers.api.ts';
import { createBillingApi, exportUrl } from './billing.api.ts';
import { formatPeriod, formatPeriodRange } from './billing.format.ts';
import { billingText } from './messages/index.ts';
import { createRunActions } from './run-actions.ts';
import { RunLines } from './run-lines.tsx';
import { RunStatus } from './run-status.tsx';
import './billing.css';

export default function BillingRunPage() {
  const { t, language } = useFeatureText(billingText);
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const api = createBillingApi();
  const customersApi = createCustomersApi();
  const actions = createRunActions(api);
  const canEdit = usePermission('billing', 'edit');
  const [run, { refetch }] = createResource(() => params.id, (id) => api.run(id));
  // The price version the run used: its number for the facts, its bands for the tiered lines.
  const [prices] = createResource(
    () => {
      const loaded = run();
      return loaded?.ok ? loaded.data.customerId : undefined;
    },
    (customerId) => customersApi.prices(customerId),
  );
  const version = (loaded: BillingRun) => {
    const result = prices();
    return result?.ok ? result.data.history.find((each) => each.id === loaded.priceVersionId) : undefined;
  };
  const [rerunning, setRerunning] = createSignal(false);
  const [rerunError, setRerunError] = createSignal<Parameters<typeof FormError>[0]['message']>(null);
  const listHref = (loaded: BillingRun) => `/console/billing?period=${loaded.period}`;

  async function rerun(loaded: BillingRun) {
    if (rerunning()) return;
    setRerunning(true);
    setRerunError(null);
    const result = await api.runBilling({ period: loaded.period, customerId: loaded.customerId });
    setRerunning(false);
    if (!result.ok) return setRerunError(result.error);
    const again = result.data.runs[0];
    if (again && again.id !== loaded.id) navigate(`/console/billing/${again.id}`, { replace: true });
    else void refetch();
  }

  return (
    <Loaded result={run.loading ? undefined : run()} retry={refetch}>
      {(loaded) => (
        <div class="billing billing-run">
          <p>
            <A href={listHref(loaded)}>← {t('billing.run.back')}</A>
          </p>
          <div class="page__heading billing-run__heading">
            <h1 id="page-title">
              {loaded.customerName} · {formatPeriodRange(language(), loaded.periodStart, loaded.periodEnd)}
            </h1>
            <RunStatus status={loaded.status} />
          </div>
          <section class="card">
            <dl class="facts">
              <dt>{t('billing.run.customer')}</dt>
              <dd>
                <A href={`/console/customers/${loaded.customerId}/billing`}>
                  {loaded.customerName} ({loaded.customerNumber})
                </A>
              </dd>
              <dt>{t('billing.run.computed')}</dt>
              <dd>{t('billing.run.byOn', { date: formatDateTime(language(), loaded.computedAt), who: loaded.computedBy })}</dd>
              <Show when={loaded.approvedAt}>
                {(approvedAt) => (
                  <>
                    <dt>{t('billing.run.approvedBy')}</dt>
                    <dd>{t('billing.run.byOn', { date: formatDateTime(language(), approvedAt()), who: loaded.approvedBy ?? '' })}</dd>
                  </>
                )}
              </Show>
              <Show when={version(loaded)}>
                {(used) => (
                  <>
                    <dt>{t('billing.run.prices')}</dt>
                    <dd>
                      <A href={`/console/customers/${loaded.customerId}/prices`}>{t('billing.run.pricesVersion', { version: used().version, period: formatPeriod(language(), used().effectiveFrom) })}</A>
                    </dd>
                  </>
                )}
              </Show>
            </dl>
          </section>
          <div class="actions billing-run__actions">
            <a class="button" href={exportUrl(loaded.id, 'csv', language())} download="">
              {t('billing.run.exportCsv')}
            </a>
            <a class="button" href={exportUrl(loaded.id, 'xlsx', language())} download="">
              {t('billing.run.exportXlsx')}
            </a>
            <Show when={canEdit() && loaded.status === 'draft'}>
              <button type="button" class="button" disabled={rerunning() || actions.busy() !== null} aria-busy={rerunning()} onClick={() => void rerun(loaded)}>
                {rerunning() ? t('billing.runs.running') : t('billing.run.rerun')}
              </button>
              <button
                type="button"
                class="button button--primary"
                disabled={rerunning() || actions.busy() !== null}
                onClick={async () => {
                  const approved = await actions.approve(loaded);
                  if (approved) void refetch();
                }}
              >
                {t('billing.runs.approve')}
              </button>
              <button
                type="button"
                class="button button--quiet"
                disabled={rerunning() || actions.busy() !== null}
                onClick={async () => {
                  if (await actions.deleteDraft(loaded)) navigate(listHref(loaded), { replace: true });
                }}
              >
                {t('billing.runs.delete')}
              </button>
            </Show>
          </div>
          <FormError message={rerunError()} />
          <Show when={actions.outcome()}>{(outcome) => (outcome().ok ? <p class="success" role="status">{outcome().text}</p> : <FormError message={outcome().text} />)}</Show>
          <Show when={loaded.missing.length > 0}>
            <section class="card billing-run__missing">
              <h2>{t('billing.run.missing')}</h2>
              <p class="muted">{t('billing.run.missingHint')}</p>
              <ul>
                <For each={loaded.missing}>
                  {(device) => (
                    <li>
                      <A href={`/console/devices/${device.deviceId}`}>{device.deviceCode}</A> · {device.deviceModel}
                    </li>
                  )}
                </For>
              </ul>
            </section>
          </Show>
          <RunLines run={loaded} prices={version(loaded)} />
        </div>
      )}
    </Loaded>
  );
}
