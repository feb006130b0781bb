/** The customer's coordinators; one is the main coordinator, who receives the system's messages. */
import { createResource, createSignal, Show } from 'solid-js';
import { useFeatureText } from '../../console/feature-text.ts';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { ItemsTable } from '../items-table.tsx';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';
import { apiErrorText } from '../../../i18n/api-error.ts';

export function CoordinatorsTab(props: { api: CustomersApi; customerId: string }) {
  const { t, language } = useFeatureText(customersText);
  const [list, { refetch }] = createResource(() => props.customerId, (id) => props.api.coordinators(id));
  const [form, setForm] = createSignal({ name: '', email: '', phone: '', overageAlerts: false });
  const [error, setError] = createSignal<string | null>(null);

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const { name, email, phone, overageAlerts } = form();
    const result = await props.api.createCoordinator(props.customerId, { name, email: email || null, phone: phone || null, overageAlerts });
    if (!result.ok) return setError(apiErrorText(result.error, language()));
    setForm({ name: '', email: '', phone: '', overageAlerts: false });
    setError(null);
    await refetch();
  }

  return (
    <section>
      <ItemsTable result={list.loading ? undefined : list()} retry={refetch} empty={<p class="card muted">{t('coordinators.empty')}</p>}
        head={
          <>
            <th scope="col">{t('field.contactName')}</th>
            <th scope="col">{t('field.email')}</th>
            <th scope="col">{t('field.phone')}</th>
            <th scope="col">{t('coordinators.main')}</th>
            <th scope="col" title={t('coordinators.overageAlerts.hint')}>
              {t('coordinators.overageAlerts')}
            </th>
          </>
        }
      >
        {(coordinator) => (
          <tr>
            <th scope="row">{coordinator.name}</th>
            <td>{coordinator.email ?? '—'}</td>
            <td>{coordinator.phone ?? '—'}</td>
            <td>
              <Show
                when={coordinator.isMain}
                fallback={
                  <button
                    type="button"
                    class="button button--quiet"
                    onClick={async () => {
                      await props.api.updateCoordinator(coordinator.id, { isMain: true });
                      await refetch();
                    }}
                  >
                    {t('coordinators.makeMain')}
                  </button>
                }
              >
                <span class="badge badge--ok">{t('coordinators.main')}</span>
              </Show>
            </td>
            <td>
              <input
                type="checkbox"
                checked={coordinator.overageAlerts}
                disabled={!coordinator.email && !coordinator.overageAlerts}
                aria-label={`${t('coordinators.overageAlerts')}: ${coordinator.name}`}
                title={coordinator.email ? t('coordinators.overageAlerts.hint') : t('coordinators.overageAlerts.noEmail')}
                data-testid="overage-alerts"
                onChange={async (event) => {
                  const result = await props.api.updateCoordinator(coordinator.id, { overageAlerts: event.currentTarget.checked });
                  setError(result.ok ? null : apiErrorText(result.error, language()));
                  await refetch();
                }}
              />
            </td>
          </tr>
        )}
      </ItemsTable>
      <form class="card form" onSubmit={add}>
        <h2>{t('coordinators.add')}</h2>
        <FormError message={error()} />
        <div class="form-grid">
          <TextField label={t('field.contactName')} value={form().name} onInput={(name) => setForm({ ...form(), name })} />
          <TextField label={t('field.email')} type="email" value={form().email} onInput={(email) => setForm({ ...form(), email })} />
          <TextField label={t('field.phone')} type="tel" value={form().phone} onInput={(phone) => setForm({ ...form(), phone })} />
        </div>
        <label class="check">
          <input type="checkbox" checked={form().overageAlerts} onChange={(event) => setForm({ ...form(), overageAlerts: event.currentTarget.checked })} />
          {t('coordinators.overageAlerts.hint')}
        </label>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('coordinators.add')}
          </button>
        </div>
      </form>
    </section>
  );
}
