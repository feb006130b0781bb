/**
 * The customer's coordinators, inactive ones greyed; one is the main coordinator, who receives the
 * system's messages (making another one main makes the previous one ordinary). Edit in a dialog,
 * deactivate after confirmation (the main one leaves the customer without a main coordinator),
 * reactivate as an ordinary one, add.
 */
import { createResource, createSignal, Show } from 'solid-js';
import type { Coordinator } from '@parc/shared/contracts/coordinators';
import type { ApiError } from '../../../api/client.ts';
import { ConfirmDialog } from '../../console/confirm-dialog.tsx';
import { useFeatureText } from '../../console/feature-text.ts';
import { ModalDialog } from '../../console/modal-dialog.tsx';
import { usePermission } from '../../console/permissions.tsx';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { ItemsTable } from '../items-table.tsx';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';
import { DialogButtons } from '../../console/dialog-buttons.tsx';

type CoordinatorForm = { name: string; email: string; phone: string; overageAlerts: boolean };
const emptyForm: CoordinatorForm = { name: '', email: '', phone: '', overageAlerts: false };
const formOf = (coordinator: Coordinator): CoordinatorForm => ({ name: coordinator.name, email: coordinator.email ?? '', phone: coordinator.phone ?? '', overageAlerts: coordinator.overageAlerts });
/** What the API takes: an empty email or phone is none. */
const inputOf = ({ name, email, phone, overageAlerts }: CoordinatorForm) => ({ name, email: email || null, phone: phone || null, overageAlerts });

/** The fields of a coordinator, in the add form and the edit dialog. */
function CoordinatorFields(props: { form: CoordinatorForm; onChange: (form: CoordinatorForm) => void }) {
  const { t } = useFeatureText(customersText);
  return (
    <>
      <div class="form-grid">
        <TextField label={t('field.contactName')} value={props.form.name} onInput={(name) => props.onChange({ ...props.form, name })} />
        <TextField label={t('field.email')} type="email" value={props.form.email} onInput={(email) => props.onChange({ ...props.form, email })} />
        <TextField label={t('field.phone')} type="tel" value={props.form.phone} onInput={(phone) => props.onChange({ ...props.form, phone })} />
      </div>
      <label class="check">
        <input type="checkbox" checked={props.form.overageAlerts} onChange={(event) => props.onChange({ ...props.form, overageAlerts: event.currentTarget.checked })} />
        {t('coordinators.overageAlerts.hint')}
      </label>
    </>
  );
}

function EditDialog(props: { api: CustomersApi; coordinator: Coordinator; onSaved: () => void; onClose: () => void }) {
  const { t } = useFeatureText(customersText);
  const [form, setForm] = createSignal(formOf(props.coordinator));
  const [error, setError] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;

  async function save(event: SubmitEvent) {
    event.preventDefault();
    setSaving(true);
    const result = await props.api.updateCoordinator(props.coordinator.id, inputOf(form()));
    setSaving(false);
    if (!result.ok) return setError(result.error);
    props.onSaved();
    dialog?.close();
  }

  return (
    <ModalDialog labelledBy="coordinator-edit-title" onClose={props.onClose} ref={(element) => (dialog = element)}>
      <form class="card form" onSubmit={(event) => void save(event)} data-testid="coordinator-edit">
        <h2 id="coordinator-edit-title">{t('coordinators.editTitle', { name: props.coordinator.name })}</h2>
        <FormError message={error()} />
        <CoordinatorFields form={form()} onChange={setForm} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={t('customers.save')} />
      </form>
    </ModalDialog>
  );
}

