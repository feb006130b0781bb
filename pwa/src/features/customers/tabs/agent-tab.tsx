/** The customer's agents: key, state, last contact, schedules; scan now and revoke. */
import { createResource, createSignal, For, Show } from 'solid-js';
import type { AgentSchedules } from '@parc/shared/contracts/agents';
import type { Customer } from '@parc/shared/contracts/customers';
import { formatDateTime } from '../../console/format.ts';
import { useFeatureText } from '../../console/feature-text.ts';
import { Loaded } from '../../console/loaded.tsx';
import { FormError } from '../../shell/form-error.tsx';
import { AgentBadge } from '../agent-badge.tsx';
import type { Agent, CustomersApi } from '../customers.api.ts';
import { customersText } from '../messages/index.ts';

const SCHEDULES: { field: keyof AgentSchedules; label: 'agent.inspection' | 'agent.alerts' | 'agent.scan' }[] = [
  { field: 'inspectionMinutes', label: 'agent.inspection' },
  { field: 'alertsMinutes', label: 'agent.alerts' },
  { field: 'scanMinutes', label: 'agent.scan' },
];

export function AgentTab(props: { api: CustomersApi; customer: Customer }) {
  const { t } = useFeatureText(customersText);
  const [agents, { refetch }] = createResource(() => props.customer.id, (id) => props.api.agents(id));
  const [error, setError] = createSignal<string | null>(null);

  async function act(work: () => Promise<{ ok: boolean; error?: { message: string } }>) {
    const result = await work();
    setError(result.ok ? null : (result.error?.message ?? null));
    await refetch();
  }

  return (
    <section>
      <FormError message={error()} />
      <Loaded result={agents.loading ? undefined : agents()} retry={refetch}>
        {(data) => (
          <Show
            when={data.items.length > 0}
            fallback={
              <div class="card">
                <p class="muted">{t('agent.none')}</p>
                <button type="button" class="button button--primary" onClick={() => act(() => props.api.createAgent(props.customer.id, props.customer.name))}>
                  {t('agent.create')}
                </button>
              </div>
            }
          >
            <For each={data.items}>{(agent) => <AgentCard agent={agent} api={props.api} act={act} />}</For>
          </Show>
        )}
      </Loaded>
    </section>
  );
}

function AgentCard(props: { agent: Agent; api: CustomersApi; act: (work: () => Promise<{ ok: boolean; error?: { message: string } }>) => Promise<void> }) {
  const { t, language } = useFeatureText(customersText);
  const [schedules, setSchedules] = createSignal<AgentSchedules>({ ...props.agent.schedules });
  return (
    <article class="card" data-testid="agent-card">
      <h2>{props.agent.name}</h2>
      <dl class="facts">
        <dt>{t('wizard.agentKey')}</dt>
        <dd>
          <span class="code">{props.agent.key}</span>
        </dd>
        <dt>{t('agent.status')}</dt>
        <dd>
          <AgentBadge agent={props.agent} />
        </dd>
        <dt>{t('agent.lastContact')}</dt>
        <dd>{formatDateTime(language(), props.agent.lastContactAt)}</dd>
        <dt>{t('agent.host')}</dt>
        <dd>{[props.agent.hostname, props.agent.version].filter(Boolean).join(' · ') || '—'}</dd>
      </dl>
      <form
        class="form"
        onSubmit={(event) => {
          event.preventDefault();
          void props.act(() => props.api.updateAgentSchedules(props.agent.id, schedules()));
        }}
      >
        <h3>{t('agent.schedules')}</h3>
        <div class="form-grid">
          <For each={SCHEDULES}>
            {({ field, label }) => (
              <label class="field">
                {t(label)}
                <input type="number" min="0" inputMode="numeric" value={schedules()[field]} onInput={(event) => setSchedules({ ...schedules(), [field]: Number(event.currentTarget.value) })} />
              </label>
            )}
          </For>
        </div>
        <div class="actions">
          <button type="submit" class="button">
            {t('customers.save')}
          </button>
          <button type="button" class="button" onClick={() => props.act(() => props.api.scanNow(props.agent.id))}>
            {t('agent.scanNow')}
          </button>
          <button
            type="button"
            class="button button--quiet"
            onClick={() => {
              if (confirm(t('agent.confirmRevoke', { name: props.agent.name }))) void props.act(() => props.api.revokeAgent(props.agent.id));
            }}
          >
            {t('agent.revoke')}
          </button>
        </div>
        <Show when={props.agent.scanRequestedAt}>
          <p class="muted">{t('agent.scanRequested', { date: formatDateTime(language(), props.agent.scanRequestedAt) })}</p>
        </Show>
      </form>
    </article>
  );
}
