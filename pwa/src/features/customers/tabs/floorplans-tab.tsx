/** Floor plans: upload one per floor, then place the customer's devices by tapping the plan. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { FloorPlan } from '@parc/shared/contracts/floorplans';
import { useFeatureText } from '../../console/feature-text.ts';
import { Loaded } from '../../console/loaded.tsx';
import { FormError } from '../../shell/form-error.tsx';
import type { CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';
import { TextField } from '../text-field.tsx';
import { pointInPercent } from '../plan-position.ts';
import { apiErrorText } from '../../../i18n/api-error.ts';

export function FloorPlansTab(props: { api: CustomersApi; customerId: string }) {
  const { t, language } = useFeatureText(customersText);
  const [plans, { refetch }] = createResource(() => props.customerId, (id) => props.api.floorPlans(id));
  const [devices] = createResource(() => props.customerId, async (id) => {
    const result = await props.api.devices(id);
    return result.ok ? result.data.items : [];
  });
  const [upload, setUpload] = createSignal({ name: '', floor: '0' });
  const [file, setFile] = createSignal<File | null>(null);
  const [error, setError] = createSignal<string | null>(null);

  async function add(event: SubmitEvent) {
    event.preventDefault();
    const chosen = file();
    if (!chosen) return setError(t('error.required'));
    const result = await props.api.uploadFloorPlan(props.customerId, chosen, upload().name || chosen.name, Number(upload().floor));
    if (!result.ok) return setError(apiErrorText(result.error, language()));
    setError(null);
    setUpload({ name: '', floor: String(Number(upload().floor) + 1) });
    await refetch();
  }

  return (
    <section>
      <form class="card form" onSubmit={add}>
        <h2>{t('plans.add')}</h2>
        <FormError message={error()} />
        <div class="form-grid">
          <TextField label={t('field.planName')} value={upload().name} onInput={(name) => setUpload({ ...upload(), name })} />
          <TextField label={t('field.floor')} inputMode="numeric" value={upload().floor} onInput={(floor) => setUpload({ ...upload(), floor })} />
          <label class="field">
            {t('field.planFile')}
            <input type="file" accept="image/png,image/jpeg,image/svg+xml" onChange={(event) => setFile(event.currentTarget.files?.[0] ?? null)} />
          </label>
        </div>
        <div class="actions">
          <button type="submit" class="button button--primary">
            {t('plans.upload')}
          </button>
        </div>
      </form>
      <Loaded result={plans.loading ? undefined : plans()} retry={refetch}>
        {(data) => (
          <Show when={data.items.length > 0} fallback={<p class="card muted">{t('plans.empty')}</p>}>
            <For each={data.items}>{(plan) => <PlanEditor plan={plan} api={props.api} devices={devices() ?? []} onChanged={refetch} />}</For>
          </Show>
        )}
      </Loaded>
    </section>
  );
}

function PlanEditor(props: { plan: FloorPlan; api: CustomersApi; devices: { id: string; deviceCode: string; model: string }[]; onChanged: () => void }) {
  const { t, language } = useFeatureText(customersText);
  const [placing, setPlacing] = createSignal('');
  const [error, setError] = createSignal<string | null>(null);

  async function place(event: MouseEvent) {
    const deviceId = placing();
    if (!deviceId) return;
    const image = event.currentTarget as HTMLImageElement;
    const point = pointInPercent(image.getBoundingClientRect(), event.clientX, event.clientY);
    const others = props.plan.devices.filter((position) => position.deviceId !== deviceId).map(({ deviceId: id, x, y }) => ({ deviceId: id, x, y }));
    const result = await props.api.placeDevices(props.plan.id, [...others, { deviceId, ...point }]);
    if (!result.ok) return setError(apiErrorText(result.error, language()));
    setError(null);
    setPlacing('');
    props.onChanged();
  }

  return (
    <article class="card">
      <h2>{t('plans.floorLabel', { floor: props.plan.floor, name: props.plan.name })}</h2>
      <div class="filters">
        <label class="field">
          {t('plans.place')}
          <select value={placing()} onChange={(event) => setPlacing(event.currentTarget.value)}>
            <option value="">—</option>
            <For each={props.devices}>{(device) => <option value={device.id}>{`${device.deviceCode} · ${device.model}`}</option>}</For>
          </select>
        </label>
        <button
          type="button"
          class="button button--quiet"
          onClick={async () => {
            if (!confirm(t('plans.confirmRemove', { name: props.plan.name }))) return;
            await props.api.deleteFloorPlan(props.plan.id);
            props.onChanged();
          }}
        >
          {t('plans.remove')}
        </button>
      </div>
      <Show when={placing()}>
        <p class="notice">{t('plans.placeHint')}</p>
      </Show>
      <Show when={error()}>
        <p class="form__error">{error()}</p>
      </Show>
      <div class="plan">
        <img src={props.plan.imageUrl} alt={t('plans.floorLabel', { floor: props.plan.floor, name: props.plan.name })} onClick={place} />
        <For each={props.plan.devices}>
          {(position) => (
            <span class="plan__pin" style={{ left: `${position.x}%`, top: `${position.y}%` }}>
              {position.deviceCode}
            </span>
          )}
        </For>
      </div>
    </article>
  );
}
