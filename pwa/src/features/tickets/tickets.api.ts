/** The console's maintenance endpoints (errors, requests), typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { DeviceRowPage } from '@parc/shared/contracts/device-console';
import type {
  AttachmentMeta,
  AttachmentUpload,
  CurrentError,
  ErrorEmail,
  ErrorIgnore,
  ErrorNote,
  MaintenanceRequest,
  RequestCreate,
  RequestNote,
  RequestSummary,
  RequestTransition,
  RequestUpdate,
} from '@parc/shared/contracts/tickets';
import type { NamedOption } from '../devices/devices.api.ts';

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

export interface TicketsApi {
  errors(query: URLSearchParams): Promise<ApiResult<Page<CurrentError>>>;
  manuallyRepaired(query: URLSearchParams): Promise<ApiResult<Page<RequestSummary>>>;
  forwardError(id: string, email: ErrorEmail): Promise<ApiResult<null>>;
  noteError(id: string, note: ErrorNote): Promise<ApiResult<null>>;
  ignoreError(id: string, ignore: ErrorIgnore): Promise<ApiResult<null>>;
  followError(id: string): Promise<ApiResult<null>>;
  requests(query: URLSearchParams): Promise<ApiResult<Page<RequestSummary>>>;
  request(id: string): Promise<ApiResult<MaintenanceRequest>>;
  create(input: Partial<RequestCreate> & { deviceId: string }): Promise<ApiResult<MaintenanceRequest>>;
  /** A 409 answers `conflict` with `details.fields` and `details.server` (see `readConflict`). */
  update(id: string, change: RequestUpdate): Promise<ApiResult<MaintenanceRequest>>;
  transition(id: string, change: RequestTransition): Promise<ApiResult<MaintenanceRequest>>;
  addNote(id: string, note: RequestNote): Promise<ApiResult<MaintenanceRequest>>;
  upload(id: string, attachment: AttachmentUpload): Promise<ApiResult<AttachmentMeta>>;
  customers(): Promise<ApiResult<{ items: NamedOption[] }>>;
  technicians(): Promise<ApiResult<{ items: NamedOption[] }>>;
  devices(search: string): Promise<ApiResult<DeviceRowPage>>;
}

export const attachmentUrl = (requestId: string, attachmentId: string) => `/api/requests/${requestId}/attachments/${attachmentId}`;

export function createTicketsApi(client: ApiClient): TicketsApi {
  return {
    errors: (query) => client.request('GET', `/api/errors?${query.toString()}`),
    manuallyRepaired: (query) => client.request('GET', `/api/errors/manually-repaired?${query.toString()}`),
    forwardError: (id, email) => client.request('POST', `/api/errors/${id}/email`, email),
    noteError: (id, note) => client.request('POST', `/api/errors/${id}/notes`, note),
    ignoreError: (id, ignore) => client.request('PUT', `/api/errors/${id}/ignore`, ignore),
    followError: (id) => client.request('DELETE', `/api/errors/${id}/ignore`),
    requests: (query) => client.request('GET', `/api/requests?${query.toString()}`),
    request: (id) => client.request('GET', `/api/requests/${id}`),
    create: (input) => client.request('POST', '/api/requests', input),
    update: (id, change) => client.request('PATCH', `/api/requests/${id}`, change),
    transition: (id, change) => client.request('POST', `/api/requests/${id}/transition`, change),
    addNote: (id, note) => client.request('POST', `/api/requests/${id}/notes`, note),
    upload: (id, attachment) => client.request('POST', `/api/requests/${id}/attachments`, attachment),
    customers: () => client.request('GET', '/api/customer-names'),
    technicians: () => client.request('GET', '/api/technicians'),
    devices: (search) => client.request('GET', `/api/console/devices?${new URLSearchParams({ pageSize: '20', sort: 'deviceCode', order: 'asc', ...(search.trim() ? { search: search.trim() } : {}) }).toString()}`),
  };
}

/** The partner's active technicians, for assignment and filters; none when the list cannot be read. */
export async function technicianOptions(api: TicketsApi): Promise<NamedOption[]> {
  const result = await api.technicians();
  return result.ok ? result.data.items : [];
}

export async function customerOptions(api: TicketsApi): Promise<NamedOption[]> {
  const result = await api.customers();
  return result.ok ? result.data.items : [];
}
