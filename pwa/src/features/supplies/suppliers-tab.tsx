/**
 * Suppliers (name, email, phone) and carriers (name, tracking address with `{tracking}`), each a
 * short list edited in place: add, edit, delete after a confirmation. A name already taken is said
 * under the name. Without the consumables edit permission, the lists only show.
 */
import { createResource, createSignal, For, Show, type JSX } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Carrier, Supplier } from '@parc/shared/contracts/supplies';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { TextField } from '../customers/text-field.tsx';
import { FormError } from '../shell/form-error.tsx';
import type { SuppliesCatalogue } from './messages/fr.ts';
import { suppliesText } from './messages/index.ts';
import { carrierFormOf, checkedCarrier, checkedSupplier, supplierFormOf, type Checked } from './orders.rules.ts';
import { createSuppliesApi } from './supplies.api.ts';

export default function SuppliersTab() {
  const { t } = useFeatureText(suppliesText);
  const api = createSuppliesApi(createApiClient());
  return (
    <div class="supply-directories">
      <Directory<Supplier, ReturnType<typeof supplierFormOf>, Parameters<typeof api.createSupplier>[0]>
        kind="suppliers"
        load={() => api.suppliers()}
        fields={[
          { key: 'name', label: t('directory.name') },
          { key: 'email', label: t('directory.email'), type: 'email', inputMode: 'email' },
          { key: 'phone', label: t('directory.phone'), type: 'tel', inputMode: 'tel' },
        ]}
        formOf={supplierFormOf}
        check={checkedSupplier}
        create={api.createSupplier}
        update={api.updateSupplier}
        remove={api.deleteSupplier}
        summary={(supplier) => [supplier.email, supplier.phone].filter(Boolean).join(' · ')}
      />
      <Directory<Carrier, ReturnType<typeof carrierFormOf>, Parameters<typeof api.createCarrier>[0]>
        kind="carriers"
        load={() => api.carriers()}
        fields={[
          { key: 'name', label: t('directory.name') },
          { key: 'trackingUrl', label: t('directory.trackingUrl'), type: 'url', inputMode: 'text', hint: t('directory.trackingUrlHint') },
        ]}
        formOf={carrierFormOf}
        check={checkedCarrier}
        create={api.createCarrier}
        update={api.updateCarrier}
        remove={api.deleteCarrier}
        summary={(carrier) => carrier.trackingUrl ?? ''}
      />
    </div>
  );
}

type Named = { id: string; name: string };
type FieldKey = 'name' | 'email' | 'phone' | 'trackingUrl';
type Field<Form> = { key: keyof Form & FieldKey; label: string; type?: string; inputMode?: 'email' | 'tel' | 'text'; hint?: string };

