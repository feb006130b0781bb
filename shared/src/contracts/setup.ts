import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { isCountryCode, isCurrencyCode } from '../setup/codes.ts';
import { isTimeZone } from './customers.ts';
import { requiredText } from './paging.ts';

/**
 * The one-time setup link (/setup/<token>): what the page learns about its link, and what it sends
 * to create a dealer and the dealer's first administrator.
 */

export const SETUP_LINK_VALID_HOURS = 24;

/** A working link: `first` for a fresh installation, `additional` for one more dealer on it. */
export const setupLinkSchema = z.object({
  kind: z.enum(['first', 'additional']),
  expiresAt: z.iso.datetime({ offset: true }),
});
export type SetupLink = z.infer<typeof setupLinkSchema>;

export const dealerSetupSchema = z.strictObject({
  dealer: z.strictObject({
    name: requiredText(200),
    country: z.string().trim().refine(isCountryCode, 'Use a two-letter ISO country code such as CH'),
    currency: z.string().trim().refine(isCurrencyCode, 'Use a three-letter ISO currency code such as CHF'),
    language: z.enum(LANGUAGES),
    timeZone: z.string().trim().refine(isTimeZone, 'Use an IANA time zone such as Europe/Zurich'),
  }),
  admin: z.strictObject({
    name: requiredText(200),
    email: z.string().trim().toLowerCase().pipe(z.email().max(254)),
    /** Length and strength are judged by the server's password policy, as everywhere else. */
    password: z.string().max(800),
  }),
});
export type DealerSetup = z.infer<typeof dealerSetupSchema>;

/** The dealer made, and the address its administrator signs in with. */
export const dealerSetupResultSchema = z.object({ partnerId: z.uuid(), email: z.string() });
export type DealerSetupResult = z.infer<typeof dealerSetupResultSchema>;
