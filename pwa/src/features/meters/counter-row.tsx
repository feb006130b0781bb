/**
 * One counter of a machine: last reading, state badge, and the input to save a new value.
 *
 * The row owns what is typed in it (its draft): the server's answers change the badge and the
 * stored value, never the field, so a save of another counter (or of this one) arriving while the
 * customer types cannot erase or cut what they are typing. The only value the row puts in its field
 * by itself is one the server refused, and only into an empty field.
 */
import { createEffect, createSignal, Match, on, Show, Switch } from 'solid-js';
import type { MeterEntryCounter } from '@parc/shared/contracts/meters';
import { reasonMessage } from '@parc/shared/meters/messages';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import { useI18n } from '../../app-context.tsx';
import type { EntryFormat } from './meter-entry.format.ts';
import { isEditable, parseCounterInput, type CounterView } from './meter-entry.state.ts';
import { fromCatalogue } from '../../i18n/pseudo.ts';

export interface CounterRowProps {
  /** Makes the input's id unique on the page. */
  inputId: string;
  row: MeterEntryCounter;
  view: CounterView;
  format: EntryFormat;
  /** Whom to ask about a settled value (the dealer's contacts are at the foot of the page, `#dealer-contacts`). */
  dealerName: string;
  /** Whether the browser has a network: a pending entry is being sent, or waits for it. */
  online: boolean;
  onSave(value: number): Promise<void>;
}

/** States that show a value already taken: the input opens on demand ("change"). */
const STORED_STATES: ReadonlySet<CounterView['state']> = new Set(['pending', 'entered', 'to_check']);

/** The value of a refused or rejected view, which the row offers back for correction. */
const returnedValue = (view: CounterView): number | null => (view.state === 'refused' || view.state === 'rejected' ? view.value : null);

export function CounterRow(props: CounterRowProps) {
  const { t, language } = useI18n();
  const [editing, setEditing] = createSignal(false);
  const [draft, setDraft] = createSignal('');
  const [localReason, setLocalReason] = createSignal<ReadingReason | null>(null);
  const [saving, setSaving] = createSignal(false);
  // A field with something typed in it stays open whatever the server says meanwhile.
  const showInput = () => isEditable(props.view) && (editing() || draft() !== '' || !STORED_STATES.has(props.view.state));
  const shownValue = () => ('value' in props.view ? props.format.count(props.view.value) : null);

  // A refused value comes back for correction, into an empty field only: never over what is being typed.
  createEffect(
    on(
      () => returnedValue(props.view),
      (value) => {
        if (value !== null && draft() === '') setDraft(String(value));
      },
    ),
  );

  const badge = () => {
    const view = props.view;
    switch (view.state) {
      case 'to_enter':
        return t('meters.state.to_enter');
      case 'pending':
        return props.online ? t('meters.state.sending') : t('meters.state.pending');
      case 'entered':
        return t('meters.state.entered', { date: props.format.dayOf(view.enteredAt) });
      case 'to_check':
        return t('meters.state.to_check', { date: props.format.dayOf(view.enteredAt) });
      case 'refused':
        return t('meters.state.refused');
      case 'rejected':
        return t('meters.state.rejected');
      case 'sent':
        return t('meters.state.sent', { date: props.format.dayOf(view.enteredAt) });
      case 'settled':
        return t('meters.state.settled', { dealer: props.dealerName });
    }
  };

  const lastLine = () => {
    const last = props.row.last;
    return last
      ? t('meters.counter.lastLine', { value: props.format.count(last.value), date: props.format.dayOf(last.takenAt) })
      : t('meters.counter.lastLineNone');
  };

  async function submit(event: SubmitEvent & { currentTarget: HTMLFormElement }) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem('value') as HTMLInputElement;
    const parsed = parseCounterInput(draft());
    if (parsed.ok === 'empty') return input.focus();
    if (parsed.ok === false) return setLocalReason(parsed.reason);
    setLocalReason(null);
    setSaving(true);
    const saved = props.onSave(parsed.value);
    // The value now belongs to the outbox: the field is free again (a second tap finds it empty).
    setEditing(false);
    setDraft('');
    await saved;
    setSaving(false);
  }

  return (
    <li class="counter" data-counter={props.row.counter} data-state={props.view.state}>
      <div class="counter__head">
        <span class="counter__label">{fromCatalogue(props.format.counter(props.row.counter))}</span>
        <span class={`badge badge--${props.view.state}`} data-testid="counter-state">
          {badge()}
        </span>
      </div>
      <p class="counter__last">{lastLine()}</p>
      <Show when={shownValue() !== null && !showInput()}>
        <p class="counter__value">
          <span data-testid="counter-value">{shownValue()}</span>
          <Show when={isEditable(props.view)}>
            <button type="button" class="button button--quiet counter__edit" onClick={() => setEditing(true)}>
              {t('meters.counter.edit')}
            </button>
          </Show>
        </p>
      </Show>
      <Show when={showInput()}>
        <form class="counter__form" onSubmit={submit} novalidate>
          <label class="counter__input-label" for={props.inputId}>
            {t('meters.counter.input')}
          </label>
          <div class="counter__input-row">
            <input
              id={props.inputId}
              name="value"
              type="text"
              inputmode="numeric"
              pattern="[0-9]*"
              autocomplete="off"
              enterkeyhint="done"
              class="counter__input"
              value={draft()}
              onInput={(event) => {
                setDraft(event.currentTarget.value);
                setLocalReason(null);
              }}
              aria-invalid={props.view.state === 'refused' || localReason() !== null}
              aria-describedby={`${props.inputId}-message`}
            />
            <button type="submit" class="button button--primary counter__save" disabled={saving()}>
              {t('meters.counter.save')}
            </button>
          </div>
        </form>
      </Show>
      <div id={`${props.inputId}-message`} class="counter__messages" aria-live="polite">
        <Switch>
          <Match when={localReason()}>{(reason) => <p class="counter__message counter__message--refused">{fromCatalogue(reasonMessage(reason(), language()))}</p>}</Match>
          <Match when={props.view.state === 'settled' && props.view}>
            {(view) => (
              <p class="counter__message counter__message--settled" role={view().refusal ? 'alert' : undefined}>
                <Show when={view().refusal} fallback={<span>{t('meters.settled.hint', { dealer: props.dealerName })}</span>}>
                  {(refusal) => <span>{fromCatalogue(reasonMessage(refusal(), language()))}</span>}
                </Show>{' '}
                <a href="#dealer-contacts">{t('meters.settled.contact')}</a>
              </p>
            )}
          </Match>
          <Match when={props.view.state === 'refused' && props.view}>
            {(view) => (
              <p class="counter__message counter__message--refused" role="alert">
                <Show when={view().reason} fallback={<span>{t('meters.refused.byDealer')}</span>}>
                  {(reason) => <span>{fromCatalogue(reasonMessage(reason(), language()))}</span>}
                </Show>
              </p>
            )}
          </Match>
          <Match when={props.view.state === 'rejected' && props.view}>
            {(view) => (
              <p class="counter__message counter__message--refused" role="alert">
                {view().code === 'locked' ? t('meters.rejected.locked') : t('meters.rejected.generic')}
              </p>
            )}
          </Match>
          <Match when={props.view.state === 'to_check' && props.view}>
            {(view) => (
              <p class="counter__message counter__message--to-check">
                {fromCatalogue(reasonMessage(view().reason, language()))} {t('meters.toCheck.hint')}
              </p>
            )}
          </Match>
        </Switch>
      </div>
    </li>
  );
}
