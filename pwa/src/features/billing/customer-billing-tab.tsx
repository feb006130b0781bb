/**
 * A customer's billing: the current period so far and where it is heading against the included
 * pages, computing a period for this customer, the runs so far with their lines, and the invoices.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { BillingEstimate, BillingRunSummary } from '@parc/shared/contracts/billing';
import type { Customer } from '@parc/shared/contracts/customers';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { InvoicesPanel } from '../invoices/invoices-panel.tsx';
import { createBillingApi, type BillingApi } from './billing.api.ts';
import { formatDay, formatPeriodRange, moneyFormat, previousPeriod } from './billing.format.ts';
import { billingText } from './messages/index.ts';
import { RunBilling } from './run-billing.tsx';
import { RunLines } from './run-lines.tsx';
import { RunStatus } from './run-status.tsx';
import './billing.css';

export function CustomerBillingTab(props: { customer: Customer }) {
  const { t } = useFeatureText(billingText);
  const api = createBillingApi();
  const canEdit = usePermission('billing', 'edit');
  const [estimate, { refetch: refetchEstimate }] = createResource(() => props.customer.id, (id) => api.estimate(id));
  const [runs, { refetch: refetchRuns }] = createResource(() => props.customer.id, (id) => api.runs({ customerId: id }));
  const [period, setPeriod] = createSignal(previousPeriod(new Date(), props.customer.timezone));

  return (
    <div class="billing customer-billing">
      <Loaded result={estimate.loading ? undefined : estimate()} retry={refetchEstimate}>
        {(data) => (
          <Show when={data.estimate} fallback={<p class="notice">{t('billing.estimate.none')}</p>}>
            {(shown) => <EstimateCard estimate={shown()} />}
          </Show>
        )}
      </Loaded>

      <section class="card">
        <h2>{t('billing.customer.runs')}</h2>
        <Show when={canEdit()}>
          <div class="filters">
            <label class="field">
              {t('billing.runs.period')}
              <input type="month" name="period" value={period()} required onChange={(event) => event.currentTarget.value && setPeriod(event.currentTarget.value)} />
            </label>
          </div>
          <RunBilling api={api} period={period()} customerId={props.customer.id} onDone={() => void refetchRuns()} />
        </Show>
        <Loaded result={runs.loading ? undefined : runs()} retry={refetchRuns}>
          {(data) => (
            <Show when={data.items.length > 0} fallback={<p class="muted">{t('billing.customer.runsEmpty')}</p>}>
              <div class="customer-billing__runs">
                <For each={data.items}>{(run) => <RunDetails api={api} run={run} />}</For>
              </div>
            </Show>
          )}
        </Loaded>
        <p>
          <A href="/console/billing">{t('billing.customer.allRuns')}</A>
        </p>
      </section>

      <InvoicesPanel customerId={props.customer.id} currency={props.customer.currency} />
    </div>
  );
}

/** A run folded to its period, status and total; its lines are asked for when unfolded. */
function RunDetails(props: { api: BillingApi; run: BillingRunSummary }) {
  const { t, language } = useFeatureText(billingText);
  const [open, setOpen] = createSignal(false);
  const [detail, { refetch }] = createResource(() => (open() ? props.run.id : undefined), (id) => props.api.run(id));
  return (
    <details class="run-details" data-period={props.run.period} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span class="run-details__period">{formatPeriodRange(language(), props.run.periodStart, props.run.periodEnd)}</span>
        <RunStatus status={props.run.status} />
        <span class="run-details__total">{moneyFormat(language(), props.run.currency).amount(props.run.total)}</span>
      </summary>
      <p>
        <A href={`/console/billing/${props.run.id}`}>{t('billing.runs.open')}</A>
      </p>
      <Show when={open()}>
        <Loaded result={detail.loading ? undefined : detail()} retry={refetch}>
          {(loaded) => <RunLines run={loaded} />}
        </Loaded>
      </Show>
    </details>
  );
}

function EstimateCard(props: { estimate: BillingEstimate }) {
  const { t, language } = useFeatureText(billingText);
  const money = () => moneyFormat(language(), props.estimate.currency);
  const count = (value: number | null) => (value === null ? '—' : formatCount(language(), value));
  // Kinds the customer prints or has pages included for; an unused scanner says nothing.
  const kinds = () => props.estimate.kinds.filter((kind) => kind.pagesSoFar > 0 || kind.included !== null);
  return (
    <section class="card estimate">
      <h2>{t('billing.estimate.title', { period: formatPeriodRange(language(), props.estimate.periodStart, props.estimate.periodEnd) })}</h2>
      <dl class="estimate__amounts">
        <div>
          <dt>{t('billing.estimate.amountSoFar')}</dt>
          <dd>{money().amount(props.estimate.totalSoFar)}</dd>
        </div>
        <div>
          <dt>{t('billing.estimate.amountProjected')}</dt>
          <dd>{money().amount(props.estimate.projectedTotal)}</dd>
        </div>
      </dl>
      <Show when={kinds().length > 0}>
        <div class="table-scroll">
          <table class="table stack-table">
            <thead>
              <tr>
                <th scope="col">{t('billing.prices.counter')}</th>
                <th scope="col" class="number">
                  {t('billing.estimate.pagesSoFar')}
                </th>
                <th scope="col" class="number">
                  {t('billing.estimate.projected')}
                </th>
                <th scope="col" class="number">
                  {t('billing.estimate.included')}
                </th>
                <th scope="col" class="number">
                  {t('billing.estimate.overage')}
                </th>
              </tr>
            </thead>
            <tbody>
              <For each={kinds()}>
                {(kind) => (
                  <tr>
                    <th scope="row">{t(`billing.kind.${kind.counter}`)}</th>
                    <td data-label={t('billing.estimate.pagesSoFar')} class="number">
                      {count(kind.pagesSoFar)}
                    </td>
                    <td data-label={t('billing.estimate.projected')} class="number">
                      {count(kind.projectedPages)}
                    </td>
                    <td data-label={t('billing.estimate.included')} class="number">
                      {count(kind.included)}
                    </td>
                    <td data-label={t('billing.estimate.overage')} class="number" classList={{ 'estimate__over': kind.projectedOverage > 0 }}>
                      <span>
                        {kind.projectedOverage > 0 ? count(kind.projectedOverage) : '—'}
                        <Show when={kind.projectedOverage > 0 && kind.crossingDay}>{(day) => <small class="estimate__crossing">{t('billing.estimate.crossing', { day: formatDay(language(), day()) })}</small>}</Show>
                      </span>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
