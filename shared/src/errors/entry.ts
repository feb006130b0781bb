import type { ErrorCode } from '../errors.ts';
import type { Translations } from '../languages.ts';
import type { ErrorFormat } from './format.ts';

/** One error text in one language, from the error's parameters. */
export type Render<P> = (params: P, format: ErrorFormat) => string;

/**
 * A catalogue entry: the code (HTTP status family) the error answers with, and its text in every
 * language. `P` is what the thrower must pass; it travels to clients as `params`, so keep it JSON.
 */
export interface ErrorEntry<P> {
  readonly code: ErrorCode;
  readonly texts: Translations<Render<P>>;
}

/** Declares an entry; `P` defaults to no parameters. A missing language fails type-check. */
export function entry<P extends object = {}>(code: ErrorCode, texts: Translations<Render<P>>): ErrorEntry<P> {
  return { code, texts };
}
