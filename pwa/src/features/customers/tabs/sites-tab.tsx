/**
 * The customer's sites: address, coordinator, device count; inactive ones greyed. Statistics, edit,
 * deactivate or reactivate, delete (a site entered by mistake; the server refuses one that has
 * devices, plans or stocks), add.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { Site } from '@parc/shared/contracts/sites';
import { ConfirmDialog } from '../../console/confirm-dialog.tsx';
import { usePermission } from '../../console/permissions.tsx';
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
  const canEdit = usePermission('customers', 'edit');
  /** The site whose deactivation or deletion waits for confirmation. */
  const [asking, setAsking] = createSignal<{ site: Site; action: 'deactivate' | 'delete' } | null>(null);

  async function confirmed(site: Site, action: 'deactivate' | 'delete') {
    const result = action === 'delete' ? await props.api.deleteSite(site.id) : await props.api.deactivateSite(site.id);
    if (!result.ok) return result.error;
    if (statsOf() === site.id && action === 'delete') setStatsOf(null);
    await refetch();
    return null;
  }

  async function reactivate(site: Site) {
    const result = await props.api.reactivateSite(site.id);
    setError(result.ok ? null : apiErrorText(result.error, language()));
    await refetch();
  }

  /** A row menu's choice: the menu folds away once chosen. */
  const choose = (event: MouseEvent, action: () => void) => {
    (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    action();
  };

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
      <Show when={canEdit()}>
        <div class="actions" style={{ 'margin-bottom': 'var(--space)' }}>
          <button
            type="button"
            class="button button--primary"
            onClick={() => {
              setForm(emptyForm);
              setError(null);
              setEditing('new');
            }}
          >
            {t('sites.add')}
          </button>
        </div>
      </Show>
      <Show when={editing()}>{editor()}</Show>
      <Show when={!editing() && error()}>
        <FormError message={error()} />
      </Show>
      <div class="card-table">
        <ItemsTable result={sites.loading ? undefined : sites()} retry={refetch} empty={<p class="card muted">{t('sites.empty')}</p>}
          head={
            <>
              <th scope="col">{t('field.siteName')}</th>
              <th scope="col">{t('sites.address')}</th>
              <th scope="col">{t('field.coordinator')}</th>
              <th scope="col" class="number">{t('sites.devices')}</th>
              <th scope="col">{t('customers.col.actions')}</th>
            </>
          }
        >
          {(site) => (
            <tr classList={{ 'is-inactive': !site.active }}>
              <th scope="row">
                {site.name}
                <Show when={!site.active}>
                  {' '}
                  <span class="badge">{t('sites.inactive')}</span>
                </Show>
              </th>
              <td data-label={t('sites.address')}>{[site.address, [site.postcode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || '—'}</td>
              <td data-label={t('field.coordinator')}>{coordinatorName(site.coordinatorId)}</td>
              <td class="number" data-label={t('sites.devices')}>
                {deviceCount().get(site.id) ?? 0}
              </td>
              <td class="card-table__actions">
                <details class="row-menu">
                  <summary class="button button--quiet" aria-label={`${t('customers.col.actions')}: ${site.name}`}>
                    ⋯
                  </summary>
                  <div class="row-menu__items">
                    <button type="button" class="button button--quiet" aria-pressed={statsOf() === site.id} onClick={(event) => choose(event, () => setStatsOf(statsOf() === site.id ? null : site.id))}>
                      {t('sites.statistics')}
                    </button>
                    <Show when={canEdit()}>
                      <button
                        type="button"
                        class="button button--quiet"
                        onClick={(event) =>
                          choose(event, () => {
                            setForm(formOf(site));
                            setError(null);
                            setEditing(site.id);
                          })
                        }
                      >
                        {t('customers.edit')}
                      </button>
                      <Show
                        when={site.active}
                        fallback={
                          <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => void reactivate(site))}>
                            {t('sites.reactivate')}
                          </button>
                        }
                      >
                        <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => setAsking({ site, action: 'deactivate' }))}>
                          {t('sites.deactivate')}
                        </button>
                      </Show>
                      <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => setAsking({ site, action: 'delete' }))}>
                        {t('sites.delete')}
                      </button>
                    </Show>
                  </div>
                </details>
              </td>
            </tr>
          )}
        </ItemsTable>
      </div>
      <Show when={asking()} keyed>
        {({ site, action }) => (
          <ConfirmDialog
            title={t(action === 'delete' ? 'sites.confirmDelete' : 'sites.confirmDeactivate', { name: site.name })}
            confirmLabel={t(action === 'delete' ? 'sites.delete' : 'sites.deactivate')}
            danger={action === 'delete'}
            onConfirm={() => confirmed(site, action)}
            onClose={() => setAsking(null)}
          >
            <p>{t(action === 'delete' ? 'sites.confirmDelete.body' : 'sites.confirmDeactivate.body')}</p>
          </ConfirmDialog>
        )}
      </Show>
      <Show when={statsOf()} keyed>
        {(siteId) => <StatisticsTab customerId={props.customerId} siteId={siteId} />}
      </Show>
    </section>
  );
}
