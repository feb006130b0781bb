import { checkedUrl } from './html.ts';

/** How a dealer's emails look and sign off. Every value is dealer input, escaped on render. */
export interface DealerBranding {
  name: string;
  logoUrl?: string;
  /** '#rrggbb'; anything else falls back to a neutral blue rather than reaching a style attribute. */
  brandColour?: string;
  sender: { name: string; email: string };
  contact: { phone?: string; email?: string; address?: string };
}

export interface ResolvedBranding extends DealerBranding {
  brandColour: string;
  /** Text colour readable on the brand colour (buttons). */
  onBrandColour: string;
}

const FALLBACK_COLOUR = '#1d4ed8';

/** WCAG relative luminance of '#rrggbb'. */
function luminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function resolveBranding(branding: DealerBranding): ResolvedBranding {
  const brandColour = /^#[0-9a-f]{6}$/i.test(branding.brandColour ?? '') ? branding.brandColour!.toLowerCase() : FALLBACK_COLOUR;
  // White text when it contrasts better than near-black (contrast ratios against L=1 and L=0).
  const lum = luminance(brandColour);
  const onBrandColour = 1.05 / (lum + 0.05) >= (lum + 0.05) / 0.05 ? '#ffffff' : '#111827';
  return {
    ...branding,
    logoUrl: branding.logoUrl ? checkedUrl(branding.logoUrl, 'logoUrl') : undefined,
    brandColour,
    onBrandColour,
  };
}

/** From and Reply-To headers for a dealer's mail: replies reach the dealer, as the seed promises. */
export function senderHeaders(branding: DealerBranding): { from: string; replyTo: string } {
  const name = branding.sender.name.replace(/["\\\r\n]/g, '');
  return { from: `"${name}" <${branding.sender.email}>`, replyTo: branding.contact.email ?? branding.sender.email };
}
