/** The customer's sites: address, coordinator, device count, active; statistics, edit, deactivate, add. */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { Site } from '@parc/shared/contracts/sites';
import { useFeatureText } from '../../console/feature-text.ts';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { ItemsTable } from '../items-table.tsx';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';
import { StatisticsTab } from './statistics-tab.tsx';
import { apiErrorText } from '../../../i18n/api-error.ts';

type SiteForm = { name: string; address: string; postcode: string; city: string; coordinatorId: string };
const emptyForm: SiteForm = { name: '', address: '', postcode: '', city: '', coordinatorId: '' };
const formOf = (site: Site): SiteForm => ({ name: site.name, address: site.address ?? '', postcode: site.postcode ?? '', city: site.city ?? '', coordinatorId: site.coordinatorId ?? '' });

export function SitesTab(props: { api: CustomersApi; customerId: string }) {
  const { t, language } = useFeatureText(customersText);
  const [sites, { refetch }] = createResource(() => props.customerId, (id) => props.api.sites(id));
  const [coordinators] = createResource(() => props.customerId, async (id) => {
    const result = await props.api.coordinators(id);
    return result.ok ? result.data.items : [];
  });
  const [devices] = createResource(() => props.customerId, async (id) => {
    const result = await props.api.devices(id);
    return result.ok ? result.data.items : [];
  });
  const deviceCount = createMemo(() => {
    const counts = new Map<string, number>();
    for (const device of devices() ?? []) if (device.siteId) counts.set(device.siteId, (counts.get(device.siteId) ?? 0) + 1);
    return counts;
  });
  const coordinatorName = (id: string | null) => (coordinators() ?? []).find((coordinator) => coordinator.id === id)?.name ?? t('sites.none');
  /** 'new', a site id being edited, or nothing. */
  const [editing, setEditing] = createSignal<string | null>(null);
  const [form, setForm] = createSignal<SiteForm>(emptyForm);
  const [statsOf, setStatsOf] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const body = { ...form(), coordinatorId: form().coordinatorId || null };
    const target = editing();
    const result = target === 'new' ? await props.api.createSite(props.customerId, body) : await props.api.updateSite(target!, body);
    if (!result.ok) return setError(apiErrorText(result.error, language()));
    setEditing(null);
    setError(null);
    await refetch();
  }

  const editor = () => (
    <form class="card form" onSubmit={save} data-testid="site-form">
      <FormError message={error()} />
      <div class="form-grid">
        <TextField label={t('field.siteName')} value={form().name} onInput={(name) => setForm({ ...form(), name })} />
        <TextField label={t('field.address')} value={form().address} onInput={(address) => setForm({ ...form(), address })} />
        <TextField label={t('field.postcode')} value={form().postcode} onInput={(postcode) => setForm({ ...form(), postcode })} />
        <TextField label={t('field.city')} value={form().city} onInput={(city) => setForm({ ...form(), city })} />
        <label class="field">
          {t('field.coordinator')}
          <select value={form().coordinatorId} onChange={(event) => setForm({ ...form(), coordinatorId: event.currentTarget.value })}>
            <option value="">{t('sites.none')}</option>
            <For each={coordinators() ?? []}>{(coordinator) => <option value={coordinator.id}>{coordinator.name}</option>}</For>
          </select>
        </label>
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t('customers.save')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => setEditing(null)}>
          {t('customers.cancel')}
        </button>
      </div>
    </form>
  );

  return (
    <section>
      <div class="actions" style={{ 'margin-bottom': 'var(--space)' }}>
        <button
          type="button"
          class="button button--primary"
          onClick={() => {
            setForm(emptyForm);
            setEditing('new');
          }}
        >
          {t('sites.add')}
        </button>
      </div>
      <Show when={editing()}>{editor()}</Show>
      <ItemsTable result={sites.loading ? undefined : sites()} retry={refetch} empty={<p class="card muted">{t('sites.empty')}</p>}
        head={
          <>
            <th scope="col">{t('field.siteName')}</th>
            <th scope="col">{t('sites.address')}</th>
            <th scope="col">{t('field.coordinator')}</th>
            <th scope="col" class="number">{t('sites.devices')}</th>
            <th scope="col">{t('sites.active')}</th>
            <th scope="col">{t('customers.col.actions')}</th>
          </>
        }
      >
        {(site) => (
          <tr classList={{ 'is-inactive': !site.active }}>
            <th scope="row">{site.name}</th>
            <td>{[site.address, [site.postcode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</td>
            <td>{coordinatorName(site.coordinatorId)}</td>
            <td class="number">{deviceCount().get(site.id) ?? 0}</td>
            <td>
              <input
                type="checkbox"
                checked={site.active}
                disabled={!site.active}
                aria-label={t('sites.active')}
                onChange={async () => {
                  await props.api.deactivateSite(site.id);
                  await refetch();
                }}
              />
            </td>
            <td>
              <div class="actions">
                <button type="button" class="button button--quiet" aria-pressed={statsOf() === site.id} onClick={() => setStatsOf(statsOf() === site.id ? null : site.id)}>
                  {t('sites.statistics')}
                </button>
                <button
                  type="button"
                  class="button button--quiet"
                  onClick={() => {
                    setForm(formOf(site));
                    setEditing(site.id);
                  }}
                >
                  {t('customers.edit')}
                </button>
              </div>
            </td>
          </tr>
        )}
      </ItemsTable>
      <Show when={statsOf()} keyed>
        {(siteId) => <StatisticsTab customerId={props.customerId} siteId={siteId} />}
      </Show>
    </section>
  );
}
