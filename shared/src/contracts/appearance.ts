import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { optionalText } from './paging.ts';

/** What the dealer's customers and staff see of the dealer: logo, colour, sender, language, contacts. */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml', 'image/webp'] as const;
export type LogoType = (typeof LOGO_TYPES)[number];
/** Logos go into every email: keep them small. */
export const MAX_LOGO_BYTES = 512 * 1024;

export const hexColourSchema = z
  .string()
  .trim()
  .regex(/^#[0-9a-fA-F]{6}$/, 'Use a colour such as #1f5fa8')
  .transform((value) => value.toLowerCase());

export const appearanceSchema = z.object({
  name: z.string(),
  brandColour: z.string(),
  /** Public URL of the logo (emails and the meter page load it without a session); null when none. */
  logoUrl: z.string().nullable(),
  senderEmail: z.string().nullable(),
  defaultLanguage: z.enum(LANGUAGES),
  email: z.string(),
  phone: z.string().nullable(),
  address: z.string().nullable(),
  website: z.string().nullable(),
});
export type Appearance = z.infer<typeof appearanceSchema>;

/** The part of the appearance every console user's screens wear, whatever their profile allows. */
export const brandSchema = appearanceSchema.pick({ name: true, brandColour: true, logoUrl: true });
export type Brand = z.infer<typeof brandSchema>;

export const appearanceUpdateSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  brandColour: hexColourSchema.optional(),
  senderEmail: z.email().trim().toLowerCase().nullish(),
  defaultLanguage: z.enum(LANGUAGES).optional(),
  email: z.email().trim().toLowerCase().optional(),
  phone: optionalText(50),
  address: optionalText(300),
  website: optionalText(200),
});
export type AppearanceUpdate = z.infer<typeof appearanceUpdateSchema>;

/** The logo travels as base64 in JSON so the PWA's one API client (JSON only) can send it. */
export const logoUploadSchema = z.strictObject({
  contentType: z.enum(LOGO_TYPES),
  dataBase64: z.string().min(4).max(Math.ceil((MAX_LOGO_BYTES * 4) / 3) + 4, 'The logo must be 512 KB or smaller'),
});
export type LogoUpload = z.infer<typeof logoUploadSchema>;
