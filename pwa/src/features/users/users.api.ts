/** The partner's users and profiles endpoints. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { Role } from '../../api/auth.ts';
import type { Permissions, Profile } from '@parc/shared/contracts/profiles';

/** As the users module answers (its schema lives in the backend). */
export interface UserView {
  id: string;
  email: string;
  name: string;
  role: Role;
  language: string;
  active: boolean;
  customerIds: string[];
  invitationPending: boolean;
}

export interface UserChange {
  name?: string;
  role?: Role;
  language?: string;
  active?: boolean;
  customerIds?: string[];
}

export interface UsersApi {
  list(): Promise<ApiResult<{ items: UserView[] }>>;
  invite(input: { email: string; name: string; role: Role; language: string; customerIds?: string[] }): Promise<ApiResult<UserView>>;
  change(id: string, change: UserChange): Promise<ApiResult<UserView>>;
  resetPassword(id: string): Promise<ApiResult<void>>;
  erase(id: string): Promise<ApiResult<void>>;
  setProfile(id: string, profileId: string | null): Promise<ApiResult<{ profileId: string | null }>>;
  profiles(): Promise<ApiResult<{ items: Profile[] }>>;
  assignments(): Promise<ApiResult<{ items: { userId: string; profileId: string }[] }>>;
  createProfile(input: { name: string; permissions: Permissions }): Promise<ApiResult<Profile>>;
  changeProfile(id: string, input: { name?: string; permissions?: Permissions }): Promise<ApiResult<Profile>>;
  deleteProfile(id: string): Promise<ApiResult<void>>;
  customers(): Promise<ApiResult<{ items: { id: string; name: string }[] }>>;
}

export function createUsersApi(client: ApiClient): UsersApi {
  return {
    list: () => client.request('GET', '/api/users?pageSize=200'),
    invite: (input) => client.request('POST', '/api/users', input),
    change: (id, change) => client.request('PATCH', `/api/users/${id}`, change),
    resetPassword: (id) => client.request('POST', `/api/users/${id}/password-reset`),
    erase: (id) => client.request('DELETE', `/api/users/${id}/account`),
    setProfile: (id, profileId) => client.request('PUT', `/api/users/${id}/profile`, { profileId }),
    profiles: () => client.request('GET', '/api/profiles'),
    assignments: () => client.request('GET', '/api/profiles/assignments'),
    createProfile: (input) => client.request('POST', '/api/profiles', input),
    changeProfile: (id, input) => client.request('PATCH', `/api/profiles/${id}`, input),
    deleteProfile: (id) => client.request('DELETE', `/api/profiles/${id}`),
    customers: () => client.request('GET', '/api/customers?pageSize=200'),
  };
}
