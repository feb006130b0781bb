/**
 * The customer's prices, every pricing model: saving makes a new version that applies from the
 * start of the current billing period (earlier periods keep theirs); the versions so far, each
 * viewable read-only. A failed save keeps what was typed and shows each problem at its field.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore, reconcile, unwrap } from 'solid-js/store';
import type { CustomerPrices, PriceVersion, PricingChoices } from '@parc/shared/contracts/billing';
import type { Customer } from '@parc/shared/contracts/customers';
import { formatPeriod } from '../../billing/billing.format.ts';
import { billingText } from '../../billing/messages/index.ts';
import { PriceListEditor } from '../../billing/price-list-editor.tsx';
import { priceFormOf, priceListOf, type FieldProblem } from '../../billing/price-form.ts';
import { useFeatureText } from '../../console/feature-text.ts';
import { formatDateTime } from '../../console/format.ts';
import { Loaded } from '../../console/loaded.tsx';
import { usePermission } from '../../console/permissions.tsx';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { apiErrorText } from '../../../i18n/api-error.ts';

export function PricesTab(props: { api: CustomersApi; customer: Customer }) {
  const { t, language } = useFeatureText(billingText);
  const canEdit = usePermission('billing', 'edit');
  const [form, setForm] = createStore(priceFormOf(null, props.customer.currency));
  const showVersion = (version: PriceVersion | null) => setForm(reconcile(priceFormOf(version?.prices ?? null, props.customer.currency)));
  const [loaded, { refetch, mutate }] = createResource(
    () => props.customer.id,
    async (id) => {
      const [prices, choices] = await Promise.all([props.api.prices(id), props.api.pricingChoices(id)]);
      if (!prices.ok) return prices;
      if (!choices.ok) return choices;
      showVersion(prices.data.current);
      return { ok: true as const, data: { prices: prices.data, choices: choices.data } };
    },
  );
  // What `mutate` put there after a save (Loaded hands its children the first value only).
  const latest = () => {
    const result = loaded();
    return result?.ok ? result.data : undefined;
  };
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [viewing, setViewing] = createSignal<PriceVersion | null>(null);
  let formElement: HTMLFormElement | undefined;

  const problemText = (problem: FieldProblem) => t(`billing.problem.${problem}`);
  /** The fields at fault: the first is brought into view and focused, so a long form says where to look. */
  function refuse(fieldErrors: Record<string, string>, summary: string) {
    setErrors(fieldErrors);
    setMessage({ ok: false, text: summary });
    queueMicrotask(() => {
      const first = formElement?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? formElement?.querySelector<HTMLElement>('.field-error');
      first?.scrollIntoView({ block: 'center' });
      first?.focus();
    });
  }

  async function save(event: SubmitEvent, current: { prices: CustomerPrices; choices: PricingChoices }) {
    event.preventDefault();
    if (saving()) return;
    const checked = priceListOf(unwrap(form));
    if (!checked.ok) return refuse(Object.fromEntries(Object.entries(checked.problems).map(([path, problem]) => [path, problemText(problem)])), t('billing.prices.checkFields'));
    setSaving(true);
    setMessage(null);
    const result = await props.api.savePrices(props.customer.id, checked.list);
    setSaving(false);
    if (!result.ok) {
      const text = apiErrorText(result.error, language());
      // At its field when the form shows it, and above the button in any case (a hidden one is named there).
      if (result.error.field) return refuse({ [result.error.field]: text }, text);
      setErrors({});
      return setMessage({ ok: false, text });
    }
    setErrors({});
    mutate({ ok: true, data: { ...current, prices: result.data } });
    // The saved version, as the server keeps it (points for commas, the new pools' ids).
    showVersion(result.data.current);
    const saved = result.data.history[0];
    setMessage({ ok: true, text: t('billing.prices.saved', { version: saved?.version ?? '', period: formatPeriod(language(), saved?.effectiveFrom ?? result.data.changesTakeEffect) }) });
  }

  return (
    <Loaded result={loaded.loading ? undefined : loaded()} retry={refetch}>
      {(first) => {
        const data = () => latest() ?? first;
        return (
          <div class="prices">
            <Show
              when={viewing()}
              fallback={
                <form class="form" ref={formElement} onSubmit={(event) => void save(event, data())} novalidate>
                  <Show when={!data().prices.current}>
                    <p class="notice">{t('billing.prices.none')}</p>
                  </Show>
                  <Show when={canEdit()} fallback={<p class="notice">{t('billing.prices.readOnly')}</p>}>
                    <p class="notice">{t('billing.prices.takesEffect', { period: formatPeriod(language(), data().prices.changesTakeEffect) })}</p>
                  </Show>
                  <PriceListEditor form={form} edit={canEdit() ? setForm : undefined} choices={data().choices} errorAt={(path) => errors()[path]} />
                  <Show when={canEdit()}>
                    <div class="card prices__save">
                      <Show when={message()}>{(shown) => (shown().ok ? <p class="success" role="status">{shown().text}</p> : <FormError message={shown().text} />)}</Show>
                      <div class="actions">
                        <button type="submit" class="button button--primary" disabled={saving()} aria-busy={saving()}>
                          {saving() ? t('billing.prices.saving') : t('billing.prices.save')}
                        </button>
                      </div>
                    </div>
                  </Show>
                </form>
              }
            >
              {(version) => (
                <div class="form">
                  <div class="notice prices__viewing">
                    <p>{t('billing.prices.viewing', { version: version().version, period: formatPeriod(language(), version().effectiveFrom) })}</p>
                    <div class="actions">
                      <button type="button" class="button" onClick={() => setViewing(null)}>
                        {t('billing.prices.backToEditing')}
                      </button>
                      <Show when={canEdit()}>
                        <button
                          type="button"
                          class="button"
                          onClick={() => {
                            showVersion(version());
                            setViewing(null);
                          }}
                        >
                          {t('billing.prices.useVersion')}
                        </button>
                      </Show>
                    </div>
                  </div>
                  <PriceListEditor form={priceFormOf(version().prices, props.customer.currency)} choices={data().choices} errorAt={() => undefined} />
                </div>
              )}
            </Show>
            <Show when={data().prices.history.length > 0}>
              <section class="card">
                <h2>{t('billing.prices.history')}</h2>
                <div class="table-scroll">
                  <table class="table stack-table">
                    <thead>
                      <tr>
                        <th scope="col">{t('billing.prices.history.version')}</th>
                        <th scope="col">{t('billing.prices.history.effectiveFrom')}</th>
                        <th scope="col">{t('billing.prices.history.model')}</th>
                        <th scope="col">{t('billing.prices.history.saved')}</th>
                        <th scope="col">
                          <span class="visually-hidden">{t('billing.prices.history.view')}</span>
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      <For each={data().prices.history}>
                        {(version) => (
                          <tr aria-current={viewing()?.id === version.id ? 'true' : undefined}>
                            <th scope="row">
                              {version.version}{' '}
                              <Show when={version.id === data().prices.current?.id}>
                                <span class="badge badge--ok">{t('billing.prices.history.inForce')}</span>
                              </Show>
                            </th>
                            <td data-label={t('billing.prices.history.effectiveFrom')}>{formatPeriod(language(), version.effectiveFrom)}</td>
                            <td data-label={t('billing.prices.history.model')}>{t(`billing.prices.model.${version.prices.model}`)}</td>
                            <td data-label={t('billing.prices.history.saved')}>{t('billing.run.byOn', { date: formatDateTime(language(), version.savedAt), who: version.savedBy })}</td>
                            <td>
                              <button
                                type="button"
                                class="button button--quiet"
                                onClick={() => {
                                  setViewing(version);
                                  window.scrollTo({ top: 0 });
                                }}
                              >
                                {t('billing.prices.history.view')}
                              </button>
                            </td>
                          </tr>
                        )}
                      </For>
                    </tbody>
                  </table>
                </div>
              </section>
            </Show>
          </div>
        );
      }}
    </Loaded>
  );
}
