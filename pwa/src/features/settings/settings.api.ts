/** Appearance and custom parameter definitions, typed with the shared contracts. */
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type { Appearance, AppearanceUpdate, Brand, LogoUpload } from '@parc/shared/contracts/appearance';
import type { Parameter, ParameterCreate } from '@parc/shared/contracts/parameters';

export interface SettingsApi {
  appearance(): Promise<ApiResult<Appearance>>;
  /** Name, colour and logo: every console user may read them, whatever the profile. */
  brand(): Promise<ApiResult<Brand>>;
  saveAppearance(change: AppearanceUpdate): Promise<ApiResult<Appearance>>;
  uploadLogo(upload: LogoUpload): Promise<ApiResult<Appearance>>;
  removeLogo(): Promise<ApiResult<Appearance>>;
  parameters(): Promise<ApiResult<{ items: Parameter[] }>>;
  createParameter(input: ParameterCreate): Promise<ApiResult<Parameter>>;
  deleteParameter(id: string): Promise<ApiResult<void>>;
}

export function createSettingsApi(client: ApiClient): SettingsApi {
  return {
    appearance: () => client.request('GET', '/api/appearance'),
    brand: () => client.request('GET', '/api/appearance/brand'),
    saveAppearance: (change) => client.request('PATCH', '/api/appearance', change),
    uploadLogo: (upload) => client.request('PUT', '/api/appearance/logo', upload),
    removeLogo: () => client.request('DELETE', '/api/appearance/logo'),
    parameters: () => client.request('GET', '/api/parameters'),
    createParameter: (input) => client.request('POST', '/api/parameters', input),
    deleteParameter: (id) => client.request('DELETE', `/api/parameters/${id}`),
  };
}
