/**
 * Every customer's devices to add, the dashboard tile's destination: each leads to its customer's tab
 * to assign it, or to decide on a printer reported at another customer (flagged here).
 */
import { createResource, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { formatDateTime } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { createDashboardApi } from '../dashboard/dashboard.api.ts';
import { createCustomersApi } from './customers.api.ts';
import { ItemsTable } from './items-table.tsx';
import { customersText } from './messages/index.ts';
import './customers.css';

export default function PendingDevicesPage() {
  const { t, language } = useFeatureText(customersText);
  const api = createCustomersApi();
  const [pending, { refetch }] = createResource(() => api.pendingDevices());
  const [names] = createResource(async () => {
    const result = await createDashboardApi().customers();
    return new Map(result.ok ? result.data.items.map((customer) => [customer.id, customer.name]) : []);
  });
  return (
    <div>
      <div class="page__heading">
        <h1 id="page-title">{t('tab.pending')}</h1>
      </div>
      <ItemsTable result={pending.loading ? undefined : pending()} retry={refetch} empty={<p class="card muted">{t('pending.empty')}</p>}
        head={
          <>
            <th scope="col">{t('customers.col.name')}</th>
            <th scope="col">{t('pending.model')}</th>
            <th scope="col">{t('pending.serial')}</th>
            <th scope="col">{t('agent.lastContact')}</th>
          </>
        }
      >
        {(device) => (
          <tr>
            <th scope="row">
              <A href={`/console/customers/${device.customerId}/pending`}>{names()?.get(device.customerId) ?? device.customerId}</A>
            </th>
            <td>{[device.manufacturer, device.model].filter(Boolean).join(' ') || '—'}</td>
            <td>
              {device.serial}
              <Show when={device.otherCustomerDevice}>
                {(elsewhere) => (
                  <div>
                    <span class="badge badge--warn pending-reported__badge">{t('pending.otherCustomer', { code: elsewhere().deviceCode, customer: elsewhere().customerName })}</span>
                  </div>
                )}
              </Show>
            </td>
            <td>{formatDateTime(language(), device.lastSeenAt)}</td>
          </tr>
        )}
      </ItemsTable>
    </div>
  );
}
