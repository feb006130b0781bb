/** Current errors from the agents' alerts, the auto-repaired and manually repaired lists, and "create a maintenance request" from an error. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { COMPLEXITIES } from '@parc/shared/tickets/complexity';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { createTicketsApi, customerOptions } from './tickets.api.ts';
import { ComplexityLabel, CustomerCell, DeviceCell, Pager, RequestStateBadge } from './tickets-bits.tsx';
import { draftFromError, ERROR_TABS, errorsQuery, newRequestHref, tabFilters, type ErrorFilters, type ErrorTab } from './tickets.rules.ts';
import './tickets.css';

const api = createTicketsApi(createApiClient());
const PAGE_SIZE = 50;
const TAB_LABELS = { current: 'tickets.errors.tab.current', auto: 'tickets.errors.tab.auto', manual: 'tickets.errors.tab.manual' } as const;

export default function ErrorsPage() {
  const { t, language } = useI18n();
  const [tab, setTab] = createSignal<ErrorTab>('current');
  const [filters, setFilters] = createSignal<ErrorFilters>({ customerId: '', complexity: '' });
  const [page, setPage] = createSignal(1);
  const [customers] = createResource(() => customerOptions(api));

  const query = () => ({ tab: tab(), params: errorsQuery(tab(), filters(), page(), PAGE_SIZE) });
  const [errors] = createResource(
    () => (query().tab === 'manual' ? false : query().params),
    (params) => api.errors(params),
  );
  const [repaired] = createResource(
    () => (query().tab === 'manual' ? query().params : false),
    (params) => api.manuallyRepaired(params),
  );
  // Loaded hands its children a snapshot: read the current page through these so a new page or filter shows.
  const errorPage = () => {
    const result = errors();
    return result?.ok ? result.data : { items: [], total: 0 };
  };
  const repairedPage = () => {
    const result = repaired();
    return result?.ok ? result.data : { items: [], total: 0 };
  };
  const choose = (next: ErrorTab) => {
    setTab(next);
    setPage(1);
  };
  const filter = (patch: Partial<ErrorFilters>) => {
    setFilters({ ...filters(), ...patch });
    setPage(1);
  };
  const date = (iso: string | null) => formatDateTime(language(), iso);

  return (
    <section class="page tickets" aria-labelledby="errors-title">
      <header class="page__heading">
        <h1 id="errors-title">{t('tickets.errors.title')}</h1>
      </header>
      <div class="segmented tickets__tabs" role="tablist">
        <For each={ERROR_TABS}>
          {(each) => (
            <button type="button" role="tab" class="button" classList={{ 'is-active': tab() === each }} aria-selected={tab() === each} data-tab={each} onClick={() => choose(each)}>
              {t(TAB_LABELS[each])}
            </button>
          )}
        </For>
      </div>
      <Show when={tabFilters(tab())}>
        <div class="filters">
          <label class="field">
            <span>{t('tickets.filter.customer')}</span>
            <select name="customerId" value={filters().customerId} onChange={(e) => filter({ customerId: e.currentTarget.value })}>
              <option value="">{t('tickets.filter.any')}</option>
              <For each={customers()}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('tickets.filter.complexity')}</span>
            <select name="complexity" value={filters().complexity} onChange={(e) => filter({ complexity: e.currentTarget.value })}>
              <option value="">{t('tickets.filter.any')}</option>
              <For each={COMPLEXITIES}>{(complexity) => <option value={complexity}>{t(`tickets.complexity.${complexity}`)}</option>}</For>
            </select>
          </label>
        </div>
      </Show>

      <Show
        when={tab() !== 'manual'}
        fallback={
          <Loaded result={repaired()}>
            {() => (
            <>
              <div class="table-scroll">
                <table class="table tickets__table" data-testid="repaired-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('tickets.column.device')}</th>
                      <th scope="col">{t('tickets.column.customer')}</th>
                      <th scope="col">{t('tickets.column.subject')}</th>
                      <th scope="col">{t('tickets.column.complexity')}</th>
                      <th scope="col">{t('tickets.column.state')}</th>
                      <th scope="col">{t('tickets.column.updatedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={repairedPage().items} fallback={<tr><td colSpan={6} class="muted">{t('tickets.errors.empty')}</td></tr>}>
                      {(request) => (
                        <tr data-request-id={request.id}>
                          <td><DeviceCell device={request.device} /></td>
                          <td><CustomerCell device={request.device} /></td>
                          <td><A href={`/console/requests/${request.id}`}>{request.subject}</A></td>
                          <td><ComplexityLabel complexity={request.complexity} /></td>
                          <td><RequestStateBadge state={request.state} /></td>
                          <td>{date(request.updatedAt)}</td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <Pager page={page()} total={repairedPage().total} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
            )}
          </Loaded>
        }
      >
        <Loaded result={errors()}>
          {() => (
          <>
            <div class="table-scroll">
              <table class="table tickets__table" data-testid="errors-table">
                <thead>
                  <tr>
                    <th scope="col">{t('tickets.column.device')}</th>
                    <th scope="col">{t('tickets.column.customer')}</th>
                    <th scope="col">{t('tickets.column.alert')}</th>
                    <th scope="col">{t('tickets.column.severity')}</th>
                    <th scope="col">{t('tickets.column.complexity')}</th>
                    <th scope="col">{tab() === 'auto' ? t('tickets.column.clearedAt') : t('tickets.column.openedAt')}</th>
                    <th scope="col" />
                  </tr>
                </thead>
                <tbody>
                  <For each={errorPage().items} fallback={<tr><td colSpan={7} class="muted">{t('tickets.errors.empty')}</td></tr>}>
                    {(error) => (
                      <tr data-error-id={error.id} data-device-code={error.device.deviceCode}>
                        <td><DeviceCell device={error.device} /></td>
                        <td><CustomerCell device={error.device} /></td>
                        <td>{error.description || error.code}</td>
                        <td><span class={`severity severity--${error.severity}`}>{t(`tickets.severity.${error.severity}`)}</span></td>
                        <td><ComplexityLabel complexity={error.complexity} /></td>
                        <td>{tab() === 'auto' ? date(error.clearedAt) : date(error.openedAt)}</td>
                        <td>
                          <Show
                            when={error.requestId}
                            fallback={
                              <Show when={tab() === 'current'}>
                                <A class="button button--quiet" href={newRequestHref(draftFromError(error))} data-action="create-request">
                                  {t('tickets.errors.createRequest')}
                                </A>
                              </Show>
                            }
                          >
                            {(requestId) => <A href={`/console/requests/${requestId()}`}>{t('tickets.errors.openRequest')}</A>}
                          </Show>
                        </td>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
            <Pager page={page()} total={errorPage().total} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
          )}
        </Loaded>
      </Show>
    </section>
  );
}
