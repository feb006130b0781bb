/** The customers list's state: search, page and the user's display options (kept on the server). */
import { createResource, createSignal } from 'solid-js';
import type { ListPreferences } from '@parc/shared/contracts/preferences';
import type { DashboardApi } from '../dashboard/dashboard.api.ts';
import type { CustomersApi } from './customers.api.ts';
import { DEFAULT_CUSTOMER_LIST, pageSizeOf } from './list-columns.ts';

export function createCustomersList(apis: { dashboard: DashboardApi; customers: CustomersApi }) {
  const [search, setSearch] = createSignal('');
  const [page, setPage] = createSignal(1);
  const [preferences, setPreferences] = createSignal<ListPreferences | null>(null);
  const [preferencesLoaded] = createResource(async () => {
    const result = await apis.customers.preferences('customers');
    if (result.ok) setPreferences(result.data.value);
    return true;
  });
  const query = () => (preferencesLoaded() ? { search: search().trim() || undefined, page: page(), pageSize: pageSizeOf(preferences()) } : undefined);
  const [list, { refetch }] = createResource(query, (q) => apis.dashboard.customerOverview(q));

  return {
    search,
    page,
    preferences: () => preferences() ?? DEFAULT_CUSTOMER_LIST,
    list: () => (list.loading ? undefined : list()),
    refetch,
    setSearch(text: string) {
      setSearch(text);
      setPage(1);
    },
    setPage,
    async savePreferences(value: ListPreferences) {
      const result = await apis.customers.savePreferences('customers', value);
      if (result.ok) {
        setPreferences(result.data.value);
        setPage(1);
      }
      return result;
    },
    async resetPreferences() {
      const result = await apis.customers.resetPreferences('customers');
      if (result.ok) {
        setPreferences(null);
        setPage(1);
      }
      return result;
    },
    async deactivate(id: string) {
      const result = await apis.customers.deactivateCustomer(id);
      if (result.ok) await refetch();
      return result;
    },
  };
}

export type CustomersList = ReturnType<typeof createCustomersList>;
