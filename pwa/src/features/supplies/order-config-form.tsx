/**
 * How automatic supply orders are placed, at one level (the dealer's default, a customer's, a
 * device's): every setting with the value that applies and where it comes from, and for each the
 * choice to set it here or inherit it. Saving sends only the settings set here.
 */
import { createMemo, createResource, createSignal, For, Match, Show, Switch, untrack, type Accessor, type JSX } from 'solid-js';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import type { OrderConfigView } from '@parc/shared/contracts/supplies';
import { EXCHANGE_ALARMS } from '@parc/shared/supplies/checks';
import { THRESHOLD_KEYS } from '@parc/shared/supplies/kinds';
import { ORDER_METHODS, type OrderConfigLevel } from '@parc/shared/supplies/order-config';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { FormError } from '../shell/form-error.tsx';
import { configDraftOf, inheritedOf, levelOf, startingValue, type ConfigDraft, type SettingId, type SettingProblem, type SettingValue } from './order-config.rules.ts';
import { supplySettingsText } from './settings-messages/index.ts';
import { createSuppliesApi, type OrderConfigTarget } from './supplies.api.ts';
import './supply-settings.css';

export function OrderConfigForm(props: { target: OrderConfigTarget; canEdit: boolean }) {
  const api = createSuppliesApi(createApiClient());
  const [view, { refetch }] = createResource(
    () => props.target,
    (target) => api.orderConfig(target),
  );
  return (
    <Loaded result={view.loading ? undefined : view()} retry={refetch}>
      {(loaded) => <ConfigEditor view={loaded} canEdit={props.canEdit} save={(level) => api.saveOrderConfig(props.target, level)} />}
    </Loaded>
  );
}

type Unit = 'percent' | 'days';

