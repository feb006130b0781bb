/**
 * Swapping the device for another machine (another serial number): this one is retired with its
 * final counters, the new one takes its place with its own starting counters; volumes add up over both.
 */
import { createSignal, Index, Show } from 'solid-js';
import { useNavigate } from '@solidjs/router';
import type { DeviceConsole } from '@parc/shared/contracts/device-console';
import type { CounterKind } from '@parc/shared/meters/counters';
import type { ApiError } from '../../api/client.ts';
import { useI18n } from '../../app-context.tsx';
import type { ReadingsApi } from './readings.api.ts';
import { counterBreaks, fromLocalInput, reasonText, toLocalInput } from './readings.rules.ts';
import { SubmitOrCancel } from './submit-or-cancel.tsx';
import { apiErrorText } from '../../i18n/api-error.ts';

interface SwapRow {
  kind: CounterKind;
  finalValue: string;
  startValue: string;
}

export function SwapSection(props: { view: DeviceConsole; api: ReadingsApi }) {
  const { t, language } = useI18n();
  const navigate = useNavigate();
  const initialRows = (): SwapRow[] =>
    props.view.counters.filter((counter) => counter.active).map((counter) => ({ kind: counter.kind, finalValue: counter.latest ? String(counter.latest.value) : '', startValue: '0' }));
  const [open, setOpen] = createSignal(false);
  const [serial, setSerial] = createSignal('');
  const [manufacturer, setManufacturer] = createSignal('');
  const [model, setModel] = createSignal('');
  const [at, setAt] = createSignal(toLocalInput(new Date()));
  const [rows, setRows] = createSignal<SwapRow[]>(initialRows());
  const [note, setNote] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // Sending the same swap again answers the same new device: no key of our own is needed.
  const changed = () => setError(null);

  function start() {
    setSerial('');
    setManufacturer('');
    setModel('');
    setAt(toLocalInput(new Date()));
    setRows(initialRows());
    setNote('');
    changed();
    setOpen(true);
  }

  function update(index: number, change: Partial<SwapRow>) {
    setRows(rows().map((row, position) => (position === index ? { ...row, ...change } : row)));
    changed();
  }

  function failureText(failure: ApiError): string {
    if (failure.code === 'conflict') return failure.field === 'serial' ? t('device.swap.serialTaken') : t('device.swap.conflict');
    const refused = failure.code === 'reading_refused' ? reasonText(failure.details?.reason, language()) : null;
    if (refused) {
      const index = /^counters\.(\d+)\./.exec(failure.field ?? '')?.[1];
      const row = index === undefined ? undefined : rows()[Number(index)];
      return row ? t('device.resets.counterRefused', { counter: t(`devices.counter.${row.kind}`), reason: refused }) : t('device.refused', { reason: refused });
    }
    return t('common.error', { message: apiErrorText(failure, language()) });
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (busy()) return;
    if (!serial().trim()) return setError(t('device.swap.serialRequired'));
    const parsed = counterBreaks(rows());
    if ('invalid' in parsed) return setError(t('device.resets.counterRefused', { counter: t(`devices.counter.${parsed.invalid}`), reason: t('device.enter.invalidValue') }));
    const { counters } = parsed;
    const instant = fromLocalInput(at());
    if (instant === null) return setError(t('device.enter.invalidDate'));
    setBusy(true);
    setError(null);
    const result = await props.api.swap(props.view.device.id, {
      serial: serial().trim(),
      at: instant,
      counters,
      ...(manufacturer().trim() ? { manufacturer: manufacturer().trim() } : {}),
      ...(model().trim() ? { model: model().trim() } : {}),
      ...(note().trim() ? { note: note().trim() } : {}),
    });
    setBusy(false);
    if (!result.ok) return setError(failureText(result.error));
    setOpen(false);
    navigate(`/console/devices/${result.data.id}`);
  }

  return (
    <div class="swap" data-testid="swap">
      <p class="muted">{t('device.swap.explain')}</p>
      <Show
        when={open()}
        fallback={
          <button type="button" class="button" data-testid="open-swap" onClick={start}>
            {t('device.swap.title')}
          </button>
        }
      >
        <form class="form" onSubmit={(event) => void submit(event)} data-testid="swap-form" novalidate>
          <div class="form-grid">
            <label class="field">
              <span>{t('device.swap.serial')}</span>
              <input name="serial" required maxLength={100} autocomplete="off" value={serial()} onInput={(event) => (setSerial(event.currentTarget.value), changed())} />
            </label>
            <label class="field">
              <span>{t('device.swap.manufacturer')}</span>
              <input name="manufacturer" maxLength={100} placeholder={props.view.device.manufacturer} value={manufacturer()} onInput={(event) => (setManufacturer(event.currentTarget.value), changed())} />
            </label>
            <label class="field">
              <span>{t('device.swap.model')}</span>
              <input name="model" maxLength={100} placeholder={props.view.device.model} value={model()} onInput={(event) => (setModel(event.currentTarget.value), changed())} />
            </label>
            <label class="field">
              <span>{t('device.resets.at')}</span>
              <input name="at" type="datetime-local" required value={at()} onInput={(event) => (setAt(event.currentTarget.value), changed())} />
            </label>
          </div>
          <Index each={rows()}>
            {(row, index) => (
              <fieldset class="resets__counter" data-counter={row().kind}>
                <legend>{t(`devices.counter.${row().kind}`)}</legend>
                <label class="field">
                  <span>{t('device.swap.final')}</span>
                  <input name="finalValue" type="text" inputmode="numeric" autocomplete="off" value={row().finalValue} onInput={(event) => update(index, { finalValue: event.currentTarget.value })} />
                </label>
                <label class="field">
                  <span>{t('device.swap.start')}</span>
                  <input name="startValue" type="text" inputmode="numeric" autocomplete="off" value={row().startValue} onInput={(event) => update(index, { startValue: event.currentTarget.value })} />
                </label>
              </fieldset>
            )}
          </Index>
          <label class="field">
            <span>{t('device.resets.note')}</span>
            <input name="note" maxLength={500} value={note()} onInput={(event) => (setNote(event.currentTarget.value), changed())} />
          </label>
          <SubmitOrCancel error={error()} busy={busy()} label={t('device.swap.submit')} onCancel={() => setOpen(false)} />
        </form>
      </Show>
    </div>
  );
}
