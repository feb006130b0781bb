/**
 * A price list as a form, every pricing model of the manual: the contract (model, currency, minimum,
 * large format), volume tiers per counter with bands to add and remove, the default terms, terms per
 * model of the fleet and per device, pools of included pages, consumable prices. Without `edit` it
 * shows a list read-only (an earlier version, or a user who may only view). Each input is named by
 * the path the server names in an error's `field`, and shows that field's error under it.
 */
import { createUniqueId, For, Index, Show, type JSX } from 'solid-js';
import { produce, type SetStoreFunction } from 'solid-js/store';
import { BILLED_KINDS, PRICE_MODELS, TRUE_UP_SCHEDULES, type BilledKind } from '@parc/shared/billing/pricing';
import type { PricingChoices } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount } from '../console/format.ts';
import { pluralForm } from '../plural/plural.ts';
import { billingText } from './messages/index.ts';
import { emptyTermsForm, newTier, type PriceForm, type TermsForm, type TierForm } from './price-form.ts';
import './billing.css';

export interface PriceListEditorProps {
  form: PriceForm;
  /** Absent: read-only. */
  edit?: SetStoreFunction<PriceForm> | undefined;
  choices: PricingChoices;
  /** The error to show at a field (or a section), by its path. */
  errorAt: (path: string) => string | undefined;
}

