import { DEFAULT_LANGUAGE, isLanguage, type Language, type Translations } from '@parc/shared';
import { resolveBranding, type DealerBranding, type ResolvedBranding } from './branding.ts';
import { checkedUrl, html, singleLine, type SafeHtml } from './html.ts';

/**
 * Templates describe an email as blocks of plain text; this file renders them twice, as
 * email-client-safe HTML (tables, inline styles, no CSS classes) and as readable plain text.
 */

export type Block =
  | { kind: 'paragraph'; text: string }
  | { kind: 'button'; label: string; url: string }
  | { kind: 'list'; title: string; items: readonly string[] }
  | { kind: 'facts'; rows: readonly (readonly [label: string, value: string])[] }
  | { kind: 'note'; text: string };

export interface EmailContent {
  subject: string;
  /** Inbox preview line. */
  preheader: string;
  greeting: string;
  blocks: readonly Block[];
  unsubscribe?: { label: string; url: string };
}

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

export interface CommonProps {
  /** Defaults to French. */
  language?: Language;
  branding: DealerBranding;
}

interface LayoutCopy {
  signOff: string;
  /** Between a label and its value: French puts a space before the colon. */
  colon: string;
  buttonFallback: string;
  phone: string;
  email: string;
}

const LAYOUT_COPY: Translations<LayoutCopy> = {
  fr: { signOff: 'Sincères salutations', colon: ' :', buttonFallback: 'Si le bouton ne fonctionne pas, copiez ce lien dans votre navigateur :', phone: 'T.', email: 'E-mail' },
  de: { signOff: 'Freundliche Grüsse', colon: ':', buttonFallback: 'Falls die Schaltfläche nicht funktioniert, kopieren Sie diesen Link in Ihren Browser:', phone: 'T.', email: 'E-Mail' },
  it: { signOff: 'Cordiali saluti', colon: ':', buttonFallback: 'Se il pulsante non funziona, copi questo link nel suo browser:', phone: 'T.', email: 'E-mail' },
  en: { signOff: 'Kind regards', colon: ':', buttonFallback: 'If the button does not work, copy this link into your browser:', phone: 'T.', email: 'Email' },
};

const FONT = 'font-family:Arial,Helvetica,sans-serif;';
const BODY_TEXT = `${FONT}font-size:15px;line-height:22px;color:#1f2933;`;
const SMALL_TEXT = `${FONT}font-size:12px;line-height:18px;color:#6b7280;`;

function contactLines(branding: DealerBranding, copy: LayoutCopy): string[] {
  const { phone, email, address } = branding.contact;
  const reach = [phone && `${copy.phone} ${phone}`, email && `${copy.email} ${email}`].filter(Boolean).join(' | ');
  return [branding.name, reach, address ?? ''].filter((line) => line.length > 0);
}

function htmlBlock(block: Block, branding: ResolvedBranding, copy: LayoutCopy): SafeHtml {
  switch (block.kind) {
    case 'paragraph':
      return html`<p style="margin:0 0 16px;${BODY_TEXT}">${block.text}</p>`;
    case 'note':
      return html`<p style="margin:0 0 16px;${SMALL_TEXT}">${block.text}</p>`;
    case 'button':
      return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:8px 0 16px;"><tr><td align="center" bgcolor="${branding.brandColour}" style="border-radius:4px;background-color:${branding.brandColour};"><a href="${block.url}" target="_blank" style="display:inline-block;padding:12px 24px;${FONT}font-size:16px;font-weight:bold;color:${branding.onBrandColour};text-decoration:none;border-radius:4px;">${block.label}</a></td></tr></table>
<p style="margin:0 0 16px;${SMALL_TEXT}">${copy.buttonFallback}<br><a href="${block.url}" style="color:${branding.brandColour};word-break:break-all;">${block.url}</a></p>`;
    case 'list':
      return html`<p style="margin:0 0 8px;${BODY_TEXT}">${block.title}</p><table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">${block.items.map(
        (item) => html`<tr><td valign="top" style="padding:0 8px 4px 0;${BODY_TEXT}">&#8226;</td><td style="padding:0 0 4px;${BODY_TEXT}">${item}</td></tr>`,
      )}</table>`;
    case 'facts':
      return html`<table role="presentation" cellpadding="0" cellspacing="0" border="0" style="margin:0 0 16px;">${block.rows.map(
        ([label, value]) => html`<tr><td style="padding:0 12px 4px 0;${BODY_TEXT}color:#6b7280;">${label}</td><td style="padding:0 0 4px;${BODY_TEXT}font-weight:bold;">${value}</td></tr>`,
      )}</table>`;
  }
}

function textBlock(block: Block, copy: LayoutCopy): string {
  switch (block.kind) {
    case 'paragraph':
    case 'note':
      return block.text;
    case 'button':
      return `${block.label}${copy.colon}\n${block.url}`;
    case 'list':
      return [block.title, ...block.items.map((item) => `- ${item}`)].join('\n');
    case 'facts':
      return block.rows.map(([label, value]) => `${label}${copy.colon} ${value}`).join('\n');
  }
}

function renderHtml(content: EmailContent, branding: ResolvedBranding, language: Language, copy: LayoutCopy): string {
  const header = branding.logoUrl
    ? html`<img src="${branding.logoUrl}" alt="${branding.name}" height="48" style="display:block;border:0;height:48px;width:auto;">`
    : html`<span style="${FONT}font-size:20px;font-weight:bold;color:${branding.brandColour};">${branding.name}</span>`;
  const contact = contactLines(branding, copy).map((line) => html`${line}<br>`);
  const unsubscribe = content.unsubscribe
    ? html`<br><a href="${content.unsubscribe.url}" style="color:#6b7280;">${content.unsubscribe.label}</a>`
    : html``;
  return html`<!DOCTYPE html>
