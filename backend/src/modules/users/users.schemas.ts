import { z } from '@hono/zod-openapi';
import { LANGUAGES } from '@parc/shared';
import { instantSchema, pageQuerySchema, pageSchema, requiredText } from '@parc/shared/contracts/paging';
import { USER_ROLES } from '../../db/schema/index.ts';
import { emailInput } from '../auth/auth.schemas.ts';

const customerIds = z.array(z.uuid()).max(500);

export const UserSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: z.enum(USER_ROLES),
    language: z.string(),
    active: z.boolean(),
    /** The customers a coordinator may see; empty for every other role (they see all the partner's). */
    customerIds: z.array(z.uuid()),
    /** Invited, but no password chosen yet. */
    invitationPending: z.boolean(),
    createdAt: instantSchema,
  })
  .openapi('User');
export type UserView = z.infer<typeof UserSchema>;

export const UserPageSchema = pageSchema(UserSchema);
export const UserListQuerySchema = pageQuerySchema;

export const UserInviteSchema = z.object({
  email: emailInput,
  name: requiredText(200),
  role: z.enum(USER_ROLES),
  language: z.enum(LANGUAGES).default('fr'),
  customerIds: customerIds.optional(),
});
export type UserInvite = z.infer<typeof UserInviteSchema>;

export const UserUpdateSchema = z.object({
  name: requiredText(200).optional(),
  role: z.enum(USER_ROLES).optional(),
  language: z.enum(LANGUAGES).optional(),
  active: z.boolean().optional(),
  customerIds: customerIds.optional(),
});
export type UserUpdate = z.infer<typeof UserUpdateSchema>;
