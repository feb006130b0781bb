/**
 * Who hears of an order: the dealer's routing rules in their order, the first whose filters all
 * match an order deciding its recipients; orders no rule matches go to the dealer's own address.
 * Rules are added, edited, deleted and moved up or down (the whole order is sent at once).
 */
import { createResource, createSignal, For, Index, Show, type JSX } from 'solid-js';
import { createApiClient, type ApiError } from '../../api/client.ts';
import type { OrderRouteView, Supplier } from '@parc/shared/contracts/supplies';
import { SUPPLY_COLOURS, SUPPLY_KINDS, type SupplyColour, type SupplyKind } from '@parc/shared/supplies/kinds';
import { ROUTE_RECIPIENT_KINDS, type RouteRecipient, type RouteRecipientKind } from '@parc/shared/supplies/routing';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { createDevicesApi } from '../devices/devices.api.ts';
import { FormError } from '../shell/form-error.tsx';
import { FilterSelect, NamedOptions } from '../tickets/tickets-bits.tsx';
import { movedIds, routeFormOf, routeInputOf, type RouteForm, type RouteProblem } from './routing.rules.ts';
import { supplySettingsText } from './settings-messages/index.ts';
import { createSuppliesApi, type SuppliesApi } from './supplies.api.ts';
import './supply-settings.css';

/** The form open: a new rule, or the rule of that id. */
type Editing = { id: null } | { id: string };

export default function RoutingTab() {
  const { t } = useFeatureText(supplySettingsText);
  const client = createApiClient();
  const api = createSuppliesApi(client);
  const devices = createDevicesApi(client);
  const canEdit = usePermission('consumables', 'edit');
  const [routes, { refetch, mutate }] = createResource(() => api.routes());
  const [suppliers] = createResource(async () => {
    const result = await api.suppliers();
    return result.ok ? result.data.items : [];
  });
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<ApiError | null>(null);
  const items = () => {
    const result = routes();
    return result?.ok ? result.data.items : [];
  };
  const deviceName = async (id: string) => {
    const result = await devices.page(id);
    return result.ok ? `${result.data.device.deviceCode} · ${result.data.device.manufacturer} ${result.data.device.model}` : t('routing.filter.oneDevice');
  };

  async function act(run: () => Promise<{ ok: true } | { ok: false; error: ApiError }>) {
    setBusy(true);
    setError(null);
    const result = await run();
    setBusy(false);
    if (!result.ok) setError(result.error);
    return result.ok;
  }
  const move = (index: number, step: -1 | 1) =>
    act(async () => {
      const result = await api.reorderRoutes(movedIds(items().map((route) => route.id), index, step));
      if (result.ok) mutate(result);
      else if (result.error.code === 'conflict') void refetch();
      return result;
    });
  const remove = (route: OrderRouteView) => {
    if (!confirm(t('routing.confirmDelete', { name: route.name }))) return;
    void act(async () => {
      const result = await api.deleteRoute(route.id);
      if (result.ok) void refetch();
      return result;
    });
  };

  const editorDone = (saved: boolean) => {
    setEditing(null);
    if (saved) void refetch();
  };
  return (
    <section class="supply-routing" aria-labelledby="routing-title">
      <h2 id="routing-title" class="visually-hidden">
        {t('routing.title')}
      </h2>
      <p class="muted">{t('routing.intro')}</p>
      <FormError message={error()} />
      {/* Loaded renders its children once: the list reads the resource, so reorders and saves show. */}
      <Loaded result={routes.loading && !routes() ? undefined : routes()} retry={refetch}>
        {() => (
          <>
            <Show when={items().length > 0} fallback={<p class="card muted">{t('routing.empty')}</p>}>
              <ol class="routes">
                <For each={items()}>
                  {(route, index) => (
                    <li class="card route" data-route={route.name}>
                      <Show
                        when={editing()?.id === route.id}
                        fallback={
                          <RouteSummary route={route} position={index() + 1} suppliers={suppliers() ?? []} deviceName={deviceName}>
                            <Show when={canEdit()}>
                              <div class="actions route__actions">
                                <button type="button" class="button" disabled={busy() || editing() !== null} onClick={() => setEditing({ id: route.id })}>
                                  {t('routing.edit')}
                                </button>
                                <button type="button" class="button" disabled={busy() || index() === 0} aria-label={t('routing.moveUpOf', { name: route.name })} onClick={() => void move(index(), -1)}>
                                  {t('routing.moveUp')}
                                </button>
                                <button type="button" class="button" disabled={busy() || index() === items().length - 1} aria-label={t('routing.moveDownOf', { name: route.name })} onClick={() => void move(index(), 1)}>
                                  {t('routing.moveDown')}
                                </button>
                                <button type="button" class="button button--quiet" disabled={busy()} onClick={() => remove(route)}>
                                  {t('routing.delete')}
                                </button>
                              </div>
                            </Show>
                          </RouteSummary>
                        }
                      >
                        <RouteEditor
                          route={route}
                          api={api}
                          suppliers={suppliers() ?? []}
                          deviceName={deviceName}
                          onDone={editorDone}
                        />
                      </Show>
                    </li>
                  )}
                </For>
              </ol>
            </Show>
            <p class="notice route__fallback">{t('routing.fallback')}</p>
            <Show when={canEdit()}>
              <Show
                when={editing()?.id === null}
                fallback={
                  <div class="actions">
                    <button type="button" class="button button--primary" disabled={editing() !== null} onClick={() => setEditing({ id: null })}>
                      {t('routing.add')}
                    </button>
                  </div>
                }
              >
                <div class="card route">
                  <RouteEditor
                    api={api}
                    suppliers={suppliers() ?? []}
                    deviceName={deviceName}
                    onDone={editorDone}
                  />
                </div>
              </Show>
            </Show>
          </>
        )}
      </Loaded>
    </section>
  );
}

