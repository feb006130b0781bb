import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { DomainError } from '@parc/shared';
import { AGENT_LIMITS } from '@parc/shared/contracts/agents';

/**
 * Input refused at the edge, before any route parses it:
 * - bodies over the route's limit (read as a stream, so a chunked upload stops at the cap);
 * - text no field may hold — a NUL character, half a surrogate pair — or longer than any field
 *   allows, anywhere in a JSON body or the query, named by its path. PostgreSQL would otherwise
 *   answer 500 (22021, 54000); each field's own schema still sets its tighter maximum.
 */

/** Ordinary JSON bodies; the routes that carry files or agent batches get more. */
export const DEFAULT_BODY_BYTES = 1024 * 1024;
/** A 5 MB file travels base64 inside JSON (4/3 larger), with room for its other fields. */
const FILE_BODY_BYTES = 8 * 1024 * 1024;

const LARGER_BODIES: readonly { path: RegExp; bytes: number }[] = [
  { path: /^\/api\/requests\/[^/]+\/attachments$/, bytes: FILE_BODY_BYTES },
  { path: /^\/api\/invoices(\/[^/]+)?$/, bytes: FILE_BODY_BYTES },
  { path: /^\/api\/customers\/[^/]+\/floorplans(\/.*)?$/, bytes: FILE_BODY_BYTES },
  // Up to three photos in one report; a technician's batch is split by the app when it is larger.
  { path: /^\/api\/(tech\/sync|coordinator\/problems)$/, bytes: 3 * FILE_BODY_BYTES },
  { path: /^\/api\/agent\/(samples|discovery)$/, bytes: AGENT_LIMITS.requestBytes },
  { path: /^\/api\/customers\/[^/]+\/prices$/, bytes: 4 * 1024 * 1024 },
];

export function bodyLimitFor(path: string): number {
  return LARGER_BODIES.find((entry) => entry.path.test(path))?.bytes ?? DEFAULT_BODY_BYTES;
}

const limiters = new Map<number, MiddlewareHandler>();
function limiter(bytes: number): MiddlewareHandler {
  let handler = limiters.get(bytes);
  if (!handler) {
    handler = bodyLimit({
      maxSize: bytes,
      onError: () => {
        throw new DomainError('request.too_large', { maximum: bytes });
      },
    });
    limiters.set(bytes, handler);
  }
  return handler;
}

/** No field holds more text than this (file contents travel as `dataBase64`, bounded by their own schema). */
export const MAX_TEXT_LENGTH = 20_000;
const UNBOUNDED_TEXT_FIELDS = new Set(['dataBase64']);

// A NUL, a high surrogate not followed by a low one, or a low one not preceded by a high one.
const BAD_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** The first string in `value` that no field may hold, with its path and why. */
export function badText(value: unknown, path: string[] = []): { field: string; problem: 'bad_text' | 'too_long' } | null {
  if (typeof value === 'string') {
    if (BAD_TEXT.test(value)) return { field: path.join('.'), problem: 'bad_text' };
    if (value.length > MAX_TEXT_LENGTH && !UNBOUNDED_TEXT_FIELDS.has(path.at(-1) ?? '')) return { field: path.join('.'), problem: 'too_long' };
    return null;
  }
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      const found = badText(value[index], [...path, String(index)]);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const found = badText(key, path) ?? badText(child, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function refuse(found: { field: string; problem: 'bad_text' | 'too_long' }): never {
  if (found.problem === 'bad_text') throw new DomainError('validation.bad_text', { field: found.field });
  throw new DomainError('validation.too_big', { field: found.field, origin: 'string', maximum: MAX_TEXT_LENGTH, inclusive: true, exact: false });
}

function decodedPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    // Not percent-decodable: the router will not match it either.
    return path;
  }
}

export function inputGuard(): MiddlewareHandler {
  return async (c, next) => {
    await limiter(bodyLimitFor(c.req.path))(c, async () => {
      // Path segments and query values reach SQL too (a NUL in ?search= was a 500).
      const fromUrl = badText(c.req.queries(), []) ?? badText(decodedPath(c.req.path), ['path']);
      if (fromUrl) refuse(fromUrl);
      if (c.req.header('content-type')?.toLowerCase().startsWith('application/json')) {
        // Hono keeps the parsed body: the route's validator reads the same object, not the stream again.
        const body = await c.req.json().catch(() => undefined);
        const found = badText(body);
        if (found) refuse(found);
      }
      await next();
    });
  };
}
