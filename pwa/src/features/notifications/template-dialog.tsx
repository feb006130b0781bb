/**
 * A category's email text per language: the subject and the body with the category's placeholders
 * as chips (a click puts `{name}` at the cursor), checked as it is typed with the server's own
 * wording, a preview rendered by the server with the dealer's branding (the HTML in a sandboxed
 * frame), saving, and going back to the built-in text. Unsaved text is kept per language while the
 * dialog is open.
 */
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { NoticePreview, NoticeTemplate, NoticeTemplateText } from '@parc/shared/contracts/notifications';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import { placeholdersOf, type NoticeCategory } from '@parc/shared/notifications/categories';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { languageNames } from '../../i18n/translate.ts';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { notificationsText } from './messages/index.ts';
import type { NotificationsApi } from './notifications.api.ts';
import { insertAt, templateTextProblem } from './notifications.rules.ts';

type Field = keyof NoticeTemplateText;

export function TemplateDialog(props: { api: NotificationsApi; category: NoticeCategory; canEdit: boolean; onChanged: () => void; onClose: () => void }) {
  const { t } = useFeatureText(notificationsText);
  const app = useI18n();
  const name = () => t(`notifications.category.${props.category}.name`);
  const [language, setLanguage] = createSignal<Language>(app.language());
  const [template, { refetch, mutate }] = createResource(language, (code) => props.api.template(props.category, code));
  const loaded = (): NoticeTemplate | undefined => {
    const result = template();
    return result?.ok && result.data.language === language() ? result.data : undefined;
  };
  const [drafts, setDrafts] = createStore<Partial<Record<Language, NoticeTemplateText>>>({});
  const draft = (): NoticeTemplateText | undefined => {
    const current = loaded();
    return drafts[language()] ?? (current && { subject: current.subject, body: current.body });
  };
  const dirty = () => {
    const mine = drafts[language()];
    const current = loaded();
    return mine !== undefined && current !== undefined && (mine.subject !== current.subject || mine.body !== current.body);
  };
  const placeholders = () => loaded()?.placeholders ?? placeholdersOf(props.category);
  const problem = createMemo(() => {
    const text = draft();
    return text ? templateTextProblem(text, placeholders()) : null;
  });
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [status, setStatus] = createSignal<string | null>(null);
  const [preview, setPreview] = createSignal<NoticePreview | null>(null);
  const [busy, setBusy] = createSignal<'save' | 'preview' | null>(null);
  const [resetting, setResetting] = createSignal(false);
  const fields: Partial<Record<Field, HTMLInputElement | HTMLTextAreaElement>> = {};
  let lastField: Field = 'body';
  let dialog: HTMLDialogElement | undefined;

  function edit(field: Field, value: string) {
    const text = draft();
    if (!text) return;
    setDrafts(language(), { ...text, [field]: value });
    setPreview(null);
    setStatus(null);
  }

  function choose(code: Language) {
    setLanguage(code);
    setPreview(null);
    setFailure(null);
    setStatus(null);
  }

  /** The placeholder goes where the cursor was in the field last typed in (the body at first). */
  function insert(placeholder: string) {
    const element = fields[lastField];
    const text = draft();
    if (!element || !text) return;
    const current = text[lastField];
    const { text: next, cursor } = insertAt(current, element.selectionStart ?? current.length, element.selectionEnd ?? current.length, `{${placeholder}}`);
    edit(lastField, next);
    element.focus();
    element.setSelectionRange(cursor, cursor);
  }

  async function showPreview() {
    const text = draft();
    if (!text || problem() || busy()) return;
    setBusy('preview');
    setFailure(null);
    const result = await props.api.preview(props.category, language(), text);
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    setPreview(result.data);
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const text = draft();
    if (!text || problem() || busy()) return;
    setBusy('save');
    setFailure(null);
    const result = await props.api.saveTemplate(props.category, language(), text);
    setBusy(null);
    if (!result.ok) return setFailure(result.error);
    setDrafts(language(), undefined);
    mutate(result);
    setStatus(t('notifications.template.saved'));
    props.onChanged();
  }

  async function reset(): Promise<ApiError | null> {
    const result = await props.api.resetTemplate(props.category, language());
    if (!result.ok) return result.error;
    setDrafts(language(), undefined);
    setPreview(null);
    mutate(result);
    setStatus(t('notifications.template.resetDone'));
    props.onChanged();
    return null;
  }

  const invalid = (field: Field) => problem()?.field === field || undefined;
  const typed = (field: Field) => (event: InputEvent & { currentTarget: HTMLInputElement | HTMLTextAreaElement }) => edit(field, event.currentTarget.value);

  return (
    <ModalDialog labelledBy="template-dialog-title" onClose={props.onClose} width="52rem" ref={(element) => (dialog = element)}>
      <form class="card notification-dialog" onSubmit={(event) => void save(event)} novalidate data-testid="template-dialog">
        <h2 id="template-dialog-title">{t('notifications.template.title', { name: name() })}</h2>
        <div class="segmented notification-dialog__languages" role="tablist" aria-label={t('notifications.template.languages')}>
          <For each={LANGUAGES}>
            {(code) => (
              <button type="button" role="tab" class="button" classList={{ 'is-active': language() === code }} aria-selected={language() === code} data-language={code} onClick={() => choose(code)}>
                {languageNames[code]}
              </button>
            )}
          </For>
        </div>
        <Loaded result={template.loading ? undefined : template()} retry={refetch}>
          {() => (
            <>
              <p class="notification-dialog__state">
                <span class="badge" classList={{ 'badge--ok': loaded()?.edited }} data-testid="template-state">
                  {loaded()?.edited ? t('notifications.template.edited') : t('notifications.template.builtIn')}
                </span>
                <Show when={dirty()}>
                  <span class="badge badge--warn">{t('notifications.template.unsaved')}</span>
                </Show>
              </p>
              <label class="field">
                <span>{t('notifications.template.subject')}</span>
                <input
                  type="text"
                  name="subject"
                  maxLength={200}
                  ref={(element) => (fields.subject = element)}
                  value={draft()?.subject ?? ''}
                  readOnly={!props.canEdit}
                  aria-invalid={invalid('subject')}
                  onFocus={() => (lastField = 'subject')}
                  onInput={typed('subject')}
                />
              </label>
              <label class="field">
                <span>{t('notifications.template.body')}</span>
                <textarea
                  name="body"
                  rows={9}
                  maxLength={5000}
                  ref={(element) => (fields.body = element)}
                  value={draft()?.body ?? ''}
                  readOnly={!props.canEdit}
                  aria-invalid={invalid('body')}
                  onFocus={() => (lastField = 'body')}
                  onInput={typed('body')}
                />
                <small class="muted">{t('notifications.template.bodyHint')}</small>
              </label>
              <Show when={props.canEdit}>
                <div class="notification-dialog__chips" role="group" aria-label={t('notifications.template.placeholders')}>
                  <p class="notification-dialog__sub">{t('notifications.template.placeholders')}</p>
                  <For each={placeholders()}>
                    {(placeholder) => (
                      <button type="button" class="chip" data-placeholder={placeholder} aria-label={t('notifications.template.insert', { placeholder: `{${placeholder}}` })} onClick={() => insert(placeholder)}>
                        {`{${placeholder}}`}
                      </button>
                    )}
                  </For>
                </div>
              </Show>
            </>
          )}
        </Loaded>
        <FormError message={problem() ?? failure()} />
        <Show when={status()}>{(text) => <p role="status" class="notice">{text()}</p>}</Show>
        <Show when={preview()}>
          {(shown) => (
            <section class="notification-preview" aria-labelledby="notification-preview-title" data-testid="template-preview">
              <h3 id="notification-preview-title">{t('notifications.template.previewTitle')}</h3>
              <p class="muted">{shown().sample ? t('notifications.template.sample') : t('notifications.template.real')}</p>
              <p class="notification-preview__subject">{t('notifications.template.previewSubject', { subject: shown().subject })}</p>
              {/* The server's HTML, shown as the email would be: no scripts, no same-origin access (a sandbox with no permissions). */}
              <iframe class="notification-preview__frame" title={t('notifications.template.previewTitle')} sandbox="" srcdoc={shown().html} />
            </section>
          )}
        </Show>
        <div class="notification-dialog__footer">
          <Show when={props.canEdit && loaded()?.edited}>
            <button type="button" class="button button--quiet" data-action="reset-template" onClick={() => setResetting(true)}>
              {t('notifications.template.reset')}
            </button>
          </Show>
          <div class="dialog-buttons">
            <button type="button" class="button" data-action="preview" disabled={!draft() || problem() !== null || busy() !== null} aria-busy={busy() === 'preview'} onClick={() => void showPreview()}>
              {t('notifications.template.preview')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => dialog?.close()}>
              {t('notifications.template.close')}
            </button>
            <Show when={props.canEdit}>
              <button type="submit" class="button button--primary" disabled={!dirty() || problem() !== null || busy() !== null} aria-busy={busy() === 'save'}>
                {t('notifications.template.save')}
              </button>
            </Show>
          </div>
        </div>
      </form>
      <Show when={resetting()}>
        <ConfirmDialog
          title={t('notifications.template.confirmReset', { name: name(), language: languageNames[language()] })}
          confirmLabel={t('notifications.template.reset')}
          danger
          onConfirm={reset}
          onClose={() => setResetting(false)}
        >
          <p>{t('notifications.template.confirmReset.body')}</p>
        </ConfirmDialog>
      </Show>
    </ModalDialog>
  );
}