function RouteSummary(props: { route: OrderRouteView; position: number; suppliers: Supplier[]; deviceName: (id: string) => Promise<string>; children?: JSX.Element }) {
  const { t } = useFeatureText(supplySettingsText);
  const [device] = createResource(() => props.route.filters.deviceId, props.deviceName);
  const filters = () => {
    const f = props.route.filters;
    const supplier = f.supplierId ? (props.suppliers.find((s) => s.id === f.supplierId)?.name ?? '…') : null;
    return [
      f.manufacturer && t('routing.filter.manufacturerIs', { value: f.manufacturer }),
      f.model && t('routing.filter.modelIs', { value: f.model }),
      f.deviceId && t('routing.filter.deviceIs', { value: device() ?? '…' }),
      f.kind && t('routing.filter.kindIs', { value: t(`kind.${f.kind}`) }),
      f.colour && t('routing.filter.colourIs', { value: t(`colour.${f.colour}`) }),
      supplier && t('routing.filter.supplierIs', { value: supplier }),
    ].filter((text): text is string => Boolean(text));
  };
  return (
    <>
      <h3 class="route__name">
        <span class="route__position">{props.position}</span> {props.route.name}
      </h3>
      <p class="route__filters">
        <Show when={filters().length > 0} fallback={<span class="muted">{t('routing.filter.anyOrder')}</span>}>
          <For each={filters()}>{(text) => <span class="badge">{text}</span>}</For>
        </Show>
      </p>
      <p class="route__recipients">
        {t('routing.sendTo')} <For each={props.route.recipients}>{(recipient, index) => <>{index() > 0 && ', '}<RecipientText recipient={recipient} /></>}</For>
      </p>
      {props.children}
    </>
  );
}

function RecipientText(props: { recipient: RouteRecipient }) {
  const { t } = useFeatureText(supplySettingsText);
  return <strong>{props.recipient.kind === 'address' ? props.recipient.address : t(`routing.recipient.${props.recipient.kind}`)}</strong>;
}

