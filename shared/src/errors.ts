import { ERROR_MESSAGES, errorMessage, type ErrorKey, type ErrorParams } from './errors/catalogue.ts';

export { ERROR_MESSAGES, errorMessage, isErrorKey, type ErrorKey, type ErrorParams } from './errors/catalogue.ts';

/**
 * The one error type domain code throws. `code` is stable and sets the HTTP status (clients and
 * tests match on it); `key` and `params` name the text in errors/catalogue.ts, which clients word in
 * their user's language; `message` is that text in English, for logs and API users.
 */
export type ErrorCode =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'locked'
  | 'rate_limited'
  | 'too_large'
  | 'link_invalid'
  | 'reading_refused'
  | 'agent_revoked'
  | 'internal';

/** Facts about an error for the server: `field` names the input at fault, `reason` a refused reading's. */
export interface ErrorMeta {
  field?: string;
  [name: string]: unknown;
}

/** What a throw passes: the key's parameters, plus `field` when one input is at fault. */
export type ErrorDetails<K extends ErrorKey> = ErrorParams<K> & { field?: string };

/** The details may be left out when the key takes no parameters. */
type DetailsArgs<K extends ErrorKey> = {} extends ErrorParams<K> ? [details?: ErrorDetails<K>] : [details: ErrorDetails<K>];

export class DomainError<K extends ErrorKey = ErrorKey> extends Error {
  readonly code: ErrorCode;
  /** Undefined only for a keyless error. */
  readonly key: K | undefined;
  /** What the text is made of, `field` included: JSON, sent to clients with the key. */
  readonly params: Readonly<ErrorMeta>;
  /** The same object as `params` for a keyed error; a keyless error's facts otherwise. */
  readonly meta: Readonly<ErrorMeta>;

  /** `throw new DomainError('device.serial_taken', { serial, deviceCode, field: 'serial' })` */
  constructor(key: K, ...details: DetailsArgs<K>);
  /**
   * Keyless, with an English message only: for errors no person reads through a client (the
   * agent's command line), and for code not converted yet (see errors.boundary.test.ts).
   */
  constructor(code: ErrorCode, message: string, meta?: ErrorMeta);
  constructor(keyOrCode: K | ErrorCode, detailsOrMessage?: ErrorDetails<K> | string, meta: ErrorMeta = {}) {
    if (typeof detailsOrMessage === 'string') {
      super(detailsOrMessage);
      this.code = keyOrCode as ErrorCode;
      this.key = undefined;
      this.params = {};
      this.meta = meta;
    } else {
      const key = keyOrCode as K;
      const details = (detailsOrMessage ?? {}) as ErrorDetails<K>;
      super(errorMessage(key, details, 'en'));
      this.code = ERROR_MESSAGES[key].code;
      this.key = key;
      this.params = details;
      this.meta = details;
    }
    this.name = 'DomainError';
  }
}
