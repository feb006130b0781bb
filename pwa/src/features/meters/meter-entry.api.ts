/** The signed-link endpoints of the meter campaign, typed with the shared contracts. */
import type { MeterForecast } from '@parc/shared/contracts/forecast';
import type { Language } from '@parc/shared/languages';
import type { ApiClient, ApiResult } from '../../api/client.ts';
import type {
  LocationChangeRequest,
  MeterEntryPage,
  MeterEntryResults,
  MeterEntrySubmission,
} from '@parc/shared/contracts/meters';

export interface MeterEntryApi {
  page(token: string): Promise<ApiResult<MeterEntryPage>>;
  submit(token: string, submission: MeterEntrySubmission): Promise<ApiResult<MeterEntryResults>>;
  requestLocationChange(token: string, request: LocationChangeRequest): Promise<ApiResult<void>>;
  /** Where the included pages stand this billing period; loaded apart so the page never waits for it. */
  forecast(token: string): Promise<ApiResult<MeterForecast>>;
  /** A plain link (not a fetch): the browser downloads the PDF itself, in the page's language. */
  receiptUrl(token: string, language: Language): string;
}

const linkPath = (token: string) => `/api/links/${encodeURIComponent(token)}`;

export function createMeterEntryApi(client: ApiClient): MeterEntryApi {
  return {
    page: (token) => client.request('GET', linkPath(token)),
    submit: (token, submission) => client.request('POST', `${linkPath(token)}/entries`, submission),
    requestLocationChange: (token, request) => client.request('POST', `${linkPath(token)}/location-requests`, request),
    forecast: (token) => client.request('GET', `${linkPath(token)}/forecast`),
    receiptUrl: (token, language) => `${linkPath(token)}/receipt.pdf?lang=${language}`,
  };
}
