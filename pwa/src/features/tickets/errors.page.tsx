/** Current errors from the agents' alerts, the auto-repaired and manually repaired lists, and "create a maintenance request" from an error. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { COMPLEXITIES } from '@parc/shared/tickets/complexity';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { usePermission } from '../console/permissions.tsx';
import { createTicketsApi, customerOptions } from './tickets.api.ts';
import { ComplexityLabel, createPagedFilters, CustomerCell, DeviceCell, FilterSelect, NamedOptions, PAGE_SIZE, PagedTable, RequestStateBadge } from './tickets-bits.tsx';
import { draftFromError, ERROR_TABS, errorsQuery, newRequestHref, tabFilters, type ErrorFilters, type ErrorTab } from './tickets.rules.ts';
import './tickets.css';
import { alertText } from '@parc/shared/agents/alert-messages';
import { fromCatalogue } from '../../i18n/pseudo.ts';

const api = createTicketsApi(createApiClient());
const TAB_LABELS = { current: 'tickets.errors.tab.current', auto: 'tickets.errors.tab.auto', manual: 'tickets.errors.tab.manual' } as const;

export default function ErrorsPage() {
  const { t, language } = useI18n();
  const canEdit = usePermission('maintenance', 'edit');
  const [tab, setTab] = createSignal<ErrorTab>('current');
  const { filters, filter, page, setPage } = createPagedFilters<ErrorFilters>({ customerId: '', complexity: '' });
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
  const choose = (next: ErrorTab) => {
    setTab(next);
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
          <FilterSelect label={t('tickets.filter.customer')} name="customerId" value={filters().customerId} onChange={(customerId) => filter({ customerId })}>
            <NamedOptions each={customers()} />
          </FilterSelect>
          <FilterSelect label={t('tickets.filter.complexity')} name="complexity" value={filters().complexity} onChange={(complexity) => filter({ complexity })}>
            <For each={COMPLEXITIES}>{(complexity) => <option value={complexity}>{t(`tickets.complexity.${complexity}`)}</option>}</For>
          </FilterSelect>
        </div>
      </Show>

      <Show
        when={tab() !== 'manual'}
        fallback={
          <PagedTable
            result={repaired()}
            testId="repaired-table"
            columnCount={6}
            empty={t('tickets.errors.empty')}
            page={page()}
            onPage={setPage}
            head={
              <>
                <th scope="col">{t('tickets.column.device')}</th>
                <th scope="col">{t('tickets.column.customer')}</th>
                <th scope="col">{t('tickets.column.subject')}</th>
                <th scope="col">{t('tickets.column.complexity')}</th>
                <th scope="col">{t('tickets.column.state')}</th>
                <th scope="col">{t('tickets.column.updatedAt')}</th>
              </>
            }
          >
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
          </PagedTable>
        }
      >
        <PagedTable
          result={errors()}
          testId="errors-table"
          columnCount={7}
          empty={t('tickets.errors.empty')}
          page={page()}
          onPage={setPage}
          head={
            <>
              <th scope="col">{t('tickets.column.device')}</th>
              <th scope="col">{t('tickets.column.customer')}</th>
              <th scope="col">{t('tickets.column.alert')}</th>
              <th scope="col">{t('tickets.column.severity')}</th>
              <th scope="col">{t('tickets.column.complexity')}</th>
              <th scope="col">{tab() === 'auto' ? t('tickets.column.clearedAt') : t('tickets.column.openedAt')}</th>
              <th scope="col" />
            </>
          }
        >
          {(error) => (
            <tr data-error-id={error.id} data-device-code={error.device.deviceCode}>
              <td><DeviceCell device={error.device} /></td>
              <td><CustomerCell device={error.device} /></td>
              <td>{fromCatalogue(alertText(error, error.description, language()))}</td>
              <td><span class={`severity severity--${error.severity}`}>{t(`tickets.severity.${error.severity}`)}</span></td>
              <td><ComplexityLabel complexity={error.complexity} /></td>
              <td>{tab() === 'auto' ? date(error.clearedAt) : date(error.openedAt)}</td>
              <td>
                <Show
                  when={error.requestId}
                  fallback={
                    <Show when={tab() === 'current' && canEdit()}>
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
        </PagedTable>
      </Show>
    </section>
  );
}
