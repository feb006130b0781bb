/** One machine: what identifies it for the customer, then one row per counter. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { CounterKind } from '@parc/shared/meters/counters';
import type { MeterEntryMachine } from '@parc/shared/contracts/meters';
import { useI18n } from '../../app-context.tsx';
import type { ApiError } from '../../api/client.ts';
import { CounterRow } from './counter-row.tsx';
import { LocationRequest } from './location-request.tsx';
import type { EntryFormat } from './meter-entry.format.ts';
import type { CounterView } from './meter-entry.state.ts';

export interface MachineCardProps {
  machine: MeterEntryMachine;
  viewOf(counter: CounterKind): CounterView;
  done: boolean;
  format: EntryFormat;
  dealerName: string;
  online: boolean;
  onSave(counter: CounterKind, value: number): Promise<void>;
  onRequestLocation(location: string, message: string): Promise<ApiError | null>;
}

export function MachineCard(props: MachineCardProps) {
  const { t } = useI18n();
  const [requestingLocation, setRequestingLocation] = createSignal(false);
  const idPrefix = () => `machine-${props.machine.deviceId}`;
  // Rows are keyed by counter kind, not by object: new page data never re-creates a row (and its field).
  const kinds = createMemo(() => props.machine.counters.map((row) => row.counter), [], { equals: sameKinds });
  const rowOf = (kind: CounterKind) => props.machine.counters.find((row) => row.counter === kind);

  return (
    <article class="card machine" classList={{ 'machine--done': props.done }} data-device-code={props.machine.deviceCode} aria-labelledby={`${idPrefix()}-title`}>
      <header class="machine__header">
        <h2 id={`${idPrefix()}-title`} class="machine__model">
          {props.machine.manufacturer} {props.machine.model}
        </h2>
        <Show when={props.machine.internalNumber}>
          {(number) => (
            <span class="machine__number" title={t('meters.machine.internalNumber')}>
              {number()}
            </span>
          )}
        </Show>
      </header>
      <dl class="machine__facts">
        <div class="machine__location">
          <dt>{t('meters.machine.location')}</dt>
          <dd>
            <span data-testid="machine-location">{props.machine.location ?? t('meters.machine.noLocation')}</span>
            <Show when={props.machine.requestedLocation}>
              {(requested) => (
                <span class="machine__requested" data-testid="location-requested">
                  {t('meters.location.requested', { location: requested() })}
                </span>
              )}
            </Show>
            <Show when={!requestingLocation() && !props.machine.requestedLocation}>
              <button type="button" class="link-button" onClick={() => setRequestingLocation(true)}>
                {t('meters.location.request')}
              </button>
            </Show>
          </dd>
        </div>
        <div>
          <dt>{t('meters.machine.deviceCode')}</dt>
          <dd>{props.machine.deviceCode}</dd>
        </div>
        <div>
          <dt>{t('meters.machine.serial')}</dt>
          <dd>{props.machine.serial}</dd>
        </div>
      </dl>
      <Show when={requestingLocation()}>
        <LocationRequest
          idPrefix={idPrefix()}
          currentLocation={props.machine.location}
          onSend={(location, message) => props.onRequestLocation(location, message)}
          onClose={() => setRequestingLocation(false)}
        />
      </Show>
      <ul class="machine__counters">
        <For each={kinds()}>
          {(kind) => (
            <Show when={rowOf(kind)}>
              {(row) => (
                <CounterRow
                  inputId={`${idPrefix()}-${kind}`}
                  row={row()}
                  view={props.viewOf(kind)}
                  format={props.format}
                  dealerName={props.dealerName}
                  online={props.online}
                  onSave={(value) => props.onSave(kind, value)}
                />
              )}
            </Show>
          )}
        </For>
      </ul>
    </article>
  );
}

function sameKinds(a: readonly CounterKind[], b: readonly CounterKind[]): boolean {
  return a.length === b.length && a.every((kind, index) => kind === b[index]);
}