/** The form over the view first loaded, then over what each save answers. */
function ConfigEditor(props: { view: OrderConfigView; canEdit: boolean; save: (level: OrderConfigLevel) => Promise<ApiResult<OrderConfigView>> }) {
  const { t, language } = useFeatureText(supplySettingsText);
  const [view, setView] = createSignal(props.view);
  const [draft, setDraft] = createSignal<ConfigDraft>(configDraftOf(props.view.own));
  const [problems, setProblems] = createSignal<Partial<Record<SettingId, SettingProblem>>>({});
  const [error, setError] = createSignal<ApiError | string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [saved, setSaved] = createSignal(false);

  const set = (id: SettingId, value: SettingValue | null) => {
    setDraft({ ...draft(), [id]: value });
    setSaved(false);
  };
  const shown = (id: SettingId): SettingValue | undefined => draft()[id] ?? inheritedOf(view(), id)?.value;
  const source = (id: SettingId): string => {
    if (draft()[id] !== null) return t(`config.source.here.${view().level}`);
    const inherited = inheritedOf(view(), id);
    return inherited ? t(`config.source.${inherited.source}`) : t('config.source.above');
  };

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    const result = levelOf(draft());
    if (!result.ok) {
      setProblems(result.problems);
      setError(t('config.fix'));
      return;
    }
    setProblems({});
    setError(null);
    setBusy(true);
    const answer = await props.save(result.level);
    setBusy(false);
    if (!answer.ok) return setError(answer.error);
    setView(answer.data);
    setDraft(configDraftOf(answer.data.own));
    setSaved(true);
  }

  /** One setting: its label, where its value comes from, its control, and "inherit" for whoever may edit. */
  const Setting = (row: { id: SettingId; label: string; children: (inherited: Accessor<boolean>) => JSX.Element }) => {
    // A memo: the control is not rebuilt (nor loses focus) on each keystroke, only when set or inherited.
    const inherited = createMemo(() => draft()[row.id] === null);
    const problem = () => problems()[row.id];
    return (
      <div class="config-setting" classList={{ 'config-setting--inherited': inherited() }} data-setting={row.id}>
        <div class="config-setting__label">
          <span id={`setting-${row.id}`}>{row.label}</span>
          <small class="config-setting__source" data-source>
            {source(row.id)}
          </small>
        </div>
        <div class="config-setting__control">
          {untrack(() => row.children(inherited))}
          <Show when={props.canEdit}>
            <label class="config-setting__inherit">
              <input
                type="checkbox"
                checked={inherited()}
                aria-describedby={`setting-${row.id}`}
                onChange={(event) => set(row.id, event.currentTarget.checked ? null : startingValue(view(), row.id))}
              />
              {t('config.inherit')}
            </label>
          </Show>
        </div>
        <Show when={problem()}>
          {(which) => (
            <p class="config-setting__problem" role="alert">
              {t(`config.problem.${which()}`)}
            </p>
          )}
        </Show>
      </div>
    );
  };

  const NumberSetting = (row: { id: SettingId; label: string; unit: Unit }) => (
    <Setting id={row.id} label={row.label}>
      {(inherited) => (
        <span class="config-setting__number">
          <input
            type="text"
            inputmode={row.unit === 'days' ? 'numeric' : 'decimal'}
            name={row.id}
            aria-labelledby={`setting-${row.id}`}
            value={String(shown(row.id) ?? '')}
            disabled={!props.canEdit || inherited()}
            aria-invalid={problems()[row.id] ? true : undefined}
            onInput={(event) => set(row.id, event.currentTarget.value)}
          />
          <span aria-hidden="true">{t(`config.unit.${row.unit}`)}</span>
        </span>
      )}
    </Setting>
  );

  const SwitchSetting = (row: { id: SettingId; label: string }) => (
    <Setting id={row.id} label={row.label}>
      {(inherited) => (
        <label class="config-setting__switch">
          <input type="checkbox" role="switch" name={row.id} checked={shown(row.id) === true} disabled={!props.canEdit || inherited()} onChange={(event) => set(row.id, event.currentTarget.checked)} />
          {shown(row.id) === true ? t('config.on') : t('config.off')}
        </label>
      )}
    </Setting>
  );

  return (
    <form class="order-config form" onSubmit={submit} aria-label={t(`config.title.${view().level}`)} novalidate>
      <p class="muted">{t(`config.intro.${view().level}`)}</p>
      <Show when={!props.canEdit}>
        <p class="notice">{t('config.readOnly')}</p>
      </Show>

      <fieldset class="card order-config__group">
        <legend>{t('config.group.method')}</legend>
        <Setting id="method" label={t('config.method')}>
          {(inherited) => (
            <select name="method" aria-labelledby="setting-method" disabled={!props.canEdit || inherited()} onChange={(event) => set('method', event.currentTarget.value)}>
              <For each={ORDER_METHODS}>
                {(method) => (
                  <option value={method} selected={shown('method') === method}>
                    {t(`config.method.${method}`)}
                  </option>
                )}
              </For>
            </select>
          )}
        </Setting>
        <p class="order-config__hint muted">{t('config.method.hint')}</p>
        <NumberSetting id="proactiveDays" label={t('config.proactiveDays')} unit="days" />
      </fieldset>

      <fieldset class="card order-config__group">
        <legend>{t('config.group.thresholds')}</legend>
        <p class="order-config__hint muted">{t('config.thresholds.hint')}</p>
        <For each={THRESHOLD_KEYS}>{(key) => <NumberSetting id={`levelThresholds.${key}`} label={t(`config.group.${key}`)} unit="percent" />}</For>
      </fieldset>

      <fieldset class="card order-config__group">
        <legend>{t('config.group.checks')}</legend>
        <NumberSetting id="minEfficiency" label={t('config.minEfficiency')} unit="percent" />
        <p class="order-config__hint muted">{t('config.minEfficiency.hint')}</p>
        <SwitchSetting id="markSentAfterNotification" label={t('config.markSent')} />
      </fieldset>

      <fieldset class="card order-config__group">
        <legend>{t('config.group.blockOn')}</legend>
        <p class="order-config__hint muted">{t('config.blockOn.hint')}</p>
        <For each={EXCHANGE_ALARMS}>{(alarm) => <SwitchSetting id={`blockOn.${alarm}`} label={t(`config.alarm.${alarm}`)} />}</For>
      </fieldset>

      <fieldset class="card order-config__group">
        <legend>{t('config.group.replacement')}</legend>
        <p class="order-config__hint muted">{t('config.replacement.hint')}</p>
        <For each={THRESHOLD_KEYS}>{(key) => <NumberSetting id={`replacementMaxLevels.${key}`} label={t(`config.group.${key}`)} unit="percent" />}</For>
      </fieldset>

      <Show when={props.canEdit}>
        <FormError message={error()} />
        <Switch>
          <Match when={saved()}>
            <p class="success" role="status">
              {t('config.saved')}
            </p>
          </Match>
          <Match when={view().updatedAt}>{(at) => <p class="muted">{t('config.updatedAt', { at: formatDateTime(language(), at()) })}</p>}</Match>
        </Switch>
        <div class="actions order-config__actions">
          <button type="submit" class="button button--primary" disabled={busy()}>
            {busy() ? t('config.saving') : t('config.save')}
          </button>
          <button type="button" class="button button--quiet" disabled={busy()} onClick={() => (setDraft(configDraftOf(view().own)), setProblems({}), setError(null))}>
            {t('config.undo')}
          </button>
        </div>
      </Show>
    </form>
  );
}
