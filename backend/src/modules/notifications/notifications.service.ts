import { NOTICE_TEXTS, notice } from '@parc/emails';
import { DomainError, type Language } from '@parc/shared';
import { LANGUAGES } from '@parc/shared/languages';
import type { Notice, NoticeFrame, NoticePreview, NoticeRuleBody, NoticeRuleRow, NoticeTemplate, NoticeTemplateText } from '@parc/shared/contracts/notifications';
import { effectiveRule, NOTICE_CATEGORIES, NOTICE_CATEGORY_DEFINITIONS, placeholdersOf, type NoticeCategory, type NoticeRule } from '@parc/shared/notifications/categories';
import { fillSubject, templateProblem, type NoticeFacts } from '@parc/shared/notifications/templates';
import type { AppDeps } from '../../deps.ts';
import type { Db } from '../../db/client.ts';
import { assertCustomerVisible, type SessionUser } from '../auth/access.ts';
import { contactLanguage } from '../../mail/dealer.ts';
import { dealerWording, noticeValues } from './notices.service.ts';
import * as notices from './notices.repo.ts';
import * as rules from './rules.repo.ts';
import * as templates from './templates.repo.ts';

/** The console's side of notifications: rules, templates, header and footer, and what was sent. */

/** A rule as saved: what its category does not use is cleared, what it needs is checked. */
function checkedRule(category: NoticeCategory, body: NoticeRuleBody): NoticeRule {
  const definition = NOTICE_CATEGORY_DEFINITIONS[category];
  const threshold = definition.threshold;
  if (threshold && (body.threshold === null || body.threshold < threshold.min || body.threshold > threshold.max)) {
    throw new DomainError('notice_rule.threshold', { min: threshold.min, max: threshold.max });
  }
  const rule: NoticeRule = {
    ...body,
    roles: [...new Set(body.roles)],
    addresses: [...new Set(body.addresses)],
    threshold: threshold ? body.threshold : null,
    complexities: definition.byComplexity ? [...new Set(body.complexities)] : [],
  };
  if (rule.enabled && rule.roles.length === 0 && rule.addresses.length === 0 && !rule.siteCoordinator && !rule.customerCoordinator) throw new DomainError('notice_rule.no_recipient');
  if (rule.enabled && definition.byComplexity && rule.complexities.length === 0) throw new DomainError('notice_rule.no_complexity');
  return rule;
}

function rows(dealer: rules.DealerRules, customerId: string | null): NoticeRuleRow[] {
  return NOTICE_CATEGORIES.map((category) => {
    const { rule, source } = effectiveRule(category, dealer.dealer.get(category), customerId ? dealer.byCustomer.get(customerId)?.get(category) : undefined);
    return { category, group: NOTICE_CATEGORY_DEFINITIONS[category].group, rule, source };
  });
}

export async function dealerRules(db: Db, user: SessionUser): Promise<NoticeRuleRow[]> {
  return rows(await rules.rulesOf(db, user.partnerId), null);
}

export async function setDealerRule(db: Db, user: SessionUser, category: NoticeCategory, body: NoticeRuleBody, now: Date): Promise<NoticeRuleRow[]> {
  await rules.saveRule(db, user.partnerId, null, category, checkedRule(category, body), user.id, now);
  return dealerRules(db, user);
}

export async function resetDealerRule(db: Db, user: SessionUser, category: NoticeCategory): Promise<NoticeRuleRow[]> {
  await rules.removeRule(db, user.partnerId, null, category);
  return dealerRules(db, user);
}

async function assertCustomer(db: Db, user: SessionUser, customerId: string): Promise<void> {
  assertCustomerVisible(user, customerId);
  if (!(await rules.customerOfPartner(db, user.partnerId, customerId))) throw new DomainError('customer.not_found');
}

export async function customerRules(db: Db, user: SessionUser, customerId: string): Promise<NoticeRuleRow[]> {
  await assertCustomer(db, user, customerId);
  return rows(await rules.rulesOf(db, user.partnerId), customerId);
}

export async function setCustomerRule(db: Db, user: SessionUser, customerId: string, category: NoticeCategory, body: NoticeRuleBody, now: Date): Promise<NoticeRuleRow[]> {
  await assertCustomer(db, user, customerId);
  await rules.saveRule(db, user.partnerId, customerId, category, checkedRule(category, body), user.id, now);
  return customerRules(db, user, customerId);
}

export async function inheritCustomerRule(db: Db, user: SessionUser, customerId: string, category: NoticeCategory): Promise<NoticeRuleRow[]> {
  await assertCustomer(db, user, customerId);
  await rules.removeRule(db, user.partnerId, customerId, category);
  return customerRules(db, user, customerId);
}

// --- templates ---------------------------------------------------------------------------------

export async function templateList(db: Db, user: SessionUser) {
  const edited = await templates.editedTemplates(db, user.partnerId);
  return NOTICE_CATEGORIES.flatMap((category) =>
    LANGUAGES.map((language) => ({ category, language, edited: edited.some((row) => row.category === category && row.language === language) })),
  );
}

export async function templateOf(db: Db, user: SessionUser, category: NoticeCategory, language: Language): Promise<NoticeTemplate> {
  const edited = await templates.editedTemplate(db, user.partnerId, category, language);
  const defaults = NOTICE_TEXTS[category][language];
  return { category, language, subject: edited?.subject ?? defaults.subject, body: edited?.body ?? defaults.body, edited: edited !== undefined, defaults, placeholders: placeholdersOf(category) };
}

