/** Current errors from the agents' alerts, the auto-repaired and manually repaired lists, and "create a maintenance request" from an error. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { COMPLEXITIES } from '@parc/shared/tickets/complexity';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { formatDateTime } from '../console/format.ts';
import { usePermission } from '../console/permissions.tsx';
import { createTicketsApi, customerOptions } from './tickets.api.ts';
import { ComplexityLabel, createPagedFilters, CustomerCell, DeviceCell, FilterSelect, NamedOptions, PAGE_SIZE, PagedTable, RequestStateBadge } from './tickets-bits.tsx';
import { draftFromError, ERROR_TABS, errorsQuery, newRequestHref, tabFilters, type ErrorFilters, type ErrorTab } from './tickets.rules.ts';
import { SupplyAlarmText } from '../devices/supply-alarm-text.tsx';
import { FormError } from '../shell/form-error.tsx';
import { ErrorActionDialog, type ErrorAction } from './error-actions.tsx';
import type { CurrentError } from '@parc/shared/contracts/tickets';
import { createSuppliesApi } from '../supplies/supplies.api.ts';
import './tickets.css';
import { alertText } from '@parc/shared/agents/alert-messages';
import { fromCatalogue } from '../../i18n/pseudo.ts';

const api = createTicketsApi(createApiClient());
const TAB_LABELS = { current: 'tickets.errors.tab.current', ignored: 'tickets.errors.tab.ignored', auto: 'tickets.errors.tab.auto', manual: 'tickets.errors.tab.manual', supplies: 'tickets.errors.tab.supplies' } as const;
const suppliesApi = createSuppliesApi(createApiClient());

export default function ErrorsPage() {
  const { t, language } = useI18n();
  const canEdit = usePermission('maintenance', 'edit');
  const canViewSupplies = usePermission('consumables', 'view');
  const canSettle = usePermission('consumables', 'edit');
  const tabs = () => ERROR_TABS.filter((each) => each !== 'supplies' || canViewSupplies());
  const [settling, setSettling] = createSignal<string | null>(null);
  const [settleFailure, setSettleFailure] = createSignal<ApiError | null>(null);
  const [tab, setTab] = createSignal<ErrorTab>('current');
  const { filters, filter, page, setPage } = createPagedFilters<ErrorFilters>({ customerId: '', complexity: '' });
  const [customers] = createResource(() => customerOptions(api));

  const query = () => ({ tab: tab(), params: errorsQuery(tab(), filters(), page(), PAGE_SIZE) });
  const [errors, { refetch: refetchErrors }] = createResource(
    () => (query().tab === 'manual' || query().tab === 'supplies' ? false : query().params),
    (params) => api.errors(params),
  );
  const [repaired] = createResource(
    () => (query().tab === 'manual' ? query().params : false),
    (params) => api.manuallyRepaired(params),
  );
  const [alarms, { refetch: refetchAlarms }] = createResource(
    () => (query().tab === 'supplies' ? query().params : false),
    (params) => suppliesApi.alarms(params),
  );
  /** Settles one alarm at a time; the list is read again either way (another clerk may have settled it). */
  async function settle(id: string) {
    if (settling()) return;
    setSettling(id);
    setSettleFailure(null);
    const result = await suppliesApi.settleAlarm(id);
    setSettling(null);
    if (!result.ok && result.error.code !== 'not_found') setSettleFailure(result.error);
    void refetchAlarms();
  }
  const [acting, setActing] = createSignal<{ error: CurrentError; action: ErrorAction } | null>(null);
  const [actionDone, setActionDone] = createSignal<string | null>(null);
  const [actionFailure, setActionFailure] = createSignal<ApiError | null>(null);
  /** Runs a menu entry and closes the menu it is in. */
  const fromMenu = (event: MouseEvent, run: () => void) => {
    (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    run();
  };
  function done(action: ErrorAction | 'follow') {
    setActing(null);
    setActionDone(t(`tickets.errors.done.${action}`));
    if (action === 'ignore' || action === 'follow') void refetchErrors();
  }
  async function follow(error: CurrentError) {
    setActionFailure(null);
    const result = await api.followError(error.id);
    if (!result.ok) return setActionFailure(result.error);
    done('follow');
  }
  const choose = (next: ErrorTab) => {
    setActionDone(null);
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
        <For each={tabs()}>
          {(each) => (
            <button type="button" role="tab" class="button" classList={{ 'is-active': tab() === each }} aria-selected={tab() === each} data-tab={each} onClick={() => choose(each)}>
              {t(TAB_LABELS[each])}
            </button>
          )}
        </For>
      </div>
      <Show when={actionDone()}>
        <p class="notice" role="status">
          {actionDone()}
        </p>
      </Show>
      <FormError message={actionFailure()} />
      <Show when={tabFilters(tab())}>
        <div class="filters">
          <FilterSelect label={t('tickets.filter.customer')} name="customerId" value={filters().customerId} onChange={(customerId) => filter({ customerId })}>
            <NamedOptions each={customers()} />
          </FilterSelect>
          <Show when={tab() !== 'supplies'}>
            <FilterSelect label={t('tickets.filter.complexity')} name="complexity" value={filters().complexity} onChange={(complexity) => filter({ complexity })}>
              <For each={COMPLEXITIES}>{(complexity) => <option value={complexity}>{t(`tickets.complexity.${complexity}`)}</option>}</For>
            </FilterSelect>
          </Show>
        </div>
      </Show>

      <Show when={tab() === 'supplies'}>
        <FormError message={settleFailure()} />
        <PagedTable
          result={alarms()}
          testId="supply-alarms-table"
          columnCount={6}
          empty={t('tickets.errors.suppliesEmpty')}
          page={page()}
          onPage={setPage}
          head={
            <>
              <th scope="col">{t('tickets.column.device')}</th>
              <th scope="col">{t('tickets.column.customer')}</th>
              <th scope="col">{t('tickets.column.supply')}</th>
              <th scope="col">{t('tickets.column.supplyAlarm')}</th>
              <th scope="col">{t('tickets.column.openedAt')}</th>
              <th scope="col" />
            </>
          }
        >
          {(alarm) => (
            <tr data-alarm-id={alarm.id} data-device-code={alarm.device.deviceCode}>
              <td><DeviceCell device={alarm.device} /></td>
              <td><CustomerCell device={alarm.device} /></td>
              <td>{alarm.supplyName}</td>
              <td><SupplyAlarmText alarm={alarm} /></td>
              <td>{date(alarm.openedAt)}</td>
              <td>
                <Show when={canSettle()}>
                  <button type="button" class="button button--quiet" title={t('tickets.errors.settled')} disabled={settling() !== null} onClick={() => void settle(alarm.id)}>
                    {t('tickets.errors.settle')}
                  </button>
                </Show>
              </td>
            </tr>
          )}
        </PagedTable>
      </Show>
      <Show
        when={tab() !== 'manual' && tab() !== 'supplies'}
        fallback={
          <Show when={tab() === 'manual'}>
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
          </Show>
        }
      >
        <div class="card-table">
          <PagedTable
            result={errors()}
            testId="errors-table"
            columnCount={7}
            empty={tab() === 'ignored' ? t('tickets.errors.ignoredEmpty') : t('tickets.errors.empty')}
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
                <th scope="row"><DeviceCell device={error.device} /></th>
                <td data-label={t('tickets.column.customer')}><CustomerCell device={error.device} /></td>
                <td data-label={t('tickets.column.alert')}>{fromCatalogue(alertText(error, error.description, language()))}</td>
                <td data-label={t('tickets.column.severity')}><span class={`severity severity--${error.severity}`}>{t(`tickets.severity.${error.severity}`)}</span></td>
                <td data-label={t('tickets.column.complexity')}><ComplexityLabel complexity={error.complexity} /></td>
                <td data-label={tab() === 'auto' ? t('tickets.column.clearedAt') : t('tickets.column.openedAt')}>{tab() === 'auto' ? date(error.clearedAt) : date(error.openedAt)}</td>
                <td class="card-table__actions">
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
                  <Show when={error.ignored}>
                    {(ignored) => (
                      <small class="muted tickets__ignored">
                        {ignored().until ? t('tickets.errors.ignoredUntil', { date: date(ignored().until), by: ignored().by }) : t('tickets.errors.ignoredForGood', { by: ignored().by })}
                      </small>
                    )}
                  </Show>
                  <Show when={(tab() === 'current' || tab() === 'ignored') && canEdit()}>
                    <details class="row-menu" data-action="error-menu">
                      <summary class="button button--quiet" aria-label={t('tickets.errors.actions', { alert: alertText(error, error.description, language()), device: error.device.deviceCode })}>
                        ⋯
                      </summary>
                      <div class="row-menu__items">
                        <For each={['email', 'note'] as const}>
                          {(action) => (
                            <button type="button" class="button button--quiet" data-action={`error-${action}`} onClick={(event) => fromMenu(event, () => setActing({ error, action }))}>
                              {t(`tickets.errors.action.${action}`)}
                            </button>
                          )}
                        </For>
                        <Show
                          when={tab() === 'ignored'}
                          fallback={
                            <button type="button" class="button button--quiet" data-action="error-ignore" onClick={(event) => fromMenu(event, () => setActing({ error, action: 'ignore' }))}>
                              {t('tickets.errors.action.ignore')}
                            </button>
                          }
                        >
                          <button type="button" class="button button--quiet" data-action="error-follow" onClick={(event) => fromMenu(event, () => void follow(error))}>
                            {t('tickets.errors.action.follow')}
                          </button>
                        </Show>
                      </div>
                    </details>
                  </Show>
                </td>
              </tr>
            )}
          </PagedTable>
        </div>
      </Show>
      <Show when={acting()} keyed>
        {(current) => <ErrorActionDialog error={current.error} action={current.action} onDone={done} onClose={() => setActing(null)} />}
      </Show>
    </section>
  );
}
