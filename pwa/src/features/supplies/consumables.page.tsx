/**
 * The consumables area: its heading and a tab per concern, each addressable
 * (/console/consumables/:tab), orders first. The tab bar scrolls sideways on a phone and keeps the
 * current tab in view; each tab's code loads when first opened.
 */
import { useParams } from '@solidjs/router';
import { lazy, Match, Switch } from 'solid-js';
import { useFeatureText } from '../console/feature-text.ts';
import { TabBar } from '../console/tab-bar.tsx';
import { suppliesText } from './messages/index.ts';
import OrdersTab from './orders-tab.tsx';
import './supplies.css';

const CatalogueTab = lazy(() => import('./catalogue-tab.tsx'));
const ConfigurationTab = lazy(() => import('./configuration-tab.tsx'));
const RoutingTab = lazy(() => import('./routing-tab.tsx'));
const SuppliersTab = lazy(() => import('./suppliers-tab.tsx'));
const StocksTab = lazy(() => import('./stocks-tab.tsx'));

const TABS = ['orders', 'stocks', 'catalogue', 'configuration', 'routing', 'suppliers'] as const;
type Tab = (typeof TABS)[number];

export default function ConsumablesPage() {
  const { t } = useFeatureText(suppliesText);
  const params = useParams<{ tab?: string }>();
  const tab = (): Tab => ((TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'orders');

  return (
    <section class="page consumables" aria-labelledby="page-title">
      <header class="page__heading">
        <h1 id="page-title">{t('consumables.title')}</h1>
      </header>
      <TabBar tabs={TABS} current={tab()} href={(name) => `/console/consumables/${name}`} label={(name) => t(`consumables.tab.${name}`)} ariaLabel={t('consumables.tabs')} />
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
        <Match when={tab() === 'stocks'}>
          <StocksTab />
        </Match>
        <Match when={tab() === 'suppliers'}>
          <SuppliersTab />
        </Match>
      </Switch>
    </section>
  );
}