function assertTemplate(category: NoticeCategory, text: NoticeTemplateText): void {
  const allowed = placeholdersOf(category);
  for (const part of [text.subject, text.body]) {
    const problem = templateProblem(part, allowed);
    if (!problem) continue;
    if (problem.code === 'unknown_placeholder') throw new DomainError('notice_template.unknown_placeholder', { placeholder: problem.placeholder });
    if (problem.code === 'unclosed_brace') throw new DomainError('notice_template.unclosed_brace');
    throw new DomainError('notice_template.empty');
  }
}

export async function saveTemplate(db: Db, user: SessionUser, category: NoticeCategory, language: Language, text: NoticeTemplateText, now: Date): Promise<NoticeTemplate> {
  assertTemplate(category, text);
  await templates.saveTemplate(db, user.partnerId, category, language, { subject: text.subject.replace(/\s+/g, ' ').trim(), body: text.body.trim() }, now);
  return templateOf(db, user, category, language);
}

export async function resetTemplate(db: Db, user: SessionUser, category: NoticeCategory, language: Language): Promise<NoticeTemplate> {
  await templates.removeTemplate(db, user.partnerId, category, language);
  return templateOf(db, user, category, language);
}

/** Values for a category no event has produced yet, so the preview still shows a whole email. */
const SAMPLE_FACTS: NoticeFacts = {
  'customer.number': { text: '10452' },
  'customer.name': { text: 'Zürcher Treuhand AG' },
  'device.id': { text: 'ZT-3' },
  'device.model': { text: 'Ricoh IM C3000' },
  'device.serial': { text: '3100R810217' },
  'device.ip': { text: '192.168.1.40' },
  'site.name': { text: 'Zürich' },
  'agent.name': { text: 'Agent 1' },
  'agent.lastContact': { at: '2026-12-03T07:12:00Z' },
  'agent.hours': { count: 26 },
  'alert.description': { text: 'Paper jam' },
  'alert.complexity': { code: 'technician', list: 'complexity' },
  'alert.severity': { code: 'critical', list: 'alertSeverity' },
  'alert.openedAt': { at: '2026-12-04T08:30:00Z' },
  'supply.name': { text: 'Black Toner' },
  'supply.percent': { percent: 8 },
  'order.number': { text: 'SO-2026-0142' },
  'order.tracking': { text: '99.00.123456.78901234' },
  'reading.counter': { code: 'colour', list: 'counter' },
  'reading.value': { count: 125_430 },
  'reading.source': { code: 'link', list: 'readingSource' },
  'campaign.period': { month: '2026-11' },
  'campaign.expiredAt': { at: '2026-12-04T22:59:00Z' },
  'request.subject': { text: 'Streaks on copies' },
  'request.state': { code: 'in_progress', list: 'requestState' },
  'overage.period': { month: '2026-12' },
  'overage.counter': { code: 'colour', list: 'counter' },
  'overage.projected': { count: 12_500 },
  'overage.included': { count: 10_000 },
  'location.current': { text: '2nd floor' },
  'location.requested': { text: 'Reception' },
  'location.message': { text: '' },
};

/** The email a text would send, with the dealer's branding, header and footer, and the facts of its latest real event when there is one. */
export async function previewTemplate(deps: Pick<AppDeps, 'db' | 'publicUrl'>, user: SessionUser, category: NoticeCategory, language: Language, text: NoticeTemplateText): Promise<NoticePreview> {
  assertTemplate(category, text);
  const [wording, latest] = await Promise.all([dealerWording(deps, user.partnerId), notices.latestOfCategory(deps.db, user.partnerId, category)]);
  const facts = latest?.facts ?? SAMPLE_FACTS;
  const rendered = notice({
    language,
    branding: wording.mail.branding,
    ...wording.frame(language),
    text,
    values: noticeValues(wording, facts, language),
    link: `${deps.publicUrl}${latest?.path ?? '/console'}`,
  });
  return { ...rendered, sample: latest === undefined };
}

export async function frameOf(db: Db, user: SessionUser, language: Language): Promise<NoticeFrame> {
  const frame = (await templates.framesOf(db, user.partnerId)).find((row) => row.language === language);
  return { header: frame?.header ?? '', footer: frame?.footer ?? '' };
}

export async function saveFrame(db: Db, user: SessionUser, language: Language, frame: NoticeFrame): Promise<NoticeFrame> {
  await templates.saveFrame(db, user.partnerId, language, { header: frame.header.trim(), footer: frame.footer.trim() });
  return frameOf(db, user, language);
}

/** The last notices, each with its subject as the reader's language writes it. */
export async function recentNotices(db: Db, user: SessionUser): Promise<Notice[]> {
  const language = contactLanguage(user.language);
  const [wording, rows] = await Promise.all([dealerWording({ db }, user.partnerId), notices.latestNotices(db, user.partnerId, 100)]);
  return rows.map((row) => ({
    id: row.id,
    category: row.category,
    customerNumber: row.customerNumber,
    subject: fillSubject(wording.text(row.category, language).subject, noticeValues(wording, row.facts, language)),
    createdAt: row.createdAt.toISOString(),
    deliveries: row.deliveries.map((delivery) => ({ email: delivery.email, frequency: delivery.frequency, sentAt: delivery.sentAt?.toISOString() ?? null })),
  }));
}
