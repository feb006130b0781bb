/** The customers list: the seed's columns, search on name and prefix, display options remembered per user, paging. */
import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useNavigate } from '@solidjs/router';
import type { CustomerOverview } from '@parc/shared/contracts/dashboard';
import { formatCount } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { createDashboardApi } from '../dashboard/dashboard.api.ts';
import { AgentBadge } from './agent-badge.tsx';
import { createCustomersApi } from './customers.api.ts';
import { createCustomersList } from './customers-list.store.ts';
import { DisplayOptions } from './display-options.tsx';
import { pageCount, visibleColumns, type CustomerColumn } from './list-columns.ts';
import { customersText } from './messages/index.ts';
import './customers.css';
import { pluralForm } from '../plural/plural.ts';

export default function CustomersListPage() {
  const { t, language } = useFeatureText(customersText);
  const canEdit = usePermission('customers', 'edit');
  const navigate = useNavigate();
  const store = createCustomersList({ dashboard: createDashboardApi(), customers: createCustomersApi() });
  const [optionsOpen, setOptionsOpen] = createSignal(false);
  let searchTimer: ReturnType<typeof setTimeout> | undefined;
  const columns = () => visibleColumns(store.preferences());

  const cell = (column: CustomerColumn, row: CustomerOverview) => (
    <Switch>
      <Match when={column === 'prefix'}>{row.prefix}</Match>
      <Match when={column === 'sites'}>
        <A href={`/console/customers/${row.id}/sites`}>{t(`customers.sitesCount.${pluralForm(language(), row.siteCount)}`, { count: row.siteCount })}</A>
      </Match>
      <Match when={column === 'billingType'}>{row.billingType ? t('customers.billing.per_page') : <span class="muted">{t('customers.billing.none')}</span>}</Match>
      <Match when={column === 'agent'}>
        <AgentBadge agent={row.agent} />
      </Match>
      <Match when={column === 'devices'}>
        <A href={`/console/devices?customerId=${row.id}`}>{t(`customers.devicesCount.${pluralForm(language(), row.deviceCount)}`, { count: row.deviceCount })}</A>
      </Match>
      <Match when={column === 'lastMonthPages'}>{t('customers.pages', { count: formatCount(language(), row.lastMonthPages) })}</Match>
    </Switch>
  );

  return (
    <div class="customers">
      <div class="page__heading">
        <h1 id="page-title">{t('customers.title')}</h1>
        <Show when={canEdit()}>
          <A class="button button--primary" href="/console/customers/new">
            {t('customers.add')}
          </A>
        </Show>
      </div>
      <div class="filters">
        <label class="field">
          {t('customers.search')}
          <input
            type="search"
            value={store.search()}
            data-testid="customers-search"
            onInput={(event) => {
              const text = event.currentTarget.value;
              clearTimeout(searchTimer);
              searchTimer = setTimeout(() => store.setSearch(text), 250);
            }}
          />
        </label>
        <button type="button" class="button" aria-expanded={optionsOpen()} onClick={() => setOptionsOpen(!optionsOpen())}>
          {t('customers.displayOptions')}
        </button>
      </div>
      <Show when={optionsOpen()}>
        <DisplayOptions
          value={store.preferences()}
          onSave={async (value) => {
            if ((await store.savePreferences(value)).ok) setOptionsOpen(false);
          }}
          onReset={async () => {
            if ((await store.resetPreferences()).ok) setOptionsOpen(false);
          }}
          onClose={() => setOptionsOpen(false)}
        />
      </Show>
      <Loaded result={store.list()} retry={store.refetch}>
        {(page) => (
          <>
            <Show when={page.items.length > 0} fallback={<p class="card muted">{t('customers.empty')}</p>}>
              <div class="table-scroll">
                <table class="table customers-table" data-testid="customers-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('customers.col.name')}</th>
                      <For each={columns()}>{(column) => <th scope="col">{t(`customers.col.${column}`)}</th>}</For>
                      <th scope="col">{t('customers.col.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={page.items}>
                      {(row) => (
                        <tr classList={{ 'is-inactive': !row.active }}>
                          <th scope="row">
                            <A href={`/console/customers/${row.id}`} class="customers-table__name">
                              {row.name}
                            </A>
                            <Show when={!row.active}>
                              {' '}
                              <span class="badge">{t('customers.inactive')}</span>
                            </Show>
                            <Show when={row.mainAddress}>
                              <div class="muted customers-table__address">{row.mainAddress}</div>
                            </Show>
                          </th>
                          <For each={columns()}>{(column) => <td>{cell(column, row)}</td>}</For>
                          <td>
                            <details class="row-menu">
                              <summary class="button button--quiet" aria-label={`${t('customers.col.actions')}: ${row.name}`}>
                                ⋯
                              </summary>
                              <div class="row-menu__items">
                                <A class="button button--quiet" href={`/console/customers/${row.id}`}>
                                  {t('customers.open')}
                                </A>
                                <Show when={canEdit()}>
                                  <button type="button" class="button button--quiet" onClick={() => navigate(`/console/customers/${row.id}/information?edit=1`)}>
                                    {t('customers.edit')}
                                  </button>
                                </Show>
                                <Show when={row.active && canEdit()}>
                                  <button
                                    type="button"
                                    class="button button--quiet"
                                    onClick={() => {
                                      if (confirm(t('customers.confirmDeactivate', { name: row.name }))) void store.deactivate(row.id);
                                    }}
                                  >
                                    {t('customers.deactivate')}
                                  </button>
                                </Show>
                              </div>
                            </details>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </Show>
            <nav class="pager" aria-label={t('customers.pageOf', { page: page.page, pages: pageCount(page.total, page.pageSize), total: page.total })}>
              <button type="button" class="button" disabled={page.page <= 1} onClick={() => store.setPage(page.page - 1)}>
                {t('customers.previous')}
              </button>
              <span>{t('customers.pageOf', { page: page.page, pages: pageCount(page.total, page.pageSize), total: page.total })}</span>
              <button type="button" class="button" disabled={page.page >= pageCount(page.total, page.pageSize)} onClick={() => store.setPage(page.page + 1)}>
                {t('customers.next')}
              </button>
            </nav>
          </>
        )}
      </Loaded>
    </div>
  );
}
