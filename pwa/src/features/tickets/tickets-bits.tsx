/** Small pieces the errors and requests screens share. */
import type { ErrorDevice } from '@parc/shared/contracts/tickets';
import type { Complexity } from '@parc/shared/tickets/complexity';
import type { RequestState } from '@parc/shared/tickets/states';
import { A } from '@solidjs/router';
import { createSignal, For, type JSX } from 'solid-js';
import type { ApiResult } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { Loaded } from '../console/loaded.tsx';
import type { Page } from './tickets.api.ts';
import { pageCount } from './tickets.rules.ts';

export const PAGE_SIZE = 50;

/** Filters and the page shown; any change of filter goes back to the first page. */
export function createPagedFilters<Filters extends object>(initial: Filters) {
  const [filters, setFilters] = createSignal<Filters>(initial);
  const [page, setPage] = createSignal(1);
  const filter = (patch: Partial<Filters>) => {
    setFilters(() => ({ ...filters(), ...patch }));
    setPage(1);
  };
  return { filters, filter, page, setPage };
}

/** A labelled select whose first choice, the empty value, means "any". */
export function FilterSelect(props: { label: string; name: string; value: string; onChange: (value: string) => void; children: JSX.Element }) {
  const { t } = useI18n();
  return (
    <label class="field">
      <span>{props.label}</span>
      <select name={props.name} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('tickets.filter.any')}</option>
        {props.children}
      </select>
    </label>
  );
}

export function NamedOptions(props: { each: readonly { id: string; name: string }[] | undefined }) {
  return <For each={props.each}>{(option) => <option value={option.id}>{option.name}</option>}</For>;
}

/** One page of a list as a table with its pager, once loaded. */
export function PagedTable<Item>(props: {
  result: ApiResult<Page<Item>> | undefined;
  retry?: () => void;
  testId: string;
  head: JSX.Element;
  columnCount: number;
  empty: string;
  page: number;
  onPage: (page: number) => void;
  children: (item: Item) => JSX.Element;
}) {
  // Loaded hands its children a snapshot: read the current page here so a new page or filter shows.
  const current = () => (props.result?.ok ? props.result.data : { items: [], total: 0 });
  return (
    <Loaded result={props.result} retry={props.retry}>
      {() => (
        <>
          <div class="table-scroll">
            <table class="table tickets__table" data-testid={props.testId}>
              <thead>
                <tr>{props.head}</tr>
              </thead>
              <tbody>
                <For each={current().items} fallback={<tr><td colSpan={props.columnCount} class="muted">{props.empty}</td></tr>}>
                  {(item) => props.children(item)}
                </For>
              </tbody>
            </table>
          </div>
          <Pager page={props.page} total={current().total} pageSize={PAGE_SIZE} onPage={props.onPage} />
        </>
      )}
    </Loaded>
  );
}

export function RequestStateBadge(props: { state: RequestState }) {
  const { t } = useI18n();
  return (
    <span class={`request-state request-state--${props.state}`} data-state={props.state}>
      {t(`tickets.state.${props.state}`)}
    </span>
  );
}

export function ComplexityLabel(props: { complexity: Complexity | null }) {
  const { t } = useI18n();
  return <span class={`complexity complexity--${props.complexity ?? 'none'}`}>{props.complexity ? t(`tickets.complexity.${props.complexity}`) : '—'}</span>;
}

/** The device's ID (a link to its page) and model. */
export function DeviceCell(props: { device: ErrorDevice }) {
  return (
    <>
      <A href={`/console/devices/${props.device.id}`} class="tickets__device-code">
        {props.device.deviceCode}
      </A>
      <small class="muted tickets__model">
        {props.device.manufacturer} {props.device.model}
      </small>
    </>
  );
}

export function CustomerCell(props: { device: ErrorDevice }) {
  return (
    <>
      {props.device.customerName}
      {props.device.location && <small class="muted tickets__model">{props.device.location}</small>}
    </>
  );
}

export function Pager(props: { page: number; total: number; pageSize: number; onPage: (page: number) => void }) {
  const { t } = useI18n();
  const pages = () => pageCount(props.total, props.pageSize);
  return (
    <nav class="pager" aria-label={t('tickets.page', { page: props.page, pages: pages() })}>
      <button class="button button--quiet" type="button" disabled={props.page <= 1} onClick={() => props.onPage(props.page - 1)}>
        {t('tickets.previous')}
      </button>
      <span>
        {t('tickets.page', { page: props.page, pages: pages() })} · {t('tickets.count', { total: props.total })}
      </span>
      <button class="button button--quiet" type="button" disabled={props.page >= pages()} onClick={() => props.onPage(props.page + 1)}>
        {t('tickets.next')}
      </button>
    </nav>
  );
}
