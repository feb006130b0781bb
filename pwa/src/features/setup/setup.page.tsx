/**
 * The one-time setup link (/setup/<token>), printed by a server without a dealer or by
 * `npm run job -- setup-link|add-partner`: creates the dealer and its first administrator, then signs
 * them in. A link that no longer works gets a page saying why, in the person's language.
 */
import { createMemo, createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { A, useNavigate, useParams } from '@solidjs/router';
import type { SetupLink } from '@parc/shared/contracts/setup';
import { LANGUAGES, LANGUAGE_LOCALES, type Language } from '@parc/shared/languages';
import { countryCodes, currencyCodes } from '@parc/shared/setup/codes';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useI18n, useSession } from '../../app-context.tsx';
import { languageNames } from '../../i18n/translate.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { createAuthForm } from '../auth/auth-form.ts';
import { LanguageSwitcher } from '../auth/language-switcher.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { FormError } from '../shell/form-error.tsx';
import { homePathFor } from '../shell/navigation.ts';
import { setupText } from './messages/index.ts';
import { createSetupApi } from './setup.api.ts';
import { defaultCountry, defaultTimeZone, suggestedCurrency } from './setup.defaults.ts';
import './setup.css';

const api = createSetupApi(createApiClient());

export default function SetupPage() {
  const { t } = useI18n();
  const params = useParams<{ token: string }>();
  const [opened] = createResource(() => params.token, (token) => api.open(token));
  const failure = (result: ApiResult<SetupLink> | undefined) => (result && !result.ok ? result.error : null);
  const link = (result: ApiResult<SetupLink> | undefined) => (result?.ok ? result.data : null);
  return (
    <section class="page page--narrow" aria-labelledby="page-title">
      <Switch fallback={<p role="status">{t('app.loading')}</p>}>
        <Match when={failure(opened())}>{(error) => <LinkGone error={error()} />}</Match>
        <Match when={link(opened())}>{(working) => <SetupForm token={params.token} link={working()} />}</Match>
      </Switch>
    </section>
  );
}

/** Used, expired, unknown, or a first-run link once a dealer exists: the server's reason, in the person's language. */
function LinkGone(props: { error: ApiError }) {
  const { t } = useFeatureText(setupText);
  const { language } = useI18n();
  return (
    <div class="card" data-testid="setup-link-gone">
      <div class="page__heading">
        <h1 id="page-title">{t('setup.gone.title')}</h1>
        <LanguageSwitcher />
      </div>
      <p>{apiErrorText(props.error, language())}</p>
      <Show when={props.error.key === 'setup.link_used' || props.error.key === 'setup.partner_exists'}>
        <A href="/login">{t('setup.gone.login')}</A>
      </Show>
    </div>
  );
}

