/** Printers an agent found that are not in the fleet yet: assign each to a site and coordinator. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { formatDateTime } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import type { CustomersApi, PendingDevice } from './customers.api.ts';
import { ItemsTable } from './items-table.tsx';
import { customersText } from './messages/index.ts';
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
  const [choices, setChoices] = createSignal<Record<string, { siteId?: string; coordinatorId?: string }>>({});
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const choose = (id: string, field: 'siteId' | 'coordinatorId', value: string) => setChoices({ ...choices(), [id]: { ...choices()[id], [field]: value || undefined } });

  async function assign(device: PendingDevice) {
    const result = await props.api.assignPendingDevice(device.id, choices()[device.id] ?? {});
    setMessage(result.ok ? { ok: true, text: t('pending.assigned') } : { ok: false, text: apiErrorText(result.error, language()) });
    await refetch();
  }

  return (
    <section class="card">
      <Show when={message()}>{(shown) => <p class={shown().ok ? 'success' : 'form__error'} role="status">{shown().text}</p>}</Show>
      <ItemsTable result={pending.loading ? undefined : pending()} retry={refetch} empty={<p class="muted">{t('pending.empty')}</p>}
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
              {[device.manufacturer, device.model].filter(Boolean).join(' ') || '—'}
              <div class="muted">{device.ip}</div>
            </th>
            <td>{device.serial}</td>
            <td>{formatDateTime(language(), device.lastSeenAt)}</td>
            <td>
              <select aria-label={t('field.siteName')} onChange={(event) => choose(device.id, 'siteId', event.currentTarget.value)}>
                <option value="">{t('sites.none')}</option>
                <For each={sites() ?? []}>{(site) => <option value={site.id}>{site.name}</option>}</For>
              </select>
            </td>
            <td>
              <select aria-label={t('field.coordinator')} onChange={(event) => choose(device.id, 'coordinatorId', event.currentTarget.value)}>
                <option value="">{t('sites.none')}</option>
                <For each={coordinators() ?? []}>{(coordinator) => <option value={coordinator.id}>{coordinator.name}</option>}</For>
              </select>
            </td>
            <td>
              <Show when={!device.otherCustomerDevice} fallback={<span class="badge badge--warn">{t('pending.otherCustomer', { code: device.otherCustomerDevice!.deviceCode })}</span>}>
                <button type="button" class="button button--primary" onClick={() => assign(device)}>
                  {t('pending.assign')}
                </button>
              </Show>
            </td>
          </tr>
        )}
      </ItemsTable>
    </section>
  );
}
