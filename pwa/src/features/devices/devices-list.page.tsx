/** The devices list: quick search, advanced search panel, sortable columns the user picks (saved to their account), paging. */
import { createResource, createSignal, For, Match, onMount, Show, Switch } from 'solid-js';
import { A } from '@solidjs/router';
import { CONNECTION_TYPES, DEVICE_STATES, type DeviceRow, type DeviceSort } from '@parc/shared/contracts/device-console';
import { ROWS_PER_PAGE, type ListPreferences } from '@parc/shared/contracts/preferences';
import { createApiClient } from '../../api/client.ts';
import { alertText } from '@parc/shared/agents/alert-messages';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { useI18n } from '../../app-context.tsx';
import { useBrand } from '../settings/brand.ts';
import { createDevicesApi, type NamedOption } from './devices.api.ts';
import { COLUMN_LABELS, COLUMN_SORTS, DEVICE_COLUMNS, effectivePreferences, type DeviceColumn } from './devices-list.columns.ts';
import { StateBadge } from './device-bits.tsx';
import { SupplyBars } from './supply-bars.tsx';
import './devices.css';
import { apiErrorText } from '../../i18n/api-error.ts';
import { usePermission } from '../console/permissions.tsx';
import { DeviceAddDialog } from './device-add-dialog.tsx';
import { DeviceImportDialog } from './device-import-dialog.tsx';

const api = createDevicesApi(createApiClient());

interface Filters {
  customerId: string;
  siteId: string;
  model: string;
  coordinatorId: string;
  state: string;
  connection: string;
  parameterId: string;
  parameterValue: string;
}
const NO_FILTERS: Filters = { customerId: '', siteId: '', model: '', coordinatorId: '', state: '', connection: '', parameterId: '', parameterValue: '' };

