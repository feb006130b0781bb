/**
 * Adding or editing a local stock, in the order the clerk thinks of it: a name, the customer, the
 * site (the customer's active sites), the site's devices it serves (ticked), then who is told when it
 * runs low (a coordinator of the customer and/or an address). An edit keeps the customer and site.
 * Saving once: the buttons wait while the request is out; a refusal is worded under the form.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { LocalStock, LocalStockInput } from '@parc/shared/contracts/stocks';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { createCustomersApi } from '../customers/customers.api.ts';
import { TextField } from '../customers/text-field.tsx';
import type { NamedOption } from '../devices/devices.api.ts';
import { FormError } from '../shell/form-error.tsx';
import { NamedOptions } from '../tickets/tickets-bits.tsx';
import { createStocksApi } from './stocks.api.ts';
import { stocksText } from './stocks-messages/index.ts';
import { checkedStock, stockFormOf, type StockField } from './stocks.rules.ts';

export function StockDialog(props: {
  /** The stock edited; none to add one. */
  stock?: LocalStock;
  /** The customers to choose from when adding (an edit keeps the stock's). */
  customers?: readonly NamedOption[];
  save: (input: LocalStockInput) => Promise<ApiResult<LocalStock>>;
  onSaved: (stock: LocalStock) => void;
  onClose: () => void;
}) {
  const { t } = useFeatureText(stocksText);
  const client = createApiClient();
  const customersApi = createCustomersApi(client);
  const stocksApi = createStocksApi(client);
  const [form, setForm] = createStore(stockFormOf(props.stock));
  const [problems, setProblems] = createSignal<Partial<Record<StockField, true>>>({});
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `stock-dialog-${props.stock?.id ?? 'new'}`;

  const [sites] = createResource(
    () => form.customerId || false,
    async (customerId) => {
      const result = await customersApi.sites(customerId);
      return result.ok ? result.data.items.filter((site) => site.active) : [];
    },
  );
  const [coordinators] = createResource(
    () => form.customerId || false,
    async (customerId) => {
      const result = await customersApi.coordinators(customerId);
      return result.ok ? result.data.items : [];
    },
  );
  const [devices] = createResource(
    () => (form.customerId && form.siteId ? { customerId: form.customerId, siteId: form.siteId } : false),
    async ({ customerId, siteId }) => {
      const result = await stocksApi.siteDevices(customerId, siteId);
      return result.ok ? result.data.items : [];
    },
  );

  const chooseCustomer = (customerId: string) => setForm({ customerId, siteId: '', deviceIds: [], managerCoordinatorId: '' });
  const chooseSite = (siteId: string) => setForm({ siteId, deviceIds: [] });
  const tick = (id: string, on: boolean) => setForm('deviceIds', (ids) => (on ? [...ids, id] : ids.filter((each) => each !== id)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const checked = checkedStock({ ...form, deviceIds: [...form.deviceIds] });
    if (!checked.ok) return setProblems(Object.fromEntries(Object.keys(checked.problems).map((field) => [field, true])));
    setProblems({});
    setFailure(null);
    setSaving(true);
    const result = await props.save(checked.input);
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    props.onSaved(result.data);
  }

  const problem = (field: StockField) => (problems()[field] ? t(`stocks.problem.${field}`) : undefined);

  return (
    <ModalDialog ref={(element) => (dialog = element)} labelledBy={titleId} width="36rem" onClose={() => props.onClose()}>
      <form class="form card stock-dialog" noValidate onSubmit={submit}>
        <h2 id={titleId} class="supply-dialog__title">
          {props.stock ? t('stocks.dialog.edit', { name: props.stock.name }) : t('stocks.dialog.add')}
        </h2>
        <TextField label={t('stocks.field.name')} name="name" value={form.name} hint={t('stocks.field.nameHint')} error={problem('name')} onInput={(value) => setForm('name', value)} />
        <label class="field">
          {t('stocks.field.customer')}
          <select name="customerId" value={form.customerId} disabled={props.stock !== undefined} aria-invalid={problem('customerId') ? 'true' : undefined} onChange={(event) => chooseCustomer(event.currentTarget.value)}>
            <option value="">{t('stocks.field.choose')}</option>
            <NamedOptions each={props.stock ? [{ id: props.stock.customer.id, name: props.stock.customer.name }] : props.customers} />
          </select>
          <Show when={problem('customerId')}>{(text) => <span class="field-error">{text()}</span>}</Show>
        </label>
        <label class="field">
          {t('stocks.field.site')}
          <select name="siteId" value={form.siteId} disabled={props.stock !== undefined || !form.customerId} aria-invalid={problem('siteId') ? 'true' : undefined} onChange={(event) => chooseSite(event.currentTarget.value)}>
            <option value="">{t('stocks.field.choose')}</option>
            <NamedOptions each={props.stock ? [props.stock.site] : sites()} />
          </select>
          <Show when={props.stock}>
            <small class="muted">{t('stocks.field.fixed')}</small>
          </Show>
          <Show when={problem('siteId')}>{(text) => <span class="field-error">{text()}</span>}</Show>
        </label>
        <fieldset class="stock-dialog__devices">
          <legend>{t('stocks.field.devices')}</legend>
          <small class="muted">{t('stocks.field.devicesHint')}</small>
          <Show when={form.siteId} fallback={<p class="muted">{t('stocks.field.siteFirst')}</p>}>
            <ul class="stock-dialog__device-list" data-testid="stock-devices">
              <For each={devices()} fallback={<li class="muted">{devices.loading ? '…' : t('stocks.field.noDevices')}</li>}>
                {(device) => (
                  <li>
                    <label class="stock-check">
                      <input type="checkbox" name="deviceIds" value={device.id} checked={form.deviceIds.includes(device.id)} onChange={(event) => tick(device.id, event.currentTarget.checked)} />
                      <span>
                        <strong>{device.deviceCode}</strong> {device.manufacturer} {device.model}
                        <Show when={device.location}>
                          <small class="muted"> · {device.location}</small>
                        </Show>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </fieldset>
        <label class="field">
          {t('stocks.field.coordinator')}
          <select name="managerCoordinatorId" value={form.managerCoordinatorId} disabled={!form.customerId} onChange={(event) => setForm('managerCoordinatorId', event.currentTarget.value)}>
            <option value="">{t('stocks.field.noCoordinator')}</option>
            <For each={coordinators()}>{(coordinator) => <option value={coordinator.id}>{coordinator.email ? `${coordinator.name} (${coordinator.email})` : coordinator.name}</option>}</For>
          </select>
        </label>
        <TextField
          label={t('stocks.field.email')}
          name="managerEmail"
          type="email"
          inputMode="email"
          value={form.managerEmail}
          hint={t('stocks.field.managerHint')}
          error={problem('managerEmail')}
          onInput={(value) => setForm('managerEmail', value)}
        />
        <FormError message={failure()} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={t('stocks.save')} />
      </form>
    </ModalDialog>
  );
}