export function PriceListEditor(props: PriceListEditorProps) {
  const { t, language } = useFeatureText(billingText);
  const update = (change: (draft: PriceForm) => void) => props.edit?.(produce(change));
  const perPage = () => props.form.model === 'per_page';

  return (
    <fieldset class="price-editor" disabled={!props.edit}>
      <section class="card">
        <h2>{t('billing.prices.contract')}</h2>
        <fieldset class="price-editor__models">
          <legend>{t('billing.prices.model')}</legend>
          <For each={PRICE_MODELS}>
            {(model) => (
              <label class="check">
                <input type="radio" name="model" value={model} checked={props.form.model === model} onChange={() => update((draft) => void (draft.model = model))} />
                {t(`billing.prices.model.${model}`)}
              </label>
            )}
          </For>
        </fieldset>
        <p class="muted">{t(`billing.prices.modelHint.${props.form.model}`)}</p>
        <div class="form-grid">
          <PriceInput label={t('billing.prices.currency')} path="currency" value={props.form.currency} errorAt={props.errorAt} onInput={(value) => update((draft) => void (draft.currency = value.toUpperCase()))} />
          <PriceInput
            label={t('billing.prices.minimum')}
            hint={t('billing.prices.minimumHint')}
            path="minimumPerPeriod"
            inputMode="decimal"
            value={props.form.minimumPerPeriod}
            errorAt={props.errorAt}
            onInput={(value) => update((draft) => void (draft.minimumPerPeriod = value))}
          />
        </div>
        <label class="check">
          <input type="checkbox" name="largeCountsDouble" checked={props.form.largeCountsDouble} onChange={(event) => update((draft) => void (draft.largeCountsDouble = event.currentTarget.checked))} />
          {t('billing.prices.largeDouble')}
        </label>
      </section>

      <Show when={props.form.model === 'tiered'}>
        <section class="card" data-section="tiers">
          <h2>{t('billing.prices.tiers')}</h2>
          <p class="muted">{t('billing.prices.tiersHint')}</p>
          <div class="tier-kinds">
            <For each={BILLED_KINDS}>{(kind) => <TierBands kind={kind} tiers={props.form.tiers[kind]} readOnly={!props.edit} errorAt={props.errorAt} update={update} />}</For>
          </div>
        </section>
      </Show>

      <section class="card" data-section="defaults">
        <h2>{t('billing.prices.defaults')}</h2>
        <p class="muted">
          {t('billing.prices.defaultsHint')} <Show when={perPage()}>{t('billing.prices.termsHint')}</Show>
        </p>
        <TermsFields terms={props.form.defaults} path="defaults" perPage={perPage()} errorAt={props.errorAt} change={(change) => update((draft) => change(draft.defaults))} />
      </section>

      <Section title={t('billing.prices.models')} hint={t('billing.prices.modelsHint')} path="models" errorAt={props.errorAt}>
        <Index each={props.form.models}>
          {(entry, index) => (
            <Entry readOnly={!props.edit} onRemove={() => update((draft) => void draft.models.splice(index, 1))}>
              <PriceSelect
                label={t('billing.prices.models.pick')}
                path={`models.${index}.model`}
                errorAt={(path) => props.errorAt(path) ?? props.errorAt(`models.${index}.manufacturer`)}
                value={entry().model ? JSON.stringify([entry().manufacturer, entry().model]) : ''}
                placeholder={t('billing.prices.models.choose')}
                options={modelOptions(props.choices, entry()).map((model) => ({
                  value: JSON.stringify([model.manufacturer, model.model]),
                  label: t(`billing.prices.models.devices.${pluralForm(language(), model.devices)}`, { model: `${model.manufacturer} ${model.model}`, count: model.devices }),
                }))}
                onChange={(value) => {
                  const [manufacturer, model] = JSON.parse(value) as [string, string];
                  update((draft) => Object.assign(draft.models[index]!, { manufacturer, model }));
                }}
              />
              <TermsFields terms={entry().terms} path={`models.${index}.terms`} perPage={perPage()} errorAt={props.errorAt} change={(change) => update((draft) => change(draft.models[index]!.terms))} />
            </Entry>
          )}
        </Index>
        <AddButton readOnly={!props.edit} label={t('billing.prices.models.add')} onClick={() => update((draft) => void draft.models.push({ manufacturer: '', model: '', terms: emptyTermsForm() }))} />
      </Section>

      <Section title={t('billing.prices.devices')} hint={t('billing.prices.devicesHint')} path="devices" errorAt={props.errorAt}>
        <Index each={props.form.devices}>
          {(entry, index) => (
            <Entry readOnly={!props.edit} onRemove={() => update((draft) => void draft.devices.splice(index, 1))}>
              <PriceSelect
                label={t('billing.prices.devices.pick')}
                path={`devices.${index}.deviceId`}
                errorAt={props.errorAt}
                value={entry().deviceId}
                placeholder={t('billing.prices.devices.choose')}
                options={props.choices.devices.map((device) => ({ value: device.id, label: deviceLabel(device) }))}
                onChange={(deviceId) => update((draft) => void (draft.devices[index]!.deviceId = deviceId))}
              />
              <TermsFields terms={entry().terms} path={`devices.${index}.terms`} perPage={perPage()} errorAt={props.errorAt} change={(change) => update((draft) => change(draft.devices[index]!.terms))} />
            </Entry>
          )}
        </Index>
        <AddButton readOnly={!props.edit} label={t('billing.prices.devices.add')} onClick={() => update((draft) => void draft.devices.push({ deviceId: '', terms: emptyTermsForm() }))} />
      </Section>

      <Show when={perPage()}>
        <Section title={t('billing.prices.pools')} hint={t('billing.prices.poolsHint')} path="pools" errorAt={props.errorAt}>
          <Index each={props.form.pools}>
            {(pool, index) => (
              <Entry readOnly={!props.edit} onRemove={() => update((draft) => void draft.pools.splice(index, 1))}>
                <PriceInput label={t('billing.prices.pools.name')} path={`pools.${index}.name`} value={pool().name} errorAt={props.errorAt} onInput={(name) => update((draft) => void (draft.pools[index]!.name = name))} />
                <fieldset class="pool-devices">
                  <legend>{t('billing.prices.pools.devices')}</legend>
                  <label class="check">
                    <input
                      type="checkbox"
                      checked={pool().deviceIds === 'all'}
                      onChange={(event) => update((draft) => void (draft.pools[index]!.deviceIds = event.currentTarget.checked ? 'all' : []))}
                    />
                    {t('billing.prices.pools.all')}
                  </label>
                  <Show when={pool().deviceIds !== 'all'}>
                    <div class="pool-devices__list" data-field={`pools.${index}.deviceIds`}>
                      <For each={props.choices.devices}>
                        {(device) => (
                          <label class="check">
                            <input
                              type="checkbox"
                              checked={(pool().deviceIds as string[]).includes(device.id)}
                              onChange={(event) => {
                                const checked = event.currentTarget.checked;
                                update((draft) => {
                                  const chosen = draft.pools[index]!.deviceIds as string[];
                                  draft.pools[index]!.deviceIds = checked ? [...chosen, device.id] : chosen.filter((id) => id !== device.id);
                                });
                              }}
                            />
                            {deviceLabel(device)}
                          </label>
                        )}
                      </For>
                    </div>
                  </Show>
                  <FieldError text={props.errorAt(`pools.${index}.deviceIds`)} />
                </fieldset>
                <div class="per-kind">
                  <For each={BILLED_KINDS}>
                    {(kind) => (
                      <PriceInput
                        label={`${t('billing.prices.includedPages')} · ${t(`billing.kind.${kind}`)}`}
                        path={`pools.${index}.included.${kind}`}
                        inputMode="numeric"
                        value={pool().included[kind]}
                        errorAt={props.errorAt}
                        onInput={(value) => update((draft) => void (draft.pools[index]!.included[kind] = value))}
                      />
                    )}
                  </For>
                </div>
              </Entry>
            )}
          </Index>
          <AddButton
            readOnly={!props.edit}
            label={t('billing.prices.pools.add')}
            onClick={() => update((draft) => void draft.pools.push({ id: '', name: '', deviceIds: [], included: { mono: '', colour: '', scan: '' } }))}
          />
          <Show when={props.form.pools.length > 0}>
            <PriceSelect
              label={t('billing.prices.trueUp')}
              path="trueUp"
              errorAt={props.errorAt}
              value={props.form.trueUp}
              options={TRUE_UP_SCHEDULES.map((schedule) => ({ value: schedule, label: t(`billing.prices.trueUp.${schedule}`) }))}
              onChange={(value) => update((draft) => void (draft.trueUp = value as PriceForm['trueUp']))}
            />
          </Show>
        </Section>
      </Show>

      <Section title={t('billing.prices.consumables')} hint={t('billing.prices.consumablesHint')} path="consumables" errorAt={props.errorAt}>
        <datalist id="supply-models">
          <For each={props.choices.supplyModels}>{(supplyModel) => <option value={supplyModel} />}</For>
        </datalist>
        <Index each={props.form.consumables}>
          {(entry, index) => (
            <div class="consumable-row">
              <PriceInput
                label={t('billing.prices.consumables.supplyModel')}
                path={`consumables.${index}.supplyModel`}
                list="supply-models"
                value={entry().supplyModel}
                errorAt={props.errorAt}
                onInput={(value) => update((draft) => void (draft.consumables[index]!.supplyModel = value))}
              />
              <PriceInput
                label={t('billing.prices.consumables.price')}
                path={`consumables.${index}.price`}
                inputMode="decimal"
                value={entry().price}
                errorAt={props.errorAt}
                onInput={(value) => update((draft) => void (draft.consumables[index]!.price = value))}
              />
              <RemoveButton readOnly={!props.edit} label={t('billing.prices.remove')} onClick={() => update((draft) => void draft.consumables.splice(index, 1))} />
            </div>
          )}
        </Index>
        <AddButton readOnly={!props.edit} label={t('billing.prices.consumables.add')} onClick={() => update((draft) => void draft.consumables.push({ supplyModel: '', price: '' }))} />
      </Section>
    </fieldset>
  );
}