export function DevicesListPage() {
  const { t, language } = useI18n();
  useBrand();
  const [search, setSearch] = createSignal('');
  const [draft, setDraft] = createSignal<Filters>(NO_FILTERS);
  const [filters, setFilters] = createSignal<Filters>(NO_FILTERS);
  const [sort, setSort] = createSignal<{ by: DeviceSort; order: 'asc' | 'desc' }>({ by: 'deviceCode', order: 'asc' });
  const [page, setPage] = createSignal(1);
  const [panelOpen, setPanelOpen] = createSignal(false);
  const [preferences, setPreferences] = createSignal<ListPreferences | null>(null);
  const [optionsOpen, setOptionsOpen] = createSignal(false);
  const view = () => effectivePreferences(preferences());

  onMount(async () => {
    const saved = await api.preferences();
    if (saved.ok) setPreferences(saved.data.value);
  });

  const query = () => {
    const params = new URLSearchParams({ page: String(page()), pageSize: String(view().rowsPerPage), sort: sort().by, order: sort().order });
    if (search().trim()) params.set('search', search().trim());
    const f = filters();
    for (const key of ['customerId', 'siteId', 'model', 'coordinatorId', 'state', 'connection'] as const) if (f[key]) params.set(key, f[key]);
    if (f.parameterId && f.parameterValue.trim()) params.append('param', `${f.parameterId}:${f.parameterValue.trim()}`);
    return params;
  };
  const [rows, { refetch }] = createResource(query, (params) => api.list(params));
  const canEdit = usePermission('devices', 'edit');
  /** The add or import dialog, open over the list; `done` says what it did. */
  const [dialog, setDialog] = createSignal<'add' | 'import' | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  const finished = (text: string) => {
    setDone(text);
    void refetch();
  };
  const loaded = () => {
    const result = rows();
    return result?.ok ? result.data : undefined;
  };
  const failure = () => {
    const result = rows();
    return result && !result.ok ? result.error : undefined;
  };
  const [customers] = createResource(async (): Promise<NamedOption[]> => {
    const result = await api.customers();
    return result.ok ? result.data.items : [];
  });
  const [sites] = createResource(() => draft().customerId || null, async (id) => {
    const result = await api.sites(id);
    return result.ok ? result.data.items : [];
  });
  const [coordinators] = createResource(() => draft().customerId || null, async (id) => {
    const result = await api.coordinators(id);
    return result.ok ? result.data.items : [];
  });
  const [parameters] = createResource(async () => {
    const result = await api.parameters('device');
    return result.ok ? result.data.items.filter((parameter) => parameter.kind !== 'oid') : [];
  });

  const update = (patch: Partial<Filters>) => setDraft({ ...draft(), ...patch });
  const applyFilters = (event: SubmitEvent) => {
    event.preventDefault();
    setPage(1);
    setFilters(draft());
  };
  const resetFilters = () => {
    setDraft(NO_FILTERS);
    setFilters(NO_FILTERS);
    setPage(1);
  };
  const sortBy = (column: DeviceColumn) => {
    const by = COLUMN_SORTS[column];
    if (!by) return;
    setSort(sort().by === by ? { by, order: sort().order === 'asc' ? 'desc' : 'asc' } : { by, order: 'asc' });
  };
  async function savePreferences(next: ListPreferences) {
    setPreferences(next);
    setPage(1);
    await api.savePreferences(next);
  }
  const toggleColumn = (column: DeviceColumn, shown: boolean) => {
    const current = view().columns;
    const visibleColumns = shown ? [...current, column] : current.filter((c) => c !== column);
    void savePreferences({ visibleColumns, rowsPerPage: (preferences()?.rowsPerPage ?? view().rowsPerPage) as ListPreferences['rowsPerPage'] });
  };

  const number = (value: number | null) => (value === null ? '—' : value.toLocaleString(language()));
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(language()) : '—');
  const pages = () => {
    const data = loaded();
    return data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1;
  };

  const cell = (column: DeviceColumn, row: DeviceRow) => {
    switch (column) {
      case 'state':
        return <StateBadge state={row.state} />;
      case 'id':
        return (
          <A href={`/console/devices/${row.id}`} class="devices__id">
            {row.deviceCode}
          </A>
        );
      case 'alert':
        return row.alert ? <span class={`alert-chip alert-chip--${row.alert.severity}`} title={row.alert.message}>{fromCatalogue(alertText(row.alert, row.alert.message, language()))}</span> : '';
      case 'supplies':
        return <SupplyBars supplies={row.supplies} />;
      case 'counters':
        return (
          <span class="devices__counters">
            {number(row.counters.total)}
            <Show when={row.counters.colour !== null}>
              <small class="muted">
                {' '}
                {t('devices.counter.colour')} {number(row.counters.colour)}
              </small>
            </Show>
          </span>
        );
      case 'connection':
        return <span class={`connection connection--${row.connection}`}>{t(`devices.connection.${row.connection}`)}</span>;
      case 'site':
        return row.siteName ?? '—';
      case 'customer':
        return row.customerName;
      case 'model':
        return `${row.manufacturer} ${row.model}`;
      case 'lastReading':
        return date(row.lastReadingAt);
    }
  };

  return (
    <section class="page devices" aria-labelledby="devices-title">
      <header class="page__heading devices__heading">
        <h1 id="devices-title">{t('devices.title')}</h1>
        <input
          class="devices__search"
          type="search"
          name="search"
          placeholder={t('devices.search')}
          aria-label={t('devices.search')}
          value={search()}
          onInput={(event) => {
            setPage(1);
            setSearch(event.currentTarget.value);
          }}
        />
        <button type="button" class="button" aria-expanded={panelOpen()} aria-controls="advanced-search" onClick={() => setPanelOpen(!panelOpen())}>
          {t('devices.advanced')}
        </button>
        <button type="button" class="button button--quiet" aria-expanded={optionsOpen()} onClick={() => setOptionsOpen(!optionsOpen())}>
          {t('devices.columns')}
        </button>
        <Show when={canEdit()}>
          <button type="button" class="button button--primary" data-action="add-device" onClick={() => setDialog('add')}>
            {t('devices.add.open')}
          </button>
          <button type="button" class="button" onClick={() => setDialog('import')}>
            {t('devices.import.open')}
          </button>
        </Show>
      </header>
      <Show when={done()}>
        <p class="notice" role="status" data-testid="devices-done">
          {done()}
        </p>
      </Show>
      <Show when={dialog() === 'add'}>
        <DeviceAddDialog
          api={api}
          customers={customers() ?? []}
          customerId={filters().customerId}
          onClose={() => setDialog(null)}
          onCreated={(device) => finished(t('devices.add.done', { code: device.deviceCode }))}
        />
      </Show>
      <Show when={dialog() === 'import'}>
        <DeviceImportDialog
          api={api}
          customers={customers() ?? []}
          customerId={filters().customerId}
          onClose={() => setDialog(null)}
          onImported={(created) => finished(t('devices.import.done', { created }))}
        />
      </Show>

      <div class="devices__layout" classList={{ 'devices__layout--panel': panelOpen() }}>
        <Show when={panelOpen()}>
          <form id="advanced-search" class="devices__panel card form" onSubmit={applyFilters} aria-label={t('devices.advanced')}>
            <label class="field">
              <span>{t('devices.filter.customer')}</span>
              <select name="customerId" value={draft().customerId} onChange={(e) => update({ customerId: e.currentTarget.value, siteId: '', coordinatorId: '' })}>
                <option value="">{t('devices.filter.any')}</option>
                <For each={customers()}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('devices.filter.site')}</span>
              <select name="siteId" value={draft().siteId} disabled={!draft().customerId} onChange={(e) => update({ siteId: e.currentTarget.value })}>
                <option value="">{t('devices.filter.any')}</option>
                <For each={sites()}>{(site) => <option value={site.id}>{site.name}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('devices.filter.model')}</span>
              <input name="model" value={draft().model} onInput={(e) => update({ model: e.currentTarget.value })} />
            </label>
            <label class="field">
              <span>{t('devices.filter.coordinator')}</span>
              <select name="coordinatorId" value={draft().coordinatorId} disabled={!draft().customerId} onChange={(e) => update({ coordinatorId: e.currentTarget.value })}>
                <option value="">{t('devices.filter.any')}</option>
                <For each={coordinators()}>{(coordinator) => <option value={coordinator.id}>{coordinator.name}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('devices.filter.state')}</span>
              <select name="state" value={draft().state} onChange={(e) => update({ state: e.currentTarget.value })}>
                <option value="">{t('devices.filter.any')}</option>
                <For each={DEVICE_STATES}>{(state) => <option value={state}>{t(`devices.state.${state}`)}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('devices.filter.connection')}</span>
              <select name="connection" value={draft().connection} onChange={(e) => update({ connection: e.currentTarget.value })}>
                <option value="">{t('devices.filter.any')}</option>
                <For each={CONNECTION_TYPES}>{(type) => <option value={type}>{t(`devices.connection.${type}`)}</option>}</For>
              </select>
            </label>
            <Show when={parameters()?.length}>
              <label class="field">
                <span>{t('devices.filter.parameter')}</span>
                <select name="parameterId" value={draft().parameterId} onChange={(e) => update({ parameterId: e.currentTarget.value })}>
                  <option value="">{t('devices.filter.any')}</option>
                  <For each={parameters()}>{(parameter) => <option value={parameter.id}>{parameter.name}</option>}</For>
                </select>
              </label>
              <label class="field">
                <span>{t('devices.filter.parameterValue')}</span>
                <input name="parameterValue" value={draft().parameterValue} disabled={!draft().parameterId} onInput={(e) => update({ parameterValue: e.currentTarget.value })} />
              </label>
            </Show>
            <div class="devices__panel-actions">
              <button class="button button--primary" type="submit">
                {t('devices.advanced.apply')}
              </button>
              <button class="button button--quiet" type="button" onClick={resetFilters}>
                {t('devices.advanced.reset')}
              </button>
            </div>
          </form>
        </Show>

        <div class="devices__main">
          <Show when={optionsOpen()}>
            <fieldset class="card devices__options">
              <legend>{t('devices.columns')}</legend>
              <For each={DEVICE_COLUMNS.filter((column) => column !== 'id')}>
                {(column) => (
                  <label class="check">
                    <input type="checkbox" checked={view().columns.includes(column)} onChange={(e) => toggleColumn(column, e.currentTarget.checked)} />
                    {t(COLUMN_LABELS[column])}
                  </label>
                )}
              </For>
              <label class="field field--inline">
                <span>{t('devices.rowsPerPage')}</span>
                <select
                  value={String(preferences()?.rowsPerPage ?? view().rowsPerPage)}
                  onChange={(e) => void savePreferences({ visibleColumns: view().columns, rowsPerPage: Number(e.currentTarget.value) as ListPreferences['rowsPerPage'] })}
                >
                  <For each={ROWS_PER_PAGE.filter((rows) => rows > 0)}>{(rows) => <option value={String(rows)}>{rows}</option>}</For>
                </select>
              </label>
              <p class="muted">{t('devices.optionsSaved')}</p>
            </fieldset>
          </Show>

          <Switch>
            <Match when={failure()}>
              {(error) => (
                <p role="alert" class="form__error">
                  {t('devices.loadFailed', { message: apiErrorText(error(), language()) })}
                </p>
              )}
            </Match>
            <Match when={loaded()}>
              {(data) => {
                return (
                  <>
                    <p class="muted devices__count" aria-live="polite">
                      {t('devices.count', { total: data().total })}
                    </p>
                    <div class="table-scroll">
                      <table class="table devices__table">
                        <thead>
                          <tr>
                            <For each={view().columns}>
                              {(column) => (
                                <th scope="col" aria-sort={COLUMN_SORTS[column] === sort().by ? (sort().order === 'asc' ? 'ascending' : 'descending') : undefined}>
                                  <Show when={COLUMN_SORTS[column]} fallback={t(COLUMN_LABELS[column])}>
                                    <button type="button" class="table__sort" title={t('devices.sortBy', { column: t(COLUMN_LABELS[column]) })} onClick={() => sortBy(column)}>
                                      {t(COLUMN_LABELS[column])}
                                    </button>
                                  </Show>
                                </th>
                              )}
                            </For>
                          </tr>
                        </thead>
                        <tbody>
                          <For each={data().items} fallback={<tr><td colSpan={view().columns.length} class="muted">{t('devices.empty')}</td></tr>}>
                            {(row) => (
                              <tr data-device-code={row.deviceCode}>
                                <For each={view().columns}>{(column) => <td data-column={column}>{cell(column, row)}</td>}</For>
                              </tr>
                            )}
                          </For>
                        </tbody>
                      </table>
                    </div>
                    <nav class="pager" aria-label={t('devices.page', { page: page(), pages: pages() })}>
                      <button class="button button--quiet" type="button" disabled={page() <= 1} onClick={() => setPage(page() - 1)}>
                        {t('devices.previous')}
                      </button>
                      <span>{t('devices.page', { page: page(), pages: pages() })}</span>
                      <button class="button button--quiet" type="button" disabled={page() >= pages()} onClick={() => setPage(page() + 1)}>
                        {t('devices.next')}
                      </button>
                    </nav>
                  </>
                );
              }}
            </Match>
          </Switch>
        </div>
      </div>
    </section>
  );
}

/** Default export for the console's lazy route. */
export default DevicesListPage;
