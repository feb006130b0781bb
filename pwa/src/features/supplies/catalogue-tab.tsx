/**
 * The supply catalogue: every supply model the printers report, with what the dealer adds (rated
 * yield, own reference, price, supplier, kind when Parc could not tell), who uses it and how many
 * were replaced each month. Searchable, filtered by kind, a page at a time.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createApiClient, type ApiError } from '../../api/client.ts';
import type { Supplier, SupplyModel } from '@parc/shared/contracts/supplies';
import { LANGUAGE_LOCALES } from '@parc/shared/languages';
import { SUPPLY_KINDS, type SupplyKind } from '@parc/shared/supplies/kinds';
import { useFeatureText } from '../console/feature-text.ts';
import { formatBucket, formatCount } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { pageCount } from '../customers/list-columns.ts';
import { FormError } from '../shell/form-error.tsx';
import { consumptionBars, modelChangeOf, modelFormOf, type ModelForm, type ModelProblem } from './catalogue.rules.ts';
import { supplySettingsText } from './settings-messages/index.ts';
import { createSuppliesApi, type SuppliesApi } from './supplies.api.ts';
import './supply-settings.css';

const PAGE_SIZE = 25;

export default function CatalogueTab() {
  const { t, language } = useFeatureText(supplySettingsText);
  const api = createSuppliesApi(createApiClient());
  const canEdit = usePermission('consumables', 'edit');
  const [search, setSearch] = createSignal('');
  const [kind, setKind] = createSignal<SupplyKind | ''>('');
  const [page, setPage] = createSignal(1);
  const query = () => {
    const params = new URLSearchParams({ page: String(page()), pageSize: String(PAGE_SIZE) });
    if (search().trim()) params.set('search', search().trim());
    if (kind()) params.set('kind', kind());
    return params;
  };
  const [models, { refetch, mutate }] = createResource(query, (params) => api.models(params));
  const [suppliers] = createResource(async () => {
    const result = await api.suppliers();
    return result.ok ? result.data.items : [];
  });
  // Loaded renders its children once per load: the list reads the resource, so a saved model replaces its card.
  const current = () => {
    const result = models();
    return result?.ok ? result.data : { items: [], total: 0, page: 1, pageSize: PAGE_SIZE };
  };
  const replace = (saved: SupplyModel) => mutate({ ok: true, data: { ...current(), items: current().items.map((model) => (model.id === saved.id ? saved : model)) } });
  const pages = () => pageCount(current().total, current().pageSize);

  return (
    <section class="supply-catalogue" aria-labelledby="catalogue-title">
      <h2 id="catalogue-title" class="visually-hidden">
        {t('catalogue.title')}
      </h2>
      <div class="filters">
        <label class="field">
          {t('catalogue.search')}
          <input
            type="search"
            name="search"
            value={search()}
            onInput={(event) => {
              setPage(1);
              setSearch(event.currentTarget.value);
            }}
          />
        </label>
        <label class="field">
          {t('catalogue.kind')}
          <select
            name="kind"
            onChange={(event) => {
              setPage(1);
              setKind(event.currentTarget.value as SupplyKind | '');
            }}
          >
            <option value="">{t('catalogue.kind.all')}</option>
            <For each={SUPPLY_KINDS}>{(value) => <option value={value}>{t(`kind.${value}`)}</option>}</For>
          </select>
        </label>
      </div>
      <Loaded result={models.loading ? undefined : models()} retry={refetch}>
        {() => (
          <Show when={current().items.length > 0} fallback={<p class="card muted">{search() || kind() ? t('catalogue.noMatch') : t('catalogue.empty')}</p>}>
            <ul class="supply-models">
              <For each={current().items}>{(model) => <ModelCard model={model} api={api} suppliers={suppliers() ?? []} canEdit={canEdit()} onSaved={replace} />}</For>
            </ul>
            <Show when={pages() > 1}>
              <nav class="pager" aria-label={t('catalogue.pages')}>
                <button type="button" class="button" disabled={current().page <= 1} onClick={() => setPage(current().page - 1)}>
                  {t('catalogue.previous')}
                </button>
                <span>{t('catalogue.pageOf', { page: current().page, pages: pages(), total: formatCount(language(), current().total) })}</span>
                <button type="button" class="button" disabled={current().page >= pages()} onClick={() => setPage(current().page + 1)}>
                  {t('catalogue.next')}
                </button>
              </nav>
            </Show>
          </Show>
        )}
      </Loaded>
    </section>
  );
}

function ModelCard(props: { model: SupplyModel; api: SuppliesApi; suppliers: Supplier[]; canEdit: boolean; onSaved: (model: SupplyModel) => void }) {
  const { t, language } = useFeatureText(supplySettingsText);
  const [editing, setEditing] = createSignal(false);
  const price = (value: string) => new Intl.NumberFormat(LANGUAGE_LOCALES[language()], { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(value));
  const titleId = `model-${props.model.id}`;
  return (
    <li class="card supply-model" aria-labelledby={titleId}>
      <div class="supply-model__heading">
        <h3 id={titleId}>
          <span class={`colour-dot colour-dot--${props.model.colour}`} aria-hidden="true" />
          {props.model.name}
        </h3>
        <span class="badge">{props.model.kind ? t(`kind.${props.model.kind}`) : t('catalogue.kindUnknown')}</span>
      </div>
      <dl class="supply-model__facts">
        <div>
          <dt>{t('catalogue.partNumber')}</dt>
          <dd>{props.model.partNumber ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('catalogue.colour')}</dt>
          <dd>{t(`colour.${props.model.colour}`)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.ratedYield')}</dt>
          <dd>{props.model.ratedYield === null ? '—' : t('catalogue.yield', { count: formatCount(language(), props.model.ratedYield) })}</dd>
        </div>
        <div>
          <dt>{t('catalogue.dealerReference')}</dt>
          <dd>{props.model.dealerReference ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('catalogue.price')}</dt>
          <dd>{props.model.price === null ? '—' : price(props.model.price)}</dd>
        </div>
        <div>
          <dt>{t('catalogue.supplier')}</dt>
          <dd>{props.model.supplierName ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('catalogue.devices')}</dt>
          <dd>{formatCount(language(), props.model.deviceCount)}</dd>
        </div>
        <div class="supply-model__wide">
          <dt>{t('catalogue.printerModels')}</dt>
          <dd>{props.model.printerModels.length > 0 ? props.model.printerModels.join(', ') : '—'}</dd>
        </div>
      </dl>
      <ConsumptionChart model={props.model} />
      <Show when={props.canEdit}>
        <Show
          when={editing()}
          fallback={
            <div class="actions">
              <button type="button" class="button" onClick={() => setEditing(true)} aria-describedby={titleId}>
                {t('catalogue.edit')}
              </button>
            </div>
          }
        >
          <ModelEditor
            model={props.model}
            api={props.api}
            suppliers={props.suppliers}
            onDone={(saved) => {
              if (saved) props.onSaved(saved);
              setEditing(false);
            }}
          />
        </Show>
      </Show>
    </li>
  );
}

/** Replacements per month over the last year, as small bars; each month's count in its tooltip and in the accessible summary. */
function ConsumptionChart(props: { model: SupplyModel }) {
  const { t, language } = useFeatureText(supplySettingsText);
  const bars = () => consumptionBars(props.model.consumption);
  const total = () => bars().reduce((sum, bar) => sum + bar.count, 0);
  const label = (bar: { month: string; count: number }) => `${formatBucket(language(), bar.month)}: ${formatCount(language(), bar.count)}`;
  return (
    <Show when={bars().length > 0}>
      <figure class="consumption">
        <svg viewBox={`0 0 ${bars().length * 10} 40`} preserveAspectRatio="none" role="img" aria-label={bars().map(label).join(', ')}>
          <For each={bars()}>
            {(bar, index) => (
              <rect x={index() * 10 + 1} y={40 - Math.max(bar.share * 38, bar.count > 0 ? 2 : 0.5)} width="8" height={Math.max(bar.share * 38, bar.count > 0 ? 2 : 0.5)}>
                <title>{label(bar)}</title>
              </rect>
            )}
          </For>
        </svg>
        <figcaption class="muted">
          {t('catalogue.consumption', { count: formatCount(language(), total()), from: formatBucket(language(), bars()[0]!.month), to: formatBucket(language(), bars()[bars().length - 1]!.month) })}
        </figcaption>
      </figure>
    </Show>
  );
}