/** The fleet's models, and the entry's own when it is no longer in the fleet (it keeps its prices). */
function modelOptions(choices: PricingChoices, entry: { manufacturer: string; model: string }): PricingChoices['models'] {
  const known = choices.models.some((model) => model.manufacturer === entry.manufacturer && model.model === entry.model);
  return known || !entry.model ? choices.models : [...choices.models, { manufacturer: entry.manufacturer, model: entry.model, devices: 0 }];
}

const deviceLabel = (device: PricingChoices['devices'][number]) => [device.code, `${device.manufacturer} ${device.model}`, device.serial].filter(Boolean).join(' · ');

/** Prices per page and included pages per counter (per page only), then the fixed fee. */
function TermsFields(props: { terms: TermsForm; path: string; perPage: boolean; errorAt: (path: string) => string | undefined; change: (change: (terms: TermsForm) => void) => void }) {
  const { t } = useFeatureText(billingText);
  return (
    <>
      <Show when={props.perPage}>
        <div class="terms-grid" role="group" aria-label={t('billing.prices.pricePerPage')}>
          <span class="terms-grid__head">{t('billing.prices.counter')}</span>
          <span class="terms-grid__head">{t('billing.prices.pricePerPage')}</span>
          <span class="terms-grid__head">{t('billing.prices.includedPages')}</span>
          <For each={BILLED_KINDS}>
            {(kind) => (
              <>
                <span class="terms-grid__kind">{t(`billing.kind.${kind}`)}</span>
                <PriceInput
                  label={`${t('billing.prices.pricePerPage')} · ${t(`billing.kind.${kind}`)}`}
                  hideLabel
                  path={`${props.path}.prices.${kind}`}
                  inputMode="decimal"
                  placeholder={t('billing.prices.notBilled')}
                  value={props.terms.prices[kind]}
                  errorAt={props.errorAt}
                  onInput={(value) => props.change((terms) => void (terms.prices[kind] = value))}
                />
                <PriceInput
                  label={`${t('billing.prices.includedPages')} · ${t(`billing.kind.${kind}`)}`}
                  hideLabel
                  path={`${props.path}.included.${kind}`}
                  inputMode="numeric"
                  value={props.terms.included[kind]}
                  errorAt={props.errorAt}
                  onInput={(value) => props.change((terms) => void (terms.included[kind] = value))}
                />
              </>
            )}
          </For>
        </div>
      </Show>
      <PriceInput
        label={t('billing.prices.fixedFee')}
        path={`${props.path}.fixedFee`}
        inputMode="decimal"
        value={props.terms.fixedFee}
        errorAt={props.errorAt}
        onInput={(value) => props.change((terms) => void (terms.fixedFee = value))}
      />
    </>
  );
}

