/** The device page's readings endpoints: list, enter, correct, delete, resets, swap; typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { Page } from '@parc/shared/contracts/paging';
import type { DeviceDetail } from '@parc/shared/contracts/devices';
import type { MyPermissions } from '@parc/shared/contracts/profiles';
import type { CounterReset, CounterResetCreate, DeviceSwap, Reading, ReadingCreate } from '@parc/shared/contracts/readings';

/** Request bodies as sent: the contracts' types are what the server has after parsing (an absent note is undefined there). */
export type ReadingInput = Omit<ReadingCreate, 'note'> & { note?: string };
export type ReadingChangeInput = { value?: number; note?: string | null };
export type ResetInput = Omit<CounterResetCreate, 'note'> & { note?: string };
export type SwapInput = Omit<DeviceSwap, 'note'> & { note?: string };

export interface ReadingsQuery {
  page: number;
  pageSize: number;
  counterId?: string;
}

export interface ReadingsApi {
  list(deviceId: string, query: ReadingsQuery): Promise<ApiResult<Page<Reading>>>;
  create(deviceId: string, input: ReadingInput): Promise<ApiResult<Reading>>;
  change(readingId: string, change: ReadingChangeInput): Promise<ApiResult<Reading>>;
  remove(readingId: string, note: string): Promise<ApiResult<Reading>>;
  resets(deviceId: string): Promise<ApiResult<{ items: CounterReset[] }>>;
  declareReset(deviceId: string, input: ResetInput): Promise<ApiResult<{ items: CounterReset[] }>>;
  swap(deviceId: string, input: SwapInput): Promise<ApiResult<DeviceDetail>>;
  /** The signed-in user's permissions per console screen, to offer only what they may do. */
  myPermissions(): Promise<ApiResult<MyPermissions>>;
}

export function createReadingsApi(client: ApiClient): ReadingsApi {
  return {
    list: (deviceId, query) => {
      const params = new URLSearchParams({ page: String(query.page), pageSize: String(query.pageSize) });
      if (query.counterId) params.set('counterId', query.counterId);
      return client.request('GET', `/api/devices/${deviceId}/readings?${params.toString()}`);
    },
    create: (deviceId, input) => client.request('POST', `/api/devices/${deviceId}/readings`, input),
    change: (readingId, change) => client.request('PATCH', `/api/readings/${readingId}`, change),
    remove: (readingId, note) => client.request('DELETE', `/api/readings/${readingId}`, { note }),
    resets: (deviceId) => client.request('GET', `/api/devices/${deviceId}/resets`),
    declareReset: (deviceId, input) => client.request('POST', `/api/devices/${deviceId}/resets`, input),
    swap: (deviceId, input) => client.request('POST', `/api/devices/${deviceId}/swap`, input),
    myPermissions: () => client.request('GET', '/api/me/permissions'),
  };
}
