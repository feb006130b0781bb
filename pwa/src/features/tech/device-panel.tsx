/** A request's device on site: its details, counters to read, supplies to replace, resets to declare and its recent history. */
import { createSignal, For, Index, Show } from 'solid-js';
import type { TechBundle } from '@parc/shared/contracts/tickets';
import { RESET_KINDS, type CounterKind, type ResetKind } from '@parc/shared/meters/counters';
import { COUNTER_LABELS } from '@parc/shared/meters/messages';
import { supplyDisplayName } from '@parc/shared/supplies/identity';
import { useI18n } from '../../app-context.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { bundleSupplyViews, SupplyBars, TrackingLink } from '../devices/supply-bars.tsx';
import { supplyKindText, supplySettingsText } from '../supplies/settings-messages/index.ts';
import { FormError } from '../shell/form-error.tsx';
import { draftOf, emptyResetDraft, resetChange, resetRows, resetStatus, type ResetDraft, type ResetRow, type ResetStatus } from './counter-reset.ts';
import { suppliesToInstall, type SupplyToInstall } from './supplies-to-install.ts';
import { useTechSync } from './tech-context.tsx';
import { formatCount, formatDateTime, historyText, readingReasonText, readingStatus } from './tech.format.ts';
import { fromCatalogue } from '../../i18n/pseudo.ts';

type Device = TechBundle['devices'][number];

function CounterReading(props: { device: Device; counter: Device['counters'][number]; requestId: string }) {
  const { t, language } = useI18n();
  const sync = useTechSync();
  const [value, setValue] = createSignal('');
  const status = () => readingStatus(props.device.id, props.counter.kind, sync.state.pending, sync.state.records);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const number = Number(value());
    if (value() === '' || !Number.isInteger(number) || number < 0) return;
    await sync.record({ kind: 'reading', deviceId: props.device.id, counter: props.counter.kind, value: number, takenAt: new Date().toISOString(), requestId: props.requestId });
    setValue('');
  }

  return (
    <li class="counter-reading" data-testid="counter-reading" data-counter={props.counter.kind} data-last={props.counter.lastValue ?? ''} data-state={status()?.state ?? 'none'}>
      <form class="form" onSubmit={(event) => void save(event)}>
        <label class="field">
          <span>{fromCatalogue(COUNTER_LABELS[props.counter.kind as CounterKind][language()])}</span>
          <span class="muted">
            {props.counter.lastValue !== null && props.counter.lastTakenAt
              ? t('tech.reading.last', { value: formatCount(language(), props.counter.lastValue), date: formatDateTime(language(), props.counter.lastTakenAt) })
              : t('tech.reading.lastNone')}
          </span>
          <input name="value" type="number" inputmode="numeric" min="0" step="1" placeholder={t('tech.reading.value')} value={value()} onInput={(event) => setValue(event.currentTarget.value)} />
        </label>
        <button type="submit" class="button" disabled={value() === ''}>
          {t('tech.reading.save')}
        </button>
      </form>
      <Show when={status()}>
        {(current) => (
          <p class={`reading-status reading-status--${current().state}`} data-testid="reading-status">
            <strong>{t(`tech.reading.${current().state}`)}</strong> ({formatCount(language(), current().value)})
            <Show when={readingReasonText(current().reason, language())}>{(reason) => <span> {reason()}</span>}</Show>
          </p>
        )}
      </Show>
    </li>
  );
}

