/**
 * The device page's readings: every value of every counter, newest first, with where it came from,
 * who entered it, its status, the acceptance policy's reason and its revisions; a form to enter one
 * by hand, and per row an edit and a delete (with a reason) for users allowed to change readings.
 */
import { FormError } from '../shell/form-error.tsx';
import { createResource, createSignal, For, Show } from 'solid-js';
import type { DeviceConsole } from '@parc/shared/contracts/device-console';
import type { Reading, ReadingRevision } from '@parc/shared/contracts/readings';
import type { CounterKind } from '@parc/shared/meters/counters';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { randomId } from '../../platform/ids.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import type { ReadingsApi } from './readings.api.ts';
import { fromLocalInput, isChangeable, isCorrectableWhenLocked, lockedCorrection, parseCount, readingChange, reasonText, refusalText, toLocalInput, whoOf } from './readings.rules.ts';
import { SubmitOrCancel } from './submit-or-cancel.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';

const PAGE_SIZE = 20;

type Notice = { ok: boolean; text: string } | null;

export interface ReadingsSectionProps {
  view: DeviceConsole;
  api: ReadingsApi;
  /** The user's profile allows changing readings. */
  canEdit: boolean;
  /** Bumped by the page whenever readings may have changed elsewhere (a reset declared). */
  version: number;
  /** Tells the page a reading changed: counters, chart, statistics and events follow. */
  onChanged(): void;
}

/** The error of a failed change, worded for the reader: the policy's reason in their language when refused. */
function useErrorText() {
  const { t, language } = useI18n();
  return (error: ApiError): string => {
    const refused = refusalText(error, language());
    if (refused) return t('device.refused', { reason: refused });
    if (error.code === 'locked') return t('device.error.locked');
    return t('common.error', { message: apiErrorText(error, language()) });
  };
}

export function ReadingsSection(props: ReadingsSectionProps) {
  const { t, language } = useI18n();
  const [counterFilter, setCounterFilter] = createSignal('');
  const [pages, setPages] = createSignal(1);
  const [reloads, setReloads] = createSignal(0);
  const [notice, setNotice] = createSignal<Notice>(null);
  const writable = () => props.canEdit && props.view.device.active && props.view.device.retiredAt === null;

  const [list] = createResource(
    () => ({ deviceId: props.view.device.id, counterId: counterFilter(), pages: pages(), version: props.version + reloads() }),
    async ({ deviceId, counterId, pages: count }) => {
      const results = await Promise.all(
        Array.from({ length: count }, (_, index) => props.api.list(deviceId, { page: index + 1, pageSize: PAGE_SIZE, counterId: counterId || undefined })),
      );
      const failed = results.find((result) => !result.ok);
      if (failed && !failed.ok) return { ok: false as const, error: failed.error };
      const loaded = results.flatMap((result) => (result.ok ? result.data.items : []));
      const total = results[0]?.ok ? results[0].data.total : 0;
      return { ok: true as const, items: loaded, total };
    },
  );
  // The rows stay on screen while a refreshed list loads.
  const loaded = () => {
    const current = list.latest;
    return current?.ok ? current : undefined;
  };

  const failure = (): ApiError | undefined => {
    const current = list.latest;
    return current && !current.ok ? current.error : undefined;
  };

  function changed(text: string) {
    setNotice({ ok: true, text });
    setReloads(reloads() + 1);
    props.onChanged();
  }

  const kindLabel = (kind: CounterKind) => t(`devices.counter.${kind}`);

  return (
    <div class="readings" data-testid="readings">
      <Show when={writable()}>
        <EnterReading view={props.view} api={props.api} onSubmitting={() => setNotice(null)} onSaved={changed} />
      </Show>
      <Show when={notice()}>{(shown) => <p role={shown().ok ? 'status' : 'alert'} class={shown().ok ? 'notice' : 'form__error'} data-testid="readings-notice">{shown().text}</p>}</Show>
      <Show when={props.canEdit && !props.view.device.active}>
        <p class="muted">{t('device.enter.inactive')}</p>
      </Show>

      <div class="readings__toolbar">
        <label class="field field--inline">
          <span>{t('device.readings.filter')}</span>
          <select
            name="readingsCounter"
            value={counterFilter()}
            onChange={(event) => {
              setCounterFilter(event.currentTarget.value);
              setPages(1);
            }}
          >
            <option value="">{t('device.readings.allCounters')}</option>
            <For each={props.view.counters}>{(counter) => <option value={counter.id}>{kindLabel(counter.kind)}</option>}</For>
          </select>
        </label>
        <Show when={loaded()}>{(data) => <span class="muted">{t('device.readings.shown', { shown: data().items.length, total: data().total })}</span>}</Show>
      </div>

      <Show when={failure()}>{(error) => <p role="alert" class="form__error">{t('device.readings.loadFailed', { message: apiErrorText(error(), language()) })}</p>}</Show>
      <Show when={!loaded() && list.loading}>
        <p class="loading" role="status">
          {t('app.loading')}
        </p>
      </Show>

      <Show when={loaded()}>
        {(data) => (
          <Show when={data().items.length > 0} fallback={<p class="muted">{t('device.readings.none')}</p>}>
            <div class="table-scroll">
            <table class="table readings-table" data-testid="readings-table">
              <thead>
                <tr>
                  <th scope="col">{t('device.readings.date')}</th>
                  <th scope="col">{t('device.readings.counter')}</th>
                  <th scope="col" class="number">
                    {t('device.readings.value')}
                  </th>
                  <th scope="col">{t('device.readings.source')}</th>
                  <th scope="col">{t('device.readings.status')}</th>
                  <th scope="col">{t('device.readings.reason')}</th>
                  <Show when={writable()}>
                    <th scope="col">
                      <span class="visually-hidden">{t('device.readings.actions')}</span>
                    </th>
                  </Show>
                </tr>
              </thead>
              <tbody>
                <For each={data().items}>
                  {(reading) => <ReadingRow reading={reading} api={props.api} canEdit={writable()} kindLabel={kindLabel} onChanged={changed} />}
                </For>
              </tbody>
            </table>
            </div>
            <Show when={data().items.length < data().total}>
              <div class="readings__more">
                <button type="button" class="button" disabled={list.loading} onClick={() => setPages(pages() + 1)}>
                  {t('device.readings.more')}
                </button>
              </div>
            </Show>
          </Show>
        )}
      </Show>
      <span class="visually-hidden" aria-live="polite">
        {list.loading ? t('app.loading') : ''}
      </span>
    </div>
  );
}

