/**
 * Counter resets and board replacements: the ones declared so far, and a form to declare one with,
 * per counter, the last value before and the starting value after, so volumes carry on across it.
 */
import { createResource, createSignal, For, Index, Show } from 'solid-js';
import type { DeviceConsole } from '@parc/shared/contracts/device-console';
import { RESET_KINDS, type CounterKind, type ResetKind } from '@parc/shared/meters/counters';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import { randomId } from '../../platform/ids.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import type { ReadingsApi } from './readings.api.ts';
import { counterBreaks, fromLocalInput, reasonText, toLocalInput } from './readings.rules.ts';
import { SubmitOrCancel } from './submit-or-cancel.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';

interface CounterRow {
  kind: CounterKind;
  included: boolean;
  finalValue: string;
  startValue: string;
}

/** The counter an error field such as `counters.1.finalValue` names, if any. */
function counterOfField(field: string | undefined, rows: readonly CounterRow[]): CounterRow | undefined {
  const match = /^counters\.(\d+)\./.exec(field ?? '');
  return match ? rows[Number(match[1])] : undefined;
}

export function ResetsSection(props: { view: DeviceConsole; api: ReadingsApi; canEdit: boolean; version: number; onDeclared(): void }) {
  const { t, language } = useI18n();
  const [resets] = createResource(
    () => ({ deviceId: props.view.device.id, version: props.version }),
    ({ deviceId }) => props.api.resets(deviceId),
  );
  const loaded = () => {
    const current = resets.latest;
    return current?.ok ? current.data.items : undefined;
  };
  const writable = () => props.canEdit && props.view.device.active && props.view.device.retiredAt === null;

  return (
    <div class="resets" data-testid="resets">
      <p class="muted">{t('device.resets.explain')}</p>
      <Show when={resets.latest && !resets.latest.ok && resets.latest}>
        {(failed) => <p role="alert" class="form__error">{t('common.error', { message: apiErrorText((failed() as { error: ApiError }).error, language()) })}</p>}
      </Show>
      <Show when={loaded()}>
        {(items) => (
          <ul class="plain-list resets__list" data-testid="resets-list">
            <For each={[...items()].reverse()} fallback={<li class="muted">{t('device.resets.none')}</li>}>
              {(reset) => (
                <li data-kind={reset.kind} data-counter={reset.counterKind}>
                  <strong>{t(`device.resets.kind.${reset.kind}`)}</strong> · {t(`devices.counter.${reset.counterKind}`)} ·{' '}
                  <span class="resets__values">{t('device.resets.values', { final: formatCount(language(), reset.finalValue), start: formatCount(language(), reset.startValue) })}</span>{' '}
                  <small class="muted">
                    {formatDateTime(language(), reset.at)} · {t('device.resets.by', { by: reset.declaredBy })}
                  </small>
                  <Show when={reset.note}>{(note) => <div class="muted resets__note">{note()}</div>}</Show>
                </li>
              )}
            </For>
          </ul>
        )}
      </Show>
      <Show when={writable()}>
        <DeclareReset view={props.view} api={props.api} onDeclared={props.onDeclared} />
      </Show>
    </div>
  );
}

