/** The partner's maintenance requests: filters by state (open by default), technician and customer; a new request by hand. */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { REQUEST_STATES } from '@parc/shared/tickets/states';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { usePermission } from '../console/permissions.tsx';
import { createTicketsApi, customerOptions, technicianOptions } from './tickets.api.ts';
import { createPagedFilters, CustomerCell, DeviceCell, FilterSelect, NamedOptions, PAGE_SIZE, PagedTable, RequestStateBadge } from './tickets-bits.tsx';
import { EMPTY_DRAFT, newRequestHref, requestsQuery, type RequestFilters } from './tickets.rules.ts';
import './tickets.css';

const api = createTicketsApi(createApiClient());
const STATE_FILTERS = ['open', ...REQUEST_STATES] as const;

export default function RequestsListPage() {
  const { t, language } = useI18n();
  const canEdit = usePermission('maintenance', 'edit');
  const { filters, filter, page, setPage } = createPagedFilters<RequestFilters>({ state: 'open', technicianId: '', customerId: '' });
  const [customers] = createResource(() => customerOptions(api));
  const [technicians] = createResource(() => technicianOptions(api));
  const [requests, { refetch }] = createResource(() => requestsQuery(filters(), page(), PAGE_SIZE), (params) => api.requests(params));

  return (
    <section class="page tickets" aria-labelledby="requests-title">
      <header class="page__heading">
        <h1 id="requests-title">{t('tickets.requests.title')}</h1>
        <Show when={canEdit()}>
          <A class="button button--primary" href={newRequestHref(EMPTY_DRAFT)} data-action="new-request">
            {t('tickets.requests.new')}
          </A>
        </Show>
      </header>
      <div class="filters">
        <FilterSelect label={t('tickets.filter.state')} name="state" value={filters().state} onChange={(state) => filter({ state })}>
          <For each={STATE_FILTERS}>{(state) => <option value={state}>{t(`tickets.state.${state}`)}</option>}</For>
        </FilterSelect>
        <FilterSelect label={t('tickets.filter.technician')} name="technicianId" value={filters().technicianId} onChange={(technicianId) => filter({ technicianId })}>
          <NamedOptions each={technicians()} />
        </FilterSelect>
        <FilterSelect label={t('tickets.filter.customer')} name="customerId" value={filters().customerId} onChange={(customerId) => filter({ customerId })}>
          <NamedOptions each={customers()} />
        </FilterSelect>
      </div>
      <PagedTable
        result={requests()}
        retry={refetch}
        testId="requests-table"
        columnCount={6}
        empty={t('tickets.requests.empty')}
        page={page()}
        onPage={setPage}
        head={
          <>
            <th scope="col">{t('tickets.column.subject')}</th>
            <th scope="col">{t('tickets.column.device')}</th>
            <th scope="col">{t('tickets.column.customer')}</th>
            <th scope="col">{t('tickets.column.technician')}</th>
            <th scope="col">{t('tickets.column.state')}</th>
            <th scope="col">{t('tickets.column.updatedAt')}</th>
          </>
        }
      >
        {(request) => (
          <tr data-request-id={request.id} data-device-code={request.device.deviceCode}>
            <td>
              <A href={`/console/requests/${request.id}`}>{request.subject}</A>
            </td>
            <td>
              <DeviceCell device={request.device} />
            </td>
            <td>
              <CustomerCell device={request.device} />
            </td>
            <td>{request.technicianName ?? <span class="muted">{t('tickets.requests.unassigned')}</span>}</td>
            <td>
              <RequestStateBadge state={request.state} />
            </td>
            <td>{formatDateTime(language(), request.updatedAt)}</td>
          </tr>
        )}
      </PagedTable>
    </section>
  );
}
