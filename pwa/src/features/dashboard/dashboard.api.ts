/** The dashboard's and statistics' endpoints, typed by the shared contracts. */
import type { CustomerOverviewPage, DashboardSummary, VolumeGroup, VolumeReport } from '@parc/shared/contracts/dashboard';
import type { Customer } from '@parc/shared/contracts/customers';
import type { Page } from '@parc/shared/contracts/paging';
import type { Site } from '@parc/shared/contracts/sites';
import { createApiClient, type ApiClient, type ApiResult } from '../../api/client.ts';

export interface VolumeFilter {
  customerId?: string;
  siteId?: string;
  deviceId?: string;
  from: string;
  to: string;
  bucket: 'day' | 'month';
  groupBy: VolumeGroup;
}

/** A query string from the defined values only. */
export function queryString(values: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function createDashboardApi(client: ApiClient = createApiClient()) {
  return {
    summary: (): Promise<ApiResult<DashboardSummary>> => client.request('GET', '/api/dashboard'),
    volumes: (filter: VolumeFilter): Promise<ApiResult<VolumeReport>> => client.request('GET', `/api/statistics/volumes${queryString({ ...filter })}`),
    customerOverview: (query: { search?: string; page: number; pageSize: number }): Promise<ApiResult<CustomerOverviewPage>> =>
      client.request('GET', `/api/dashboard/customers${queryString(query)}`),
    /** Every active customer, for filters. */
    customers: (): Promise<ApiResult<Page<Customer>>> => client.request('GET', '/api/customers?active=true&pageSize=200'),
    sites: (customerId: string): Promise<ApiResult<{ items: Site[] }>> => client.request('GET', `/api/customers/${customerId}/sites`),
  };
}

export type DashboardApi = ReturnType<typeof createDashboardApi>;