function DeclareReset(props: { view: DeviceConsole; api: ReadingsApi; onDeclared(): void }) {
  const { t, language } = useI18n();
  const initialRows = (): CounterRow[] =>
    props.view.counters
      .filter((counter) => counter.active)
      .map((counter) => ({ kind: counter.kind, included: true, finalValue: counter.latest ? String(counter.latest.value) : '', startValue: '0' }));
  const [open, setOpen] = createSignal(false);
  const [kind, setKind] = createSignal<ResetKind>('board_replaced');
  const [at, setAt] = createSignal(toLocalInput(new Date()));
  const [rows, setRows] = createSignal<CounterRow[]>(initialRows());
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [done, setDone] = createSignal<string | null>(null);
  let clientId = randomId();

  function reset() {
    setRows(initialRows());
    setAt(toLocalInput(new Date()));
    setNote('');
    setError(null);
    clientId = randomId();
  }

  function update(index: number, change: Partial<CounterRow>) {
    setRows(rows().map((row, position) => (position === index ? { ...row, ...change } : row)));
    clientId = randomId();
    setError(null);
  }

  function failureText(failure: ApiError): string {
    if (failure.code === 'conflict') return t('device.resets.conflict');
    const refused = failure.code === 'reading_refused' ? reasonText(failure.details?.reason, language()) : null;
    if (refused) {
      const row = counterOfField(failure.field, rows().filter((each) => each.included));
      return row ? t('device.resets.counterRefused', { counter: t(`devices.counter.${row.kind}`), reason: refused }) : t('device.refused', { reason: refused });
    }
    return t('common.error', { message: apiErrorText(failure, language()) });
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    setDone(null);
    const included = rows().filter((row) => row.included);
    if (included.length === 0) return setError(t('device.resets.noCounter'));
    const parsed = counterBreaks(included);
    if ('invalid' in parsed) return setError(t('device.resets.counterRefused', { counter: t(`devices.counter.${parsed.invalid}`), reason: t('device.enter.invalidValue') }));
    const { counters } = parsed;
    const instant = fromLocalInput(at());
    if (instant === null) return setError(t('device.enter.invalidDate'));
    setBusy(true);
    setError(null);
    const result = await props.api.declareReset(props.view.device.id, { kind: kind(), at: instant, counters, clientId, ...(note().trim() ? { note: note().trim() } : {}) });
    setBusy(false);
    if (!result.ok) return setError(failureText(result.error));
    setDone(t('device.resets.saved'));
    setOpen(false);
    props.onDeclared();
  }

  return (
    <>
      <Show when={done()}>
        {(text) => (
          <p role="status" class="notice" data-testid="reset-notice">
            {text()}
          </p>
        )}
      </Show>
      <Show
        when={open()}
        fallback={
          <button
            type="button"
            class="button"
            data-testid="declare-reset"
            onClick={() => {
              reset();
              setDone(null);
              setOpen(true);
            }}
          >
            {t('device.resets.declare')}
          </button>
        }
      >
        <form class="form resets__form" onSubmit={(event) => void submit(event)} data-testid="reset-form" novalidate>
          <div class="form-grid">
            <label class="field">
              <span>{t('device.resets.kind')}</span>
              <select name="kind" value={kind()} onChange={(event) => setKind(event.currentTarget.value as ResetKind)}>
                <For each={RESET_KINDS}>{(each) => <option value={each}>{t(`device.resets.kind.${each}`)}</option>}</For>
              </select>
            </label>
            <label class="field">
              <span>{t('device.resets.at')}</span>
              <input name="at" type="datetime-local" required value={at()} onInput={(event) => (setAt(event.currentTarget.value), (clientId = randomId()))} />
            </label>
          </div>
          <Index each={rows()}>
            {(row, index) => (
              <fieldset class="resets__counter" data-counter={row().kind}>
                <legend>
                  <label class="check">
                    <input type="checkbox" name="included" checked={row().included} onChange={(event) => update(index, { included: event.currentTarget.checked })} />
                    {t(`devices.counter.${row().kind}`)}
                  </label>
                </legend>
                <label class="field">
                  <span>{t('device.resets.final')}</span>
                  <input name="finalValue" type="text" inputmode="numeric" autocomplete="off" disabled={!row().included} value={row().finalValue} onInput={(event) => update(index, { finalValue: event.currentTarget.value })} />
                </label>
                <label class="field">
                  <span>{t('device.resets.start')}</span>
                  <input name="startValue" type="text" inputmode="numeric" autocomplete="off" disabled={!row().included} value={row().startValue} onInput={(event) => update(index, { startValue: event.currentTarget.value })} />
                </label>
              </fieldset>
            )}
          </Index>
          <label class="field">
            <span>{t('device.resets.note')}</span>
            <input name="note" maxLength={500} value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
          </label>
          <SubmitOrCancel error={error()} busy={busy()} label={t('device.resets.submit')} onCancel={() => setOpen(false)} />
        </form>
      </Show>
    </>
  );
}
