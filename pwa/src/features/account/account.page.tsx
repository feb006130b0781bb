/**
 * The signed-in user's own account: name and language, email address (changed through a link sent to
 * the new one), password, and the other sessions open on the account.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import type { Account } from '@parc/shared/contracts/account';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n, useSession } from '../../app-context.tsx';
import { languageNames } from '../../i18n/translate.ts';
import { createAuthForm } from '../auth/auth-form.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { plural } from '../plural/plural.ts';
import { FormError } from '../shell/form-error.tsx';
import { createAccountApi } from './account.api.ts';
import { accountText } from './messages/index.ts';
import './account.css';

const api = createAccountApi(createApiClient());

export default function AccountPage() {
  const { t } = useFeatureText(accountText);
  const [account, { refetch }] = createResource(() => api.read());

  return (
    <section class="page account" aria-labelledby="account-title">
      <header class="page__heading">
        <h1 id="account-title">{t('account.title')}</h1>
      </header>
      <Loaded result={account()} retry={refetch}>
        {(current) => {
          // Both a password change and "sign out the others" leave this session alone.
          const [others, setOthers] = createSignal(current.otherSessions);
          return (
            <div class="account__sections">
              <ProfileSection account={current} />
              <EmailSection account={current} />
              <PasswordSection onChanged={() => setOthers(0)} />
              <SessionsSection others={others()} onEnded={() => setOthers(0)} />
            </div>
          );
        }}
      </Loaded>
    </section>
  );
}

/** A success line under a form, announced politely. */
function Notice(props: { text: string | null }) {
  return (
    <Show when={props.text}>
      <p class="notice" role="status">
        {props.text}
      </p>
    </Show>
  );
}

function ProfileSection(props: { account: Account }) {
  const { t } = useFeatureText(accountText);
  const i18n = useI18n();
  const session = useSession();
  const [notice, setNotice] = createSignal<string | null>(null);
  const [languageError, setLanguageError] = createSignal<ApiError | null>(null);
  const [savingLanguage, setSavingLanguage] = createSignal(false);
  const form = createAuthForm({
    send: async (field) => {
      setNotice(null);
      const result = await api.change({ name: field('name') });
      if (!result.ok) return result.error;
      await session.actions.updateUser({ name: result.data.name });
      setNotice(t('account.nameSaved'));
      return null;
    },
  });

  /** Saved at once; the app follows the session's language (app.tsx), so it switches as soon as it is stored. */
  async function chooseLanguage(language: Language) {
    setSavingLanguage(true);
    const result = await api.change({ language });
    setSavingLanguage(false);
    setLanguageError(result.ok ? null : result.error);
    if (result.ok) {
      await i18n.setLanguage(result.data.language);
      await session.actions.updateUser({ language: result.data.language });
    }
  }

  return (
    <section class="card" aria-labelledby="account-profile">
      <h2 id="account-profile">{t('account.profile')}</h2>
      <form class="form" onSubmit={form.submit}>
        <label class="field">
          <span>{t('account.name')}</span>
          <input name="name" autocomplete="name" required maxLength={200} value={props.account.name} />
        </label>
        <FormError message={form.error()} />
        <button type="submit" class="button button--primary" disabled={form.submitting()}>
          {form.submitting() ? t('account.saving') : t('account.saveName')}
        </button>
        <Notice text={notice()} />
      </form>
      <label class="field">
        <span>{t('account.language')}</span>
        <select
          name="language"
          value={i18n.language()}
          disabled={savingLanguage()}
          aria-describedby="account-language-hint"
          onChange={(event) => void chooseLanguage(event.currentTarget.value as Language)}
        >
          <For each={LANGUAGES}>
            {(code) => (
              <option value={code} lang={code}>
                {languageNames[code]}
              </option>
            )}
          </For>
        </select>
        <small id="account-language-hint" class="muted">
          {t('account.languageHint')}
        </small>
      </label>
      <FormError message={languageError()} />
    </section>
  );
}

