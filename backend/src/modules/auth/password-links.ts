import { and, eq, isNull } from 'drizzle-orm';
import { passwordReset, senderHeaders, userInvite, type DealerBranding, type RenderedEmail } from '@parc/emails';
import { DEFAULT_LANGUAGE, isLanguage } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { partners, passwordResets } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { hashToken, newToken } from './session-token.ts';

/**
 * Single-use links to choose a password: "forgot password" and user invitations share one table
 * and one confirm endpoint, and differ only in validity and wording.
 */
export const RESET_VALID_MINUTES = 60;
export const INVITATION_VALID_DAYS = 7;

export interface LinkRecipient {
  id: string;
  partnerId: string;
  email: string;
  language: string;
}

type Partner = typeof partners.$inferSelect;

function brandingOf(partner: Partner): DealerBranding {
  return {
    name: partner.name,
    logoUrl: partner.logoUrl ?? undefined,
    brandColour: partner.brandColour,
    sender: { name: partner.name, email: partner.senderEmail ?? partner.email },
    contact: { phone: partner.phone ?? undefined, email: partner.email, address: partner.address ?? undefined },
  };
}

/** Stores the hash of a new token (the user's earlier unused links stop working) and returns the link. */
async function createLink(deps: AppDeps, db: Db, user: LinkRecipient, validMs: number): Promise<{ url: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(deps.clock().getTime() + validMs);
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { url: `${deps.publicUrl}/reset-password/${token}`, expiresAt };
}

async function sendAsPartner(deps: AppDeps, db: Db, user: LinkRecipient, render: (partner: Partner, branding: DealerBranding) => RenderedEmail) {
  const [partner] = await db.select().from(partners).where(eq(partners.id, user.partnerId));
  if (!partner) throw new Error(`Partner ${user.partnerId} of user ${user.id} is missing`);
  const branding = brandingOf(partner);
  // The dealer's own address only when it set one up for sending; otherwise Parc's sender, replies to the dealer.
  const headers = partner.senderEmail ? senderHeaders(branding) : { replyTo: partner.email };
  await deps.mailer.send({ to: user.email, ...render(partner, branding), ...headers });
}

const languageOf = (user: LinkRecipient) => (isLanguage(user.language) ? user.language : DEFAULT_LANGUAGE);

export async function sendPasswordResetLink(deps: AppDeps, db: Db, user: LinkRecipient): Promise<void> {
  const { url } = await createLink(deps, db, user, RESET_VALID_MINUTES * 60_000);
  await sendAsPartner(deps, db, user, (_, branding) =>
    passwordReset({ language: languageOf(user), branding, resetUrl: url, validForMinutes: RESET_VALID_MINUTES }),
  );
}

export async function sendInvitation(deps: AppDeps, db: Db, user: LinkRecipient, inviterName: string): Promise<void> {
  const { url, expiresAt } = await createLink(deps, db, user, INVITATION_VALID_DAYS * 86_400_000);
  await sendAsPartner(deps, db, user, (partner, branding) =>
    userInvite({
      language: languageOf(user),
      branding,
      inviterName,
      organisationName: partner.name,
      acceptUrl: url,
      expiresAt,
      timeZone: partner.defaultTimezone,
    }),
  );
}
