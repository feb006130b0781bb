/** The signed-in user's own account (/api/me/…). */
import type { Account, AccountChange, EmailChange, EmailChangeAnswer, PasswordChange } from '@parc/shared/contracts/account';
import type { ApiClient, ApiResult } from '../../api/client.ts';

export interface AccountApi {
  read(): Promise<ApiResult<Account>>;
  change(change: AccountChange): Promise<ApiResult<Account>>;
  requestEmailChange(input: EmailChange): Promise<ApiResult<EmailChangeAnswer>>;
  confirmEmailChange(token: string): Promise<ApiResult<{ email: string }>>;
  changePassword(input: PasswordChange): Promise<ApiResult<void>>;
  endOtherSessions(): Promise<ApiResult<{ ended: number }>>;
}

export function createAccountApi(client: ApiClient): AccountApi {
  return {
    read: () => client.request('GET', '/api/me/account'),
    change: (change) => client.request('PATCH', '/api/me/account', change),
    requestEmailChange: (input) => client.request('POST', '/api/me/email', input),
    confirmEmailChange: (token) => client.request('POST', '/api/me/email/confirm', { token }),
    changePassword: (input) => client.request('POST', '/api/me/password', input),
    endOtherSessions: () => client.request('DELETE', '/api/me/sessions/others'),
  };
}
