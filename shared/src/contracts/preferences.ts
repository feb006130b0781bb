import { z } from 'zod';

/** Screens whose display options are remembered per user. */
export const PREFERENCE_SCREENS = ['customers', 'devices'] as const;
export type PreferenceScreen = (typeof PREFERENCE_SCREENS)[number];

/** 0 rows per page means "auto": as many as fit the screen. */
export const ROWS_PER_PAGE = [0, 10, 20, 50, 100] as const;

export const listPreferencesSchema = z.strictObject({
  /** Column ids in display order; unknown ids are ignored by the screen. */
  visibleColumns: z.array(z.string().min(1).max(50)).max(50),
  rowsPerPage: z.union(ROWS_PER_PAGE.map((value) => z.literal(value))),
});
export type ListPreferences = z.infer<typeof listPreferencesSchema>;

/** What the server answers: the saved options, or null when the user never saved any (the screen uses its defaults). */
export const listPreferencesAnswerSchema = z.object({ screen: z.enum(PREFERENCE_SCREENS), value: listPreferencesSchema.nullable() });
