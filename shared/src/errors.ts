/**
 * The one error type domain code throws. `code` is stable (clients and tests match on it),
 * `message` is for people, `field` names the input at fault when there is one.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'link_invalid'
  | 'reading_refused'
  | 'agent_revoked'
  | 'internal';

export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly meta: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
