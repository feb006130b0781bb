/**
 * The header and footer of every notice in a language (the seed's "en-têtes et pieds de pages des
 * notifications"): e.g. the service desk's hours above, a word of thanks below, before the signature.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { languageNames } from '../../i18n/translate.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { FormError } from '../shell/form-error.tsx';
import { notificationsText } from './messages/index.ts';
import type { NotificationsApi } from './notifications.api.ts';

export function FramesSection(props: { api: NotificationsApi; canEdit: boolean }) {
  const { t } = useFeatureText(notificationsText);
  const [language, setLanguage] = createSignal<Language>(useI18n().language());
  const [frame, { refetch }] = createResource(language, (code) => props.api.frame(code));
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const [saving, setSaving] = createSignal(false);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setSaving(true);
    setFailure(null);
    setStatus(null);
    const result = await props.api.saveFrame(language(), { header: String(form.get('header') ?? ''), footer: String(form.get('footer') ?? '') });
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    setStatus(t('notifications.frames.saved'));
  }

  return (
    <section class="card notifications" aria-labelledby="notification-frames-title" data-testid="notification-frames">
      <h2 id="notification-frames-title">{t('notifications.frames.title')}</h2>
      <p class="muted">{t('notifications.frames.intro')}</p>
      <div class="segmented notification-dialog__languages" role="tablist" aria-label={t('notifications.template.languages')}>
        <For each={LANGUAGES}>
          {(code) => (
            <button
              type="button"
              role="tab"
              class="button"
              classList={{ 'is-active': language() === code }}
              aria-selected={language() === code}
              data-language={code}
              onClick={() => {
                setLanguage(code);
                setStatus(null);
                setFailure(null);
              }}
            >
              {languageNames[code]}
            </button>
          )}
        </For>
      </div>
      <Loaded result={frame.loading ? undefined : frame()} retry={refetch}>
        {(current) => (
          <form class="notification-frames" onSubmit={(event) => void save(event)}>
            <label class="field">
              <span>{t('notifications.frames.header')}</span>
              <textarea name="header" rows={3} maxLength={1000} readOnly={!props.canEdit} value={current.header} />
            </label>
            <label class="field">
              <span>{t('notifications.frames.footer')}</span>
              <textarea name="footer" rows={3} maxLength={1000} readOnly={!props.canEdit} value={current.footer} />
            </label>
            <FormError message={failure()} />
            <Show when={status()}>{(text) => <p role="status" class="notice">{text()}</p>}</Show>
            <Show when={props.canEdit}>
              <div>
                <button type="submit" class="button button--primary" disabled={saving()} aria-busy={saving()}>
                  {t('notifications.frames.save')}
                </button>
              </div>
            </Show>
          </form>
        )}
      </Loaded>
    </section>
  );
}
