/** One customer: its name and state, then a tab per concern, each addressable (/console/customers/:id/:tab, or ?tab= as emails link). */
import { createResource, Match, Show, Switch } from 'solid-js';
import { useParams, useSearchParams } from '@solidjs/router';
import { CustomerBillingTab } from '../billing/customer-billing-tab.tsx';
import { useFeatureText } from '../console/feature-text.ts';
import { Loaded } from '../console/loaded.tsx';
import { TabBar } from '../console/tab-bar.tsx';
import { usePermission } from '../console/permissions.tsx';
import { CustomParameters } from '../devices/custom-parameters.tsx';
import { OrderConfigForm } from '../supplies/order-config-form.tsx';
import { CustomerNotificationsTab } from '../notifications/customer-notifications-tab.tsx';
import { createCustomersApi } from './customers.api.ts';
import { customersText } from './messages/index.ts';
import { AgentTab } from './tabs/agent-tab.tsx';
import { CampaignTab } from './tabs/campaign-tab.tsx';
import { CoordinatorsTab } from './tabs/coordinators-tab.tsx';
import { FloorPlansTab } from './tabs/floorplans-tab.tsx';
import { InformationTab } from './tabs/information-tab.tsx';
import { LocationsTab } from './tabs/locations-tab.tsx';
import { PendingDevices } from './pending-devices.tsx';
import { PricesTab } from './tabs/prices-tab.tsx';
import { SitesTab } from './tabs/sites-tab.tsx';
import { StatisticsTab } from './tabs/statistics-tab.tsx';
import './customers.css';

const TABS = ['information', 'statistics', 'sites', 'coordinators', 'prices', 'billing', 'consumables', 'agent', 'campaign', 'notifications', 'pending', 'locations', 'floorplans', 'parameters'] as const;
type Tab = (typeof TABS)[number];

export default function CustomerPage() {
  const { t } = useFeatureText(customersText);
  const params = useParams<{ id: string; tab?: string }>();
  const [search] = useSearchParams<{ tab?: string }>();
  const api = createCustomersApi();
  const canEditConsumables = usePermission('consumables', 'edit');
  const [customer, { refetch, mutate }] = createResource(() => params.id, (id) => api.getCustomer(id));
  const tab = (): Tab => {
    const wanted = params.tab ?? search.tab ?? '';
    return (TABS as readonly string[]).includes(wanted) ? (wanted as Tab) : 'information';
  };
  // The tabs scroll sideways on narrow screens: the current one is brought into view (a link may open any).

  return (
    <Loaded result={customer.loading ? undefined : customer()} retry={refetch}>
      {(loaded) => (
        <div class="customer">
          <div class="page__heading">
            <h1 id="page-title">
              {loaded.name} <span class="badge">{loaded.prefix}</span>
            </h1>
          </div>
          <Show when={!loaded.active}>
            <p class="notice">{t('customer.deactivated')}</p>
          </Show>
          <TabBar tabs={TABS} current={tab()} href={(name) => `/console/customers/${loaded.id}/${name}`} label={(name) => t(`tab.${name}`)} ariaLabel={t('customer.tabs')} />
          <Switch>
            <Match when={tab() === 'information'}>
              <InformationTab api={api} customer={loaded} onSaved={(saved) => mutate({ ok: true, data: saved })} />
            </Match>
            <Match when={tab() === 'statistics'}>
              <StatisticsTab customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'sites'}>
              <SitesTab api={api} customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'coordinators'}>
              <CoordinatorsTab api={api} customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'prices'}>
              <PricesTab api={api} customer={loaded} />
            </Match>
            <Match when={tab() === 'billing'}>
              <CustomerBillingTab customer={loaded} />
            </Match>
            <Match when={tab() === 'consumables'}>
              <OrderConfigForm target={{ level: 'customer', customerId: loaded.id }} canEdit={canEditConsumables()} />
            </Match>
            <Match when={tab() === 'agent'}>
              <AgentTab api={api} customer={loaded} />
            </Match>
            <Match when={tab() === 'campaign'}>
              <CampaignTab api={api} customer={loaded} />
            </Match>
            <Match when={tab() === 'notifications'}>
              <CustomerNotificationsTab customer={loaded} />
            </Match>
            <Match when={tab() === 'pending'}>
              <PendingDevices api={api} customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'locations'}>
              <LocationsTab customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'floorplans'}>
              <FloorPlansTab api={api} customerId={loaded.id} />
            </Match>
            <Match when={tab() === 'parameters'}>
              <section class="card">
                <CustomParameters target="customer" entityId={loaded.id} />
              </section>
            </Match>
          </Switch>
        </div>
      )}
    </Loaded>
  );
}
