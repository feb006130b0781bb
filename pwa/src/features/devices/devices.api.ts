/** The console's device endpoints, typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { DeviceConsole, DeviceEvent, DeviceRowPage, DeviceSettings, DeviceSettingsUpdate } from '@parc/shared/contracts/device-console';
import type { Parameter, ParameterTarget, ParameterValue, ParameterValuesUpdate } from '@parc/shared/contracts/parameters';
import { PARAMETER_ENTITY_PATHS } from '@parc/shared/contracts/parameters';
import type { ListPreferences } from '@parc/shared/contracts/preferences';
import type { Device, DeviceCreate, DeviceDetail, DeviceModel } from '@parc/shared/contracts/devices';
import type { DeviceImportResult } from '@parc/shared/contracts/device-import';

export interface NamedOption {
  id: string;
  name: string;
}

export interface DevicesApi {
  list(query: URLSearchParams): Promise<ApiResult<DeviceRowPage>>;
  page(id: string): Promise<ApiResult<DeviceConsole>>;
  events(id: string): Promise<ApiResult<{ items: DeviceEvent[] }>>;
  saveSettings(id: string, change: DeviceSettingsUpdate): Promise<ApiResult<DeviceSettings>>;
  customers(): Promise<ApiResult<{ items: NamedOption[] }>>;
  sites(customerId: string): Promise<ApiResult<{ items: NamedOption[] }>>;
  coordinators(customerId: string): Promise<ApiResult<{ items: NamedOption[] }>>;
  parameters(target?: ParameterTarget): Promise<ApiResult<{ items: Parameter[] }>>;
  parameterValues(target: ParameterTarget, entityId: string): Promise<ApiResult<{ items: ParameterValue[] }>>;
  saveParameterValues(target: ParameterTarget, entityId: string, change: ParameterValuesUpdate): Promise<ApiResult<{ items: ParameterValue[] }>>;
  preferences(): Promise<ApiResult<{ value: ListPreferences | null }>>;
  savePreferences(value: ListPreferences): Promise<ApiResult<unknown>>;
  models(): Promise<ApiResult<{ items: DeviceModel[] }>>;
  create(input: DeviceCreate): Promise<ApiResult<DeviceDetail>>;
  /** A CSV or XLSX file: preview judges each line, commit creates all or nothing. */
  importFile(customerId: string, file: File, mode: 'preview' | 'commit'): Promise<ApiResult<DeviceImportResult>>;
  deactivate(id: string): Promise<ApiResult<Device>>;
  reactivate(id: string): Promise<ApiResult<Device>>;
  remove(id: string): Promise<ApiResult<unknown>>;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function createDevicesApi(client: ApiClient): DevicesApi {
  return {
    list: (query) => client.request('GET', `/api/console/devices?${query.toString()}`),
    page: (id) => client.request('GET', `/api/devices/${id}/console`),
    events: (id) => client.request('GET', `/api/devices/${id}/events`),
    saveSettings: (id, change) => client.request('PATCH', `/api/devices/${id}/settings`, change),
    customers: () => client.request('GET', '/api/customer-names'),
    sites: (customerId) => client.request('GET', `/api/customers/${customerId}/sites`),
    coordinators: (customerId) => client.request('GET', `/api/customers/${customerId}/coordinators`),
    parameters: (target) => client.request('GET', `/api/parameters${target ? `?appliesTo=${target}` : ''}`),
    parameterValues: (target, entityId) => client.request('GET', `/api/${PARAMETER_ENTITY_PATHS[target]}/${entityId}/parameters`),
    saveParameterValues: (target, entityId, change) => client.request('PUT', `/api/${PARAMETER_ENTITY_PATHS[target]}/${entityId}/parameters`, change),
    preferences: () => client.request('GET', '/api/preferences/devices'),
    savePreferences: (value) => client.request('PUT', '/api/preferences/devices', value),
    models: () => client.request('GET', '/api/devices/models'),
    create: (input) => client.request('POST', '/api/devices', input),
    importFile: (customerId, file, mode) =>
      client.send('POST', `/api/customers/${customerId}/devices/import?mode=${mode}`, { contentType: /\.xlsx$/i.test(file.name) ? XLSX : 'text/csv', data: file }),
    deactivate: (id) => client.request('POST', `/api/devices/${id}/deactivate`),
    reactivate: (id) => client.request('POST', `/api/devices/${id}/reactivate`),
    remove: (id) => client.request('DELETE', `/api/devices/${id}`),
  };
}
