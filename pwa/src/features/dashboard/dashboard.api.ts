/** The dashboard's and statistics' endpoints, typed by the shared contracts. */
import type { CustomerOverviewPage, DashboardSummary, VolumeGroup, VolumeReport } from '@parc/shared/contracts/dashboard';
import type { CustomerName } from '@parc/shared/contracts/options';
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
    customers: (): Promise<ApiResult<{ items: CustomerName[] }>> => client.request('GET', '/api/customer-names'),
    sites: (customerId: string): Promise<ApiResult<{ items: Site[] }>> => client.request('GET', `/api/customers/${customerId}/sites`),
  };
}

export type DashboardApi = ReturnType<typeof createDashboardApi>;

/** The console's first screen, where the summary is worth asking for before the session check answers. */
export function isDashboardPath(pathname: string): boolean {
  return pathname === '/console' || pathname === '/console/';
}

let earlySummary: Promise<ApiResult<DashboardSummary>> | undefined;

/** Sends the summary request at start-up, beside the session check instead of after it: one round trip less. */
export function prefetchSummary(api: DashboardApi = createDashboardApi()): void {
  earlySummary = api.summary();
}

/**
 * The start-up summary, at most once; a failed one (signed out, another role) is asked again, so a
 * dashboard opened later after signing in never shows that answer.
 */
export function summaryWithPrefetch(api: DashboardApi): Promise<ApiResult<DashboardSummary>> {
  const early = earlySummary;
  earlySummary = undefined;
  return early ? early.then((result) => (result.ok ? result : api.summary())) : api.summary();
}