/** One counter's bands: where each starts (the first at page 1), where it ends (the next one's start), its price. */
function TierBands(props: { kind: BilledKind; tiers: TierForm[]; readOnly: boolean; errorAt: (path: string) => string | undefined; update: (change: (draft: PriceForm) => void) => void }) {
  const { t, language } = useFeatureText(billingText);
  const kindLabel = () => t(`billing.kind.${props.kind}`);
  /** The page before the next band's start, once that is a page number. */
  const lastPage = (index: number) => {
    const next = props.tiers[index + 1]?.from.trim();
    if (next === undefined) return t('billing.prices.tier.open');
    return /^\d+$/.test(next) && Number(next) > 1 ? formatCount(language(), Number(next) - 1) : '…';
  };
  const remove = (index: number) =>
    props.update((draft) => {
      const tiers = draft.tiers[props.kind];
      tiers.splice(index, 1);
      if (tiers[0]) tiers[0].from = '1';
    });
  return (
    <fieldset class="tier-bands" data-kind={props.kind}>
      <legend>{kindLabel()}</legend>
      <Show when={props.tiers.length > 0} fallback={<p class="muted">{t('billing.prices.tiers.none')}</p>}>
        <div class="tier-bands__rows">
          <span class="terms-grid__head">{t('billing.prices.tier.from')}</span>
          <span class="terms-grid__head">{t('billing.prices.tier.to')}</span>
          <span class="terms-grid__head">{t('billing.prices.pricePerPage')}</span>
          <span />
          <Index each={props.tiers}>
            {(tier, index) => (
              <>
                <Show when={index > 0} fallback={<span class="tier-bands__first">1</span>}>
                  <PriceInput
                    label={t('billing.prices.tier.fromLabel', { kind: kindLabel(), band: index + 1 })}
                    hideLabel
                    path={`tiers.${props.kind}.${index}.from`}
                    inputMode="numeric"
                    value={tier().from}
                    errorAt={props.errorAt}
                    onInput={(value) => props.update((draft) => void (draft.tiers[props.kind][index]!.from = value))}
                  />
                </Show>
                <span class="tier-bands__to">{lastPage(index)}</span>
                <PriceInput
                  label={t('billing.prices.tier.priceLabel', { kind: kindLabel(), band: index + 1 })}
                  hideLabel
                  path={`tiers.${props.kind}.${index}.price`}
                  inputMode="decimal"
                  value={tier().price}
                  errorAt={props.errorAt}
                  onInput={(value) => props.update((draft) => void (draft.tiers[props.kind][index]!.price = value))}
                />
                <RemoveButton readOnly={props.readOnly} label={t('billing.prices.tier.remove', { kind: kindLabel(), band: index + 1 })} compact onClick={() => remove(index)} />
              </>
            )}
          </Index>
        </div>
      </Show>
      <FieldError text={props.errorAt(`tiers.${props.kind}`)} />
      <AddButton readOnly={props.readOnly} label={t('billing.prices.tier.add')} accessibleName={t('billing.prices.tier.addLabel', { kind: kindLabel() })} onClick={() => props.update((draft) => void draft.tiers[props.kind].push(newTier(draft.tiers[props.kind])))} />
    </fieldset>
  );
}