export function CoordinatorsTab(props: { api: CustomersApi; customerId: string }) {
  const { t } = useFeatureText(customersText);
  const canEdit = usePermission('customers', 'edit');
  const [list, { refetch }] = createResource(() => props.customerId, (id) => props.api.coordinators(id, true));
  const [form, setForm] = createSignal(emptyForm);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [editing, setEditing] = createSignal<Coordinator | null>(null);
  const [deactivating, setDeactivating] = createSignal<Coordinator | null>(null);

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const result = await props.api.createCoordinator(props.customerId, inputOf(form()));
    if (!result.ok) return setError(result.error);
    setForm(emptyForm);
    setError(null);
    await refetch();
  }

  /** A change from the table itself (main, alerts, reactivate): its error shows above the add form. */
  async function change(action: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) {
    const result = await action();
    setError(result.ok ? null : result.error);
    await refetch();
  }

  const choose = (event: MouseEvent, action: () => void) => {
    (event.currentTarget as HTMLElement).closest('details')?.removeAttribute('open');
    action();
  };

  return (
    <section>
      <div class="card-table">
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
              <Show when={canEdit()}>
                <th scope="col">{t('customers.col.actions')}</th>
              </Show>
            </>
          }
        >
          {(coordinator) => (
            <tr classList={{ 'is-inactive': !coordinator.active }}>
              <th scope="row">
                {coordinator.name}
                <Show when={!coordinator.active}>
                  {' '}
                  <span class="badge">{t('coordinators.inactive')}</span>
                </Show>
              </th>
              <td data-label={t('field.email')}>{coordinator.email ?? '—'}</td>
              <td data-label={t('field.phone')}>{coordinator.phone ?? '—'}</td>
              <td data-label={t('coordinators.main')}>
                <Show
                  when={coordinator.isMain}
                  fallback={
                    <Show when={coordinator.active && canEdit()}>
                      <button type="button" class="button button--quiet" onClick={() => void change(() => props.api.updateCoordinator(coordinator.id, { isMain: true }))}>
                        {t('coordinators.makeMain')}
                      </button>
                    </Show>
                  }
                >
                  <span class="badge badge--ok">{t('coordinators.main')}</span>
                </Show>
              </td>
              <td data-label={t('coordinators.overageAlerts')}>
                <input
                  type="checkbox"
                  checked={coordinator.overageAlerts}
                  disabled={!canEdit() || !coordinator.active || (!coordinator.email && !coordinator.overageAlerts)}
                  aria-label={`${t('coordinators.overageAlerts')}: ${coordinator.name}`}
                  title={coordinator.email ? t('coordinators.overageAlerts.hint') : t('coordinators.overageAlerts.noEmail')}
                  data-testid="overage-alerts"
                  onChange={(event) => void change(() => props.api.updateCoordinator(coordinator.id, { overageAlerts: event.currentTarget.checked }))}
                />
              </td>
              <Show when={canEdit()}>
                <td class="card-table__actions">
                  <details class="row-menu">
                    <summary class="button button--quiet" aria-label={`${t('customers.col.actions')}: ${coordinator.name}`}>
                      ⋯
                    </summary>
                    <div class="row-menu__items">
                      <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => setEditing(coordinator))}>
                        {t('customers.edit')}
                      </button>
                      <Show
                        when={coordinator.active}
                        fallback={
                          <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => void change(() => props.api.reactivateCoordinator(coordinator.id)))}>
                            {t('coordinators.reactivate')}
                          </button>
                        }
                      >
                        <button type="button" class="button button--quiet" onClick={(event) => choose(event, () => setDeactivating(coordinator))}>
                          {t('coordinators.deactivate')}
                        </button>
                      </Show>
                    </div>
                  </details>
                </td>
              </Show>
            </tr>
          )}
        </ItemsTable>
      </div>
      <Show when={editing()} keyed>
        {(coordinator) => <EditDialog api={props.api} coordinator={coordinator} onSaved={() => void refetch()} onClose={() => setEditing(null)} />}
      </Show>
      <Show when={deactivating()} keyed>
        {(coordinator) => (
          <ConfirmDialog
            title={t('coordinators.confirmDeactivate', { name: coordinator.name })}
            confirmLabel={t('coordinators.deactivate')}
            onConfirm={async () => {
              const result = await props.api.deactivateCoordinator(coordinator.id);
              if (!result.ok) return result.error;
              await refetch();
              return null;
            }}
            onClose={() => setDeactivating(null)}
          >
            <p>{t('coordinators.confirmDeactivate.body')}</p>
            <Show when={coordinator.isMain}>
              <p class="notice">{t('coordinators.confirmDeactivate.main')}</p>
            </Show>
          </ConfirmDialog>
        )}
      </Show>
      <Show when={canEdit()} fallback={<FormError message={error()} />}>
        <form class="card form" onSubmit={(event) => void add(event)}>
          <h2>{t('coordinators.add')}</h2>
          <FormError message={error()} />
          <CoordinatorFields form={form()} onChange={setForm} />
          <div class="actions">
            <button type="submit" class="button button--primary">
              {t('coordinators.add')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
