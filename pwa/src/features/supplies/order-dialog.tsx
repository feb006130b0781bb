/**
 * Shipping an order, or adding its details without moving it on: carrier, tracking number, the part
 * number actually ordered, a note. A modal dialog; Escape or Close leaves it unchanged. Sending once:
 * the buttons wait while the request is out.
 */
import { createSignal, For } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Carrier, OrderUpdate, SupplyOrderView } from '@parc/shared/contracts/supplies';
import type { ApiError, ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { TextField } from '../customers/text-field.tsx';
import { FormError } from '../shell/form-error.tsx';
import { suppliesText } from './messages/index.ts';
import { orderChangeOf, orderDetailsOf } from './orders.rules.ts';

export type OrderDialogMode = 'ship' | 'details';

export function OrderDialog(props: {
  order: SupplyOrderView;
  mode: OrderDialogMode;
  carriers: readonly Carrier[];
  /** Sends the change; the dialog closes on success, and keeps a refusal it can be fixed in (not a conflict, which the list shows). */
  send: (change: OrderUpdate) => Promise<ApiResult<SupplyOrderView>>;
  onClose: () => void;
}) {
  const { t } = useFeatureText(suppliesText);
  const [form, setForm] = createStore(orderDetailsOf(props.order));
  const [sending, setSending] = createSignal(false);
  const [problem, setProblem] = createSignal<string | ApiError | null>(null);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `order-dialog-${props.order.id}`;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (sending()) return;
    const change = orderChangeOf(props.order, { ...form }, props.mode === 'ship' ? 'ship' : undefined);
    if (!change) return setProblem(t('orders.dialog.nothing'));
    setSending(true);
    const result = await props.send(change);
    setSending(false);
    if (!result.ok && result.error.code !== 'conflict' && result.error.code !== 'not_found') setProblem(result.error);
  }

  return (
    <ModalDialog ref={(element) => (dialog = element)} labelledBy={titleId} onClose={() => props.onClose()}>
      <form class="form card" onSubmit={submit}>
        <h2 id={titleId} class="supply-dialog__title">{t(props.mode === 'ship' ? 'orders.dialog.ship' : 'orders.dialog.details', { code: props.order.code })}</h2>
        <label class="field">
          {t('orders.field.carrier')}
          <select name="carrierId" value={form.carrierId} onChange={(event) => setForm('carrierId', event.currentTarget.value)}>
            <option value="">{t('orders.field.noCarrier')}</option>
            <For each={props.carriers}>{(carrier) => <option value={carrier.id}>{carrier.name}</option>}</For>
          </select>
        </label>
        <TextField label={t('orders.field.trackingNumber')} name="trackingNumber" value={form.trackingNumber} onInput={(value) => setForm('trackingNumber', value)} />
        <TextField
          label={t('orders.field.orderedPartNumber')}
          name="orderedPartNumber"
          value={form.orderedPartNumber}
          hint={props.order.partNumber ? t('orders.field.orderedPartNumberHint', { part: props.order.partNumber }) : undefined}
          onInput={(value) => setForm('orderedPartNumber', value)}
        />
        <label class="field">
          {t('orders.field.note')}
          <textarea name="note" rows="3" value={form.note} onInput={(event) => setForm('note', event.currentTarget.value)} />
        </label>
        <FormError message={problem()} />
        <div class="supply-dialog__buttons">
          <button type="button" class="button button--quiet" onClick={() => dialog?.close()}>
            {t('orders.dialog.close')}
          </button>
          <button type="submit" class="button button--primary" disabled={sending()} aria-busy={sending()}>
            {t(props.mode === 'ship' ? 'orders.dialog.confirmShip' : 'orders.dialog.save')}
          </button>
        </div>
      </form>
    </ModalDialog>
  );
}
