/** The backend's auth endpoints, typed; the shapes are the contract the backend's auth module answers with. */
import type { ApiClient, ApiResult } from './client.ts';

export type Role = 'partner_admin' | 'partner_staff' | 'coordinator' | 'technician';

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  partnerId: string | null;
  language: string | null;
}

export interface AuthApi {
  login(credentials: { email: string; password: string }): Promise<ApiResult<{ user: SessionUser }>>;
  me(): Promise<ApiResult<{ user: SessionUser }>>;
  logout(): Promise<ApiResult<void>>;
  requestPasswordReset(email: string): Promise<ApiResult<void>>;
  confirmPasswordReset(token: string, password: string): Promise<ApiResult<void>>;
}

export function createAuthApi(client: ApiClient): AuthApi {
  return {
    login: (credentials) => client.request('POST', '/api/auth/login', credentials),
    me: () => client.request('GET', '/api/auth/me'),
    logout: () => client.request('POST', '/api/auth/logout'),
    requestPasswordReset: (email) => client.request('POST', '/api/auth/password-reset', { email }),
    confirmPasswordReset: (token, password) => client.request('POST', '/api/auth/password-reset/confirm', { token, password }),
  };
}