function RouteEditor(props: { route?: OrderRouteView; api: SuppliesApi; suppliers: Supplier[]; deviceName: (id: string) => Promise<string>; onDone: (saved: boolean) => void }) {
  const { t } = useFeatureText(supplySettingsText);
  const [form, setForm] = createSignal<RouteForm>(routeFormOf(props.route));
  const [problems, setProblems] = createSignal<Record<string, RouteProblem>>({});
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const update = (patch: Partial<RouteForm>) => setForm({ ...form(), ...patch });
  const prefix = props.route?.id ?? 'new';
  const Problem = (field: { path: string }) => (
    <Show when={problems()[field.path]}>
      {(problem) => (
        <small class="field__problem" role="alert">
          {t(`routing.problem.${problem()}`)}
        </small>
      )}
    </Show>
  );

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = routeInputOf(form());
    if (!result.ok) {
      setProblems(result.problems);
      return;
    }
    setProblems({});
    setBusy(true);
    const saved = props.route ? await props.api.updateRoute(props.route.id, result.input) : await props.api.createRoute(result.input);
    setBusy(false);
    if (saved.ok) props.onDone(true);
    else setError(saved.error);
  }

  const setRecipient = (index: number, patch: { kind?: RouteRecipientKind; address?: string }) =>
    update({ recipients: form().recipients.map((recipient, at) => (at === index ? { ...recipient, ...patch } : recipient)) });

  return (
    <form class="route__form form" onSubmit={submit} novalidate aria-label={props.route ? t('routing.editOf', { name: props.route.name }) : t('routing.add')}>
      <label class="field">
        {t('routing.name')}
        <input name="name" value={form().name} aria-invalid={problems().name ? true : undefined} onInput={(event) => update({ name: event.currentTarget.value })} />
        <Problem path="name" />
      </label>
      <fieldset class="route__group">
        <legend>{t('routing.filters')}</legend>
        <p class="muted">{t('routing.filters.hint')}</p>
        <div class="form-grid">
          <label class="field">
            {t('routing.filter.manufacturer')}
            <input name="manufacturer" value={form().manufacturer} onInput={(event) => update({ manufacturer: event.currentTarget.value })} />
          </label>
          <label class="field">
            {t('routing.filter.model')}
            <input name="model" value={form().model} onInput={(event) => update({ model: event.currentTarget.value })} />
          </label>
          <DevicePicker deviceId={form().deviceId} deviceName={props.deviceName} onPick={(deviceId) => update({ deviceId })} />
          <FilterSelect label={t('routing.filter.kind')} name="kind" value={form().kind} onChange={(kind) => update({ kind: kind as SupplyKind | '' })}>
            <NamedOptions each={SUPPLY_KINDS.map((value) => ({ id: value, name: t(`kind.${value}`) }))} />
          </FilterSelect>
          <FilterSelect label={t('routing.filter.colour')} name="colour" value={form().colour} onChange={(colour) => update({ colour: colour as SupplyColour | '' })}>
            <NamedOptions each={SUPPLY_COLOURS.map((value) => ({ id: value, name: t(`colour.${value}`) }))} />
          </FilterSelect>
          <FilterSelect label={t('routing.filter.supplier')} name="supplierId" value={form().supplierId} onChange={(supplierId) => update({ supplierId })}>
            <NamedOptions each={props.suppliers} />
          </FilterSelect>
        </div>
      </fieldset>
      <fieldset class="route__group">
        <legend>{t('routing.recipients')}</legend>
        <Problem path="recipients" />
        <ul class="route__recipient-list">
          <Index each={form().recipients}>
            {(recipient, index) => (
              <li class="route__recipient">
                <label class="field">
                  <span class="visually-hidden">{t('routing.recipientN', { n: index + 1 })}</span>
                  <select name={`recipient-${index}`} onChange={(event) => setRecipient(index, { kind: event.currentTarget.value as RouteRecipientKind })}>
                    <For each={ROUTE_RECIPIENT_KINDS}>
                      {(kind) => (
                        <option value={kind} selected={recipient().kind === kind}>
                          {t(`routing.recipient.${kind}`)}
                        </option>
                      )}
                    </For>
                  </select>
                </label>
                <Show when={recipient().kind === 'address'}>
                  <label class="field">
                    <span class="visually-hidden">{t('routing.addressN', { n: index + 1 })}</span>
                    <input
                      type="email"
                      name={`address-${index}`}
                      id={`${prefix}-address-${index}`}
                      placeholder={t('routing.address.placeholder')}
                      value={recipient().address}
                      aria-invalid={problems()[`recipients.${index}.address`] ? true : undefined}
                      onInput={(event) => setRecipient(index, { address: event.currentTarget.value })}
                    />
                    <Problem path={`recipients.${index}.address`} />
                  </label>
                </Show>
                <button
                  type="button"
                  class="button button--quiet"
                  aria-label={t('routing.removeRecipientN', { n: index + 1 })}
                  onClick={() => update({ recipients: form().recipients.filter((_, at) => at !== index) })}
                >
                  {t('routing.removeRecipient')}
                </button>
              </li>
            )}
          </Index>
        </ul>
        <button type="button" class="button" onClick={() => update({ recipients: [...form().recipients, { kind: 'address', address: '' }] })}>
          {t('routing.addRecipient')}
        </button>
      </fieldset>
      <FormError message={error()} />
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={busy()}>
          {busy() ? t('config.saving') : t('config.save')}
        </button>
        <button type="button" class="button button--quiet" onClick={() => props.onDone(false)}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}

/** The device filter: the device chosen (or any), and a search by ID, serial or model to choose one. */
function DevicePicker(props: { deviceId: string; deviceName: (id: string) => Promise<string>; onPick: (deviceId: string) => void }) {
  const { t } = useFeatureText(supplySettingsText);
  const devices = createDevicesApi(createApiClient());
  const [search, setSearch] = createSignal('');
  const [chosen] = createResource(() => props.deviceId || null, props.deviceName);
  const [found] = createResource(
    () => search().trim() || null,
    async (text) => {
      const result = await devices.list(new URLSearchParams({ search: text, pageSize: '8' }));
      return result.ok ? result.data.items : [];
    },
  );
  return (
    <div class="field route__device">
      <span>{t('routing.filter.device')}</span>
      <Show
        when={props.deviceId}
        fallback={
          <>
            <input type="search" name="deviceSearch" placeholder={t('routing.filter.deviceSearch')} aria-label={t('routing.filter.deviceSearch')} value={search()} onInput={(event) => setSearch(event.currentTarget.value)} />
            <Show when={search().trim() ? found() : undefined}>
              {(rows) => (
                <ul class="route__device-results">
                  <For each={rows()} fallback={<li class="muted">{t('routing.filter.noDevice')}</li>}>
                    {(row) => (
                      <li>
                        <button type="button" class="button button--quiet" onClick={() => (setSearch(''), props.onPick(row.id))}>
                          {row.deviceCode} · {row.manufacturer} {row.model} <span class="muted">{row.customerName}</span>
                        </button>
                      </li>
                    )}
                  </For>
                </ul>
              )}
            </Show>
          </>
        }
      >
        <span class="route__device-chosen">
          <span>{chosen() ?? '…'}</span>
          <button type="button" class="button button--quiet" onClick={() => props.onPick('')}>
            {t('routing.filter.anyDevice')}
          </button>
        </span>
      </Show>
    </div>
  );
}