function EmailSection(props: { account: Account }) {
  const { t, language } = useFeatureText(accountText);
  const [notice, setNotice] = createSignal<string | null>(null);
  const form = createAuthForm({
    send: async (field) => {
      setNotice(null);
      const result = await api.requestEmailChange({ email: field('email'), currentPassword: field('currentPassword') });
      if (!result.ok) return result.error;
      setNotice(t('account.linkSent', { email: result.data.email, until: formatDateTime(language(), result.data.expiresAt) }));
      return null;
    },
  });

  return (
    <section class="card" aria-labelledby="account-email">
      <h2 id="account-email">{t('account.email')}</h2>
      <p class="account__current">{t('account.currentEmail', { email: props.account.email })}</p>
      <form class="form" onSubmit={form.submit}>
        <label class="field">
          <span>{t('account.newEmail')}</span>
          <input name="email" type="email" autocomplete="email" required maxLength={254} />
        </label>
        <label class="field">
          <span>{t('account.currentPassword')}</span>
          <input name="currentPassword" type="password" autocomplete="current-password" required />
        </label>
        <FormError message={form.error()} />
        <button type="submit" class="button button--primary" disabled={form.submitting()}>
          {form.submitting() ? t('account.saving') : t('account.sendLink')}
        </button>
        <Notice text={notice()} />
      </form>
    </section>
  );
}

function PasswordSection(props: { onChanged: () => void }) {
  const { t } = useFeatureText(accountText);
  const [notice, setNotice] = createSignal<string | null>(null);
  let formElement: HTMLFormElement | undefined;
  const form = createAuthForm({
    check: (field) => (field('password') === field('confirm') ? null : t('account.mismatch')),
    send: async (field) => {
      setNotice(null);
      const result = await api.changePassword({ currentPassword: field('currentPassword'), password: field('password') });
      return result.ok ? null : result.error;
    },
    onSuccess: () => {
      formElement?.reset();
      setNotice(t('account.passwordChanged'));
      props.onChanged();
    },
  });

  return (
    <section class="card" aria-labelledby="account-password">
      <h2 id="account-password">{t('account.password')}</h2>
      <form class="form" ref={formElement} onSubmit={form.submit}>
        <label class="field">
          <span>{t('account.currentPassword')}</span>
          <input name="currentPassword" type="password" autocomplete="current-password" required />
        </label>
        <label class="field">
          <span>{t('account.newPassword')}</span>
          <input name="password" type="password" autocomplete="new-password" required aria-describedby="account-password-hint" />
          <small id="account-password-hint" class="muted">
            {t('account.passwordHint')}
          </small>
        </label>
        <label class="field">
          <span>{t('account.confirmPassword')}</span>
          <input name="confirm" type="password" autocomplete="new-password" required />
        </label>
        <FormError message={form.error()} />
        <button type="submit" class="button button--primary" disabled={form.submitting()}>
          {form.submitting() ? t('account.saving') : t('account.changePassword')}
        </button>
        <Notice text={notice()} />
      </form>
    </section>
  );
}

function SessionsSection(props: { others: number; onEnded: () => void }) {
  const { t, language } = useFeatureText(accountText);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [ending, setEnding] = createSignal(false);
  const count = () => props.others;
  const summary = () =>
    count() === 0 ? t('account.sessions.none') : t(plural(language(), count(), { one: 'account.sessions.one', other: 'account.sessions.other' } as const), { count: count() });

  async function endOthers() {
    setEnding(true);
    const result = await api.endOtherSessions();
    setEnding(false);
    setError(result.ok ? null : result.error);
    if (result.ok) {
      setNotice(t('account.othersEnded'));
      props.onEnded();
    }
  }

  return (
    <section class="card" aria-labelledby="account-sessions">
      <h2 id="account-sessions">{t('account.sessions')}</h2>
      <p data-testid="other-sessions">{summary()}</p>
      <FormError message={error()} />
      <button type="button" class="button" disabled={ending() || count() === 0} onClick={() => void endOthers()}>
        {t('account.endOthers')}
      </button>
      <Notice text={notice()} />
    </section>
  );
}