function ModelEditor(props: { model: SupplyModel; api: SuppliesApi; suppliers: Supplier[]; onDone: (saved: SupplyModel | null) => void }) {
  const { t } = useFeatureText(supplySettingsText);
  const [form, setForm] = createSignal<ModelForm>(modelFormOf(props.model));
  const [problems, setProblems] = createSignal<Partial<Record<keyof ModelForm, ModelProblem>>>({});
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const update = (patch: Partial<ModelForm>) => setForm({ ...form(), ...patch });
  const id = (field: keyof ModelForm) => `${field}-${props.model.id}`;
  const Problem = (field: { name: keyof ModelForm }) => (
    <Show when={problems()[field.name]}>
      {(problem) => (
        <small class="field__problem" id={`${id(field.name)}-problem`}>
          {t(`catalogue.problem.${problem()}`)}
        </small>
      )}
    </Show>
  );
  const invalid = (field: keyof ModelForm) => (problems()[field] ? { 'aria-invalid': true, 'aria-describedby': `${id(field)}-problem` } : {});

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = modelChangeOf(form(), props.model);
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    if (!result.change) return props.onDone(null);
    setBusy(true);
    const saved = await props.api.updateModel(props.model.id, result.change);
    setBusy(false);
    if (saved.ok) props.onDone(saved.data);
    else setError(saved.error);
  }

  return (
    <form class="supply-model__form form" onSubmit={submit} novalidate aria-label={t('catalogue.editOf', { name: props.model.name })}>
      <div class="form-grid">
        <label class="field">
          {t('catalogue.ratedYield')}
          <input id={id('ratedYield')} name="ratedYield" inputmode="numeric" value={form().ratedYield} onInput={(event) => update({ ratedYield: event.currentTarget.value })} {...invalid('ratedYield')} />
          <Problem name="ratedYield" />
        </label>
        <label class="field">
          {t('catalogue.dealerReference')}
          <input id={id('dealerReference')} name="dealerReference" value={form().dealerReference} onInput={(event) => update({ dealerReference: event.currentTarget.value })} {...invalid('dealerReference')} />
          <Problem name="dealerReference" />
        </label>
        <label class="field">
          {t('catalogue.price')}
          <input id={id('price')} name="price" inputmode="decimal" placeholder="24.90" value={form().price} onInput={(event) => update({ price: event.currentTarget.value })} {...invalid('price')} />
          <Problem name="price" />
        </label>
        <label class="field">
          {t('catalogue.supplier')}
          <select name="supplierId" onChange={(event) => update({ supplierId: event.currentTarget.value })}>
            <option value="" selected={form().supplierId === ''}>
              {t('catalogue.supplier.none')}
            </option>
            <For each={props.suppliers}>
              {(supplier) => (
                <option value={supplier.id} selected={form().supplierId === supplier.id}>
                  {supplier.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          {t('catalogue.kind')}
          <select name="kind" onChange={(event) => update({ kind: event.currentTarget.value as SupplyKind })}>
            <Show when={props.model.kind === null}>
              <option value="" selected={form().kind === ''}>
                {t('catalogue.kindUnknown')}
              </option>
            </Show>
            <For each={SUPPLY_KINDS}>
              {(value) => (
                <option value={value} selected={form().kind === value}>
                  {t(`kind.${value}`)}
                </option>
              )}
            </For>
          </select>
        </label>
      </div>
      <FormError message={error()} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? t('config.saving') : t('config.save')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onDone(null)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