<html lang="${language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><meta name="x-apple-disable-message-reformatting"><title>${content.subject}</title></head>
<body style="margin:0;padding:0;background-color:#f3f4f6;">
<div style="display:none;max-height:0;overflow:hidden;mso-hide:all;">${content.preheader}</div>
<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background-color:#f3f4f6;"><tr><td align="center" style="padding:24px 12px;">
<table role="presentation" width="600" cellpadding="0" cellspacing="0" border="0" style="width:100%;max-width:600px;background-color:#ffffff;border-top:4px solid ${branding.brandColour};">
<tr><td style="padding:24px 24px 8px;">${header}</td></tr>
<tr><td style="padding:16px 24px 8px;">
<p style="margin:0 0 16px;${BODY_TEXT}">${content.greeting}</p>
${content.blocks.map((block) => htmlBlock(block, branding, copy))}
<p style="margin:0 0 16px;${BODY_TEXT}">${copy.signOff}<br>${branding.sender.name}</p>
</td></tr>
<tr><td style="padding:16px 24px 24px;border-top:1px solid #e5e7eb;${SMALL_TEXT}">${contact}${unsubscribe}</td></tr>
</table>
</td></tr></table>
</body></html>`.value;
}

function renderText(content: EmailContent, branding: DealerBranding, copy: LayoutCopy): string {
  const sections = [
    content.greeting,
    ...content.blocks.map((block) => textBlock(block, copy)),
    `${copy.signOff}\n${branding.sender.name}`,
    ['--', ...contactLines(branding, copy)].join('\n'),
    ...(content.unsubscribe ? [`${content.unsubscribe.label}${copy.colon}\n${content.unsubscribe.url}`] : []),
  ];
  return `${sections.join('\n\n')}\n`;
}

/** The props' language, or French when absent or unknown (a customer row may hold anything). */
export function languageOf(props: CommonProps): Language {
  return isLanguage(props.language) ? props.language : DEFAULT_LANGUAGE;
}

export type EmailTemplate<P extends CommonProps> = ((props: P) => RenderedEmail) & {
  /** The blocks before rendering, for tests and previews. */
  content: (props: P) => EmailContent;
};

export function defineTemplate<P extends CommonProps>(content: (props: P, language: Language) => EmailContent): EmailTemplate<P> {
  const contentOf = (props: P) => content(props, languageOf(props));
  return Object.assign((props: P) => renderEmail(contentOf(props), props), { content: contentOf });
}

export function renderEmail(content: EmailContent, props: CommonProps): RenderedEmail {
  const language = languageOf(props);
  const copy = LAYOUT_COPY[language];
  const branding = resolveBranding(props.branding);
  const checked: EmailContent = {
    ...content,
    subject: singleLine(content.subject),
    blocks: content.blocks.map((block) => (block.kind === 'button' ? { ...block, url: checkedUrl(block.url, 'url') } : block)),
    unsubscribe: content.unsubscribe && { ...content.unsubscribe, url: checkedUrl(content.unsubscribe.url, 'unsubscribeUrl') },
  };
  return {
    subject: checked.subject,
    html: renderHtml(checked, branding, language, copy),
    text: renderText(checked, branding, copy),
  };
}
