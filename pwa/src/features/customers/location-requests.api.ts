/**
 * Customers' requests, from the meter page, to change where a machine stands: the list (one
 * customer's or the dealer's), apply or dismiss, and who may do which. A request is sent at most
 * once at a time, and a 409 (handled meanwhile by someone else) is told apart from other failures.
 */
import type { LocationRequest } from '@parc/shared/contracts/locations';
import { allows, type MyPermissions, type Permissions } from '@parc/shared/contracts/profiles';
import { createApiClient, type ApiClient, type ApiError, type ApiResult } from '../../api/client.ts';

export type LocationRequestState = 'open' | 'all';
export type LocationRequestAction = 'apply' | 'dismiss';

export function createLocationRequestsApi(client: ApiClient = createApiClient()) {
  return {
    /** Open ones oldest first; `all` newest first, open ones included. */
    list: (query: { customerId?: string; state: LocationRequestState }): Promise<ApiResult<{ items: LocationRequest[] }>> => {
      const params = new URLSearchParams({ state: query.state });
      if (query.customerId) params.set('customerId', query.customerId);
      return client.request('GET', `/api/location-requests?${params}`);
    },
    apply: (id: string): Promise<ApiResult<LocationRequest>> => client.request('POST', `/api/location-requests/${id}/apply`),
    dismiss: (id: string): Promise<ApiResult<LocationRequest>> => client.request('POST', `/api/location-requests/${id}/dismiss`),
    /** The signed-in user's permissions, to offer only the buttons the server would accept. */
    myPermissions: (): Promise<ApiResult<MyPermissions>> => client.request('GET', '/api/me/permissions'),
  };
}

export type LocationRequestsApi = ReturnType<typeof createLocationRequestsApi>;

/** Applying changes the device (devices: edit); dismissing only the customer's request (customers: edit). Nothing until known. */
export function allowedActions(permissions: Permissions | null | undefined): Record<LocationRequestAction, boolean> {
  if (!permissions) return { apply: false, dismiss: false };
  return { apply: allows(permissions.devices, 'edit'), dismiss: allows(permissions.customers, 'edit') };
}

/** How a handling ended, for the screen to word it: done, handled meanwhile by someone else, or another failure. */
export type HandlingResult =
  | { kind: 'done'; request: LocationRequest }
  | { kind: 'already-handled' }
  | { kind: 'failed'; error: ApiError }
  /** A second click while the first is on its way: nothing was sent. */
  | { kind: 'busy' };

/**
 * Sends apply/dismiss at most once per request at a time; `pending(id)` says which one is on its way
 * (the screen disables that request's buttons meanwhile). `onPendingChange` lets a screen follow it.
 */
export function createRequestHandler(api: Pick<LocationRequestsApi, 'apply' | 'dismiss'>, onPendingChange: (pending: ReadonlySet<string>) => void = () => {}) {
  const pending = new Set<string>();
  return {
    pending: (id: string) => pending.has(id),
    async handle(id: string, action: LocationRequestAction): Promise<HandlingResult> {
      if (pending.has(id)) return { kind: 'busy' };
      pending.add(id);
      onPendingChange(new Set(pending));
      try {
        const result = await (action === 'apply' ? api.apply(id) : api.dismiss(id));
        if (result.ok) return { kind: 'done', request: result.data };
        if (result.error.code === 'conflict') return { kind: 'already-handled' };
        return { kind: 'failed', error: result.error };
      } finally {
        pending.delete(id);
        onPendingChange(new Set(pending));
      }
    },
  };
}
