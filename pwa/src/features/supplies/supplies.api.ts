/** The consumables endpoints (catalogue, orders, order configuration, routing), typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type {
  Carrier,
  CarrierInput,
  DeviceSupplies,
  FleetSupplyAlarm,
  OrderConfigView,
  OrderCreate,
  OrderRouteInput,
  OrderRouteView,
  OrderUpdate,
  Supplier,
  SupplierInput,
  SupplyModel,
  SupplyModelUpdate,
  SupplyOrderView,
} from '@parc/shared/contracts/supplies';
import type { OrderConfigLevel } from '@parc/shared/supplies/order-config';
import type { Page } from '@parc/shared/contracts/paging';

/** Where an order configuration is set: the dealer's default, a customer's, a device's. */
export type OrderConfigTarget = { level: 'dealer' } | { level: 'customer'; customerId: string } | { level: 'device'; deviceId: string };

function configPath(target: OrderConfigTarget): string {
  if (target.level === 'customer') return `/api/customers/${target.customerId}/order-config`;
  if (target.level === 'device') return `/api/devices/${target.deviceId}/order-config`;
  return '/api/supplies/order-config';
}

export interface SuppliesApi {
  models(query: URLSearchParams): Promise<ApiResult<Page<SupplyModel>>>;
  updateModel(id: string, change: SupplyModelUpdate): Promise<ApiResult<SupplyModel>>;
  suppliers(): Promise<ApiResult<{ items: Supplier[] }>>;
  createSupplier(input: SupplierInput): Promise<ApiResult<Supplier>>;
  updateSupplier(id: string, input: Partial<SupplierInput>): Promise<ApiResult<Supplier>>;
  deleteSupplier(id: string): Promise<ApiResult<void>>;
  carriers(): Promise<ApiResult<{ items: Carrier[] }>>;
  createCarrier(input: CarrierInput): Promise<ApiResult<Carrier>>;
  updateCarrier(id: string, input: Partial<CarrierInput>): Promise<ApiResult<Carrier>>;
  deleteCarrier(id: string): Promise<ApiResult<void>>;
  orders(query: URLSearchParams): Promise<ApiResult<Page<SupplyOrderView>>>;
  createOrder(input: OrderCreate): Promise<ApiResult<SupplyOrderView>>;
  updateOrder(id: string, change: OrderUpdate): Promise<ApiResult<SupplyOrderView>>;
  orderConfig(target: OrderConfigTarget): Promise<ApiResult<OrderConfigView>>;
  saveOrderConfig(target: OrderConfigTarget, settings: OrderConfigLevel): Promise<ApiResult<OrderConfigView>>;
  routes(): Promise<ApiResult<{ items: OrderRouteView[] }>>;
  createRoute(input: OrderRouteInput): Promise<ApiResult<OrderRouteView>>;
  updateRoute(id: string, input: OrderRouteInput): Promise<ApiResult<OrderRouteView>>;
  deleteRoute(id: string): Promise<ApiResult<void>>;
  reorderRoutes(ids: string[]): Promise<ApiResult<{ items: OrderRouteView[] }>>;
  deviceSupplies(deviceId: string): Promise<ApiResult<DeviceSupplies>>;
  alarms(query: URLSearchParams): Promise<ApiResult<Page<FleetSupplyAlarm>>>;
  settleAlarm(id: string): Promise<ApiResult<{ resolved: true }>>;
}

export function createSuppliesApi(client: ApiClient): SuppliesApi {
  return {
    models: (query) => client.request('GET', `/api/supplies/models?${query.toString()}`),
    updateModel: (id, change) => client.request('PATCH', `/api/supplies/models/${id}`, change),
    suppliers: () => client.request('GET', '/api/supplies/suppliers'),
    createSupplier: (input) => client.request('POST', '/api/supplies/suppliers', input),
    updateSupplier: (id, input) => client.request('PATCH', `/api/supplies/suppliers/${id}`, input),
    deleteSupplier: (id) => client.request('DELETE', `/api/supplies/suppliers/${id}`),
    carriers: () => client.request('GET', '/api/supplies/carriers'),
    createCarrier: (input) => client.request('POST', '/api/supplies/carriers', input),
    updateCarrier: (id, input) => client.request('PATCH', `/api/supplies/carriers/${id}`, input),
    deleteCarrier: (id) => client.request('DELETE', `/api/supplies/carriers/${id}`),
    orders: (query) => client.request('GET', `/api/supplies/orders?${query.toString()}`),
    createOrder: (input) => client.request('POST', '/api/supplies/orders', input),
    updateOrder: (id, change) => client.request('PATCH', `/api/supplies/orders/${id}`, change),
    orderConfig: (target) => client.request('GET', configPath(target)),
    saveOrderConfig: (target, settings) => client.request('PUT', configPath(target), settings),
    routes: () => client.request('GET', '/api/supplies/routes'),
    createRoute: (input) => client.request('POST', '/api/supplies/routes', input),
    updateRoute: (id, input) => client.request('PUT', `/api/supplies/routes/${id}`, input),
    deleteRoute: (id) => client.request('DELETE', `/api/supplies/routes/${id}`),
    reorderRoutes: (ids) => client.request('PUT', '/api/supplies/routes/order', { ids }),
    deviceSupplies: (deviceId) => client.request('GET', `/api/devices/${deviceId}/supplies`),
    alarms: (query) => client.request('GET', `/api/supplies/alarms?${query.toString()}`),
    settleAlarm: (id) => client.request('POST', `/api/supplies/alarms/${id}/resolve`),
  };
}