/** What the orders on their way bring, each with its status, the parcel to follow, and the way to record it once in. */
function SuppliesToInstall(props: { supplies: readonly SupplyToInstall[]; onRecord(supplyIndex: string): void }) {
  const { t } = useI18n();
  const settings = useFeatureText(supplySettingsText).t;
  return (
    <section class="card to-install" aria-labelledby="to-install-title" data-testid="supplies-to-install">
      <h2 id="to-install-title">{t('tech.install.title')}</h2>
      <ul class="plain-list">
        <For each={props.supplies}>
          {(supply) => (
            <li class="to-install__supply" data-testid="supply-to-install" data-supply={supply.supplyIndex} data-status={supply.status}>
              <p class="to-install__kind">{supplyKindText(settings, supply, t('device.supplies.kindUnknown'))}</p>
              <p>{supplyDisplayName(supply.description)}</p>
              <Show when={supply.partNumber}>{(partNumber) => <p>{t('tech.install.partNumber', { partNumber: partNumber() })}</p>}</Show>
              <p class={`to-install__order to-install__order--${supply.status}`}>
                {t(`device.supplies.order.${supply.status}`, { code: supply.code })}
                <TrackingLink url={supply.trackingLink} />
              </p>
              <button type="button" class="button button--primary" data-testid="install-record" onClick={() => props.onRecord(supply.supplyIndex)}>
                {t('tech.install.record')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  );
}

/** The replacement form; the supply chosen is the panel's, so "Record this replacement" can choose it. */
function SupplyReplacement(props: { device: Device; requestId: string; supplyIndex: string; onSupplyIndex(supplyIndex: string): void; ref(form: HTMLFormElement): void }) {
  const { t } = useI18n();
  const sync = useTechSync();
  const [type, setType] = createSignal('');
  const [colour, setColour] = createSignal('');
  const [note, setNote] = createSignal('');
  const [saved, setSaved] = createSignal(false);
  const chosen = () => props.device.supplies.find((supply) => supply.supplyIndex === props.supplyIndex);

  async function save(event: SubmitEvent) {
    event.preventDefault();
    const supply = chosen();
    const supplyType = supply?.description ?? type().trim();
    if (supplyType === '') return;
    await sync.record({
      kind: 'supply.replacement',
      deviceId: props.device.id,
      ...(supply ? { supplyIndex: supply.supplyIndex } : {}),
      supplyType,
      colour: (supply?.colour ?? colour().trim()) || null,
      replacedAt: new Date().toISOString(),
      note: note().trim() || null,
      requestId: props.requestId,
    });
    props.onSupplyIndex('');
    setType('');
    setColour('');
    setNote('');
    setSaved(true);
  }

  return (
    <form ref={props.ref} class="card form" data-testid="supply-form" onSubmit={(event) => void save(event)} onInput={() => setSaved(false)}>
      <h2>{t('tech.supply.title')}</h2>
      <label class="field">
        <span>{t('tech.supply.which')}</span>
        <select name="supply" value={props.supplyIndex} onChange={(event) => props.onSupplyIndex(event.currentTarget.value)}>
          <For each={props.device.supplies}>{(supply) => <option value={supply.supplyIndex}>{supply.description}</option>}</For>
          <option value="">{t('tech.supply.other')}</option>
        </select>
      </label>
      <Show when={!chosen()}>
        <label class="field">
          <span>{t('tech.supply.type')}</span>
          <input name="type" value={type()} onInput={(event) => setType(event.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('tech.supply.colour')}</span>
          <input name="colour" value={colour()} onInput={(event) => setColour(event.currentTarget.value)} />
        </label>
      </Show>
      <label class="field">
        <span>{t('tech.supply.note')}</span>
        <input name="note" value={note()} onInput={(event) => setNote(event.currentTarget.value)} />
      </label>
      <button type="submit" class="button" disabled={!chosen() && type().trim() === ''}>
        {t('tech.supply.save')}
      </button>
      <Show when={saved()}>
        <p class="muted" role="status">
          {t('tech.supply.saved')}
        </p>
      </Show>
    </form>
  );
}

/** What became of the last reset declared here, with what was typed, so a refused one can be corrected. */
function ResetStatusView(props: { status: ResetStatus; onCorrect(): void }) {
  const { t, language } = useI18n();
  const refusal = () => {
    const status = props.status;
    if (status.state !== 'refused') return null;
    if (status.code === 'conflict') return t('tech.reset.conflict');
    return readingReasonText(status.readingReason, language()) ?? t('tech.rejected', { reason: status.reason ?? '' });
  };
  return (
    <div class={`reset-status reset-status--${props.status.state}`} data-testid="reset-status" data-state={props.status.state} role="status">
      <p>
        <strong>{t(`tech.reset.${props.status.state}`)}</strong> · {t(`tech.reset.kind.${props.status.op.resetKind}`)} · {formatDateTime(language(), props.status.op.at)}
      </p>
      <ul class="plain-list">
        <For each={props.status.op.counters}>
          {(entry) => (
            <li data-counter={entry.counter}>
              {t('tech.reset.values', {
                counter: fromCatalogue(COUNTER_LABELS[entry.counter][language()]),
                final: formatCount(language(), entry.finalValue),
                start: formatCount(language(), entry.startValue),
              })}
            </li>
          )}
        </For>
      </ul>
      <Show when={props.status.op.note}>{(note) => <p class="muted">« {note()} »</p>}</Show>
      <Show when={refusal()}>
        {(text) => (
          <>
            <p class="reset-status__reason" data-testid="reset-refusal">
              {text()}
            </p>
            <button type="button" class="button" data-testid="reset-correct" onClick={() => props.onCorrect()}>
              {t('tech.reset.correct')}
            </button>
          </>
        )}
      </Show>
    </div>
  );
}

/** A counter reset or board replacement seen on site: per counter, the value before and the one it restarts at. */
function CounterReset(props: { device: Device; requestId: string }) {
  const { t, language } = useI18n();
  const sync = useTechSync();
  const [open, setOpen] = createSignal(false);
  const [draft, setDraft] = createSignal<ResetDraft>(emptyResetDraft());
  const [saving, setSaving] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  // Untouched values follow the phone's view of the counters, queued readings included.
  const rows = () => resetRows(props.device.counters, draft().edits);
  const status = () => resetStatus(props.device.id, sync.state.pending, sync.state.records);
  const label = (counter: CounterKind) => fromCatalogue(COUNTER_LABELS[counter][language()]);

  function change(next: Partial<ResetDraft>) {
    setDraft({ ...draft(), ...next });
    setError(null);
  }

  function edit(counter: CounterKind, row: Partial<Omit<ResetRow, 'counter'>>) {
    const edits = draft().edits;
    change({ edits: { ...edits, [counter]: { ...edits[counter], ...row } } });
  }

  function correct(current: ResetStatus) {
    setDraft(draftOf(current.op, props.device.counters, props.requestId));
    setError(null);
    setOpen(true);
  }

  async function save(event: SubmitEvent) {
    event.preventDefault();
    // A second tap while the first is being written queues nothing.
    if (saving()) return;
    const built = resetChange(draft(), rows(), { deviceId: props.device.id, requestId: props.requestId, at: new Date().toISOString() });
    if (!built.ok) {
      setError(built.error.code === 'noCounter' ? t('tech.reset.noCounter') : t('tech.reset.invalidValue', { counter: label(built.error.counter) }));
      return;
    }
    setSaving(true);
    try {
      await sync.record(built.change);
      setDraft(emptyResetDraft());
      setOpen(false);
    } finally {
      setSaving(false);
    }
  }

  return (
    <section class="card counter-reset" aria-labelledby="reset-title" data-testid="counter-reset">
      <h2 id="reset-title">{t('tech.reset.title')}</h2>
      <Show when={status()}>{(current) => <ResetStatusView status={current()} onCorrect={() => correct(current())} />}</Show>
      <Show
        when={open()}
        fallback={
          <button type="button" class="button" data-testid="reset-open" onClick={() => (setError(null), setOpen(true))}>
            {t('tech.reset.open')}
          </button>
        }
      >
        <form class="form" data-testid="reset-form" novalidate onSubmit={(event) => void save(event)}>
          <p class="muted">{t('tech.reset.explain')}</p>
          <label class="field">
            <span>{t('tech.reset.kind')}</span>
            <select name="resetKind" value={draft().resetKind} onChange={(event) => change({ resetKind: event.currentTarget.value as ResetKind })}>
              <For each={RESET_KINDS}>{(kind) => <option value={kind}>{t(`tech.reset.kind.${kind}`)}</option>}</For>
            </select>
          </label>
          <Index each={rows()}>
            {(row) => (
              <fieldset class="counter-reset__counter" data-counter={row().counter}>
                <legend>
                  <label class="check">
                    <input type="checkbox" name="included" checked={row().included} onChange={(event) => edit(row().counter, { included: event.currentTarget.checked })} />{' '}
                    {label(row().counter)}
                  </label>
                </legend>
                <label class="field">
                  <span>{t('tech.reset.final')}</span>
                  <input
                    name="finalValue"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    disabled={!row().included}
                    value={row().finalValue}
                    onInput={(event) => edit(row().counter, { finalValue: event.currentTarget.value })}
                  />
                </label>
                <label class="field">
                  <span>{t('tech.reset.start')}</span>
                  <input
                    name="startValue"
                    type="number"
                    inputmode="numeric"
                    min="0"
                    step="1"
                    disabled={!row().included}
                    value={row().startValue}
                    onInput={(event) => edit(row().counter, { startValue: event.currentTarget.value })}
                  />
                </label>
              </fieldset>
            )}
          </Index>
          <label class="field">
            <span>{t('tech.reset.note')}</span>
            <input name="note" maxLength={1000} value={draft().note} onInput={(event) => change({ note: event.currentTarget.value })} />
          </label>
          <label class="check">
            <input type="checkbox" name="linkRequest" checked={draft().linkRequest} onChange={(event) => change({ linkRequest: event.currentTarget.checked })} /> {t('tech.reset.link')}
          </label>
          <FormError message={error()} />
          <div class="button-row">
            <button type="submit" class="button button--primary" data-testid="reset-save" disabled={saving()}>
              {saving() ? t('tech.reset.saving') : t('tech.reset.save')}
            </button>
            <button type="button" class="button button--quiet" onClick={() => setOpen(false)}>
              {t('tech.action.cancel')}
            </button>
          </div>
        </form>
      </Show>
    </section>
  );
}

export function DevicePanel(props: { device: Device; requestId: string }) {
  const { t, language } = useI18n();
  const toInstall = () => suppliesToInstall(props.device.supplies);
  const [replacing, setReplacing] = createSignal('');
  let supplyForm: HTMLFormElement | undefined;

  /** The replacement form, with that supply chosen, brought into view (centred: the sync bar sticks over the top) and focused. */
  function recordReplacement(supplyIndex: string) {
    setReplacing(supplyIndex);
    supplyForm?.scrollIntoView({ block: 'center' });
    supplyForm?.querySelector<HTMLSelectElement>('select[name="supply"]')?.focus({ preventScroll: true });
  }

  return (
    <>
      <Show when={toInstall().length > 0}>
        <SuppliesToInstall supplies={toInstall()} onRecord={recordReplacement} />
      </Show>
      <section class="card" aria-labelledby="device-title" data-testid="device">
        <h2 id="device-title">
          {t('tech.device')} : {props.device.manufacturer} {props.device.model}
        </h2>
        <dl class="facts">
          <dt>{t('tech.device.code')}</dt>
          <dd>{props.device.deviceCode}</dd>
          <dt>{t('tech.device.serial')}</dt>
          <dd>{props.device.serial}</dd>
          <dt>{t('tech.device.customer')}</dt>
          <dd>{props.device.customerName}</dd>
          <Show when={props.device.siteName}>
            <dt>{t('tech.device.site')}</dt>
            <dd>{props.device.siteName}</dd>
          </Show>
          <Show when={props.device.location}>
            <dt>{t('tech.device.location')}</dt>
            <dd>{props.device.location}</dd>
          </Show>
          <Show when={props.device.ip}>
            <dt>{t('tech.device.ip')}</dt>
            <dd>{props.device.ip}</dd>
          </Show>
        </dl>
        <h3>{t('tech.supplies')}</h3>
        <SupplyBars supplies={bundleSupplyViews(props.device.supplies)} wide emptyText={t('tech.supplies.none')} />
      </section>
      <section class="card" aria-labelledby="readings-title">
        <h2 id="readings-title">{t('tech.reading.title')}</h2>
        <ul class="plain-list">
          <For each={props.device.counters}>{(counter) => <CounterReading device={props.device} counter={counter} requestId={props.requestId} />}</For>
        </ul>
      </section>
      <SupplyReplacement device={props.device} requestId={props.requestId} supplyIndex={replacing()} onSupplyIndex={setReplacing} ref={(form) => (supplyForm = form)} />
      <Show when={props.device.counters.length > 0}>
        <CounterReset device={props.device} requestId={props.requestId} />
      </Show>
      <section class="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('tech.history')}</h2>
        <Show when={props.device.history.length > 0} fallback={<p class="muted">{t('tech.history.none')}</p>}>
          <ul class="plain-list history">
            <For each={props.device.history.slice(0, 20)}>
              {(entry) => (
                <li>
                  <span class="muted">{formatDateTime(language(), entry.at)}</span> {historyText(entry, t, language())}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>
    </>
  );
}
