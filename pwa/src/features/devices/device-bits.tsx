/** Small pieces the devices list and the device page share: the state badge and supply level bars. */
import { For } from 'solid-js';
import type { DeviceState, SupplyLevel } from '@parc/shared/contracts/device-console';
import { useI18n } from '../../app-context.tsx';

export function StateBadge(props: { state: DeviceState }) {
  const { t } = useI18n();
  return <span class={`state-badge state-badge--${props.state}`}>{t(`devices.state.${props.state}`)}</span>;
}

/** CSS colours for the supply colours printers report; others get the neutral bar. */
const SUPPLY_COLOURS: Record<string, string> = { black: '#1b1f24', cyan: '#00a3d9', magenta: '#d6007e', yellow: '#f2c500' };

export function SupplyBars(props: { supplies: readonly SupplyLevel[]; wide?: boolean }) {
  const { t } = useI18n();
  return (
    <ul class="supply-bars" classList={{ 'supply-bars--wide': props.wide }}>
      <For each={props.supplies}>
        {(supply) => (
          <li title={`${supply.name}: ${supply.level === null ? t('device.supplies.unknown') : `${supply.level} %`}`}>
            {props.wide ? <span class="supply-bars__name">{supply.name}</span> : null}
            <span class="supply-bars__track" role="meter" aria-label={supply.name} aria-valuemin={0} aria-valuemax={100} aria-valuenow={supply.level ?? undefined}>
              <span
                class="supply-bars__fill"
                classList={{ 'supply-bars__fill--low': (supply.level ?? 100) < 15 }}
                style={{ [props.wide ? 'width' : 'height']: `${supply.level ?? 0}%`, 'background-color': SUPPLY_COLOURS[supply.colour?.toLowerCase() ?? ''] ?? '#57606a' }}
              />
            </span>
            {props.wide ? <span class="supply-bars__value">{supply.level === null ? t('device.supplies.unknown') : `${supply.level} %`}</span> : null}
          </li>
        )}
      </For>
    </ul>
  );
}
