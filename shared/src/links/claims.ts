import { z } from 'zod';
import { DomainError } from '../errors.ts';
import { expiryInstant, periodKeySchema, type CampaignCalendar, type PeriodKey } from '../meters/periods.ts';

/**
 * What a meter-entry link carries once verified. Opaque ids only: the URL may end up in logs,
 * forwarded mails or browser history, so no customer number, name or address goes in it.
 * Standard JWT names where one exists (jti, sub, exp) so the signer checks expiry itself;
 * signing lives in the backend, this is the shape both sides agree on.
 */
export const linkClaimsSchema = z.object({
  /** Link id: one row per link, so a link can be revoked on its own. */
  jti: z.uuid(),
  /** Customer id. */
  sub: z.uuid(),
  /** Partner (dealer) id. */
  pid: z.uuid(),
  /** The campaign period the link is for. */
  per: periodKeySchema,
  /** Expiry, seconds since the epoch: the end of the period's last valid day. */
  exp: z.number().int().positive(),
});
export type LinkClaims = z.infer<typeof linkClaimsSchema>;

export interface LinkSubject {
  linkId: string;
  customerId: string;
  partnerId: string;
  period: PeriodKey;
}

export function linkClaimsFor(subject: LinkSubject, calendar: CampaignCalendar): LinkClaims {
  return linkClaimsSchema.parse({
    jti: subject.linkId,
    sub: subject.customerId,
    pid: subject.partnerId,
    per: subject.period,
    exp: Math.floor(expiryInstant(calendar, subject.period).getTime() / 1000),
  });
}

/**
 * Validates a decoded payload and its expiry; extra claims (iat, iss...) are dropped. Every
 * failure is the same `link_invalid`, as the page tells the customer nothing more than
 * "this link is wrong or no longer valid".
 */
export function readLinkClaims(payload: unknown, now: Date): LinkSubject & { expiresAt: Date } {
  const parsed = linkClaimsSchema.safeParse(payload);
  if (!parsed.success) throw new DomainError('link_invalid', 'link claims are malformed');
  const { jti, sub, pid, per, exp } = parsed.data;
  const expiresAt = new Date(exp * 1000);
  if (now.getTime() >= expiresAt.getTime()) throw new DomainError('link_invalid', 'link has expired', { expiredAt: expiresAt.toISOString() });
  return { linkId: jti, customerId: sub, partnerId: pid, period: per, expiresAt };
}
