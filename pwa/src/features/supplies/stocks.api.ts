/** The local stock endpoints (stocks, their items and movements, replenishments), typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { Device } from '@parc/shared/contracts/devices';
import type { Page } from '@parc/shared/contracts/paging';
import type {
  LocalStock,
  LocalStockInput,
  LocalStockUpdate,
  Replenishment,
  ReplenishmentCreate,
  ReplenishmentUpdate,
  StockItemInput,
  StockMovement,
} from '@parc/shared/contracts/stocks';

export interface StocksApi {
  list(customerId: string): Promise<ApiResult<{ items: LocalStock[] }>>;
  get(id: string): Promise<ApiResult<LocalStock>>;
  create(input: LocalStockInput): Promise<ApiResult<LocalStock>>;
  update(id: string, change: LocalStockUpdate): Promise<ApiResult<LocalStock>>;
  remove(id: string): Promise<ApiResult<{ deleted: true }>>;
  saveItem(id: string, supplyModelId: string, input: StockItemInput): Promise<ApiResult<LocalStock>>;
  removeItem(id: string, supplyModelId: string): Promise<ApiResult<LocalStock>>;
  movements(id: string): Promise<ApiResult<{ items: StockMovement[] }>>;
  replenishments(stockId: string): Promise<ApiResult<{ items: Replenishment[] }>>;
  replenish(stockId: string, input: ReplenishmentCreate): Promise<ApiResult<Replenishment>>;
  updateReplenishment(id: string, change: ReplenishmentUpdate): Promise<ApiResult<Replenishment>>;
  /** The active devices at a customer's site, the ones a stock there may serve. */
  siteDevices(customerId: string, siteId: string): Promise<ApiResult<Page<Device>>>;
}

export function createStocksApi(client: ApiClient): StocksApi {
  return {
    list: (customerId) => client.request('GET', `/api/supplies/stocks${customerId ? `?customerId=${customerId}` : ''}`),
    get: (id) => client.request('GET', `/api/supplies/stocks/${id}`),
    create: (input) => client.request('POST', '/api/supplies/stocks', input),
    update: (id, change) => client.request('PATCH', `/api/supplies/stocks/${id}`, change),
    remove: (id) => client.request('DELETE', `/api/supplies/stocks/${id}`),
    saveItem: (id, supplyModelId, input) => client.request('PUT', `/api/supplies/stocks/${id}/items/${supplyModelId}`, input),
    removeItem: (id, supplyModelId) => client.request('DELETE', `/api/supplies/stocks/${id}/items/${supplyModelId}`),
    movements: (id) => client.request('GET', `/api/supplies/stocks/${id}/movements`),
    replenishments: (stockId) => client.request('GET', `/api/supplies/replenishments?stockId=${stockId}`),
    replenish: (stockId, input) => client.request('POST', `/api/supplies/stocks/${stockId}/replenishments`, input),
    updateReplenishment: (id, change) => client.request('PATCH', `/api/supplies/replenishments/${id}`, change),
    siteDevices: (customerId, siteId) => client.request('GET', `/api/devices?${new URLSearchParams({ customerId, siteId, pageSize: '200', active: 'true' }).toString()}`),
  };
}
