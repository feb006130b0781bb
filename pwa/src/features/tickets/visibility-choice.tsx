/**
 * Internal or shared with the customer, chosen when a comment or note is written (see
 * `tickets/visibility`): the console and the technician app ask the same question the same way.
 */
import { For } from 'solid-js';
import { NOTE_VISIBILITIES, type NoteVisibility } from '@parc/shared/tickets/visibility';
import { useI18n } from '../../app-context.tsx';
import './visibility-choice.css';

export function VisibilityChoice(props: { name: string; value: NoteVisibility; onChange: (visibility: NoteVisibility) => void }) {
  const { t } = useI18n();
  return (
    <fieldset class="visibility-choice" data-testid="visibility-choice">
      <legend>{t('tickets.visibility.label')}</legend>
      <For each={NOTE_VISIBILITIES}>
        {(visibility) => (
          <label class="visibility-choice__option">
            <input type="radio" name={props.name} value={visibility} checked={props.value === visibility} onChange={() => props.onChange(visibility)} />
            <span>{t(`tickets.visibility.${visibility}`)}</span>
          </label>
        )}
      </For>
    </fieldset>
  );
}

/** Beside a comment in a history: whether the customer reads it too. */
export function VisibilityTag(props: { visibility: NoteVisibility }) {
  const { t } = useI18n();
  return (
    <span class={`visibility-tag visibility-tag--${props.visibility}`} data-visibility={props.visibility}>
      {t(`tickets.visibility.tag.${props.visibility}`)}
    </span>
  );
}
