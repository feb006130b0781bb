/** The one-time setup link (/api/setup/{token}): no session, the token is the credential. */
import type { DealerSetup, DealerSetupResult, SetupLink } from '@parc/shared/contracts/setup';
import type { ApiClient, ApiResult } from '../../api/client.ts';

export interface SetupApi {
  open(token: string): Promise<ApiResult<SetupLink>>;
  complete(token: string, setup: DealerSetup): Promise<ApiResult<DealerSetupResult>>;
}

export function createSetupApi(client: ApiClient): SetupApi {
  const path = (token: string) => `/api/setup/${encodeURIComponent(token)}`;
  return {
    open: (token) => client.request('GET', path(token)),
    complete: (token, setup) => client.request('POST', path(token), setup),
  };
}
