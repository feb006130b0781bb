import { and, eq, isNull } from 'drizzle-orm';
import { passwordReset, userInvite, type RenderedEmail } from '@parc/emails';
import type { Db } from '../../db/client.ts';
import { passwordResets } from '../../db/schema/index.ts';
import type { AppDeps } from '../../deps.ts';
import { contactLanguage, loadDealerMail, type DealerMail } from '../../mail/dealer.ts';
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

/** Stores the hash of a new token (the user's earlier unused links stop working) and returns the link. */
async function createLink(deps: AppDeps, db: Db, user: LinkRecipient, validMs: number): Promise<{ url: string; expiresAt: Date }> {
  const token = newToken();
  const expiresAt = new Date(deps.clock().getTime() + validMs);
  await db.delete(passwordResets).where(and(eq(passwordResets.userId, user.id), isNull(passwordResets.usedAt)));
  await db.insert(passwordResets).values({ tokenHash: hashToken(token), userId: user.id, expiresAt });
  return { url: `${deps.publicUrl}/reset-password/${token}`, expiresAt };
}

/** Sends `render`'s email to `user.email` as their dealer (its branding, sender and reply address). */
export async function sendAsPartner(deps: AppDeps, db: Db, user: LinkRecipient, render: (dealer: DealerMail) => RenderedEmail) {
  const dealer = await loadDealerMail(db, user.partnerId);
  await deps.mailer.send({ to: user.email, ...render(dealer), ...dealer.headers });
}

export async function sendPasswordResetLink(deps: AppDeps, db: Db, user: LinkRecipient): Promise<void> {
  const { url } = await createLink(deps, db, user, RESET_VALID_MINUTES * 60_000);
  await sendAsPartner(deps, db, user, ({ branding }) =>
    passwordReset({ language: contactLanguage(user.language), branding, resetUrl: url, validForMinutes: RESET_VALID_MINUTES }),
  );
}

export async function sendInvitation(deps: AppDeps, db: Db, user: LinkRecipient, inviterName: string): Promise<void> {
  const { url, expiresAt } = await createLink(deps, db, user, INVITATION_VALID_DAYS * 86_400_000);
  await sendAsPartner(deps, db, user, ({ branding, timeZone }) =>
    userInvite({
      language: contactLanguage(user.language),
      branding,
      inviterName,
      organisationName: branding.name,
      acceptUrl: url,
      expiresAt,
      timeZone,
    }),
  );
}
