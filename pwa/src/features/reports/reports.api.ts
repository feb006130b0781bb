/** The reports endpoints, typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { Report, ReportDefinitionInput, ReportRun, ReportRunInput, ReportSchedule, ReportScheduleInput } from '@parc/shared/contracts/reports';

export interface ReportsApi {
  list(): Promise<ApiResult<{ items: Report[] }>>;
  create(input: ReportDefinitionInput): Promise<ApiResult<Report>>;
  update(key: string, input: ReportDefinitionInput): Promise<ApiResult<Report>>;
  remove(key: string): Promise<ApiResult<null>>;
  run(key: string, input: ReportRunInput): Promise<ApiResult<ReportRun>>;
  runs(): Promise<ApiResult<{ items: ReportRun[] }>>;
  cancel(id: string): Promise<ApiResult<ReportRun>>;
  schedules(): Promise<ApiResult<{ items: ReportSchedule[] }>>;
  schedule(input: ReportScheduleInput): Promise<ApiResult<ReportSchedule>>;
  updateSchedule(id: string, input: ReportScheduleInput): Promise<ApiResult<ReportSchedule>>;
  removeSchedule(id: string): Promise<ApiResult<null>>;
}

/** Where a finished file downloads from (the session cookie goes along). */
export const fileUrl = (run: Pick<ReportRun, 'id'>) => `/api/report-runs/${run.id}/file`;

export function createReportsApi(client: ApiClient): ReportsApi {
  return {
    list: () => client.request('GET', '/api/reports'),
    create: (input) => client.request('POST', '/api/reports', input),
    update: (key, input) => client.request('PUT', `/api/reports/${key}`, input),
    remove: (key) => client.request('DELETE', `/api/reports/${key}`),
    run: (key, input) => client.request('POST', `/api/reports/${key}/runs`, input),
    runs: () => client.request('GET', '/api/report-runs'),
    cancel: (id) => client.request('POST', `/api/report-runs/${id}/cancel`),
    schedules: () => client.request('GET', '/api/report-schedules'),
    schedule: (input) => client.request('POST', '/api/report-schedules', input),
    updateSchedule: (id, input) => client.request('PUT', `/api/report-schedules/${id}`, input),
    removeSchedule: (id) => client.request('DELETE', `/api/report-schedules/${id}`),
  };
}
