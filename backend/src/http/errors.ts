import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';
import { DomainError, readingReasonSchema, type ErrorCode, type ReadingReason } from '@parc/shared';

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
  internal: 500,
};

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  field?: string;
  /** A refused reading's coded reason, for the client to word in its user's language. */
  reason?: ReadingReason;
}

/** The first zod issue as the body a person reads: which field, and why. */
export function validationError(error: z.ZodError): DomainError {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || undefined;
  const message = issue ? (field ? `${field}: ${issue.message}` : issue.message) : 'Invalid request';
  return new DomainError('bad_request', message, field ? { field } : {});
}

/** PostgreSQL constraint violations that reach the edge are the caller's mistake, not ours. */
function fromDatabase(error: unknown): DomainError | null {
  const cause = (error as { cause?: { code?: string; constraint_name?: string; constraint?: string } }).cause ?? error;
  const code = (cause as { code?: string }).code;
  const constraint = (cause as { constraint_name?: string; constraint?: string }).constraint_name ?? (cause as { constraint?: string }).constraint;
  switch (code) {
    case '23505':
      return new DomainError('conflict', `This would duplicate an existing record (${constraint ?? 'unique value'}).`, { constraint });
    case '23503':
      return new DomainError('bad_request', `A referenced record does not exist (${constraint ?? 'foreign key'}).`, { constraint });
    case '23514':
      return new DomainError('bad_request', `A value is out of the allowed range (${constraint ?? 'check'}).`, { constraint });
    case '22003':
      return new DomainError('bad_request', 'A number is too large.');
    default:
      return null;
  }
}

export function toErrorResponse(error: unknown, c: Context): Response {
  const domain =
    error instanceof DomainError
      ? error
      : error instanceof HTTPException
        ? new DomainError(error.status === 401 ? 'unauthenticated' : 'bad_request', error.message || 'Invalid request')
        : fromDatabase(error);
  if (!domain) {
    console.error(error);
    return c.json<ErrorBody>({ code: 'internal', message: 'Something went wrong on our side; nothing was saved. Please try again.' }, 500);
  }
  const field = typeof domain.meta.field === 'string' ? domain.meta.field : undefined;
  const reason = readingReasonSchema.safeParse(domain.meta.reason);
  return c.json<ErrorBody>({ code: domain.code, message: domain.message, ...(field ? { field } : {}), ...(reason.success ? { reason: reason.data } : {}) }, STATUS[domain.code]);
}
