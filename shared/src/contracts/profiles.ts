import { z } from 'zod';
import { instantSchema, requiredText } from './paging.ts';

/** The console screens a profile grants, and how far. */
export const SCREENS = [
  'dashboard',
  'customers',
  'devices',
  'readings',
  'maintenance',
  'consumables',
  'billing',
  'reports',
  'agents',
  'users',
  'settings',
] as const;
export type Screen = (typeof SCREENS)[number];
export const ACCESS_LEVELS = ['none', 'view', 'edit'] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];
export type Permissions = Record<Screen, AccessLevel>;

const rank: Record<AccessLevel, number> = { none: 0, view: 1, edit: 2 };

/** True when `granted` covers `needed` (edit includes view). */
export function allows(granted: AccessLevel, needed: Exclude<AccessLevel, 'none'>): boolean {
  return rank[granted] >= rank[needed];
}

/**
 * Screens added after profiles were first saved, and the screen whose level a stored profile that
 * predates them takes: maintenance requests and errors were open to whoever handled devices, supplies
 * belong to devices, reports grew out of the dashboard's figures.
 */
export const LATER_SCREENS = { maintenance: 'devices', consumables: 'devices', reports: 'dashboard' } as const satisfies Partial<Record<Screen, Screen>>;

/** A stored profile's permissions with every screen present: a later screen takes its origin's level, anything else unknown is none. */
export function completePermissions(stored: Partial<Record<string, AccessLevel>>): Permissions {
  const levelOf = (screen: Screen): AccessLevel => {
    const level = stored[screen];
    if (level !== undefined && (ACCESS_LEVELS as readonly string[]).includes(level)) return level;
    const origin: Screen | undefined = (LATER_SCREENS as Partial<Record<Screen, Screen>>)[screen];
    return origin ? levelOf(origin) : 'none';
  };
  return Object.fromEntries(SCREENS.map((screen) => [screen, levelOf(screen)])) as Permissions;
}

/** What an account without a profile (and every partner admin) may do. */
export const FULL_ACCESS: Permissions = Object.fromEntries(SCREENS.map((screen) => [screen, 'edit'])) as Permissions;

type LevelSchema = z.ZodEnum<{ none: 'none'; view: 'view'; edit: 'edit' }>;
export const permissionsSchema = z.strictObject(Object.fromEntries(SCREENS.map((screen) => [screen, z.enum(ACCESS_LEVELS)])) as Record<Screen, LevelSchema>);

/** What a client saves: a client written before a later screen existed may leave it out, and it takes its origin's level (see completePermissions). */
type LaterScreen = keyof typeof LATER_SCREENS;
export const permissionsInputSchema = z.strictObject(
  Object.fromEntries(SCREENS.map((screen) => [screen, screen in LATER_SCREENS ? z.enum(ACCESS_LEVELS).optional() : z.enum(ACCESS_LEVELS)])) as Record<
    Exclude<Screen, LaterScreen>,
    LevelSchema
  > &
    Record<LaterScreen, z.ZodOptional<LevelSchema>>,
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

export const profileCreateSchema = z.strictObject({ name: requiredText(100), permissions: permissionsInputSchema });
export type ProfileCreate = z.infer<typeof profileCreateSchema>;
export const profileUpdateSchema = z.strictObject({ name: requiredText(100).optional(), permissions: permissionsInputSchema.optional() });
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
