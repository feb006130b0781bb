/**
 * A new replenishment of a stock: carrier, tracking number, note, and the lines to send, opened with
 * each item's suggested quantity (back to its target), editable, removable, and any other item of the
 * stock addable. Shipping one asks for the carrier and tracking number. Sending once: the buttons
 * wait while the request is out, so a double tap places one replenishment.
 */
import { createSignal, For, Index, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { LocalStock, Replenishment, ReplenishmentCreate, ReplenishmentUpdate } from '@parc/shared/contracts/stocks';
import type { Carrier } from '@parc/shared/contracts/supplies';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { TextField } from '../customers/text-field.tsx';
import { FormError } from '../shell/form-error.tsx';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { stocksText } from './stocks-messages/index.ts';
import { addableItems, addedLine, replenishmentFormOf, replenishmentInputOf } from './stocks.rules.ts';

function CarrierSelect(props: { carriers: readonly Carrier[]; value: string; onChange: (id: string) => void }) {
  const { t } = useFeatureText(stocksText);
  return (
    <label class="field">
      {t('stocks.replenishDialog.carrier')}
      <select name="carrierId" value={props.value} onChange={(event) => props.onChange(event.currentTarget.value)}>
        <option value="">{t('stocks.replenishDialog.noCarrier')}</option>
        <For each={props.carriers}>{(carrier) => <option value={carrier.id}>{carrier.name}</option>}</For>
      </select>
    </label>
  );
}

export function ReplenishmentDialog(props: { stock: LocalStock; carriers: readonly Carrier[]; place: (input: ReplenishmentCreate) => Promise<ApiResult<Replenishment>>; onClose: () => void }) {
  const { t } = useFeatureText(stocksText);
  const [form, setForm] = createStore(replenishmentFormOf(props.stock.items));
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<string | ApiError | null>(null);
  const [wrong, setWrong] = createSignal<string[]>([]);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `replenishment-dialog-${props.stock.id}`;
  const addable = () => addableItems(props.stock.items, form.lines);

  function addLine(supplyModelId: string) {
    const item = props.stock.items.find((each) => each.supplyModelId === supplyModelId);
    if (item) setForm('lines', (lines) => [...lines, addedLine(item)]);
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const checked = replenishmentInputOf({ ...form, lines: form.lines.map((line) => ({ ...line })) });
    if (!checked.ok) {
      setWrong(checked.problem === 'quantity' ? checked.supplyModelIds : []);
      return setProblem(checked.problem === 'lines' ? t('stocks.replenishDialog.problem.lines') : null);
    }
    setWrong([]);
    setProblem(null);
    setSending(true);
    const result = await props.place(checked.input);
    setSending(false);
    if (!result.ok) setProblem(result.error);
  }

  return (
    <ModalDialog ref={(element) => (dialog = element)} labelledBy={titleId} width="36rem" onClose={() => props.onClose()}>
      <form class="form card stock-dialog" noValidate onSubmit={submit}>
        <h2 id={titleId} class="supply-dialog__title">
          {t('stocks.replenishDialog.title', { name: props.stock.name })}
        </h2>
        <fieldset class="stock-dialog__devices">
          <legend>{t('stocks.replenishDialog.lines')}</legend>
          <small class="muted">{t('stocks.replenishDialog.linesHint')}</small>
          <ul class="replenishment-lines" data-testid="replenishment-lines">
            <Index each={form.lines}>
              {(line, index) => (
                <li data-supply-model={line().supplyModelId}>
                  <label class="field replenishment-lines__quantity">
                    <span class="replenishment-lines__name">
                      {line().name}
                      <Show when={line().partNumber}>{(part) => <small class="muted"> · {part()}</small>}</Show>
                    </span>
                    <input
                      type="text"
                      inputMode="numeric"
                      name="quantity"
                      aria-label={t('stocks.replenishDialog.quantityOf', { name: line().name })}
                      aria-invalid={wrong().includes(line().supplyModelId) ? 'true' : undefined}
                      value={line().quantity}
                      onInput={(event) => setForm('lines', index, 'quantity', event.currentTarget.value)}
                    />
                    <Show when={wrong().includes(line().supplyModelId)}>
                      <span class="field-error">{t('stocks.replenishDialog.problem.quantity')}</span>
                    </Show>
                  </label>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={t('stocks.replenishDialog.removeLine', { name: line().name })}
                    data-action="remove-line"
                    onClick={() => setForm('lines', (lines) => lines.filter((_, at) => at !== index))}
                  >
                    ✕
                  </button>
                </li>
              )}
            </Index>
          </ul>
          <Show when={addable().length > 0}>
            <label class="field">
              {t('stocks.replenishDialog.addLine')}
              <select
                name="addLine"
                value=""
                onChange={(event) => {
                  addLine(event.currentTarget.value);
                  event.currentTarget.value = '';
                }}
              >
                <option value="">…</option>
                <For each={addable()}>{(item) => <option value={item.supplyModelId}>{item.partNumber ? `${item.name} · ${item.partNumber}` : item.name}</option>}</For>
              </select>
            </label>
          </Show>
        </fieldset>
        <CarrierSelect carriers={props.carriers} value={form.carrierId} onChange={(id) => setForm('carrierId', id)} />
        <TextField label={t('stocks.replenishDialog.trackingNumber')} name="trackingNumber" value={form.trackingNumber} hint={t('stocks.replenishDialog.trackingHint')} onInput={(value) => setForm('trackingNumber', value)} />
        <label class="field">
          {t('stocks.replenishDialog.note')}
          <textarea name="note" rows="2" value={form.note} onInput={(event) => setForm('note', event.currentTarget.value)} />
        </label>
        <FormError message={problem()} />
        <DialogButtons close={() => dialog?.close()} sending={sending()} submit={t('stocks.replenishDialog.submit')} />
      </form>
    </ModalDialog>
  );
}

/** Shipping a replenishment: its carrier and tracking number, as far as known. */
export function ShipDialog(props: { replenishment: Replenishment; carriers: readonly Carrier[]; send: (change: ReplenishmentUpdate) => Promise<ApiResult<Replenishment>>; onClose: () => void }) {
  const { t } = useFeatureText(stocksText);
  const [carrierId, setCarrierId] = createSignal(props.replenishment.carrier?.id ?? '');
  const [trackingNumber, setTrackingNumber] = createSignal(props.replenishment.trackingNumber ?? '');
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<ApiError | null>(null);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `ship-dialog-${props.replenishment.id}`;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    setSending(true);
    const result = await props.send({ action: 'ship', carrierId: carrierId() || null, trackingNumber: trackingNumber().trim() || null });
    setSending(false);
    if (!result.ok) setProblem(result.error);
  }

  return (
    <ModalDialog ref={(element) => (dialog = element)} labelledBy={titleId} onClose={() => props.onClose()}>
      <form class="form card" onSubmit={submit}>
        <h2 id={titleId} class="supply-dialog__title">
          {t('stocks.replenishDialog.ship', { code: props.replenishment.code })}
        </h2>
        <CarrierSelect carriers={props.carriers} value={carrierId()} onChange={setCarrierId} />
        <TextField label={t('stocks.replenishDialog.trackingNumber')} name="trackingNumber" value={trackingNumber()} onInput={setTrackingNumber} />
        <FormError message={problem()} />
        <DialogButtons close={() => dialog?.close()} sending={sending()} submit={t('stocks.replenishDialog.confirmShip')} />
      </form>
    </ModalDialog>
  );
}
