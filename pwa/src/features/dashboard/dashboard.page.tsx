/** The console's first screen: totals and pending tasks as tiles linking to their lists, then printed volumes. */
import { createResource, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { DashboardSummary } from '@parc/shared/contracts/dashboard';
import { formatCount } from '../console/format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { createDashboardApi, summaryWithPrefetch } from './dashboard.api.ts';
import type { DashboardKey } from './messages/fr.ts';
import { dashboardText } from './messages/index.ts';
import { plural, type PluralForm } from '../plural/plural.ts';
import { VolumeSection } from './volume-section.tsx';
import './dashboard.css';

interface Tile {
  key: keyof DashboardSummary;
  /** One text, or two forms chosen by the count ("1 request", "2 requests"). */
  label: DashboardKey | Readonly<Record<PluralForm, DashboardKey>>;
  href: string;
  /** Highlighted when not zero: something waits for someone. */
  attention?: boolean;
}

const GROUPS: { title: DashboardKey; tiles: Tile[] }[] = [
  {
    title: 'dashboard.totals',
    tiles: [
      { key: 'customers', label: 'dashboard.customers', href: '/console/customers' },
      { key: 'devices', label: 'dashboard.devices', href: '/console/devices' },
      { key: 'openAlerts', label: 'dashboard.openAlerts', href: '/console/errors', attention: true },
    ],
  },
  {
    title: 'dashboard.tasks',
    tiles: [
      { key: 'readingsToCheck', label: 'dashboard.readingsToCheck', href: '/console/readings/to-check', attention: true },
      { key: 'newRequests', label: { one: 'dashboard.newRequests.one', other: 'dashboard.newRequests.other' }, href: '/console/requests', attention: true },
      { key: 'devicesToAdd', label: 'dashboard.devicesToAdd', href: '/console/pending-devices', attention: true },
      {
        key: 'locationRequests',
        label: { one: 'dashboard.locationRequests.one', other: 'dashboard.locationRequests.other' },
        // Every customer's open requests on one list, each linking to its customer: a stable place to
        // come back to, whether one customer asked or several.
        href: '/console/location-requests',
        attention: true,
      },
    ],
  },
  {
    title: 'dashboard.agents',
    tiles: [
      { key: 'agentsConnected', label: 'dashboard.agentsConnected', href: '/console/customers' },
      { key: 'agentsDisconnected', label: 'dashboard.agentsDisconnected', href: '/console/customers', attention: true },
    ],
  },
];

export default function DashboardPage() {
  const { t, language } = useFeatureText(dashboardText);
  const api = createDashboardApi();
  const [summary, { refetch }] = createResource(() => summaryWithPrefetch(api));
  const label = (tile: Tile, count: number) => t(typeof tile.label === 'string' ? tile.label : plural(language(), count, tile.label));

  return (
    <div class="dashboard">
      <div class="page__heading">
        <h1 id="page-title">{t('dashboard.title')}</h1>
      </div>
      <Loaded result={summary()} retry={refetch}>
        {(totals) => (
          <div class="tile-groups">
            <For each={GROUPS}>
              {(group) => (
                <section class="tile-group" aria-label={t(group.title)}>
                  <h2>{t(group.title)}</h2>
                  <div class="tiles">
                    <For each={group.tiles}>
                      {(tile) => (
                        <A href={tile.href} class="tile" classList={{ 'tile--attention': Boolean(tile.attention) && totals[tile.key] > 0 }} data-testid={`tile-${tile.key}`}>
                          <span class="tile__value">{formatCount(language(), totals[tile.key])}</span>
                          <span class="tile__label">{label(tile, totals[tile.key])}</span>
                        </A>
                      )}
                    </For>
                  </div>
                </section>
              )}
            </For>
          </div>
        )}
      </Loaded>
      <Show when={summary()?.ok}>
        <VolumeSection api={api} views={['device', 'customer']} />
      </Show>
    </div>
  );
}
