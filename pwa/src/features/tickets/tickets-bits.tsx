/** Small pieces the errors and requests screens share. */
import type { ErrorDevice } from '@parc/shared/contracts/tickets';
import type { Complexity } from '@parc/shared/tickets/complexity';
import type { RequestState } from '@parc/shared/tickets/states';
import { A } from '@solidjs/router';
import { useI18n } from '../../app-context.tsx';
import { pageCount } from './tickets.rules.ts';

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
