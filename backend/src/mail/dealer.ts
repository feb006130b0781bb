import { eq } from 'drizzle-orm';
import { contactConfirm, renderEmail, senderHeaders, type CommonProps, type DealerBranding, type EmailContent, type RenderedEmail } from '@parc/emails';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@parc/shared';
import type { Db } from '../db/client.ts';
import { partners } from '../db/schema/index.ts';

/** How a dealer's mail looks and whom it comes from: every email Parc sends is on a dealer's behalf. */
export interface DealerMail {
  branding: DealerBranding;
  /** From (only when the dealer set up its own sender) and Reply-To: replies reach the dealer. */
  headers: { from?: string; replyTo: string };
  /** The dealer's time zone, for dates written in a mail. */
  timeZone: string;
}

/** Loads the partner once; callers sending several mails keep the result. */
export async function loadDealerMail(db: Db, partnerId: string): Promise<DealerMail> {
  const [partner] = await db.select().from(partners).where(eq(partners.id, partnerId));
  if (!partner) throw new Error(`Partner ${partnerId} is missing`);
  const branding: DealerBranding = {
    name: partner.name,
    logoUrl: partner.logoUrl ?? undefined,
    brandColour: partner.brandColour,
    sender: { name: partner.name, email: partner.senderEmail ?? partner.email },
    contact: { phone: partner.phone ?? undefined, email: partner.email, address: partner.address ?? undefined },
  };
  // The dealer's own address only when it set one up for sending; otherwise Parc's sender, replies to the dealer.
  const headers = partner.senderEmail ? senderHeaders(branding) : { replyTo: partner.email };
  return { branding, headers, timeZone: partner.defaultTimezone };
}

/** The language to write to a person (contact or user) in: theirs when Parc has it, else the default. */
export const contactLanguage = (language: string): Language => (isLanguage(language) ? language : DEFAULT_LANGUAGE);

/**
 * Adds the unsubscribe footer to a campaign email. The label is the one the confirmation email
 * uses, so the wording lives in one template.
 */
export function withUnsubscribe(content: EmailContent, props: CommonProps, unsubscribeUrl: string): RenderedEmail {
  const { unsubscribe } = contactConfirm.content({ ...props, customerNumber: '', confirmUrl: unsubscribeUrl, unsubscribeUrl });
  return renderEmail({ ...content, unsubscribe }, props);
}
