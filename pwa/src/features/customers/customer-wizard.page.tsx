/**
 * Adding a customer in three steps (information and contact, sites, prices), then a summary with the
 * agent key. Nothing is saved before Finish; leaving with something typed asks first.
 */
import { For, Match, Show, Switch, createSignal, onCleanup } from 'solid-js';
import { A, useBeforeLeave, useNavigate, type BeforeLeaveEventArgs } from '@solidjs/router';
import { LANGUAGES } from '@parc/shared/languages';
import { languageNames } from '../../i18n/translate.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { createCustomersApi } from './customers.api.ts';
import { createCustomerWizard } from './customer-wizard.store.ts';
import { customersText } from './messages/index.ts';
import { TextField } from './text-field.tsx';
import { WIZARD_STEPS, suggestPrefix, type CustomerInfo, type FieldError } from './wizard.ts';
import './customers.css';
import { apiErrorText } from '../../i18n/api-error.ts';
import { decodeCsv } from '@parc/shared/csv';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import { pluralForm } from '../plural/plural.ts';

export default function CustomerWizardPage() {
  const { t, language } = useFeatureText(customersText);
  const navigate = useNavigate();
  const wizard = createCustomerWizard(createCustomersApi(), language());
  const state = wizard.state;
  const errorText = (errors: Partial<Record<string, FieldError>>, field: string) => {
    const error = errors[field];
    if (!error) return undefined;
    return typeof error === 'string' ? t(`error.${error}`) : apiErrorText(error, language());
  };
  /** Leaving by Cancel, a link or the browser's Back: asked first once something was typed, until the summary. */
  const [leaving, setLeaving] = createSignal<BeforeLeaveEventArgs | null>(null);
  useBeforeLeave((event) => {
    if (event.defaultPrevented || !wizard.unsaved()) return;
    event.preventDefault();
    setLeaving(event);
  });
  const onUnload = (event: BeforeUnloadEvent) => {
    if (wizard.unsaved()) event.preventDefault();
  };
  window.addEventListener('beforeunload', onUnload);
  onCleanup(() => window.removeEventListener('beforeunload', onUnload));
  const infoField = (field: keyof CustomerInfo, label: Parameters<typeof t>[0], extra: { hint?: string } = {}) => (
    <TextField label={t(label)} name={field} value={state.info[field]} error={errorText(state.infoErrors, field)} onInput={(value) => wizard.setInfo(field, value)} {...extra} />
  );

  return (
    <div class="wizard">
      <div class="page__heading">
        <h1 id="page-title">{t('wizard.title')}</h1>
      </div>
      <ol class="wizard__steps">
        <For each={WIZARD_STEPS}>{(step, index) => <li aria-current={state.step === step ? 'step' : undefined}>{`${index() + 1}. ${t(`wizard.step.${step}`)}`}</li>}</For>
      </ol>
      <Show when={state.error}>
        {(error) => (
          <p class="form__error" role="alert">
            {t('wizard.failed', { message: apiErrorText(error(), language()) })}
          </p>
        )}
      </Show>
      <form
        class="card form"
        aria-labelledby="step-title"
        onSubmit={(event) => {
          event.preventDefault();
          void wizard.next();
        }}
      >
        <h2 id="step-title">{t(`wizard.step.${state.step}`)}</h2>
        <Switch>
          <Match when={state.step === 'information'}>
            <div class="form-grid">
              <TextField
                label={t('field.name')}
                name="name"
                value={state.info.name}
                error={errorText(state.infoErrors, 'name')}
                onInput={(value) => {
                  const suggested = suggestPrefix(state.info.name);
                  wizard.setInfo('name', value);
                  if (state.info.prefix === suggested) wizard.setInfo('prefix', suggestPrefix(value));
                }}
              />
              <label class="field">
                {t('field.language')}
                <select name="language" value={state.info.language} onChange={(event) => wizard.setInfo('language', event.currentTarget.value)}>
                  <For each={LANGUAGES}>{(code) => <option value={code}>{languageNames[code]}</option>}</For>
                </select>
              </label>
              {infoField('country', 'field.country')}
              {infoField('address', 'field.address')}
              {infoField('postcode', 'field.postcode')}
              {infoField('city', 'field.city')}
              {infoField('prefix', 'field.prefix', { hint: t('field.prefixHint', { prefix: state.info.prefix || 'AL' }) })}
              {infoField('customerNumber', 'field.customerNumber')}
              {infoField('activity', 'field.activity')}
              {infoField('taxNumber', 'field.taxNumber')}
            </div>
            <h3>{t('wizard.contact')}</h3>
            <p class="muted">{t('wizard.contactHint')}</p>
            <div class="form-grid">
              <TextField label={t('field.contactName')} name="contactName" value={state.contact.name} error={errorText(state.contactErrors, 'name')} onInput={(value) => wizard.setContact('name', value)} />
              <TextField label={t('field.email')} name="contactEmail" type="email" inputMode="email" value={state.contact.email} error={errorText(state.contactErrors, 'email')} onInput={(value) => wizard.setContact('email', value)} />
              <TextField label={t('field.phone')} name="contactPhone" type="tel" inputMode="tel" value={state.contact.phone} onInput={(value) => wizard.setContact('phone', value)} />
            </div>
          </Match>
          <Match when={state.step === 'sites'}>
            <p class="muted">{t('wizard.sitesHint')}</p>
            <Show when={state.imported.length > 0}>
              <h3>{t('wizard.importedSites')}</h3>
              <ul class="wizard__imported" data-testid="wizard-sites">
                <For each={state.imported}>
                  {(site) => (
                    <li>
                      <span>{[site.name, site.address, [site.postcode, site.city].filter(Boolean).join(' ')].filter(Boolean).join(', ')}</span>
                      <button type="button" class="button button--quiet" onClick={() => wizard.removeImported(site.name)}>
                        {t('wizard.removeSite')}
                      </button>
                    </li>
                  )}
                </For>
              </ul>
            </Show>
            <div class="site-rows">
              <For each={state.drafts}>
                {(draft) => (
                  <div class="site-row">
                    <TextField
                      label={t('field.siteName')}
                      value={draft.name}
                      error={state.repeatedDrafts.includes(draft.key) ? t('wizard.siteNameRepeated') : undefined}
                      onInput={(value) => wizard.setDraft(draft.key, 'name', value)}
                    />
                    <TextField label={t('field.address')} value={draft.address ?? ''} onInput={(value) => wizard.setDraft(draft.key, 'address', value)} />
                    <TextField label={t('field.postcode')} value={draft.postcode ?? ''} onInput={(value) => wizard.setDraft(draft.key, 'postcode', value)} />
                    <TextField label={t('field.city')} value={draft.city ?? ''} onInput={(value) => wizard.setDraft(draft.key, 'city', value)} />
                    <button type="button" class="button button--quiet" onClick={() => wizard.removeDraft(draft.key)}>
                      {t('wizard.removeSite')}
                    </button>
                  </div>
                )}
              </For>
            </div>
            <div class="actions">
              <button type="button" class="button" onClick={() => wizard.addDraft()}>
                {t('wizard.addSite')}
              </button>
              <label class="button">
                {t('wizard.importFile')}
                <input
                  type="file"
                  accept=".csv,text/csv"
                  class="visually-hidden"
                  data-testid="site-import-file"
                  onChange={async (event) => {
                    const file = event.currentTarget.files?.[0];
                    event.currentTarget.value = '';
                    if (file) wizard.importFile(decodeCsv(new Uint8Array(await file.arrayBuffer())).text);
                  }}
                />
              </label>
            </div>
            <Show when={state.importError}>
              {(error) => (
                <p class="form__error" role="alert" data-testid="import-refused">
                  {apiErrorText(error(), language())}
                </p>
              )}
            </Show>
            <Show when={state.importLines}>
              {(lines) => {
                const wrong = () => lines().filter((line) => line.status === 'error');
                return (
                  <div class="import-result" data-testid="import-result" role="status">
                    <p>{t('wizard.importLines', { ok: lines().length - wrong().length, errors: wrong().length })}</p>
                    <Show when={wrong().length > 0} fallback={<p class="success">{t('wizard.importReady', { count: lines().length })}</p>}>
                      <ul class="import-lines">
                        <For each={wrong()}>
                          {(line) => (
                            <li class="field-error" data-testid="import-error">
                              {t('wizard.importLine', { line: line.line })}: {line.errors.map((error) => `${error.field} — ${error.message}`).join('; ')}
                            </li>
                          )}
                        </For>
                      </ul>
                      <p class="muted">{t('wizard.importFixHint')}</p>
                    </Show>
                  </div>
                );
              }}
            </Show>
          </Match>
          <Match when={state.step === 'prices'}>
            <p class="muted">{t('wizard.pricesHint')}</p>
            <div class="form-grid">
              <label class="field">
                {t('wizard.billingType')}
                <select disabled>
                  <option>{t('customers.billing.per_page')}</option>
                </select>
              </label>
              <TextField label={t('field.currency')} name="currency" value={state.prices.currency} error={errorText(state.priceErrors, 'currency')} onInput={(value) => wizard.setPrice('currency', value.toUpperCase())} />
              <TextField label={t('field.monoPrice')} name="monoPrice" inputMode="decimal" value={state.prices.monoPrice} error={errorText(state.priceErrors, 'monoPrice')} onInput={(value) => wizard.setPrice('monoPrice', value)} />
              <TextField label={t('field.colourPrice')} name="colourPrice" inputMode="decimal" value={state.prices.colourPrice} error={errorText(state.priceErrors, 'colourPrice')} onInput={(value) => wizard.setPrice('colourPrice', value)} />
              <TextField label={t('field.scanPrice')} name="scanPrice" inputMode="decimal" value={state.prices.scanPrice} error={errorText(state.priceErrors, 'scanPrice')} onInput={(value) => wizard.setPrice('scanPrice', value)} />
            </div>
            <Show when={state.customer}>
              {(customer) => (
                <div class="wizard__progress" data-testid="wizard-progress" role="status">
                  <p>{t('wizard.partial')}</p>
                  <ul>
                    <li>{t('wizard.done.customer', { name: customer().name })}</li>
                    <Show when={state.progress.coordinatorId}>
                      <li>{t('wizard.done.coordinator', { name: state.contact.name.trim() })}</li>
                    </Show>
                    <Show when={state.progress.sitesCreated > 0}>
                      <li>{t(`wizard.done.sites.${pluralForm(language(), state.progress.sitesCreated)}`, { count: state.progress.sitesCreated })}</li>
                    </Show>
                  </ul>
                  <p class="muted">{t('wizard.retryHint')}</p>
                </div>
              )}
            </Show>
          </Match>
          <Match when={state.step === 'summary' && state.customer}>
            {(customer) => (
              <div data-testid="wizard-summary">
                <p class="success">{t('wizard.summaryCreated', { name: customer().name, sites: state.progress.sitesCreated })}</p>
                <h3>{t('wizard.agentTitle')}</h3>
                <Show when={state.agent} fallback={<p class="form__error">{t('wizard.agentUnavailable', { message: state.agentError ? apiErrorText(state.agentError, language()) : '' })}</p>}>
                  {(agent) => (
                    <ol class="agent-steps">
                      <li>
                        <strong>
                          <a href="/downloads/parc-agent.mjs" download="parc-agent.mjs">
                            {t('wizard.agentDownload')}
                          </a>
                        </strong>
                        <p class="muted">{t('wizard.agentDownloadHint')}</p>
                      </li>
                      <li>
                        <strong>{t('wizard.agentKey')}</strong>
                        <p class="muted">{t('wizard.agentKeyHint')}</p>
                        <p class="agent-key" data-testid="agent-key">
                          {agent().key}
                        </p>
                        <p>
                          {t('wizard.agentCommand')}: <code class="code">{`node parc-agent.mjs enroll --server ${location.origin} --key ${agent().key}`}</code>
                        </p>
                      </li>
                      <li>
                        <button type="button" class="button" disabled={state.busy} onClick={() => void wizard.sendInstructions()}>
                          {t('wizard.sendInstructions')}
                        </button>
                        <Show when={state.instructionsSentTo}>
                          {(email) => (
                            <p class="success" role="status">
                              {t('wizard.instructionsSent', { email: email() })}
                            </p>
                          )}
                        </Show>
                      </li>
                    </ol>
                  )}
                </Show>
              </div>
            )}
          </Match>
        </Switch>
        <div class="actions">
          <Show
            when={state.step !== 'summary'}
            fallback={
              <>
                <A class="button button--primary" href={`/console/customers/${state.customer?.id}`}>
                  {t('wizard.openCustomer')}
                </A>
                <A class="button" href="/console/customers">
                  {t('customers.close')}
                </A>
              </>
            }
          >
            <Show when={state.step !== 'information' && !state.customer}>
              <button type="button" class="button" onClick={() => wizard.back()}>
                {t('wizard.back')}
              </button>
            </Show>
            <button type="button" class="button button--quiet" data-testid="wizard-cancel" onClick={() => navigate('/console/customers')}>
              {t('customers.cancel')}
            </button>
            <button type="submit" class="button button--primary" disabled={state.busy} aria-busy={state.busy}>
              {state.busy ? (state.step === 'prices' ? t('wizard.saving') : t('wizard.checking')) : state.step !== 'prices' ? t('wizard.next') : state.customer ? t('wizard.retry') : t('wizard.finish')}
            </button>
          </Show>
        </div>
      </form>
      <Show when={leaving()}>
        {(event) => (
          <ConfirmDialog
            title={t('wizard.leaveTitle')}
            confirmLabel={t('wizard.leave')}
            cancelLabel={t('wizard.stay')}
            danger
            onConfirm={async () => {
              event().retry(true);
              return null;
            }}
            onClose={() => setLeaving(null)}
          >
            <p>{state.customer ? t('wizard.leavePartial', { name: state.customer.name }) : t('wizard.leaveNothingSaved')}</p>
          </ConfirmDialog>
        )}
      </Show>
    </div>
  );
}
