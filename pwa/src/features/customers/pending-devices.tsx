/**
 * Printers an agent found that are not in the fleet yet: assign each to a site and coordinator. A
 * printer that is an active device of another customer is flagged "reported at another customer":
 * the dealer moves that device here (history and counters with it), leaves it there, or ignores the report.
 * Printers nobody wants in the fleet are deleted from the list one by one or checked and deleted together.
 */
import { A } from '@solidjs/router';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import { formatDateTime } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { usePermission } from '../console/permissions.tsx';
import { pluralForm } from '../plural/plural.ts';
import type { CustomersApi, PendingDecision, PendingDevice } from './customers.api.ts';
import { ItemsTable } from './items-table.tsx';
import { customersText } from './messages/index.ts';
import { allSelected, selectedAmong, withChecked } from './selection.ts';
import { apiErrorText } from '../../i18n/api-error.ts';

export function PendingDevices(props: { api: CustomersApi; customerId: string }) {
  const { t, language } = useFeatureText(customersText);
  const [pending, { refetch }] = createResource(() => props.customerId, (id) => props.api.pendingDevices(id));
  const [sites] = createResource(() => props.customerId, async (id) => {
    const result = await props.api.sites(id);
    return result.ok ? result.data.items.filter((site) => site.active) : [];
  });
  const [coordinators] = createResource(() => props.customerId, async (id) => {
    const result = await props.api.coordinators(id);
    return result.ok ? result.data.items : [];
  });
  /** Printers that are an active device of another customer wait for the dealer's decision, in cards above the table. */
  const reported = () => {
    const result = pending.loading ? undefined : pending();
    return result?.ok ? result.data.items.filter((device) => device.otherCustomerDevice) : [];
  };
  const toAdd = () => {
    const result = pending.loading ? undefined : pending();
    return result?.ok ? { ok: true as const, data: { items: result.data.items.filter((device) => !device.otherCustomerDevice) } } : result;
  };
  const [choices, setChoices] = createSignal<Record<string, { siteId?: string; coordinatorId?: string }>>({});
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const choose = (id: string, field: 'siteId' | 'coordinatorId', value: string) => setChoices({ ...choices(), [id]: { ...choices()[id], [field]: value || undefined } });
  const canDelete = usePermission('agents', 'edit');
  const [checked, setChecked] = createSignal<ReadonlySet<string>>(new Set());
  const listed = createMemo(() => {
    const result = toAdd();
    return result?.ok ? result.data.items.map((device) => device.id) : [];
  });
  const selected = createMemo(() => selectedAmong(checked(), listed()));
  /** The ids whose deletion waits for confirmation: the selection, or one row's. */
  const [deleting, setDeleting] = createSignal<readonly string[] | null>(null);

  async function remove(ids: readonly string[]) {
    const result = await props.api.deletePendingDevices(ids);
    if (!result.ok) {
      await refetch();
      return result.error;
    }
    setChecked(withChecked(checked(), ids, false));
    setMessage({ ok: true, text: t(`pending.deleted.${pluralForm(language(), result.data.deleted)}`, { count: result.data.deleted }) });
    await refetch();
    return null;
  }

  async function assign(device: PendingDevice) {
    const result = await props.api.assignPendingDevice(device.id, choices()[device.id] ?? {});
    setMessage(result.ok ? { ok: true, text: t('pending.assigned') } : { ok: false, text: apiErrorText(result.error, language()) });
    await refetch();
  }

  async function decide(device: PendingDevice, decision: PendingDecision) {
    const result = await props.api.decidePendingDevice(device.id, decision);
    if (!result.ok) setMessage({ ok: false, text: apiErrorText(result.error, language()) });
    else if (decision === 'move') setMessage({ ok: true, text: t('pending.moved', { code: result.data.deviceCode }) });
    else setMessage({ ok: true, text: t(decision === 'keep' ? 'pending.kept' : 'pending.ignored') });
    await refetch();
  }

  return (
    <section class="card">
      <Show when={message()}>{(shown) => <p class={shown().ok ? 'success' : 'form__error'} role="status">{shown().text}</p>}</Show>
      <For each={reported()}>
        {(device) => {
          const elsewhere = device.otherCustomerDevice!;
          return (
            <article class="pending-reported" aria-label={device.serial}>
              <p>
                <span class="badge badge--warn">{t('pending.otherCustomer', { code: elsewhere.deviceCode, customer: elsewhere.customerName })}</span>
              </p>
              <p>
                <strong>{[device.manufacturer, device.model].filter(Boolean).join(' ') || '—'}</strong> · {t('pending.serial')} {device.serial}
                <Show when={device.ip}> · {device.ip}</Show> · {formatDateTime(language(), device.lastSeenAt)}
              </p>
              <p class="muted">{t('pending.reportedHint', { customer: elsewhere.customerName })}</p>
              <p>
                <A href={`/console/devices/${elsewhere.id}`}>{t('pending.history', { code: elsewhere.deviceCode })}</A>
              </p>
              <div class="actions">
                <button type="button" class="button button--primary" onClick={() => decide(device, 'move')}>
                  {t('pending.decide.move')}
                </button>
                <button type="button" class="button" onClick={() => decide(device, 'keep')}>
                  {t('pending.decide.keep', { customer: elsewhere.customerName })}
                </button>
                <button type="button" class="button" onClick={() => decide(device, 'ignore')}>
                  {t('pending.decide.ignore')}
                </button>
              </div>
            </article>
          );
        }}
      </For>
      <Show when={canDelete() && listed().length > 0}>
        <div class="actions pending-selection">
          <label class="check">
            <input type="checkbox" checked={allSelected(checked(), listed())} onChange={(event) => setChecked(withChecked(checked(), listed(), event.currentTarget.checked))} />
            {t('pending.selectAll')}
          </label>
          <button type="button" class="button" disabled={selected().length === 0} onClick={() => setDeleting(selected())}>
            {t('pending.deleteSelected', { count: selected().length })}
          </button>
        </div>
      </Show>
      <Show when={deleting()} keyed>
        {(ids) => (
          <ConfirmDialog
            title={t(`pending.confirmDelete.${pluralForm(language(), ids.length)}`, { count: ids.length })}
            confirmLabel={t('pending.delete')}
            danger
            onConfirm={() => remove(ids)}
            onClose={() => setDeleting(null)}
          >
            <p>{t('pending.confirmDelete.body')}</p>
          </ConfirmDialog>
        )}
      </Show>
      <div class="card-table">
        <ItemsTable result={toAdd()} retry={refetch} empty={<Show when={reported().length === 0}><p class="muted">{t('pending.empty')}</p></Show>}
          head={
            <>
              <th scope="col">{t('pending.model')}</th>
              <th scope="col">{t('pending.serial')}</th>
              <th scope="col">{t('agent.lastContact')}</th>
              <th scope="col">{t('field.siteName')}</th>
              <th scope="col">{t('field.coordinator')}</th>
              <th scope="col">{t('customers.col.actions')}</th>
            </>
          }
        >
          {(device) => (
            <tr>
              <th scope="row">
                <Show when={canDelete()}>
                  <input
                    type="checkbox"
                    class="pending-selection__box"
                    checked={checked().has(device.id)}
                    aria-label={t('pending.select', { serial: device.serial })}
                    onChange={(event) => setChecked(withChecked(checked(), [device.id], event.currentTarget.checked))}
                  />{' '}
                </Show>
                {[device.manufacturer, device.model].filter(Boolean).join(' ') || '—'}
                <div class="muted">{device.ip}</div>
              </th>
              <td data-label={t('pending.serial')}>{device.serial}</td>
              <td data-label={t('agent.lastContact')}>{formatDateTime(language(), device.lastSeenAt)}</td>
              <td data-label={t('field.siteName')}>
                <select aria-label={t('field.siteName')} onChange={(event) => choose(device.id, 'siteId', event.currentTarget.value)}>
                  <option value="">{t('sites.none')}</option>
                  <For each={sites() ?? []}>{(site) => <option value={site.id}>{site.name}</option>}</For>
                </select>
              </td>
              <td data-label={t('field.coordinator')}>
                <select aria-label={t('field.coordinator')} onChange={(event) => choose(device.id, 'coordinatorId', event.currentTarget.value)}>
                  <option value="">{t('sites.none')}</option>
                  <For each={coordinators() ?? []}>{(coordinator) => <option value={coordinator.id}>{coordinator.name}</option>}</For>
                </select>
              </td>
              <td class="card-table__actions">
                <div class="actions">
                  <button type="button" class="button button--primary" onClick={() => assign(device)}>
                    {t('pending.assign')}
                  </button>
                  <Show when={canDelete()}>
                    <button type="button" class="button button--quiet" aria-label={`${t('pending.delete')}: ${device.serial}`} onClick={() => setDeleting([device.id])}>
                      {t('pending.delete')}
                    </button>
                  </Show>
                </div>
              </td>
            </tr>
          )}
        </ItemsTable>
      </div>
    </section>
  );
}
