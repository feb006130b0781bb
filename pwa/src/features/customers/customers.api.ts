/**
 * Every endpoint the customer screens use, typed by the shared contracts. The agents and campaign
 * modules keep their response schemas in the backend, so their shapes are restated here as the
 * fields these screens read.
 */
import type { CounterKind } from '@parc/shared/meters/counters';
import type { ReadingReason } from '@parc/shared/meters/reasons';
import type { CustomerPrices, PriceListInput, PricingChoices } from '@parc/shared/contracts/billing';
import type { Coordinator, CoordinatorCreate, CoordinatorUpdate } from '@parc/shared/contracts/coordinators';
import type { Customer, CustomerAvailability, CustomerCreate, CustomerUpdate } from '@parc/shared/contracts/customers';
import type { AgentState } from '@parc/shared/contracts/dashboard';
import type { Device } from '@parc/shared/contracts/devices';
import type { FloorPlan, DevicePosition } from '@parc/shared/contracts/floorplans';
import type { ListPreferences, PreferenceScreen } from '@parc/shared/contracts/preferences';
import type { Reading } from '@parc/shared/contracts/readings';
import type { Site, SiteCreate, SiteUpdate } from '@parc/shared/contracts/sites';
import type { Page } from '@parc/shared/contracts/paging';
import type { AgentSchedules } from '@parc/shared/contracts/agents';
import { createApiClient, type ApiClient, type ApiResult, type HttpMethod } from '../../api/client.ts';

export interface Agent {
  id: string;
  customerId: string;
  name: string;
  key: string;
  keyInUse: boolean;
  status: AgentState;
  version: string | null;
  hostname: string | null;
  lastContactAt: string | null;
  schedules: AgentSchedules;
  scanRequestedAt: string | null;
}

export interface PendingDevice {
  id: string;
  customerId: string;
  serial: string;
  manufacturer: string | null;
  model: string | null;
  ip: string | null;
  lastSeenAt: string;
  /** An active device of another customer carries this serial: the dealer moves it here, keeps it there, or ignores the report. */
  otherCustomerDevice: { id: string; customerId: string; customerName: string; deviceCode: string } | null;
}

export type PendingDecision = 'move' | 'keep' | 'ignore';

export interface ToCheckItem {
  readingId: string;
  customerId: string;
  customerNumber: string;
  deviceId: string;
  deviceCode: string;
  model: string;
  counter: CounterKind;
  /** The acceptance policy's coded reason (the explanation is the server's wording of it). */
  reason: ReadingReason | null;
  value: number;
  takenAt: string;
  previous: { value: number; takenAt: string } | null;
  explanation: string | null;
}

export interface CampaignSettings {
  overrides: { schedule: unknown; sendDay: number | null; lastValidDay: number | null; timeZone: string | null; enabled: boolean };
  effective: { schedule: { kind: 'monthly' | 'quarterly' | 'months'; months?: readonly number[] }; sendDay: number; lastValidDay: number; reminderDaysBefore: number; timeZone: string; enabled: boolean };
}

export interface CampaignContact {
  id: string;
  email: string;
  language: string;
  state: 'pending' | 'confirmed' | 'unsubscribed';
}

export interface CampaignStats {
  period: string;
  customers: { customerId: string; state: string; responseRate: number | null }[];
}

