import { z } from '@hono/zod-openapi';
import { USER_ROLES } from '../../db/schema/index.ts';
import { PASSWORD_MAX_LENGTH } from './password-policy.ts';

/** Emails are compared lower-cased everywhere (the users table only holds lower-case ones). */
export const emailInput = z.string().trim().toLowerCase().pipe(z.email().max(254)).openapi({ example: 'marie@dealer.ch' });

export const AuthUserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    partnerId: z.uuid(),
    language: z.string(),
  })
  .openapi('AuthUser');

export const LoginBodySchema = z.object({
  email: emailInput,
  // Any length is checked, but a bound keeps a huge body from being hashed.
  password: z.string().min(1).max(PASSWORD_MAX_LENGTH * 4),
});

export const ResetRequestBodySchema = z.object({ email: emailInput });

export const ResetConfirmBodySchema = z.object({
  token: z.string().min(1).max(200),
  // Length and strength are checked by passwordProblem, which says what is wrong in words.
  password: z.string().max(PASSWORD_MAX_LENGTH * 4),
});

