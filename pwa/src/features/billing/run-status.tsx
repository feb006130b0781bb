import type { BillingRunStatus } from '@parc/shared/contracts/billing';
import { useFeatureText } from '../console/feature-text.ts';
import { billingText } from './messages/index.ts';

/** A run's status as a badge: a draft can still change, an approved run is frozen. */
export function RunStatus(props: { status: BillingRunStatus }) {
  const { t } = useFeatureText(billingText);
  return <span class={props.status === 'approved' ? 'badge badge--ok' : 'badge badge--warn'}>{t(`billing.runs.status.${props.status}`)}</span>;
}