export function createCustomersApi(client: ApiClient = createApiClient()) {
  const call = <T,>(method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>> => client.request<T>(method, path, body);
  return {
    getCustomer: (id: string) => call<Customer>('GET', `/api/customers/${id}`),
    /** Whether another customer already has the number or the prefix; creates nothing. */
    customerAvailability: (customerNumber: string, prefix: string) =>
      call<CustomerAvailability>('GET', `/api/customers/availability?customerNumber=${encodeURIComponent(customerNumber)}&prefix=${encodeURIComponent(prefix)}`),
    createCustomer: (input: CustomerCreate) => call<Customer>('POST', '/api/customers', input),
    updateCustomer: (id: string, input: CustomerUpdate) => call<Customer>('PATCH', `/api/customers/${id}`, input),
    deactivateCustomer: (id: string) => call<Customer>('POST', `/api/customers/${id}/deactivate`),

    sites: (customerId: string) => call<{ items: Site[] }>('GET', `/api/customers/${customerId}/sites`),
    createSite: (customerId: string, input: Partial<SiteCreate> & { name: string }) => call<Site>('POST', `/api/customers/${customerId}/sites`, input),
    updateSite: (id: string, input: Partial<SiteUpdate>) => call<Site>('PATCH', `/api/sites/${id}`, input),
    deactivateSite: (id: string) => call<Site>('POST', `/api/sites/${id}/deactivate`),
    reactivateSite: (id: string) => call<Site>('POST', `/api/sites/${id}/reactivate`),
    /** Refused (site.in_use) while devices, floor plans or local stocks refer to the site. */
    deleteSite: (id: string) => call<undefined>('DELETE', `/api/sites/${id}`),

    /** The active ones, to choose from; `withInactive` for the customer's own list. */
    coordinators: (customerId: string, withInactive = false) => call<{ items: Coordinator[] }>('GET', `/api/customers/${customerId}/coordinators${withInactive ? '' : '?active=true'}`),
    createCoordinator: (customerId: string, input: CoordinatorCreate) => call<Coordinator>('POST', `/api/customers/${customerId}/coordinators`, input),
    updateCoordinator: (id: string, input: CoordinatorUpdate) => call<Coordinator>('PATCH', `/api/coordinators/${id}`, input),
    deactivateCoordinator: (id: string) => call<Coordinator>('POST', `/api/coordinators/${id}/deactivate`),
    reactivateCoordinator: (id: string) => call<Coordinator>('POST', `/api/coordinators/${id}/reactivate`),

    devices: (customerId: string) => call<Page<Device>>('GET', `/api/devices?customerId=${customerId}&pageSize=200&active=true`),

    prices: (customerId: string) => call<CustomerPrices>('GET', `/api/customers/${customerId}/prices`),
    savePrices: (customerId: string, input: PriceListInput) => call<CustomerPrices>('PUT', `/api/customers/${customerId}/prices`, input),
    pricingChoices: (customerId: string) => call<PricingChoices>('GET', `/api/customers/${customerId}/pricing-choices`),

    agents: (customerId: string) => call<{ items: Agent[] }>('GET', `/api/agents?customerId=${customerId}`),
    createAgent: (customerId: string, name: string) => call<Agent>('POST', `/api/customers/${customerId}/agents`, { name }),
    updateAgentSchedules: (id: string, schedules: Partial<AgentSchedules>) => call<Agent>('PATCH', `/api/agents/${id}`, { schedules }),
    scanNow: (id: string) => call<Agent>('POST', `/api/agents/${id}/scan`),
    revokeAgent: (id: string) => call<Agent>('POST', `/api/agents/${id}/revoke`),
    sendAgentInstructions: (customerId: string, agentKey: string) => call<{ sentTo: string }>('POST', `/api/customers/${customerId}/agent-instructions`, { agentKey }),

    pendingDevices: (customerId?: string) => call<{ items: PendingDevice[] }>('GET', `/api/devices/pending${customerId ? `?customerId=${customerId}` : ''}`),
    assignPendingDevice: (id: string, input: { siteId?: string; coordinatorId?: string }) => call<unknown>('POST', `/api/devices/pending/${id}/assign`, input),
    decidePendingDevice: (id: string, decision: PendingDecision) => call<{ id: string; deviceCode: string }>('POST', `/api/devices/pending/${id}/decision`, { decision }),
    /** All of them or none (one gone meanwhile refuses the lot). */
    deletePendingDevices: (ids: readonly string[]) => call<{ deleted: number }>('POST', '/api/devices/pending/delete', { ids }),

    toCheck: () => call<{ items: ToCheckItem[] }>('GET', '/api/readings/to-check'),
    acceptReading: (id: string) => call<Reading>('POST', `/api/readings/${id}/accept`, {}),
    correctReading: (id: string, value: number, note: string) => call<Reading>('POST', `/api/readings/${id}/correct`, { value, note }),

    campaign: (customerId: string) => call<CampaignSettings>('GET', `/api/customers/${customerId}/campaign`),
    saveCampaign: (customerId: string, overrides: CampaignSettings['overrides']) => call<CampaignSettings>('PUT', `/api/customers/${customerId}/campaign`, overrides),
    contacts: (customerId: string) => call<{ items: CampaignContact[] }>('GET', `/api/customers/${customerId}/campaign/contacts`),
    inviteContact: (customerId: string, email: string, language: string) => call<CampaignContact>('POST', `/api/customers/${customerId}/campaign/contacts`, { email, language }),
    campaignStats: (period: string) => call<CampaignStats>('GET', `/api/campaign/stats?period=${period}`),

    floorPlans: (customerId: string) => call<{ items: FloorPlan[] }>('GET', `/api/customers/${customerId}/floorplans`),
    uploadFloorPlan: (customerId: string, file: File, name: string, floor: number) =>
      client.send<FloorPlan>('POST', `/api/customers/${customerId}/floorplans?name=${encodeURIComponent(name)}&floor=${floor}`, { contentType: file.type || 'application/octet-stream', data: file }),
    placeDevices: (planId: string, devices: DevicePosition[]) => call<FloorPlan>('PUT', `/api/floorplans/${planId}/devices`, { devices }),
    deleteFloorPlan: (id: string) => call<{ deleted: true }>('DELETE', `/api/floorplans/${id}`),

    preferences: (screen: PreferenceScreen) => call<{ value: ListPreferences | null }>('GET', `/api/preferences/${screen}`),
    savePreferences: (screen: PreferenceScreen, value: ListPreferences) => call<{ value: ListPreferences }>('PUT', `/api/preferences/${screen}`, value),
    resetPreferences: (screen: PreferenceScreen) => call<{ value: null }>('DELETE', `/api/preferences/${screen}`),
  };
}

export type CustomersApi = ReturnType<typeof createCustomersApi>;
