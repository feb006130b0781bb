/**
 * A stock's supply: adding one from the catalogue (searched by name or part number) with its
 * minimum, target and the quantity on the shelf; changing its minimum and target; or counting it
 * (the quantity on the shelf now). Saving once: the buttons wait while the request is out.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { LocalStock, StockItem, StockItemInput } from '@parc/shared/contracts/stocks';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { TextField } from '../customers/text-field.tsx';
import { FormError } from '../shell/form-error.tsx';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { stocksText } from './stocks-messages/index.ts';
import { itemFormOf, itemInputOf, type ItemField, type ItemMode, type ItemProblem } from './stocks.rules.ts';
import { createSuppliesApi } from './supplies.api.ts';

const SEARCH_SIZE = '20';

export function StockItemDialog(props: {
  stock: LocalStock;
  mode: ItemMode;
  /** The item changed or counted; none when adding. */
  item?: StockItem;
  save: (supplyModelId: string, input: StockItemInput) => Promise<ApiResult<LocalStock>>;
  onClose: () => void;
}) {
  const { t } = useFeatureText(stocksText);
  const api = createSuppliesApi(createApiClient());
  const [form, setForm] = createStore(itemFormOf(props.item));
  const [search, setSearch] = createSignal('');
  const [chosen, setChosen] = createSignal(props.item?.supplyModelId ?? '');
  const [problems, setProblems] = createSignal<Partial<Record<ItemField | 'supply', ItemProblem | 'choose'>>>({});
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  let dialog: HTMLDialogElement | undefined;
  const titleId = `stock-item-dialog-${props.mode}`;
  const held = (id: string) => props.stock.items.some((item) => item.supplyModelId === id);

  const [models] = createResource(
    () => (props.mode === 'add' ? { text: search().trim() } : false),
    async ({ text }) => {
      const query = new URLSearchParams({ pageSize: SEARCH_SIZE });
      if (text) query.set('search', text);
      const result = await api.models(query);
      return result.ok ? result.data.items : [];
    },
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const checked = itemInputOf(props.mode, { ...form });
    const supplyModelId = chosen();
    if (!checked.ok || !supplyModelId) return setProblems({ ...(checked.ok ? {} : checked.problems), ...(supplyModelId ? {} : { supply: 'choose' as const }) });
    setProblems({});
    setFailure(null);
    setSaving(true);
    const result = await props.save(supplyModelId, checked.input);
    setSaving(false);
    if (!result.ok) setFailure(result.error);
  }

  const problem = (field: ItemField) => {
    const found = problems()[field];
    return found ? t(found === 'target' ? 'stocks.problem.target' : 'stocks.problem.whole') : undefined;
  };
  const field = (name: ItemField) => (
    <TextField
      label={t(`stocks.field.${name}`)}
      name={name}
      inputMode="numeric"
      value={form[name]}
      hint={t(`stocks.field.${name}Hint`)}
      error={problem(name)}
      onInput={(value) => setForm(name, value)}
    />
  );
  const title = () => (props.mode === 'add' ? t('stocks.itemDialog.add') : t(`stocks.itemDialog.${props.mode}`, { name: props.item?.name ?? '' }));

  return (
    <ModalDialog ref={(element) => (dialog = element)} labelledBy={titleId} width="34rem" onClose={() => props.onClose()}>
      <form class="form card stock-dialog" noValidate onSubmit={submit}>
        <h2 id={titleId} class="supply-dialog__title">
          {title()}
        </h2>
        <Show when={props.mode === 'add'}>
          <label class="field">
            {t('stocks.itemDialog.search')}
            <input type="search" name="search" value={search()} onInput={(event) => setSearch(event.currentTarget.value)} />
          </label>
          <fieldset class="stock-dialog__devices">
            <legend>{t('stocks.itemDialog.results')}</legend>
            <ul class="stock-dialog__device-list" data-testid="stock-item-results">
              <For each={models()} fallback={<li class="muted">{models.loading ? '…' : t('stocks.itemDialog.noMatch')}</li>}>
                {(model) => (
                  <li>
                    <label class="stock-check">
                      <input type="radio" name="supplyModelId" value={model.id} checked={chosen() === model.id} disabled={held(model.id)} onChange={() => setChosen(model.id)} />
                      <span>
                        {model.name}
                        <Show when={model.partNumber ?? model.dealerReference}>{(reference) => <small class="muted"> · {reference()}</small>}</Show>
                        <Show when={held(model.id)}>
                          <small class="muted"> · {t('stocks.itemDialog.held')}</small>
                        </Show>
                        <Show when={model.printerModels.length > 0}>
                          <small class="muted stock-check__sub">{model.printerModels.join(', ')}</small>
                        </Show>
                      </span>
                    </label>
                  </li>
                )}
              </For>
            </ul>
            <Show when={problems().supply}>
              <span class="field-error">{t('stocks.itemDialog.choose')}</span>
            </Show>
          </fieldset>
        </Show>
        <Show when={props.mode !== 'count'}>
          <div class="form-grid">
            {field('minimum')}
            {field('target')}
          </div>
        </Show>
        <Show when={props.mode !== 'limits'}>{field('quantity')}</Show>
        <FormError message={failure()} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={t('stocks.save')} />
      </form>
    </ModalDialog>
  );
}
