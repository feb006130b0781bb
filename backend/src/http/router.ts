import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { accessOf, type RouteAccess } from '../modules/auth/access.ts';
import { validationError } from './errors.ts';
import { securityFor } from './openapi.ts';

/** What every request carries: the app's dependencies, and the signed-in user once auth ran. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
  };
}

/** The OpenAPI extension that carries a route's declared access into the route table and the document. */
export const ACCESS_EXTENSION = 'x-parc-access';

/**
 * The access declared by a route's gate middleware. Several screen gates for the same roles add up
 * (each screen is needed); any other pair of gates would say two things, and is refused.
 */
export function declaredAccess(route: { method: string; path: string; middleware?: unknown }): RouteAccess | undefined {
  const middleware = route.middleware === undefined ? [] : Array.isArray(route.middleware) ? route.middleware : [route.middleware];
  const declared = middleware.map(accessOf).filter((access) => access !== undefined);
  if (declared.length <= 1) return declared[0];
  const [first] = declared;
  const sameRoles = (access: RouteAccess) => access.kind === 'screen' && first?.kind === 'screen' && access.roles.join() === first.roles.join();
  if (!declared.every(sameRoles)) throw new Error(`${route.method.toUpperCase()} ${route.path} declares its access more than once`);
  return { kind: 'screen', roles: first!.kind === 'screen' ? first!.roles : [], needs: declared.flatMap((access) => (access.kind === 'screen' ? access.needs : [])) };
}

/**
 * Every module's router: invalid input becomes a 400 naming the field, the same everywhere, and each
 * route's declared access (its gate) is written into the route table as `x-parc-access`, with the
 * credentials it takes as its OpenAPI `security`.
 */
export function createRouter() {
  const router = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
  const register = router.openapi;
  router.openapi = ((route: Parameters<typeof register>[0], ...rest: unknown[]) => {
    const access = declaredAccess(route);
    const declared = access ? { ...route, [ACCESS_EXTENSION]: access, security: route.security ?? securityFor(access) } : route;
    return (register as (...args: unknown[]) => unknown)(declared, ...rest);
  }) as typeof register;
  return router;
}
