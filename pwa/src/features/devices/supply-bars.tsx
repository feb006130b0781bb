/**
 * Supply levels as coloured bars: compact in the devices list, with names and values (`wide`) on the
 * device page, the technician's device panel and the coordinator's fleet; a wide bar also says when
 * a replacement is ordered, on its way or delivered, with the parcel's tracking link.
 */
import { For, Show } from 'solid-js';
import type { BundleSupply } from '@parc/shared/contracts/tickets';
import { supplyDisplayName, supplyIdentity } from '@parc/shared/supplies/identity';
import { useI18n } from '../../app-context.tsx';
import './supply-bars.css';

/** What a bar needs; the console's supply levels have this shape, the technician's bundle maps to it. */
export interface SupplyView {
  name: string;
  colour: string | null;
  /** Percent of full; null when the printer does not say. */
  level: number | null;
  /** The order on its way for it ("toner on its way"), shown on wide bars. */
  order?: BundleSupply['order'];
}

/**
 * The technician's and coordinator's supplies (from the tickets contract) as bars, each named without
 * the chip serial and with the part number once, which is what the technician brings:
 * "Black Toner, PN 006R01509;SN4817…" is "Black Toner · 006R01509".
 */
export function bundleSupplyViews(supplies: readonly BundleSupply[]): SupplyView[] {
  return supplies.map((supply) => ({ name: bundleSupplyName(supply.description), colour: supply.colour, level: supply.percent, order: supply.order }));
}

function bundleSupplyName(description: string): string {
  const name = supplyDisplayName(description);
  const { partNumber } = supplyIdentity(description);
  return partNumber && !name.includes(partNumber) ? `${name} · ${partNumber}` : name;
}

/** CSS colours for the supply colours printers report; others get the neutral bar. */
const SUPPLY_COLOURS: Record<string, string> = { black: '#1b1f24', cyan: '#00a3d9', magenta: '#d6007e', yellow: '#f2c500' };
const LOW_LEVEL = 15;

export function SupplyBars(props: { supplies: readonly SupplyView[]; wide?: boolean; emptyText?: string }) {
  const { t } = useI18n();
  const levelText = (supply: SupplyView) => (supply.level === null ? t('device.supplies.unknown') : `${supply.level} %`);
  return (
    <Show when={props.supplies.length > 0 || !props.emptyText} fallback={<p class="muted">{props.emptyText}</p>}>
      <ul class="supply-bars" classList={{ 'supply-bars--wide': props.wide }}>
        <For each={props.supplies}>
          {(supply) => (
            <li title={`${supply.name}: ${levelText(supply)}`} data-testid="supply">
              {props.wide ? <span class="supply-bars__name">{supply.name}</span> : null}
              <span class="supply-bars__track" role="meter" aria-label={supply.name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={supply.level ?? undefined}>
                <span
                  class="supply-bars__fill"
                  classList={{ 'supply-bars__fill--low': (supply.level ?? 100) < LOW_LEVEL }}
                  style={{ [props.wide ? 'width' : 'height']: `${supply.level ?? 0}%`, 'background-color': SUPPLY_COLOURS[supply.colour?.toLowerCase() ?? ''] ?? '#57606a' }}
                />
              </span>
              {props.wide ? <span class="supply-bars__value">{levelText(supply)}</span> : null}
              <Show when={props.wide && supply.order}>
                {(order) => (
                  <span class="supply-bars__order" data-testid="supply-on-its-way" data-status={order().status}>
                    {t(`device.supplies.order.${order().status}`, { code: order().code })}
                    <TrackingLink url={order().trackingLink} />
                  </span>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
    </Show>
  );
}

/** The carrier's page for a parcel, after a space; nothing without one. */
export function TrackingLink(props: { url: string | null }) {
  const { t } = useI18n();
  return (
    <Show when={props.url}>
      {(link) => (
        <>
          {' '}
          <a href={link()} target="_blank" rel="noopener noreferrer">
            {t('device.supplies.tracking')}
          </a>
        </>
      )}
    </Show>
  );
}
