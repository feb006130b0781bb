/**
 * The only caller of `fetch` in the PWA. Every call resolves (never throws) to a typed result,
 * so screens handle failures as data: an HTTP error carries the server's `{ code, key, params,
 * message, field? }`, a network failure is the code 'offline'. Screens show an error through
 * `apiErrorText` (i18n/api-error.ts), which words the key in the person's language.
 */
import type { ErrorCode } from '@parc/shared/errors';
import { activeKeeper, noteAnswer, type AnswerKeeper } from './answers.ts';

export type ApiErrorCode = ErrorCode | 'offline';

export interface ApiError {
  code: ApiErrorCode;
  /** The error's text in the shared error catalogue, when the server named one (a key this client may not know yet). */
  key?: string;
  /** What that text is made of, as the server sent it. */
  params?: Readonly<Record<string, unknown>>;
  /** The server's own wording: only for logs, and for a key this client does not know. */
  message: string;
  field?: string;
  /** Any other fields of the error body (e.g. the dealer's contacts on a 410 link_invalid), untyped: check before use. */
  details?: Readonly<Record<string, unknown>>;
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body sent as is rather than as JSON: a CSV file, an image. */
export interface RawBody {
  contentType: string;
  data: Blob | string;
}

export interface ApiClient {
  request<T>(method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<T>>;
  /** Like `request`, with the body sent as is under its own content type. */
  send<T>(method: HttpMethod, path: string, body: RawBody): Promise<ApiResult<T>>;
}

const knownCodes: ReadonlySet<string> = new Set<ApiErrorCode>([
  'bad_request',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'locked',
  'rate_limited',
  'too_large',
  'link_invalid',
  'reading_refused',
  'internal',
  'offline',
]);

/** The code to use when a server answers an error without a readable body. */
function codeForStatus(status: number): ErrorCode {
  if (status === 400 || status === 422) return 'bad_request';
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 423) return 'locked';
  if (status === 413) return 'too_large';
  if (status === 429) return 'rate_limited';
  return 'internal';
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads an error body, trusting only the fields that have the expected shape. */
export function toApiError(status: number, body: unknown): ApiError {
  const fallback = codeForStatus(status);
  if (!isRecord(body)) return { code: fallback, message: `HTTP ${status}` };
  const code = typeof body.code === 'string' && knownCodes.has(body.code) ? (body.code as ApiErrorCode) : fallback;
  const message = typeof body.message === 'string' ? body.message : `HTTP ${status}`;
  const { code: _code, key: _key, params: _params, message: _message, field: _field, ...rest } = body;
  return {
    code,
    ...(typeof body.key === 'string' ? { key: body.key } : {}),
    ...(isRecord(body.params) && !Array.isArray(body.params) ? { params: body.params } : {}),
    message,
    ...(typeof body.field === 'string' ? { field: body.field } : {}),
    ...(Object.keys(rest).length > 0 ? { details: rest } : {}),
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * `fetchImpl` is a parameter so tests drive the client without a network; `keeper` too (by default,
 * the console's answer keeper while the console is open, see answers.ts).
 */
export function createApiClient(options: { baseUrl?: string; fetchImpl?: typeof fetch; keeper?: () => AnswerKeeper | null } = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
  const keeper = options.keeper ?? activeKeeper;

  async function call<T>(method: HttpMethod, path: string, contentType: string | null, body: BodyInit | undefined): Promise<ApiResult<T>> {
    let response: Response;
    try {
      response = await fetchImpl(baseUrl + path, {
        method,
        credentials: 'same-origin',
        headers: contentType === null ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': contentType },
        body,
      });
    } catch (cause) {
      // Offline in the console: a question asked before gets its last answer, which the frame dates.
      const kept = method === 'GET' ? await keeper()?.recall(path) : undefined;
      if (kept) {
        noteAnswer(path, new Date(kept.savedAt));
        return { ok: true, data: kept.data as T };
      }
      return { ok: false, error: { code: 'offline', message: cause instanceof Error ? cause.message : String(cause) } };
    }
    const payload = await readJson(response);
    if (!response.ok) return { ok: false, error: toApiError(response.status, payload) };
    if (method === 'GET') {
      noteAnswer(path, null);
      void keeper()?.keep(path, payload, new Date());
    }
    return { ok: true, data: payload as T };
  }

  return {
    request: <T,>(method: HttpMethod, path: string, body?: unknown) =>
      body === undefined ? call<T>(method, path, null, undefined) : call<T>(method, path, 'application/json', JSON.stringify(body)),
    send: <T,>(method: HttpMethod, path: string, body: RawBody) => call<T>(method, path, body.contentType, body.data),
  };
}
