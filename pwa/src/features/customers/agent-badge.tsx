/** An agent's state as a coloured badge, with when it was last heard from. */
import { Show } from 'solid-js';
import type { AgentState } from '@parc/shared/contracts/dashboard';
import { formatDateTime } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { customersText } from './messages/index.ts';

const TONE: Record<AgentState, string> = { connected: 'badge--ok', disconnected: 'badge--danger', ambiguous: 'badge--warn', new: '' };

export function AgentBadge(props: { agent: { status: AgentState; lastContactAt: string | null } | null }) {
  const { t, language } = useFeatureText(customersText);
  return (
    <Show when={props.agent} fallback={<span class="muted">{t('customers.agent.none')}</span>}>
      {(agent) => (
        <span class="agent-badge">
          <span class={`badge ${TONE[agent().status]}`}>{t(`customers.agent.${agent().status}`)}</span>
          <Show when={agent().lastContactAt}>
            <small class="muted"> {formatDateTime(language(), agent().lastContactAt)}</small>
          </Show>
        </span>
      )}
    </Show>
  );
}
