/** A supply alarm as a sentence in the reader's language: with its details, or its plain sentence when one is missing. */
import type { SupplyAlarm } from '@parc/shared/supplies/checks';
import { useI18n } from '../../app-context.tsx';
import { formatCount } from '../console/format.ts';
import { alarmWording } from './supplies-section.rules.ts';

export function SupplyAlarmText(props: { alarm: { code: SupplyAlarm; params: Record<string, string | number> } }) {
  const { t, language } = useI18n();
  const text = () => {
    const wording = alarmWording(props.alarm, (value) => formatCount(language(), value));
    return wording.detailed ? t(`device.supplies.alarm.${wording.code}`, wording.params) : t(`device.supplies.alarmPlain.${wording.code}`);
  };
  return <>{text()}</>;
}
