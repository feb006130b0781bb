/** The partner's maintenance requests: filters by state (open by default), technician and customer; a new request by hand. */
import { createResource, createSignal, For } from 'solid-js';
import { A } from '@solidjs/router';
import { REQUEST_STATES } from '@parc/shared/tickets/states';
import { createApiClient } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { createTicketsApi, customerOptions, technicianOptions } from './tickets.api.ts';
import { CustomerCell, DeviceCell, Pager, RequestStateBadge } from './tickets-bits.tsx';
import { EMPTY_DRAFT, newRequestHref, requestsQuery, type RequestFilters } from './tickets.rules.ts';
import './tickets.css';

const api = createTicketsApi(createApiClient());
const PAGE_SIZE = 50;
const STATE_FILTERS = ['open', ...REQUEST_STATES] as const;

export default function RequestsListPage() {
  const { t, language } = useI18n();
  const [filters, setFilters] = createSignal<RequestFilters>({ state: 'open', technicianId: '', customerId: '' });
  const [page, setPage] = createSignal(1);
  const [customers] = createResource(() => customerOptions(api));
  const [technicians] = createResource(() => technicianOptions(api));
  const [requests, { refetch }] = createResource(() => requestsQuery(filters(), page(), PAGE_SIZE), (params) => api.requests(params));
  // Loaded hands its children a snapshot: read the current page through this so a new page or filter shows.
  const requestPage = () => {
    const result = requests();
    return result?.ok ? result.data : { items: [], total: 0 };
  };
  const filter = (patch: Partial<RequestFilters>) => {
    setFilters({ ...filters(), ...patch });
    setPage(1);
  };

  return (
    <section class="page tickets" aria-labelledby="requests-title">
      <header class="page__heading">
        <h1 id="requests-title">{t('tickets.requests.title')}</h1>
        <A class="button button--primary" href={newRequestHref(EMPTY_DRAFT)} data-action="new-request">
          {t('tickets.requests.new')}
        </A>
      </header>
      <div class="filters">
        <label class="field">
          <span>{t('tickets.filter.state')}</span>
          <select name="state" value={filters().state} onChange={(e) => filter({ state: e.currentTarget.value })}>
            <option value="">{t('tickets.filter.any')}</option>
            <For each={STATE_FILTERS}>{(state) => <option value={state}>{t(`tickets.state.${state}`)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('tickets.filter.technician')}</span>
          <select name="technicianId" value={filters().technicianId} onChange={(e) => filter({ technicianId: e.currentTarget.value })}>
            <option value="">{t('tickets.filter.any')}</option>
            <For each={technicians()}>{(technician) => <option value={technician.id}>{technician.name}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('tickets.filter.customer')}</span>
          <select name="customerId" value={filters().customerId} onChange={(e) => filter({ customerId: e.currentTarget.value })}>
            <option value="">{t('tickets.filter.any')}</option>
            <For each={customers()}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
          </select>
        </label>
      </div>
      <Loaded result={requests()} retry={refetch}>
        {() => (
          <>
            <div class="table-scroll">
              <table class="table tickets__table" data-testid="requests-table">
                <thead>
                  <tr>
                    <th scope="col">{t('tickets.column.subject')}</th>
                    <th scope="col">{t('tickets.column.device')}</th>
                    <th scope="col">{t('tickets.column.customer')}</th>
                    <th scope="col">{t('tickets.column.technician')}</th>
                    <th scope="col">{t('tickets.column.state')}</th>
                    <th scope="col">{t('tickets.column.updatedAt')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={requestPage().items} fallback={<tr><td colSpan={6} class="muted">{t('tickets.requests.empty')}</td></tr>}>
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
                  </For>
                </tbody>
              </table>
            </div>
            <Pager page={page()} total={requestPage().total} pageSize={PAGE_SIZE} onPage={setPage} />
          </>
        )}
      </Loaded>
    </section>
  );
}
