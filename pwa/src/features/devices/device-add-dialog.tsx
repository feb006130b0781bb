/**
 * Adds a device by hand: make and model suggested from the dealer's fleet and common real models
 * (anything else may be typed), serial, site, coordinator, the counters it has, install date and
 * the starting counters, which the server records as the dealer's readings.
 */
import { createResource, createSignal, createUniqueId, For } from 'solid-js';
import type { ApiError } from '../../api/client.ts';
import type { DeviceCreate, DeviceDetail } from '@parc/shared/contracts/devices';
import type { CounterKind } from '@parc/shared/meters/counters';
import { useI18n } from '../../app-context.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import type { DevicesApi, NamedOption } from './devices.api.ts';
import { parseCount } from './readings.rules.ts';
import { DialogButtons } from '../console/dialog-buttons.tsx';

/** Every device counts total and mono; these are the ones a machine may have besides. */
const OPTIONAL_COUNTERS = ['colour', 'scan', 'large'] as const satisfies readonly CounterKind[];

export function DeviceAddDialog(props: { api: DevicesApi; customers: NamedOption[]; customerId: string; onClose: () => void; onCreated: (device: DeviceDetail) => void }) {
  const { t } = useI18n();
  const id = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  const [customerId, setCustomerId] = createSignal(props.customerId);
  const [manufacturer, setManufacturer] = createSignal('');
  const [model, setModel] = createSignal('');
  const [counters, setCounters] = createSignal<CounterKind[]>([]);
  const [starts, setStarts] = createSignal<Partial<Record<CounterKind, string>>>({});
  const [error, setError] = createSignal<string | ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [models] = createResource(async () => {
    const result = await props.api.models();
    return result.ok ? result.data.items : [];
  });
  const [sites] = createResource(() => customerId() || null, async (customer) => {
    const result = await props.api.sites(customer);
    return result.ok ? result.data.items : [];
  });
  const [coordinators] = createResource(() => customerId() || null, async (customer) => {
    const result = await props.api.coordinators(customer);
    return result.ok ? result.data.items : [];
  });
  const manufacturers = () => [...new Set((models() ?? []).map((entry) => entry.manufacturer))];
  const modelsOfMake = () => (models() ?? []).filter((entry) => !manufacturer() || entry.manufacturer.toLowerCase() === manufacturer().trim().toLowerCase());
  const kinds = (): CounterKind[] => ['total', 'mono', ...counters()];

  /** A known model brings the counters such a machine usually has; they stay editable. */
  function chooseModel(text: string) {
    setModel(text);
    const known = modelsOfMake().find((entry) => entry.model.toLowerCase() === text.trim().toLowerCase());
    if (known) setCounters(OPTIONAL_COUNTERS.filter((kind) => known.counters.includes(kind)));
  }
  const toggle = (kind: CounterKind, on: boolean) => setCounters(on ? [...counters(), kind] : counters().filter((other) => other !== kind));

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const startingCounters: NonNullable<DeviceCreate['startingCounters']> = [];
    for (const kind of kinds()) {
      const text = starts()[kind]?.trim();
      if (!text) continue;
      const value = parseCount(text);
      if (value === null) return setError(t('devices.add.badCounter', { counter: t(`devices.counter.${kind}`) }));
      startingCounters.push({ counter: kind, value });
    }
    const installDate = String(data.get('installDate') ?? '');
    const input: DeviceCreate = {
      customerId: customerId(),
      serial: String(data.get('serial') ?? ''),
      manufacturer: manufacturer(),
      model: model(),
      internalNumber: null,
      location: null,
      siteId: String(data.get('siteId') ?? '') || null,
      coordinatorId: String(data.get('coordinatorId') ?? '') || null,
      counters: counters(),
      startingCounters,
      ...(installDate ? { installedAt: `${installDate}T00:00:00.000Z` } : {}),
    };
    setBusy(true);
    const result = await props.api.create(input);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    props.onCreated(result.data);
    dialog?.close();
  }

  return (
    <ModalDialog labelledBy={`add-${id}`} onClose={props.onClose} width="40rem" ref={(element) => (dialog = element)}>
      <form class="card form device-dialog" onSubmit={save} aria-labelledby={`add-${id}`}>
        <h2 id={`add-${id}`}>{t('devices.add.title')}</h2>
        <div class="device-dialog__grid">
          <label class="field">
            <span>{t('devices.filter.customer')}</span>
            <select name="customerId" required value={customerId()} onChange={(e) => setCustomerId(e.currentTarget.value)}>
              <option value="">{t('devices.add.chooseCustomer')}</option>
              <For each={props.customers}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('devices.add.serial')}</span>
            <input name="serial" required maxLength={100} autocomplete="off" />
          </label>
          <label class="field">
            <span>{t('devices.add.manufacturer')}</span>
            <input name="manufacturer" required maxLength={100} list={`makes-${id}`} value={manufacturer()} onInput={(e) => setManufacturer(e.currentTarget.value)} autocomplete="off" />
            <datalist id={`makes-${id}`}>
              <For each={manufacturers()}>{(make) => <option value={make} />}</For>
            </datalist>
          </label>
          <label class="field">
            <span>{t('devices.add.model')}</span>
            <input name="model" required maxLength={100} list={`models-${id}`} value={model()} onInput={(e) => chooseModel(e.currentTarget.value)} autocomplete="off" />
            <datalist id={`models-${id}`}>
              <For each={modelsOfMake()}>{(entry) => <option value={entry.model}>{entry.manufacturer}</option>}</For>
            </datalist>
          </label>
          <label class="field">
            <span>{t('devices.filter.site')}</span>
            <select name="siteId" disabled={!customerId()}>
              <option value="">{t('devices.add.none')}</option>
              <For each={sites()}>{(site) => <option value={site.id}>{site.name}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('devices.filter.coordinator')}</span>
            <select name="coordinatorId" disabled={!customerId()}>
              <option value="">{t('devices.add.none')}</option>
              <For each={coordinators()}>{(coordinator) => <option value={coordinator.id}>{coordinator.name}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('devices.add.installDate')}</span>
            <input name="installDate" type="date" />
          </label>
        </div>
        <fieldset class="device-dialog__counters">
          <legend>{t('devices.add.counters')}</legend>
          <For each={OPTIONAL_COUNTERS}>
            {(kind) => (
              <label class="check">
                <input type="checkbox" name={`has-${kind}`} checked={counters().includes(kind)} onChange={(e) => toggle(kind, e.currentTarget.checked)} />
                {t(`devices.counter.${kind}`)}
              </label>
            )}
          </For>
        </fieldset>
        <fieldset class="device-dialog__grid">
          <legend>{t('devices.add.startingCounters')}</legend>
          <For each={kinds()}>
            {(kind) => (
              <label class="field">
                <span>{t(`devices.counter.${kind}`)}</span>
                <input name={`start-${kind}`} inputmode="numeric" value={starts()[kind] ?? ''} onInput={(e) => setStarts({ ...starts(), [kind]: e.currentTarget.value })} />
              </label>
            )}
          </For>
        </fieldset>
        <FormError message={error()} />
        <DialogButtons close={() => dialog?.close()} sending={busy()} submit={t('devices.add.save')} />
      </form>
    </ModalDialog>
  );
}
