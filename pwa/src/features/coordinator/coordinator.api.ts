/** The coordinator's endpoints, typed with the shared contract. */
import type { CoordinatorForecast } from '@parc/shared/contracts/forecast';
import type { CoordinatorOverview, MaintenanceRequest, ProblemReport } from '@parc/shared/contracts/tickets';
import type { ApiClient, ApiResult } from '../../api/client.ts';

export interface CoordinatorApi {
  overview(): Promise<ApiResult<CoordinatorOverview>>;
  reportProblem(report: ProblemReport): Promise<ApiResult<MaintenanceRequest>>;
  /** One request as a coordinator reads it (the server leaves out what the dealer kept internal). */
  request(id: string): Promise<ApiResult<MaintenanceRequest>>;
  /** Each of their customers' included pages and amount this billing period, where pages are included. */
  forecast(): Promise<ApiResult<CoordinatorForecast>>;
}

export function createCoordinatorApi(client: ApiClient): CoordinatorApi {
  return {
    overview: () => client.request('GET', '/api/coordinator/overview'),
    reportProblem: (report) => client.request('POST', '/api/coordinator/problems', report),
    request: (id) => client.request('GET', `/api/requests/${encodeURIComponent(id)}`),
    forecast: () => client.request('GET', '/api/coordinator/forecast'),
  };
}
