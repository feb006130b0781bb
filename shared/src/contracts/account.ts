import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { requiredText } from './paging.ts';

/**
 * The signed-in user's own account (/api/me/…): name, language, email (changed through a link sent
 * to the new address), password, and the other sessions open on it.
 */

/** Longest password accepted in a body; length and strength are judged by the server's password policy. */
const passwordText = z.string().max(800);

export const accountSchema = z.object({
  name: z.string(),
  email: z.string(),
  language: z.enum(LANGUAGES),
  /** Sessions of this user open elsewhere (other browsers or devices), not counting this one. */
  otherSessions: z.number().int().min(0),
});
export type Account = z.infer<typeof accountSchema>;

export const accountChangeSchema = z.strictObject({
  name: requiredText(200).optional(),
  language: z.enum(LANGUAGES).optional(),
});
export type AccountChange = z.infer<typeof accountChangeSchema>;

/** The current password proves it is the owner at the keyboard, not someone at an unlocked screen. */
export const emailChangeSchema = z.strictObject({
  email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
  currentPassword: passwordText.min(1),
});
export type EmailChange = z.infer<typeof emailChangeSchema>;

/** Where the confirmation link went and until when it works. */
export const emailChangeAnswerSchema = z.object({ email: z.string(), expiresAt: z.iso.datetime({ offset: true }) });
export type EmailChangeAnswer = z.infer<typeof emailChangeAnswerSchema>;

export const emailConfirmSchema = z.strictObject({ token: z.string().min(1).max(2000) });
/** The address now on the account. */
export const emailConfirmAnswerSchema = z.object({ email: z.string() });

export const passwordChangeSchema = z.strictObject({
  currentPassword: passwordText.min(1),
  password: passwordText,
});
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

export const sessionsEndedSchema = z.object({ ended: z.number().int().min(0) });
