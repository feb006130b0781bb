/** The billing endpoints the console screens use, typed by the shared contracts (shared/src/contracts/billing.ts). */
import type { BillingEstimate, BillingRun, BillingRunInput, BillingRunListQuery, BillingRunSummary, billingRunResultSchema } from '@parc/shared/contracts/billing';
import type { Language } from '@parc/shared/languages';
import type { z } from 'zod';
import { createApiClient, type ApiClient, type ApiResult } from '../../api/client.ts';

export type BillingRunResult = z.infer<typeof billingRunResultSchema>;
export type ExportFormat = 'csv' | 'xlsx';

export function createBillingApi(client: ApiClient = createApiClient()) {
  return {
    runs: (query: BillingRunListQuery): Promise<ApiResult<{ items: BillingRunSummary[] }>> => {
      const params = new URLSearchParams(Object.entries(query).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
      return client.request('GET', `/api/billing-runs?${params}`);
    },
    run: (id: string): Promise<ApiResult<BillingRun>> => client.request('GET', `/api/billing-runs/${id}`),
    /** Computes (or computes again) the draft runs of a period: one customer's, or every customer's with prices. */
    runBilling: (input: BillingRunInput): Promise<ApiResult<BillingRunResult>> => client.request('POST', '/api/billing-runs', input),
    approve: (id: string): Promise<ApiResult<BillingRun>> => client.request('POST', `/api/billing-runs/${id}/approve`),
    deleteDraft: (id: string): Promise<ApiResult<void>> => client.request('DELETE', `/api/billing-runs/${id}`),
    /** The current period so far and where it is heading; null when the customer has no prices. */
    estimate: (customerId: string): Promise<ApiResult<{ estimate: BillingEstimate | null }>> => client.request('GET', `/api/customers/${customerId}/billing/estimate`),
  };
}

export type BillingApi = ReturnType<typeof createBillingApi>;

/** Where a run's export downloads from (a plain link: the browser saves the file), headers in the reader's language. */
export function exportUrl(runId: string, format: ExportFormat, language: Language): string {
  return `/api/billing-runs/${runId}/export.${format}?lang=${language}`;
}