function Section(props: { title: string; hint: string; path: string; errorAt: (path: string) => string | undefined; children: JSX.Element }) {
  return (
    <section class="card" data-section={props.path}>
      <h2>{props.title}</h2>
      <p class="muted">{props.hint}</p>
      <FieldError text={props.errorAt(props.path)} />
      <div class="price-editor__entries">{props.children}</div>
    </section>
  );
}

function Entry(props: { readOnly: boolean; onRemove: () => void; children: JSX.Element }) {
  const { t } = useFeatureText(billingText);
  return (
    <div class="price-editor__entry">
      {props.children}
      <RemoveButton readOnly={props.readOnly} label={t('billing.prices.remove')} onClick={props.onRemove} />
    </div>
  );
}

/** `accessibleName`: where the same label shows more than once (a band per counter), the name that tells them apart. */
function AddButton(props: { readOnly: boolean; label: string; accessibleName?: string; onClick: () => void }) {
  return (
    <Show when={!props.readOnly}>
      <div class="actions">
        <button type="button" class="button" aria-label={props.accessibleName} onClick={() => props.onClick()}>
          {props.label}
        </button>
      </div>
    </Show>
  );
}

/** `compact`: an ✕ in a row of a grid, its label for screen readers and as a tooltip. */
function RemoveButton(props: { readOnly: boolean; label: string; compact?: boolean; onClick: () => void }) {
  return (
    <Show when={!props.readOnly} fallback={props.compact ? <span /> : undefined}>
      <button type="button" class="button button--quiet price-editor__remove" aria-label={props.compact ? props.label : undefined} title={props.compact ? props.label : undefined} onClick={() => props.onClick()}>
        {props.compact ? '✕' : props.label}
      </button>
    </Show>
  );
}

function FieldError(props: { text: string | undefined; id?: string }) {
  return (
    <Show when={props.text}>
      <span id={props.id} class="field-error" role="alert">
        {props.text}
      </span>
    </Show>
  );
}

function PriceInput(props: {
  label: string;
  path: string;
  value: string;
  errorAt: (path: string) => string | undefined;
  onInput: (value: string) => void;
  hint?: string;
  hideLabel?: boolean;
  inputMode?: 'decimal' | 'numeric';
  placeholder?: string;
  list?: string;
}) {
  const id = createUniqueId();
  const error = () => props.errorAt(props.path);
  return (
    <label class="field" for={id}>
      <span classList={{ 'visually-hidden': props.hideLabel }}>{props.label}</span>
      <input
        id={id}
        name={props.path}
        data-field={props.path}
        inputMode={props.inputMode}
        placeholder={props.placeholder}
        list={props.list}
        autocomplete="off"
        value={props.value}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onInput={(event) => props.onInput(event.currentTarget.value)}
      />
      <Show when={props.hint}>
        <small class="muted">{props.hint}</small>
      </Show>
      <FieldError id={`${id}-error`} text={error()} />
    </label>
  );
}

function PriceSelect(props: {
  label: string;
  path: string;
  value: string;
  options: { value: string; label: string }[];
  errorAt: (path: string) => string | undefined;
  onChange: (value: string) => void;
  placeholder?: string;
}) {
  const id = createUniqueId();
  const error = () => props.errorAt(props.path);
  return (
    <label class="field" for={id}>
      {props.label}
      <select
        id={id}
        name={props.path}
        data-field={props.path}
        aria-invalid={error() ? 'true' : undefined}
        aria-describedby={error() ? `${id}-error` : undefined}
        onChange={(event) => props.onChange(event.currentTarget.value)}
      >
        <Show when={props.placeholder}>
          <option value="" disabled selected={props.value === ''}>
            {props.placeholder}
          </option>
        </Show>
        <For each={props.options}>
          {(option) => (
            <option value={option.value} selected={option.value === props.value}>
              {option.label}
            </option>
          )}
        </For>
      </select>
      <FieldError id={`${id}-error`} text={error()} />
    </label>
  );
}
