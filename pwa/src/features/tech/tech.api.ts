/** The technician's endpoints, typed with the shared contract. */
import type { ApiClient } from '../../api/client.ts';
import type { TechSyncApi } from '../../sync/tech-sync.ts';

export function createTechApi(client: ApiClient): TechSyncApi {
  return {
    bundle: () => client.request('GET', '/api/tech/bundle'),
    sync: (batch) => client.request('POST', '/api/tech/sync', batch),
  };
}
