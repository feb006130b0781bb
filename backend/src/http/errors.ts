import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { DomainError, errorMessage, isLanguage, readingReasonSchema, type ErrorCode, type ErrorKey, type Language, type ReadingReason } from '@parc/shared';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  link_invalid: 410,
  reading_refused: 422,
  agent_revoked: 401,
  locked: 423,
  rate_limited: 429,
  too_large: 413,
  internal: 500,
};

/**
 * Every error answer. `key` and `params` name the text in the shared error catalogue, for a client
 * to word in its own language; `message` is that text in the signed-in user's language (English
 * without a session).
 */
export interface ErrorBody {
  code: ErrorCode;
  /** Absent only for an error thrown without a key (modules not converted yet; see errors.boundary.test.ts). */
  key?: ErrorKey;
  params: Readonly<Record<string, unknown>>;
  message: string;
  field?: string;
  /** A refused reading's coded reason, for the client to word in its user's language. */
  reason?: ReadingReason;
}

/** The first zod issue as a keyed error: which field, and why, with the bounds or choices that apply. */
export function validationError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.join('.');
  const at = field ? { field } : {};
  switch (issue?.code) {
    case 'invalid_type':
      return new DomainError('validation.invalid_type', { ...at, expected: issue.expected });
    case 'too_small':
      return new DomainError('validation.too_small', { ...at, origin: issue.origin, minimum: Number(issue.minimum), inclusive: issue.inclusive ?? true, exact: issue.exact ?? false });
    case 'too_big':
      return new DomainError('validation.too_big', { ...at, origin: issue.origin, maximum: Number(issue.maximum), inclusive: issue.inclusive ?? true, exact: issue.exact ?? false });
    case 'invalid_format':
      return new DomainError('validation.invalid_format', { ...at, format: issue.format });
    case 'invalid_value':
      return new DomainError('validation.invalid_value', { ...at, values: issue.values.map(String) });
    case 'unrecognized_keys':
      return new DomainError('validation.unrecognized_keys', { ...at, keys: issue.keys });
    case 'not_multiple_of':
      return new DomainError('validation.not_multiple_of', { ...at, divisor: Number(issue.divisor) });
    case 'custom':
      return new DomainError('validation.custom', { ...at, detail: issue.message });
    default:
      return new DomainError('validation.invalid', at);
  }
}

/** PostgreSQL constraint violations that reach the edge are the caller's mistake, not ours. */
function fromDatabase(error: unknown): DomainError | null {
  const cause = (error as { cause?: { code?: string; constraint_name?: string; constraint?: string } }).cause ?? error;
  const code = (cause as { code?: string }).code;
  const constraint = (cause as { constraint_name?: string; constraint?: string }).constraint_name ?? (cause as { constraint?: string }).constraint ?? null;
  switch (code) {
    case '23505':
      return new DomainError('database.duplicate', { constraint });
    case '23503':
      return new DomainError('database.missing_reference', { constraint });
    case '23514':
      return new DomainError('database.out_of_range', { constraint });
    case '22003':
      return new DomainError('database.number_too_large');
    // Text the database cannot hold (NUL, an unencodable character), a malformed value, an index row too large.
    case '22021':
    case '22P05':
    case '22P02':
    case '54000':
      return new DomainError('database.bad_value');
    default:
      return null;
  }
}

/** The signed-in user's language when the request has a session, else English (API users, sign-in). */
function answerLanguage(c: Context): Language {
  const language = (c.var as { user?: { language?: unknown } }).user?.language;
  return isLanguage(language) ? language : 'en';
}

/** A failed query is logged with its SQL but never its parameters: they carry customers' data and secrets. */
function logUnexpected(error: unknown): void {
  const query = (error as { query?: unknown }).query;
  if (typeof query !== 'string') return console.error(error);
  const cause = (error as { cause?: { message?: string; code?: string } }).cause;
  console.error('Failed query', { query, code: cause?.code, cause: cause?.message });
}

export function toErrorResponse(error: unknown, c: Context): Response {
  const domain =
    error instanceof DomainError
      ? error
      : error instanceof HTTPException
        ? error.status === 401
          ? new DomainError('session.required')
          : new DomainError('request.unreadable', { detail: error.message || 'invalid request' })
        : fromDatabase(error);
  const language = answerLanguage(c);
  if (!domain) {
    logUnexpected(error);
    return c.json<ErrorBody>({ code: 'internal', key: 'server.internal', params: {}, message: errorMessage('server.internal', {}, language) }, 500);
  }
  const field = typeof domain.meta.field === 'string' ? domain.meta.field : undefined;
  const reason = readingReasonSchema.safeParse(domain.meta.reason);
  return c.json<ErrorBody>(
    {
      code: domain.code,
      ...(domain.key ? { key: domain.key } : {}),
      params: domain.params,
      message: domain.key ? errorMessage(domain.key, domain.params as never, language) : domain.message,
      ...(field ? { field } : {}),
      ...(reason.success ? { reason: reason.data } : {}),
    },
    STATUS[domain.code],
  );
}
