import { eq } from 'drizzle-orm';
import { contactConfirm, renderEmail, senderHeaders, type CommonProps, type DealerBranding, type EmailContent, type RenderedEmail } from '@parc/emails';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@parc/shared';
import type { Db } from '../../db/client.ts';
import { partners } from '../../db/schema/index.ts';

/** How a dealer's campaign mail looks and whom it comes from. */
export interface DealerMail {
  branding: DealerBranding;
  /** From (only when the dealer set up its own sender) and Reply-To: replies reach the dealer. */
  headers: { from?: string; replyTo: string };
}

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
  return { branding, headers: partner.senderEmail ? senderHeaders(branding) : { replyTo: partner.email } };
}

export const contactLanguage = (language: string): Language => (isLanguage(language) ? language : DEFAULT_LANGUAGE);

/**
 * Adds the unsubscribe footer to a campaign email. The label is the one the confirmation email
 * uses, so the wording lives in one template.
 */
export function withUnsubscribe(content: EmailContent, props: CommonProps, unsubscribeUrl: string): RenderedEmail {
  const { unsubscribe } = contactConfirm.content({ ...props, customerNumber: '', confirmUrl: unsubscribeUrl, unsubscribeUrl });
  return renderEmail({ ...content, unsubscribe }, props);
}