function EnterReading(props: { view: DeviceConsole; api: ReadingsApi; onSubmitting(): void; onSaved(text: string): void }) {
  const { t, language } = useI18n();
  const errorText = useErrorText();
  const counters = () => props.view.counters.filter((counter) => counter.active);
  const [counterId, setCounterId] = createSignal(counters()[0]?.id ?? '');
  const [value, setValue] = createSignal('');
  const [takenAt, setTakenAt] = createSignal(toLocalInput(new Date()));
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // One key per value typed: a retry after a lost answer is applied once; a changed value is a new reading.
  let clientId = randomId();
  const edited = <T,>(set: (value: T) => void) => (next: T) => {
    set(next);
    clientId = randomId();
    setError(null);
  };
  const latest = () => props.view.counters.find((counter) => counter.id === counterId())?.latest ?? null;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const count = parseCount(value());
    if (count === null) return setError(t('device.enter.invalidValue'));
    const at = fromLocalInput(takenAt());
    if (at === null) return setError(t('device.enter.invalidDate'));
    setBusy(true);
    setError(null);
    props.onSubmitting();
    const result = await props.api.create(props.view.device.id, { counterId: counterId(), value: count, takenAt: at, clientId, ...(note().trim() ? { note: note().trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    const reason = reasonText(result.data.reason, language());
    setValue('');
    setNote('');
    setTakenAt(toLocalInput(new Date()));
    clientId = randomId();
    props.onSaved(`${t('device.enter.saved', { status: t(`device.status.${result.data.status}`) })}${reason ? ` ${reason}` : ''}`);
  }

  return (
    <details class="readings__enter" open={props.view.connection === 'manual'}>
      <summary>{t('device.enter.title')}</summary>
      <form class="form readings__form" onSubmit={(event) => void submit(event)} data-testid="enter-reading" novalidate>
        <div class="form-grid">
          <label class="field">
            <span>{t('device.enter.counter')}</span>
            <select name="counterId" value={counterId()} onChange={(event) => edited(setCounterId)(event.currentTarget.value)}>
              <For each={counters()}>{(counter) => <option value={counter.id}>{t(`devices.counter.${counter.kind}`)}</option>}</For>
            </select>
            <Show when={latest()}>{(last) => <small class="muted field__hint">{t('device.enter.last', { value: formatCount(language(), last().value), date: formatDateTime(language(), last().takenAt) })}</small>}</Show>
          </label>
          <label class="field">
            <span>{t('device.enter.value')}</span>
            <input name="value" type="text" inputmode="numeric" autocomplete="off" required value={value()} onInput={(event) => edited(setValue)(event.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('device.enter.takenAt')}</span>
            <input name="takenAt" type="datetime-local" required value={takenAt()} onInput={(event) => edited(setTakenAt)(event.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('device.enter.note')}</span>
            <input name="note" maxLength={500} value={note()} onInput={(event) => edited(setNote)(event.currentTarget.value)} />
          </label>
        </div>
        <FormError message={error()} />
        <div class="actions">
          <button type="submit" class="button button--primary" disabled={busy()}>
            {busy() ? t('common.saving') : t('device.enter.submit')}
          </button>
        </div>
      </form>
    </details>
  );
}

function ReadingRow(props: { reading: Reading; api: ReadingsApi; canEdit: boolean; kindLabel(kind: CounterKind): string; onChanged(text: string): void }) {
  const { t, language } = useI18n();
  const [mode, setMode] = createSignal<'view' | 'edit' | 'correct' | 'delete'>('view');
  const reading = () => props.reading;
  const who = () => {
    const parsed = whoOf(reading().enteredBy);
    if (parsed.kind === 'person') return parsed.name;
    if (parsed.kind === 'estimate') return t('device.who.estimate', { period: parsed.period });
    return t(`device.who.${parsed.kind}`);
  };
  const statusClass = () => (reading().status === 'to_check' ? 'badge badge--warn' : reading().status === 'refused' || reading().status === 'deleted' ? 'badge badge--danger' : 'badge');

  return (
    <>
      <tr class={`reading reading--${reading().status}`} data-testid="reading-row" data-reading={reading().id} data-status={reading().status} data-counter={reading().counterKind} data-value={reading().value}>
        <td data-label={t('device.readings.date')} class="reading__date">
          <span class="reading__struck">{formatDateTime(language(), reading().takenAt)}</span>
        </td>
        <td data-label={t('device.readings.counter')}>{props.kindLabel(reading().counterKind)}</td>
        <td data-label={t('device.readings.value')} class="number reading__value">
          <span class="reading__struck">{formatCount(language(), reading().value)}</span>
        </td>
        <td data-label={t('device.readings.source')}>
          {t(`device.source.${reading().source}`)}
          <div class="muted reading__who" title={reading().enteredBy}>
            {who()}
          </div>
        </td>
        <td data-label={t('device.readings.status')}>
          <span class={statusClass()}>{t(`device.status.${reading().status}`)}</span>
          <Show when={reading().lockedAt}>
            {' '}
            <span class="badge reading__locked" title={t('device.readings.lockedHint')}>
              🔒 {t('device.readings.locked')}
            </span>
          </Show>
        </td>
        <td data-label={t('device.readings.reason')} class="reading__reason">
          <Show when={reasonText(reading().reason, language())} fallback={<span class="muted">—</span>}>
            {(text) => <span data-testid="reading-reason">{text()}</span>}
          </Show>
          <Show when={reading().note}>{(note) => <div class="muted">{t('device.readings.note', { note: note() })}</div>}</Show>
          <Show when={reading().revisions.length > 0}>
            <Revisions revisions={reading().revisions} />
          </Show>
        </td>
        <Show when={props.canEdit}>
          <td class="reading__actions">
            <Show when={isChangeable(reading(), props.canEdit) && mode() === 'view'}>
              <div class="actions">
                <button type="button" class="button" data-action="edit" onClick={() => setMode('edit')}>
                  {t('device.edit')}
                </button>
                <button type="button" class="button button--quiet" data-action="delete" onClick={() => setMode('delete')}>
                  {t('device.delete')}
                </button>
              </div>
            </Show>
            <Show when={isCorrectableWhenLocked(reading(), props.canEdit) && mode() === 'view'}>
              <button type="button" class="button button--quiet" data-action="correct" onClick={() => setMode('correct')}>
                {t('device.correct')}
              </button>
            </Show>
          </td>
        </Show>
      </tr>
      <Show when={mode() !== 'view'}>
        <tr class="reading-change">
          <td colSpan={7}>
            <Show
              when={mode() === 'edit' || mode() === 'correct'}
              fallback={<DeleteReading reading={reading()} api={props.api} onDone={(text) => (setMode('view'), props.onChanged(text))} onCancel={() => setMode('view')} />}
            >
              <EditReading reading={reading()} locked={mode() === 'correct'} api={props.api} onDone={(text) => (setMode('view'), props.onChanged(text))} onCancel={() => setMode('view')} />
            </Show>
          </td>
        </tr>
      </Show>
    </>
  );
}

function Revisions(props: { revisions: readonly ReadingRevision[] }) {
  const { t, language } = useI18n();
  return (
    <details class="revisions">
      <summary>{t('device.readings.history', { count: props.revisions.length })}</summary>
      <ol class="revisions__list">
        <For each={[...props.revisions].reverse()}>
          {(revision) => (
            <li data-action={revision.action}>
              <strong>{t(`device.revision.${revision.action}`)}</strong>{' '}
              <Show when={revision.oldValue !== revision.newValue}>
                <span class="revisions__values">
                  {formatCount(language(), revision.oldValue)} → {formatCount(language(), revision.newValue)}
                </span>{' '}
              </Show>
              <Show when={revision.oldStatus !== revision.newStatus}>
                <span class="muted">
                  ({t(`device.status.${revision.oldStatus}`)} → {t(`device.status.${revision.newStatus}`)})
                </span>{' '}
              </Show>
              <span class="muted">{t('device.revision.by', { by: revision.by, date: formatDateTime(language(), revision.at) })}</span>
              <Show when={revision.note}>{(note) => <div class="revisions__note">{note()}</div>}</Show>
            </li>
          )}
        </For>
      </ol>
    </details>
  );
}

/** Edits a value and its note; a locked reading's correction needs a new value and a note saying why. */
function EditReading(props: { reading: Reading; locked: boolean; api: ReadingsApi; onDone(text: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [value, setValue] = createSignal(String(props.reading.value));
  const [note, setNote] = createSignal(props.locked ? '' : (props.reading.note ?? ''));
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    const count = parseCount(value());
    if (count === null) return setError(t('device.enter.invalidValue'));
    const change = props.locked ? lockedCorrection(props.reading, { value: count, note: note() }) : readingChange(props.reading, { value: count, note: note() });
    if (change === null || change === 'nothing') return setError(t('device.edit.nothing'));
    if (change === 'note_required') return setError(t('device.correct.noteRequired'));
    setBusy(true);
    setError(null);
    const result = await props.api.change(props.reading.id, change);
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    props.onDone(t('device.edit.saved'));
  }

  return (
    <form class="form readings__form" onSubmit={(event) => void submit(event)} data-testid="edit-reading" novalidate>
      <Show when={props.locked}>
        <p class="muted">{t('device.correct.hint')}</p>
      </Show>
      <div class="form-grid">
        <label class="field">
          <span>{t('device.edit.value')}</span>
          <input name="value" type="text" inputmode="numeric" autocomplete="off" value={value()} onInput={(event) => setValue(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{props.locked ? t('device.correct.note') : t('device.edit.note')}</span>
          <input name="note" maxLength={500} required={props.locked} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
        </label>
      </div>
      <SubmitOrCancel error={error()} busy={busy()} label={t('device.edit.save')} onCancel={props.onCancel} />
    </form>
  );
}

function DeleteReading(props: { reading: Reading; api: ReadingsApi; onDone(text: string): void; onCancel(): void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy() || !note().trim()) return;
    setBusy(true);
    setError(null);
    const result = await props.api.remove(props.reading.id, note().trim());
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    props.onDone(t('device.delete.done'));
  }

  return (
    <form class="form readings__form" onSubmit={(event) => void submit(event)} data-testid="delete-reading">
      <p class="muted">{t('device.delete.explain')}</p>
      <label class="field">
        <span>{t('device.delete.note')}</span>
        <input name="note" required maxLength={500} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <SubmitOrCancel error={error()} busy={busy()} disabled={!note().trim()} danger label={t('device.delete.confirm')} onCancel={props.onCancel} />
    </form>
  );
}
