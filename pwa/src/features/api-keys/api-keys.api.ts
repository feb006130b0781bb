/** The API key endpoints (partner admins, signed in), typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { ApiKey, ApiKeyCreate, ApiKeyCreated } from '@parc/shared/contracts/api-keys';

export interface ApiKeysApi {
  list(): Promise<ApiResult<{ items: ApiKey[] }>>;
  create(input: ApiKeyCreate): Promise<ApiResult<ApiKeyCreated>>;
  revoke(id: string): Promise<ApiResult<null>>;
}

export function createApiKeysApi(client: ApiClient): ApiKeysApi {
  return {
    list: () => client.request('GET', '/api/api-keys'),
    create: (input) => client.request('POST', '/api/api-keys', input),
    revoke: (id) => client.request('DELETE', `/api/api-keys/${id}`),
  };
}