/** One list, its "add" form at the top and each entry editable in place. */
function Directory<Item extends Named, Form extends Partial<Record<FieldKey, string>>, Input>(props: {
  kind: 'suppliers' | 'carriers';
  load: () => Promise<ApiResult<{ items: Item[] }>>;
  fields: Field<Form>[];
  formOf: (item?: Item) => Form;
  check: (form: Form) => Checked<Input, keyof Form & string>;
  create: (input: Input) => Promise<ApiResult<Item>>;
  update: (id: string, input: Input) => Promise<ApiResult<Item>>;
  remove: (id: string) => Promise<ApiResult<void>>;
  summary: (item: Item) => string;
}) {
  const { t, language } = useFeatureText(suppliesText);
  const canEdit = usePermission('consumables', 'edit');
  const [list, { mutate, refetch }] = createResource(() => props.load());
  /** The entry being edited: 'new' for the add form. */
  const [editing, setEditing] = createSignal<string | null>(null);
  const [form, setForm] = createStore<Form>(props.formOf());
  const [problems, setProblems] = createSignal<Partial<Record<keyof Form, string>>>({});
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const key = (suffix: string) => `${props.kind}.${suffix}` as keyof SuppliesCatalogue;

  const items = (): Item[] => {
    const current = list();
    return current?.ok ? current.data.items : [];
  };
  const setItems = (next: Item[]) => mutate({ ok: true, data: { items: [...next].sort((a, b) => a.name.localeCompare(b.name, language())) } });

  function edit(item?: Item) {
    setForm(props.formOf(item));
    setProblems({});
    setFailure(null);
    setEditing(item?.id ?? 'new');
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const id = editing();
    if (busy() || id === null) return;
    const checked = props.check({ ...form });
    if (!checked.ok) {
      const worded: Partial<Record<keyof Form, string>> = {};
      for (const [field, problem] of Object.entries(checked.problems) as [keyof Form & string, string][]) {
        worded[field] = problem === 'required' ? t('directory.problem.required') : t(`directory.problem.${field as Exclude<FieldKey, 'name'>}`);
      }
      return setProblems(() => worded);
    }
    setBusy(true);
    const result = id === 'new' ? await props.create(checked.input) : await props.update(id, checked.input);
    setBusy(false);
    if (!result.ok) {
      // A name already taken belongs under the name; anything else under the form.
      if (result.error.key?.endsWith('.name_taken')) return setProblems(() => ({ name: apiErrorText(result.error, language()) }) as Partial<Record<keyof Form, string>>);
      return setFailure(result.error);
    }
    setItems(id === 'new' ? [...items(), result.data] : items().map((item) => (item.id === id ? result.data : item)));
    setEditing(null);
  }

  async function remove(item: Item) {
    if (busy() || !confirm(t(key('confirmDelete'), { name: item.name }))) return;
    setBusy(true);
    setFailure(null);
    const result = await props.remove(item.id);
    setBusy(false);
    // Already gone (deleted from elsewhere): the list catches up all the same.
    if (!result.ok && result.error.code !== 'not_found') return setFailure(result.error);
    setItems(items().filter((each) => each.id !== item.id));
  }

  const editor = (): JSX.Element => (
    <form class="form supply-directory__form" noValidate onSubmit={save}>
      <For each={props.fields}>
        {(field) => (
          <TextField
            label={field.label}
            name={field.key}
            type={field.type}
            inputMode={field.inputMode}
            hint={field.hint}
            value={form[field.key] ?? ''}
            error={problems()[field.key]}
            onInput={(value) => setForm(field.key as never, value as never)}
          />
        )}
      </For>
      <FormError message={failure()} />
      <div class="supply-dialog__buttons">
        <button type="button" class="button button--quiet" onClick={() => setEditing(null)}>
          {t('directory.cancel')}
        </button>
        <button type="submit" class="button button--primary" disabled={busy()} aria-busy={busy()}>
          {t('directory.save')}
        </button>
      </div>
    </form>
  );

  return (
    <section class="card supply-directory" aria-labelledby={`${props.kind}-title`} data-testid={props.kind}>
      <div class="supply-directory__head">
        <h2 id={`${props.kind}-title`}>{t(key('title'))}</h2>
        <Show when={canEdit() && editing() !== 'new'}>
          <button type="button" class="button" onClick={() => edit()}>
            {t(key('add'))}
          </button>
        </Show>
      </div>
      <Show when={editing() === 'new'}>{editor()}</Show>
      <Show when={editing() === null}>
        <FormError message={failure()} />
      </Show>
      <Loaded result={list()} retry={refetch}>
        {() => (
          <ul class="supply-directory__list">
            <For each={items()} fallback={<li class="muted">{t(key('empty'))}</li>}>
              {(item) => (
                <li data-name={item.name}>
                  <Show
                    when={editing() === item.id}
                    fallback={
                      <div class="supply-directory__entry">
                        <div class="supply-directory__text">
                          <strong>{item.name}</strong>
                          <Show when={props.summary(item)}>
                            <small class="muted">{props.summary(item)}</small>
                          </Show>
                        </div>
                        <Show when={canEdit()}>
                          <div class="supply-directory__buttons">
                            <button type="button" class="button button--quiet" aria-label={t('directory.edit', { name: item.name })} data-action="edit" onClick={() => edit(item)}>
                              {t('directory.editShort')}
                            </button>
                            <button type="button" class="button button--quiet" aria-label={t('directory.delete', { name: item.name })} data-action="delete" disabled={busy()} onClick={() => void remove(item)}>
                              {t('directory.deleteShort')}
                            </button>
                          </div>
                        </Show>
                      </div>
                    }
                  >
                    {editor()}
                  </Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}
