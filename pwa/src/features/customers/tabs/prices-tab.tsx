/** The customer's prices per page; a change applies from the start of the current billing period. */
import { createResource, createSignal, Show } from 'solid-js';
import type { Customer } from '@parc/shared/contracts/customers';
import { useFeatureText } from '../../console/feature-text.ts';
import type { CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';
import { checkPrices, hasErrors, pricesInputOf, type FieldErrors, type PriceInfo } from '../wizard.ts';
import { apiErrorText } from '../../../i18n/api-error.ts';

export function PricesTab(props: { api: CustomersApi; customer: Customer }) {
  const { t, language } = useFeatureText(customersText);
  const [form, setForm] = createSignal<PriceInfo & { includedPages: string }>({ currency: props.customer.currency, monoPrice: '', colourPrice: '', scanPrice: '0', includedPages: '' });
  const [errors, setErrors] = createSignal<FieldErrors<PriceInfo>>({});
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  createResource(
    () => props.customer.id,
    async (id) => {
      const result = await props.api.prices(id);
      const prices = result.ok ? result.data.prices : null;
      if (prices) setForm({ ...prices, includedPages: prices.includedPages === null ? '' : String(prices.includedPages) });
      return prices;
    },
  );
  const errorOf = (field: keyof PriceInfo) => (errors()[field] ? t(`error.${errors()[field]!}`) : undefined);
  const field = (name: keyof PriceInfo, label: Parameters<typeof t>[0]) => (
    <TextField label={t(label)} name={name} inputMode="decimal" value={form()[name]} error={errorOf(name)} onInput={(value) => setForm({ ...form(), [name]: name === 'currency' ? value.toUpperCase() : value })} />
  );

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const found = checkPrices(form());
    setErrors(found);
    if (hasErrors(found)) return;
    const included = form().includedPages.trim();
    const result = await props.api.savePrices(props.customer.id, { ...pricesInputOf(form()), includedPages: included ? Number(included) : null });
    setMessage(result.ok ? { ok: true, text: t('customers.saved') } : { ok: false, text: apiErrorText(result.error, language()) });
  }

  return (
    <form class="card form" onSubmit={save}>
      <p class="muted">{t('wizard.pricesHint')}</p>
      <Show when={message()}>{(shown) => <p class={shown().ok ? 'success' : 'form__error'} role="status">{shown().text}</p>}</Show>
      <div class="form-grid">
        {field('currency', 'field.currency')}
        {field('monoPrice', 'field.monoPrice')}
        {field('colourPrice', 'field.colourPrice')}
        {field('scanPrice', 'field.scanPrice')}
        <TextField label={t('field.includedPages')} inputMode="numeric" value={form().includedPages} onInput={(includedPages) => setForm({ ...form(), includedPages })} />
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary">
          {t('customers.save')}
        </button>
      </div>
    </form>
  );
}
