/** The device state badge the devices list and the device page share. */
import type { DeviceState } from '@parc/shared/contracts/device-console';
import { useI18n } from '../../app-context.tsx';

export function StateBadge(props: { state: DeviceState }) {
  const { t } = useI18n();
  return <span class={`state-badge state-badge--${props.state}`}>{t(`devices.state.${props.state}`)}</span>;
}
