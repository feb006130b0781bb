/** The customer's details, and their edit form (opened directly by the list's "edit" action). */
import { createSignal, For, Show } from 'solid-js';
import { useSearchParams } from '@solidjs/router';
import type { Customer } from '@parc/shared/contracts/customers';
import { LANGUAGES } from '@parc/shared/languages';
import { languageNames } from '../../../i18n/translate.ts';
import { useFeatureText } from '../../console/feature-text.ts';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';
import type { CustomersKey } from '../messages/fr.ts';
import { TextField } from '../text-field.tsx';
import { apiErrorText } from '../../../i18n/api-error.ts';

const FIELDS: { field: 'name' | 'customerNumber' | 'prefix' | 'country' | 'address' | 'postcode' | 'city' | 'currency' | 'taxNumber' | 'activity'; label: CustomersKey }[] = [
  { field: 'name', label: 'field.name' },
  { field: 'customerNumber', label: 'field.customerNumber' },
  { field: 'prefix', label: 'field.prefix' },
  { field: 'address', label: 'field.address' },
  { field: 'postcode', label: 'field.postcode' },
  { field: 'city', label: 'field.city' },
  { field: 'country', label: 'field.country' },
  { field: 'currency', label: 'field.currency' },
  { field: 'taxNumber', label: 'field.taxNumber' },
  { field: 'activity', label: 'field.activity' },
];

export function InformationTab(props: { api: CustomersApi; customer: Customer; onSaved: (customer: Customer) => void }) {
  const { t, language } = useFeatureText(customersText);
  const [search, setSearch] = useSearchParams<{ edit?: string }>();
  const editing = () => search.edit === '1';
  const [draft, setDraft] = createSignal<Record<string, string>>({});
  const [error, setError] = createSignal<string | null>(null);
  const valueOf = (field: string) => draft()[field] ?? String((props.customer as Record<string, unknown>)[field] ?? '');

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const changes = Object.fromEntries(Object.entries(draft()).filter(([field, value]) => value !== String((props.customer as Record<string, unknown>)[field] ?? '')));
    if (Object.keys(changes).length === 0) return setSearch({ edit: undefined });
    const result = await props.api.updateCustomer(props.customer.id, changes);
    if (!result.ok) return setError(apiErrorText(result.error, language()));
    props.onSaved(result.data);
    setDraft({});
    setError(null);
    setSearch({ edit: undefined });
  }

  return (
    <section class="card">
      <Show
        when={editing()}
        fallback={
          <>
            <dl class="facts">
              <For each={FIELDS}>
                {({ field, label }) => (
                  <>
                    <dt>{t(label)}</dt>
                    <dd>{props.customer[field] ?? '—'}</dd>
                  </>
                )}
              </For>
              <dt>{t('field.language')}</dt>
              <dd>{languageNames[props.customer.language]}</dd>
            </dl>
            <p>
              <button type="button" class="button" onClick={() => setSearch({ edit: '1' })}>
                {t('customer.editInfo')}
              </button>
            </p>
          </>
        }
      >
        <form class="form" onSubmit={save}>
          <FormError message={error()} />
          <div class="form-grid">
            <For each={FIELDS}>{({ field, label }) => <TextField label={t(label)} name={field} value={valueOf(field)} onInput={(value) => setDraft({ ...draft(), [field]: value })} />}</For>
            <label class="field">
              {t('field.language')}
              <select value={valueOf('language')} onChange={(event) => setDraft({ ...draft(), language: event.currentTarget.value })}>
                <For each={LANGUAGES}>{(code) => <option value={code}>{languageNames[code]}</option>}</For>
              </select>
            </label>
          </div>
          <div class="actions">
            <button type="submit" class="button button--primary">
              {t('customers.save')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setSearch({ edit: undefined })}>
              {t('customers.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}
