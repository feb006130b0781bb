import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RouteAccess } from '../modules/auth/access.ts';
import { ACCESS_EXTENSION } from './router.ts';

/** One operation of the API as mounted, with the access its declaration gives it (undefined: none declared). */
export interface RouteEntry {
  method: string;
  /** The OpenAPI form, with `{param}`: `/api/customers/{id}`. */
  path: string;
  access: RouteAccess | undefined;
  /** The route reads a JSON body (so a body its schema refuses stops it after its gate, before any work). */
  jsonBody: boolean;
  /** The route reads a body of any kind (JSON, a form, a file). */
  body: boolean;
  /** Path parameters, in order. */
  params: string[];
}

/** Served by the app itself rather than a module's router: the API description. */
const APP_ROUTES: Record<string, RouteAccess> = { 'GET /api/openapi.json': { kind: 'public' } };

const key = (method: string, path: string) => `${method.toUpperCase()} ${path}`;
const paramsOf = (path: string) => [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);

/**
 * Every operation the app answers, from its route table: the OpenAPI registry (each route's
 * `x-parc-access`) joined with Hono's own routes, so a route added outside the registry shows too.
 */
export function routeTable(app: OpenAPIHono<any, any, any>): RouteEntry[] {
  const entries = new Map<string, RouteEntry>();
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue;
    const route = definition.route as typeof definition.route & { [ACCESS_EXTENSION]?: RouteAccess };
    const content = route.request?.body?.content;
    entries.set(key(route.method, route.path), {
      method: route.method.toUpperCase(),
      path: route.path,
      access: route[ACCESS_EXTENSION],
      jsonBody: content !== undefined && 'application/json' in content,
      body: content !== undefined,
      params: paramsOf(route.path),
    });
  }
  for (const { method, path: honoPath } of app.routes) {
    if (method === 'ALL') continue; // middleware and the closing not-found answer
    const path = honoPath.replaceAll(/:([^/{]+)(\{[^}]*\})?/g, '{$1}');
    if (entries.has(key(method, path))) continue;
    entries.set(key(method, path), { method, path, access: APP_ROUTES[key(method, path)], jsonBody: false, body: false, params: paramsOf(path) });
  }
  return [...entries.values()];
}
