import { z } from 'zod';
import { LANGUAGES } from '../languages.ts';
import { NOTICE_CATEGORIES, NOTICE_FREQUENCIES, NOTICE_GROUPS, NOTICE_ROLES } from '../notifications/categories.ts';
import { COMPLEXITIES } from '../tickets/complexity.ts';
import { instantSchema } from './paging.ts';

/**
 * Notification rules (per dealer, overridable per customer), the email templates of each category
 * and language, and the history of what was told. Paths:
 * - `GET /notification-rules`, `PUT|DELETE /notification-rules/{category}` (the dealer's; DELETE = Parc's default);
 * - `GET /customers/{id}/notification-rules`, `PUT|DELETE /customers/{id}/notification-rules/{category}` (DELETE = inherit);
 * - `GET /notification-templates`, `GET|PUT|DELETE /notification-templates/{category}/{language}` (DELETE = the built-in text),
 *   `POST /notification-templates/{category}/{language}/preview`;
 * - `GET|PUT /notification-frames/{language}` (the header and footer of every notice in a language);
 * - `GET /notices` (the last notices, newest first, with whom they reached).
 */

const emailSchema = z.string().trim().toLowerCase().max(200).pipe(z.email());

export const noticeRuleSchema = z.strictObject({
  enabled: z.boolean(),
  frequency: z.enum(NOTICE_FREQUENCIES),
  roles: z.array(z.enum(NOTICE_ROLES)).max(NOTICE_ROLES.length),
  siteCoordinator: z.boolean(),
  customerCoordinator: z.boolean(),
  addresses: z.array(emailSchema).max(20),
  threshold: z.number().int().nullable(),
  complexities: z.array(z.enum(COMPLEXITIES)).max(COMPLEXITIES.length),
});
export type NoticeRuleBody = z.infer<typeof noticeRuleSchema>;

export const noticeRuleRowSchema = z.object({
  category: z.enum(NOTICE_CATEGORIES),
  group: z.enum(NOTICE_GROUPS),
  rule: noticeRuleSchema,
  /** Where the rule comes from: Parc's default, the dealer's setting, or this customer's own. */
  source: z.enum(['default', 'dealer', 'customer']),
});
export type NoticeRuleRow = z.infer<typeof noticeRuleRowSchema>;
export const noticeRuleListSchema = z.object({ items: z.array(noticeRuleRowSchema) });
export type NoticeRuleList = z.infer<typeof noticeRuleListSchema>;

export const noticeTemplateTextSchema = z.strictObject({
  subject: z.string().max(200),
  body: z.string().max(5000),
});
export type NoticeTemplateText = z.infer<typeof noticeTemplateTextSchema>;

export const noticeTemplateSchema = z.object({
  category: z.enum(NOTICE_CATEGORIES),
  language: z.enum(LANGUAGES),
  /** What is sent: the dealer's text when edited, else the built-in one. */
  subject: z.string(),
  body: z.string(),
  edited: z.boolean(),
  /** The built-in text, for "reset" and for comparison. */
  defaults: noticeTemplateTextSchema,
  placeholders: z.array(z.string()),
});
export type NoticeTemplate = z.infer<typeof noticeTemplateSchema>;

export const noticeTemplateListSchema = z.object({
  items: z.array(z.object({ category: z.enum(NOTICE_CATEGORIES), language: z.enum(LANGUAGES), edited: z.boolean() })),
});
export type NoticeTemplateList = z.infer<typeof noticeTemplateListSchema>;

/** A rendered email for the editor: with the dealer's branding and the facts of a real event when there is one. */
export const noticePreviewSchema = z.object({
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  /** True when no event of this category exists yet, and the preview shows sample values. */
  sample: z.boolean(),
});
export type NoticePreview = z.infer<typeof noticePreviewSchema>;

export const noticeFrameSchema = z.strictObject({
  /** Before every notice's text, e.g. the dealer's service desk hours. Empty for none. */
  header: z.string().max(1000),
  /** After it, above the dealer's signature. */
  footer: z.string().max(1000),
});
export type NoticeFrame = z.infer<typeof noticeFrameSchema>;

export const noticeSchema = z.object({
  id: z.uuid(),
  category: z.enum(NOTICE_CATEGORIES),
  customerNumber: z.string().nullable(),
  /** The subject as the dealer's language writes it. */
  subject: z.string(),
  createdAt: instantSchema,
  deliveries: z.array(z.object({ email: z.string(), frequency: z.enum(NOTICE_FREQUENCIES), sentAt: instantSchema.nullable() })),
});
export type Notice = z.infer<typeof noticeSchema>;
export const noticeListSchema = z.object({ items: z.array(noticeSchema) });
export type NoticeList = z.infer<typeof noticeListSchema>;
