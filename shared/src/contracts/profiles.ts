import { z } from 'zod';
import { instantSchema, requiredText } from './paging.ts';

/** The console screens a profile grants, and how far. */
export const SCREENS = ['dashboard', 'customers', 'devices', 'readings', 'billing', 'agents', 'users', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];
export const ACCESS_LEVELS = ['none', 'view', 'edit'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Permissions = Record<Screen, AccessLevel>;

const rank: Record<AccessLevel, number> = { none: 0, view: 1, edit: 2 };

/** True when `granted` covers `needed` (edit includes view). */
export function allows(granted: AccessLevel, needed: Exclude<AccessLevel, 'none'>): boolean {
  return rank[granted] >= rank[needed];
}

/** What an account without a profile (and every partner admin) may do. */
export const FULL_ACCESS: Permissions = Object.fromEntries(SCREENS.map((screen) => [screen, 'edit'])) as Permissions;

export const permissionsSchema = z.strictObject(
  Object.fromEntries(SCREENS.map((screen) => [screen, z.enum(ACCESS_LEVELS)])) as Record<Screen, z.ZodEnum<{ none: 'none'; view: 'view'; edit: 'edit' }>>,
);

export const profileSchema = z.object({
  id: z.uuid(),
  name: z.string(),
  permissions: permissionsSchema,
  /** How many users carry it; a profile in use cannot be deleted. */
  userCount: z.number().int().nonnegative(),
  createdAt: instantSchema,
});
export type Profile = z.infer<typeof profileSchema>;

export const profileCreateSchema = z.strictObject({ name: requiredText(100), permissions: permissionsSchema });
export type ProfileCreate = z.infer<typeof profileCreateSchema>;
export const profileUpdateSchema = z.strictObject({ name: requiredText(100).optional(), permissions: permissionsSchema.optional() });
export type ProfileUpdate = z.infer<typeof profileUpdateSchema>;
export const profileListSchema = z.object({ items: z.array(profileSchema) });

/** A staff user's profile; null gives the full access staff had before profiles existed. */
export const userProfileSchema = z.strictObject({ profileId: z.uuid().nullable() });
export type UserProfile = z.infer<typeof userProfileSchema>;

/** The signed-in user's effective permissions, for the console to hide what it may not use. */
export const myPermissionsSchema = z.object({ profileId: z.uuid().nullable(), permissions: permissionsSchema });
export type MyPermissions = z.infer<typeof myPermissionsSchema>;

/** Per user, for the users screen. */
export const userProfileAssignmentsSchema = z.object({ items: z.array(z.object({ userId: z.uuid(), profileId: z.uuid() })) });