function SetupForm(props: { token: string; link: SetupLink }) {
  const { t } = useFeatureText(setupText);
  const { language } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [country, setCountry] = createSignal(defaultCountry(navigator.languages));
  const [currency, setCurrency] = createSignal(suggestedCurrency(country()) ?? 'CHF');
  const [currencyChosen, setCurrencyChosen] = createSignal(false);
  // Follows the page's language until the person picks another one for the company.
  const [dealerLanguage, setDealerLanguage] = createSignal<Language | null>(null);
  const timeZone = defaultTimeZone(Intl.DateTimeFormat().resolvedOptions().timeZone);
  const [createdOnly, setCreatedOnly] = createSignal(false);

  const locale = () => LANGUAGE_LOCALES[language()];
  const countries = createMemo(() => {
    const names = new Intl.DisplayNames([locale()], { type: 'region' });
    return countryCodes()
      .map((code) => ({ code, name: names.of(code) ?? code }))
      .sort((a, b) => a.name.localeCompare(b.name, locale()));
  });
  const currencies = createMemo(() => {
    const names = new Intl.DisplayNames([locale()], { type: 'currency' });
    return [...currencyCodes()].map((code) => ({ code, label: `${code} – ${names.of(code) ?? code}` }));
  });
  const timeZones = Intl.supportedValuesOf('timeZone');

  // Each select marks its option `selected` rather than taking a `value`: the lists are rebuilt in the
  // page's language when it changes, and a new list must still show what was chosen.
  const chooseCountry = (code: string) => {
    setCountry(code);
    const suggested = suggestedCurrency(code);
    if (suggested && !currencyChosen()) setCurrency(suggested);
  };

  const form = createAuthForm({
    check: (field) => (field('password') === field('confirm') ? null : t('setup.mismatch')),
    send: async (field) => {
      const email = field('email');
      const password = field('password');
      const created = await api.complete(props.token, {
        dealer: { name: field('dealerName'), country: country(), currency: currency(), language: dealerLanguage() ?? language(), timeZone: field('timeZone') },
        admin: { name: field('adminName'), email, password },
      });
      if (!created.ok) return created.error;
      // The dealer exists whatever happens next; signing in is a convenience the sign-in page also offers.
      if (await session.actions.login(created.data.email, password)) setCreatedOnly(true);
      return null;
    },
    onSuccess: () => {
      if (session.state.user) navigate(homePathFor(session.state.user.role), { replace: true });
    },
  });

  return (
    <Show
      when={!createdOnly()}
      fallback={
        <div class="card">
          <h1 id="page-title">{t(props.link.kind === 'first' ? 'setup.title.first' : 'setup.title.additional')}</h1>
          <p class="notice" role="status">
            {t('setup.created')}
          </p>
          <A href="/login">{t('setup.gone.login')}</A>
        </div>
      }
    >
      <div class="page__heading">
        <h1 id="page-title">{t(props.link.kind === 'first' ? 'setup.title.first' : 'setup.title.additional')}</h1>
        <LanguageSwitcher />
      </div>
      <p>{t(props.link.kind === 'first' ? 'setup.intro.first' : 'setup.intro.additional')}</p>
      <p class="muted">{t('setup.validUntil', { until: formatDateTime(language(), props.link.expiresAt) })}</p>
      <form class="form" onSubmit={form.submit}>
        <fieldset class="card form setup__group">
          <legend>{t('setup.dealer')}</legend>
          <label class="field">
            <span>{t('setup.dealer.name')}</span>
            <input name="dealerName" required maxLength={200} autocomplete="organization" />
          </label>
          <label class="field">
            <span>{t('setup.dealer.country')}</span>
            <select name="country" onChange={(event) => chooseCountry(event.currentTarget.value)}>
              <For each={countries()}>
                {(option) => (
                  <option value={option.code} selected={option.code === country()}>
                    {option.name}
                  </option>
                )}
              </For>
            </select>
          </label>
          <label class="field">
            <span>{t('setup.dealer.currency')}</span>
            <select
              name="currency"
              aria-describedby="setup-currency-hint"
              onChange={(event) => {
                setCurrency(event.currentTarget.value);
                setCurrencyChosen(true);
              }}
            >
              <For each={currencies()}>
                {(option) => (
                  <option value={option.code} selected={option.code === currency()}>
                    {option.label}
                  </option>
                )}
              </For>
            </select>
            <small id="setup-currency-hint" class="muted">
              {t('setup.dealer.currencyHint')}
            </small>
          </label>
          <label class="field">
            <span>{t('setup.dealer.language')}</span>
            <select name="language" aria-describedby="setup-language-hint" onChange={(event) => setDealerLanguage(event.currentTarget.value as Language)}>
              <For each={LANGUAGES}>
                {(code) => (
                  <option value={code} lang={code} selected={code === (dealerLanguage() ?? language())}>
                    {languageNames[code]}
                  </option>
                )}
              </For>
            </select>
            <small id="setup-language-hint" class="muted">
              {t('setup.dealer.languageHint')}
            </small>
          </label>
          <label class="field">
            <span>{t('setup.dealer.timeZone')}</span>
            <select name="timeZone">
              <For each={timeZones}>
                {(zone) => (
                  <option value={zone} selected={zone === timeZone}>
                    {zone.replaceAll('_', ' ')}
                  </option>
                )}
              </For>
            </select>
          </label>
        </fieldset>
        <fieldset class="card form setup__group">
          <legend>{t('setup.admin')}</legend>
          <label class="field">
            <span>{t('setup.admin.name')}</span>
            <input name="adminName" required maxLength={200} autocomplete="name" />
          </label>
          <label class="field">
            <span>{t('setup.admin.email')}</span>
            <input name="email" type="email" required maxLength={254} autocomplete="username" inputmode="email" aria-describedby="setup-email-hint" />
            <small id="setup-email-hint" class="muted">
              {t('setup.admin.emailHint')}
            </small>
          </label>
          <label class="field">
            <span>{t('setup.admin.password')}</span>
            <input name="password" type="password" required minLength={10} autocomplete="new-password" aria-describedby="setup-password-hint" />
            <small id="setup-password-hint" class="muted">
              {t('setup.admin.passwordHint')}
            </small>
          </label>
          <label class="field">
            <span>{t('setup.admin.confirm')}</span>
            <input name="confirm" type="password" required autocomplete="new-password" />
          </label>
        </fieldset>
        <FormError message={form.error()} />
        <button type="submit" class="button button--primary" disabled={form.submitting()}>
          {form.submitting() ? t('setup.submitting') : t('setup.submit')}
        </button>
      </form>
    </Show>
  );
}
