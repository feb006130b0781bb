/**
 * The consumables area: its heading and a tab per concern, each addressable
 * (/console/consumables/:tab), orders first. The tab bar scrolls sideways on a phone and keeps the
 * current tab in view; each tab's code loads when first opened.
 */
import { A, useParams } from '@solidjs/router';
import { createEffect, createSignal, For, lazy, Match, Switch } from 'solid-js';
import { useFeatureText } from '../console/feature-text.ts';
import { suppliesText } from './messages/index.ts';
import OrdersTab from './orders-tab.tsx';
import './supplies.css';

const CatalogueTab = lazy(() => import('./catalogue-tab.tsx'));
const ConfigurationTab = lazy(() => import('./configuration-tab.tsx'));
const RoutingTab = lazy(() => import('./routing-tab.tsx'));
const SuppliersTab = lazy(() => import('./suppliers-tab.tsx'));

const TABS = ['orders', 'catalogue', 'configuration', 'routing', 'suppliers'] as const;
type Tab = (typeof TABS)[number];

export default function ConsumablesPage() {
  const { t } = useFeatureText(suppliesText);
  const params = useParams<{ tab?: string }>();
  const tab = (): Tab => ((TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'orders');
  const [tabsNav, setTabsNav] = createSignal<HTMLElement>();
  createEffect(() => {
    tab();
    tabsNav()?.querySelector('[aria-current="page"]')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });

  return (
    <section class="page consumables" aria-labelledby="page-title">
      <header class="page__heading">
        <h1 id="page-title">{t('consumables.title')}</h1>
      </header>
      <nav class="consumables__tabs" aria-label={t('consumables.tabs')} ref={setTabsNav}>
        <For each={TABS}>
          {(name) => (
            <A href={`/console/consumables/${name}`} aria-current={tab() === name ? 'page' : undefined} data-testid={`tab-${name}`}>
              {t(`consumables.tab.${name}`)}
            </A>
          )}
        </For>
      </nav>
      <Switch>
        <Match when={tab() === 'orders'}>
          <OrdersTab />
        </Match>
        <Match when={tab() === 'catalogue'}>
          <CatalogueTab />
        </Match>
        <Match when={tab() === 'configuration'}>
          <ConfigurationTab />
        </Match>
        <Match when={tab() === 'routing'}>
          <RoutingTab />
        </Match>
        <Match when={tab() === 'suppliers'}>
          <SuppliersTab />
        </Match>
      </Switch>
    </section>
  );
}
