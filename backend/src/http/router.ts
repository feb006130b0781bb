import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppDeps } from '../deps.ts';
import { validationError } from './errors.ts';

/** What every request carries: the app's dependencies, and the signed-in user once auth ran. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
  };
}

/** Every module's router: invalid input becomes a 400 naming the field, the same everywhere. */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error);
    },
  });
}
