/**
 * What the dealer does about an error from the errors page: forward it by email (to whom, a word, the
 * email's language), note something on it, or ignore it for some days or for good. Each lands in the
 * device's history; the dialog waits while the request is out and words a refusal under the form.
 */
import { createSignal, For, Match, Switch } from 'solid-js';
import type { CurrentError } from '@parc/shared/contracts/tickets';
import { LANGUAGES, type Language } from '@parc/shared/languages';
import { alertText } from '@parc/shared/agents/alert-messages';
import { createApiClient, type ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createTicketsApi } from './tickets.api.ts';
import { languageNames } from '../../i18n/translate.ts';

export type ErrorAction = 'email' | 'note' | 'ignore';

/** How long an error can be ignored for, in days; null for good. */
const DURATIONS = [7, 30, 90, null] as const;

export function ErrorActionDialog(props: { error: CurrentError; action: ErrorAction; onDone: (action: ErrorAction) => void; onClose: () => void }) {
  const { t, language } = useI18n();
  const api = createTicketsApi(createApiClient());
  const [to, setTo] = createSignal('');
  const [text, setText] = createSignal('');
  const [mailLanguage, setMailLanguage] = createSignal<Language>(language());
  const [days, setDays] = createSignal<number | null>(7);
  const [failure, setFailure] = createSignal<ApiError | string | null>(null);
  const [saving, setSaving] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `error-action-${props.error.id}`;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const addresses = to().split(/[\s,;]+/).filter(Boolean);
    if (props.action === 'email' && (addresses.length === 0 || addresses.some((address) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)))) return setFailure(t('tickets.errors.problem.to'));
    setSaving(true);
    setFailure(null);
    const result =
      props.action === 'email'
        ? await api.forwardError(props.error.id, { to: addresses, message: text(), language: mailLanguage() })
        : props.action === 'note'
          ? await api.noteError(props.error.id, { text: text() })
          : await api.ignoreError(props.error.id, { days: days(), note: text() });
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    props.onDone(props.action);
  }

  return (
    <ModalDialog labelledBy={titleId} onClose={props.onClose} ref={(element) => (dialog = element)}>
      <form class="card error-action" onSubmit={(event) => void submit(event)} novalidate>
        <h2 id={titleId}>{t(`tickets.errors.dialog.${props.action}`)}</h2>
        <p class="muted">
          {props.error.device.deviceCode} · {alertText(props.error, props.error.description, language())}
        </p>
        <Switch>
          <Match when={props.action === 'email'}>
            <label class="field">
              <span>{t('tickets.errors.field.to')}</span>
              <input name="to" type="text" inputMode="email" autocomplete="email" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('tickets.errors.field.message')}</span>
              <textarea name="message" rows="4" maxLength={2000} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('tickets.errors.field.language')}</span>
              <select name="language" value={mailLanguage()} onChange={(e) => setMailLanguage(e.currentTarget.value as Language)}>
                <For each={LANGUAGES}>{(code) => <option value={code}>{languageNames[code]}</option>}</For>
              </select>
            </label>
          </Match>
          <Match when={props.action === 'note'}>
            <label class="field">
              <span>{t('tickets.errors.field.note')}</span>
              <textarea name="note" rows="4" maxLength={2000} required value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
          </Match>
          <Match when={props.action === 'ignore'}>
            <label class="field">
              <span>{t('tickets.errors.field.duration')}</span>
              <select name="days" value={String(days())} onChange={(e) => setDays(e.currentTarget.value === 'null' ? null : Number(e.currentTarget.value))}>
                <For each={DURATIONS}>
                  {(duration) => <option value={String(duration)}>{duration === null ? t('tickets.errors.duration.forGood') : t('tickets.errors.duration.days', { count: duration })}</option>}
                </For>
              </select>
            </label>
            <label class="field">
              <span>{t('tickets.errors.field.reason')}</span>
              <input name="reason" type="text" maxLength={500} value={text()} onInput={(e) => setText(e.currentTarget.value)} />
            </label>
            <p class="muted">{t('tickets.errors.ignoreHint')}</p>
          </Match>
        </Switch>
        <FormError message={failure()} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={props.action === 'email' ? t('tickets.errors.send') : t('tickets.errors.save')} />
      </form>
    </ModalDialog>
  );
}
