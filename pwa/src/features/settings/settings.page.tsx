/** Settings: appearance (logo with preview, colour, sender, default language, dealer contacts), custom parameter definitions and, for partner admins, API keys. */
import { createResource, createSignal, For, Show } from 'solid-js';
import { LANGUAGES } from '@parc/shared/languages';
import { LOGO_TYPES, MAX_LOGO_BYTES, type Appearance, type LogoType } from '@parc/shared/contracts/appearance';
import { PARAMETER_KINDS, PARAMETER_TARGETS, type ParameterCreate, type ParameterKind } from '@parc/shared/contracts/parameters';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n, useSession } from '../../app-context.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';
import { languageNames } from '../../i18n/translate.ts';
import { applyBrandColour, useBrand } from './brand.ts';
import { createSettingsApi } from './settings.api.ts';
import './settings.css';
import { base64Of } from '../../platform/base64.ts';
import { ApiKeysSection } from '../api-keys/api-keys.section.tsx';
import { NotificationsSection } from '../notifications/notifications.section.tsx';
import { usePermission } from '../console/permissions.tsx';

const api = createSettingsApi(createApiClient());

export function SettingsPage() {
  const { t, language } = useI18n();
  const session = useSession();
  useBrand();
  // A profile that only views settings sees them, every control disabled (the server refuses its changes).
  const canEdit = usePermission('settings', 'edit');
  const [appearance, { mutate }] = createResource(async () => {
    const result = await api.appearance();
    return result.ok ? result.data : undefined;
  });
  const [parameters, { refetch }] = createResource(async () => {
    const result = await api.parameters();
    return result.ok ? result.data.items : [];
  });
  const [colour, setColour] = createSignal<string | null>(null);
  const [message, setMessage] = createSignal<{ ok: boolean; text: string } | null>(null);
  const [kind, setKind] = createSignal<ParameterKind>('text');
  const report = (result: { ok: true } | { ok: false; error: ApiError }, text: string) =>
    setMessage(result.ok ? { ok: true, text } : { ok: false, text: t('common.error', { message: apiErrorText(result.error, language()) }) });
  const updated = (next: Appearance) => {
    mutate(next);
    applyBrandColour(next.brandColour);
  };

  async function uploadLogo(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    if (file.size > MAX_LOGO_BYTES) return setMessage({ ok: false, text: t('settings.logo.tooBig') });
    const result = await api.uploadLogo({ contentType: file.type as LogoType, dataBase64: await base64Of(file) });
    if (result.ok) updated(result.data);
    report(result, t('settings.logo.uploaded'));
    input.value = '';
  }

  async function removeLogo() {
    const result = await api.removeLogo();
    if (result.ok) updated(result.data);
    report(result, t('settings.saved'));
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => String(form.get(name) ?? '').trim();
    const result = await api.saveAppearance({
      name: text('name'),
      brandColour: text('brandColour'),
      senderEmail: text('senderEmail') || null,
      defaultLanguage: text('defaultLanguage') as Appearance['defaultLanguage'],
      email: text('email'),
      phone: text('phone') || null,
      address: text('address') || null,
      website: text('website') || null,
    });
    if (result.ok) updated(result.data);
    report(result, t('settings.saved'));
  }

  async function addParameter(event: SubmitEvent) {
    event.preventDefault();
    const formElement = event.currentTarget as HTMLFormElement;
    const form = new FormData(formElement);
    const input: ParameterCreate = {
      name: String(form.get('parameterName') ?? ''),
      kind: kind(),
      appliesTo: String(form.get('appliesTo')) as ParameterCreate['appliesTo'],
      ...(kind() === 'list' ? { options: String(form.get('options') ?? '').split('\n').map((o) => o.trim()).filter(Boolean) } : {}),
      ...(kind() === 'oid' ? { oid: String(form.get('oid') ?? '') } : {}),
    };
    const result = await api.createParameter(input);
    report(result, t('settings.saved'));
    if (result.ok) {
      formElement.reset();
      void refetch();
    }
  }

  return (
    <section class="page settings" aria-labelledby="settings-title">
      <header class="page__heading">
        <h1 id="settings-title">{t('settings.title')}</h1>
      </header>
      <Show when={message()}>{(shown) => <p role={shown().ok ? 'status' : 'alert'} class={shown().ok ? 'notice' : 'form__error'}>{shown().text}</p>}</Show>
      <Show when={appearance()}>
        {(current) => (
          <section class="card" aria-labelledby="appearance">
            <h2 id="appearance">{t('settings.appearance')}</h2>
            <div class="settings__logo">
              <div class="settings__preview" style={{ 'background-color': colour() ?? current().brandColour }} aria-label={t('settings.preview')}>
                <Show when={current().logoUrl} fallback={<span>{t('settings.logo.none')}</span>}>
                  {(url) => <img src={url()} alt={t('settings.logo')} data-testid="logo-preview" />}
                </Show>
                <strong>{current().name}</strong>
              </div>
              <label class="field">
                <span>{t('settings.logo.choose')}</span>
                <input type="file" name="logo" accept={LOGO_TYPES.join(',')} disabled={!canEdit()} onChange={uploadLogo} />
              </label>
              <Show when={current().logoUrl && canEdit()}>
                <button class="button button--quiet" type="button" onClick={removeLogo}>
                  {t('settings.logo.remove')}
                </button>
              </Show>
            </div>
            <form class="form settings__form" onSubmit={save}>
              <fieldset class="settings__fields" disabled={!canEdit()}>
              <label class="field">
                <span>{t('settings.name')}</span>
                <input name="name" required value={current().name} />
              </label>
              <label class="field">
                <span>{t('settings.colour')}</span>
                <input name="brandColour" type="color" value={current().brandColour} onInput={(e) => setColour(e.currentTarget.value)} />
              </label>
              <label class="field">
                <span>{t('settings.sender')}</span>
                <input name="senderEmail" type="email" value={current().senderEmail ?? ''} />
              </label>
              <label class="field">
                <span>{t('settings.defaultLanguage')}</span>
                <select name="defaultLanguage" value={current().defaultLanguage}>
                  <For each={LANGUAGES}>{(language) => <option value={language}>{languageNames[language]}</option>}</For>
                </select>
              </label>
              <fieldset class="settings__contact">
                <legend>{t('settings.contact')}</legend>
                <label class="field">
                  <span>{t('settings.email')}</span>
                  <input name="email" type="email" required value={current().email} />
                </label>
                <label class="field">
                  <span>{t('settings.phone')}</span>
                  <input name="phone" type="tel" value={current().phone ?? ''} />
                </label>
                <label class="field">
                  <span>{t('settings.address')}</span>
                  <input name="address" value={current().address ?? ''} />
                </label>
                <label class="field">
                  <span>{t('settings.website')}</span>
                  <input name="website" value={current().website ?? ''} />
                </label>
              </fieldset>
              </fieldset>
              <Show when={canEdit()}>
                <button class="button button--primary" type="submit" data-action="save-appearance">
                  {t('settings.save')}
                </button>
              </Show>
            </form>
          </section>
        )}
      </Show>

      <section class="card" aria-labelledby="parameters-title">
        <h2 id="parameters-title">{t('settings.parameters')}</h2>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('settings.parameters.name')}</th>
              <th scope="col">{t('settings.parameters.kind')}</th>
              <th scope="col">{t('settings.parameters.appliesTo')}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            <For each={parameters()}>
              {(parameter) => (
                <tr>
                  <td>{parameter.name}</td>
                  <td>
                    {t(`settings.kind.${parameter.kind}`)} <small class="muted">{parameter.kind === 'list' ? parameter.options.join(', ') : (parameter.oid ?? '')}</small>
                  </td>
                  <td>{t(`settings.target.${parameter.appliesTo}`)}</td>
                  <td>
                    <button
                      type="button"
                      class="button button--quiet"
                      hidden={!canEdit()}
                      onClick={async () => {
                        report(await api.deleteParameter(parameter.id), t('settings.saved'));
                        void refetch();
                      }}
                    >
                      {t('settings.parameters.delete')}
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <form class="form settings__form" onSubmit={addParameter} hidden={!canEdit()}>
          <label class="field">
            <span>{t('settings.parameters.name')}</span>
            <input name="parameterName" required maxLength={100} />
          </label>
          <label class="field">
            <span>{t('settings.parameters.kind')}</span>
            <select name="kind" value={kind()} onChange={(e) => setKind(e.currentTarget.value as ParameterKind)}>
              <For each={PARAMETER_KINDS}>{(k) => <option value={k}>{t(`settings.kind.${k}`)}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('settings.parameters.appliesTo')}</span>
            <select name="appliesTo">
              <For each={PARAMETER_TARGETS}>{(target) => <option value={target}>{t(`settings.target.${target}`)}</option>}</For>
            </select>
          </label>
          <Show when={kind() === 'list'}>
            <label class="field">
              <span>{t('settings.parameters.options')}</span>
              <textarea name="options" rows={3} required />
            </label>
          </Show>
          <Show when={kind() === 'oid'}>
            <label class="field">
              <span>{t('settings.parameters.oid')}</span>
              <input name="oid" required pattern="^\.?[0-2](\.(0|[1-9][0-9]*))+$" placeholder="1.3.6.1.2.1.1.5.0" />
            </label>
          </Show>
          <button class="button button--primary" type="submit">
            {t('settings.parameters.add')}
          </button>
        </form>
      </section>
      <NotificationsSection />
      {/* Keys are credentials: partner admins manage them, as they manage accounts (the server says the same). */}
      <Show when={session.state.user?.role === 'partner_admin'}>
        <ApiKeysSection />
      </Show>
    </section>
  );
}

/** Default export for the console's lazy route. */
export default SettingsPage;
