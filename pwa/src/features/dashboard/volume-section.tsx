/** Printed volumes with filters: a chart of the whole selection and a table per device or per customer. */
import { createMemo, createResource, createSignal, For, lazy, Show, Suspense } from 'solid-js';
import type { VolumeGroup } from '@parc/shared/contracts/dashboard';
import { formatCount } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import type { DashboardApi } from './dashboard.api.ts';
import type { DashboardKey } from './messages/fr.ts';
import { dashboardText } from './messages/index.ts';
import { PERIOD_MONTHS, periodRange, type PeriodMonths } from './volume-period.ts';

let sectionCount = 0;

const VolumeChart = lazy(() => import('./volume-chart.tsx'));

export interface VolumeSectionProps {
  api: DashboardApi;
  /** Fixed customer (the customer page); the dashboard lets the user pick one. */
  customerId?: string;
  /** Site to start with (a site's statistics); the user may still change it. */
  siteId?: string;
  /** Groupings offered; the first is the default. */
  views: readonly VolumeGroup[];
  bucket?: 'day' | 'month';
  title?: DashboardKey;
}

const VIEW_LABEL = { device: 'dashboard.view.device', customer: 'dashboard.view.customer', model: 'dashboard.view.model', site: 'dashboard.view.site', total: 'dashboard.total' } as const;

export function VolumeSection(props: VolumeSectionProps) {
  const { t, language } = useFeatureText(dashboardText);
  const titleId = `volumes-${++sectionCount}`;
  const [customerId, setCustomerId] = createSignal(props.customerId ?? '');
  const [siteId, setSiteId] = createSignal(props.siteId ?? '');
  const [months, setMonths] = createSignal<PeriodMonths>(6);
  const [view, setView] = createSignal<VolumeGroup>(props.views[0]!);
  const [customers] = createResource(
    () => !props.customerId,
    async () => {
      const result = await props.api.customers();
      return result.ok ? result.data.items.filter((customer) => customer.active) : [];
    },
  );
  const [sites] = createResource(customerId, async (id) => {
    if (!id) return [];
    const result = await props.api.sites(id);
    return result.ok ? result.data.items : [];
  });
  const filter = createMemo(() => ({
    ...periodRange(months(), new Date()),
    customerId: customerId() || undefined,
    siteId: siteId() || undefined,
    bucket: props.bucket ?? ('month' as const),
    groupBy: view(),
  }));
  const [report, { refetch }] = createResource(filter, (query) => props.api.volumes(query));

  return (
    <section class="card volume-section" aria-labelledby={titleId}>
      <div class="page__heading">
        <h2 id={titleId}>{t(props.title ?? 'dashboard.volumes')}</h2>
        <Show when={props.views.length > 1}>
          <div class="segmented" role="group" aria-label={t('dashboard.view')}>
            <For each={props.views}>
              {(option) => (
                <button type="button" class="button" classList={{ 'is-active': view() === option }} aria-pressed={view() === option} onClick={() => setView(option)}>
                  {t(VIEW_LABEL[option])}
                </button>
              )}
            </For>
          </div>
        </Show>
      </div>
      <form class="filters" aria-label={t('dashboard.filters')} onSubmit={(event) => event.preventDefault()}>
        <Show when={!props.customerId}>
          <label class="field">
            {t('dashboard.filter.customer')}
            <select
              data-testid="filter-customer"
              value={customerId()}
              onChange={(event) => {
                setCustomerId(event.currentTarget.value);
                setSiteId('');
              }}
            >
              <option value="">{t('dashboard.filter.all')}</option>
              <For each={customers() ?? []}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
            </select>
          </label>
        </Show>
        <label class="field">
          {t('dashboard.filter.site')}
          <select value={siteId()} disabled={!customerId()} onChange={(event) => setSiteId(event.currentTarget.value)}>
            <option value="">{t('dashboard.filter.all')}</option>
            <For each={sites() ?? []}>{(site) => <option value={site.id}>{site.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          {t('dashboard.filter.period')}
          <select value={months()} onChange={(event) => setMonths(Number(event.currentTarget.value) as PeriodMonths)}>
            <For each={PERIOD_MONTHS}>{(option) => <option value={option}>{t(`dashboard.period.${option}`)}</option>}</For>
          </select>
        </label>
      </form>
      <Loaded result={report.loading ? undefined : report()} retry={refetch}>
        {(data) => (
          <Show when={data.series.some((series) => series.mono + series.colour > 0)} fallback={<p class="muted">{t('dashboard.noVolumes')}</p>}>
            <Suspense>
              <VolumeChart report={data} language={language()} labels={{ mono: t('dashboard.mono'), colour: t('dashboard.colour'), description: t('dashboard.chartLabel') }} />
            </Suspense>
            <div class="table-scroll">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">{t('dashboard.name')}</th>
                    <th scope="col" class="number">{t('dashboard.mono')}</th>
                    <th scope="col" class="number">{t('dashboard.colour')}</th>
                    <th scope="col" class="number">{t('dashboard.total')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={data.series.slice(0, 20)}>
                    {(series) => (
                      <tr>
                        <th scope="row">{series.key === 'total' ? t('dashboard.total') : series.label || '—'}</th>
                        <td class="number">{formatCount(language(), series.mono)}</td>
                        <td class="number">{formatCount(language(), series.colour)}</td>
                        <td class="number">{formatCount(language(), series.mono + series.colour)}</td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Loaded>
    </section>
  );
}
