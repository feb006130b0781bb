/**
 * What the technician does on a request: change its state with a comment, add a note, add a photo.
 * Each goes to the outbox first. Comments and notes stay internal unless the technician shares them
 * with the customer.
 */
import { createSignal, For, onCleanup, Show } from 'solid-js';
import type { MaintenanceRequest } from '@parc/shared/contracts/tickets';
import { nextStates, type RequestState } from '@parc/shared/tickets/states';
import { DEFAULT_VISIBILITY, type NoteVisibility } from '@parc/shared/tickets/visibility';
import { useI18n } from '../../app-context.tsx';
import { FormError } from '../shell/form-error.tsx';
import { randomId } from '../../platform/ids.ts';
import { VisibilityChoice } from '../tickets/visibility-choice.tsx';
import { preparePhoto } from './photo.ts';
import { useTechSync } from './tech-context.tsx';

/** The version the server last told us about: the base a change is made against. */
function useServerVersion(requestId: () => string) {
  const sync = useTechSync();
  return () => sync.state.bundle?.requests.find((request) => request.id === requestId())?.version ?? 1;
}

export function StateChange(props: { request: MaintenanceRequest }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const baseVersion = useServerVersion(() => props.request.id);
  const [target, setTarget] = createSignal<RequestState | null>(null);
  const [comment, setComment] = createSignal('');
  const [visibility, setVisibility] = createSignal<NoteVisibility>(DEFAULT_VISIBILITY);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const to = target();
    if (!to || comment().trim() === '') return;
    await sync.record({ kind: 'request.transition', requestId: props.request.id, baseVersion: baseVersion(), to, comment: comment().trim(), visibility: visibility() });
    setTarget(null);
    setComment('');
    setVisibility(DEFAULT_VISIBILITY);
  }

  // A request the technician can no longer move (closed by the dealer) offers no empty card.
  const targets = () => nextStates(props.request.state, 'technician', true);
  return (
    <Show when={targets().length > 0}>
      <section class="card" aria-labelledby="state-change-title">
        <h2 id="state-change-title">{t('tech.action.changeState')}</h2>
        <div class="button-row">
          <For each={targets()}>
            {(state) => (
              <button type="button" class="button" classList={{ 'is-active': target() === state }} data-testid={`to-${state}`} onClick={() => setTarget(state)}>
                {t('tech.action.to', { state: t(`tech.state.${state}`) })}
              </button>
            )}
          </For>
        </div>
        <Show when={target()}>
          <form class="form" data-testid="state-form" onSubmit={(event) => void save(event)}>
            <label class="field">
              <span>{t('tech.action.comment')}</span>
              <textarea name="comment" required rows="3" value={comment()} onInput={(event) => setComment(event.currentTarget.value)} />
            </label>
            <VisibilityChoice name="state-visibility" value={visibility()} onChange={setVisibility} />
            <div class="button-row">
              <button type="submit" class="button button--primary" disabled={comment().trim() === ''}>
                {t('tech.action.confirm')}
              </button>
              <button type="button" class="button button--quiet" onClick={() => setTarget(null)}>
                {t('tech.action.cancel')}
              </button>
            </div>
          </form>
        </Show>
      </section>
    </Show>
  );
}

export function NoteForm(props: { requestId: string }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const [text, setText] = createSignal('');
  const [visibility, setVisibility] = createSignal<NoteVisibility>(DEFAULT_VISIBILITY);
  async function save(event: SubmitEvent) {
    event.preventDefault();
    if (text().trim() === '') return;
    await sync.record({ kind: 'request.note', requestId: props.requestId, text: text().trim(), visibility: visibility() });
    setText('');
    setVisibility(DEFAULT_VISIBILITY);
  }
  return (
    <form class="card form" data-testid="note-form" onSubmit={(event) => void save(event)}>
      <h2>{t('tech.note.title')}</h2>
      <label class="field">
        <span>{t('tech.note.text')}</span>
        <textarea name="note" rows="3" value={text()} onInput={(event) => setText(event.currentTarget.value)} />
      </label>
      <VisibilityChoice name="note-visibility" value={visibility()} onChange={setVisibility} />
      <button type="submit" class="button button--primary" disabled={text().trim() === ''}>
        {t('tech.note.save')}
      </button>
    </form>
  );
}

export function PhotoInput(props: { requestId: string }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const [error, setError] = createSignal<string | null>(null);
  async function take(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    const photo = await preparePhoto(file);
    if (!photo.ok) {
      setError(t(photo.reason === 'too_large' ? 'tech.photo.tooLarge' : 'tech.photo.unsupported'));
      return;
    }
    setError(null);
    await sync.record({
      kind: 'request.attachment',
      requestId: props.requestId,
      attachment: { id: randomId(), fileName: photo.fileName, contentType: photo.contentType, blob: photo.blob },
    });
  }
  return (
    <section class="card" aria-labelledby="photo-title">
      <h2 id="photo-title">{t('tech.photo.title')}</h2>
      <label class="button photo-input">
        {t('tech.photo.take')}
        <input type="file" accept="image/*" capture="environment" data-testid="photo-input" onChange={(event) => void take(event.currentTarget)} />
      </label>
      <FormError message={error()} />
    </section>
  );
}

/** A queued photo shown from the phone's copy until the server has it. */
export function PendingPhoto(props: { blob: Blob; name: string }) {
  const { t } = useI18n();
  const url = URL.createObjectURL(props.blob);
  onCleanup(() => URL.revokeObjectURL(url));
  return (
    <figure class="pending-photo" data-testid="pending-photo">
      <img src={url} alt={props.name} />
      <figcaption class="muted">{t('tech.attachments.pending')}</figcaption>
    </figure>
  );
}
