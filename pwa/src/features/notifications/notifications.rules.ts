/**
 * The notification screens' rules: the categories in the seed's groups, a rule's form and the body it
 * saves, who a rule reaches in a few words, a template's first problem as the server words it, and
 * a placeholder put in at the cursor. Pure, so they are tested apart from the screens.
 */
import { noticeRuleSchema, type NoticeRuleBody, type NoticeRuleRow } from '@parc/shared/contracts/notifications';
import { NOTICE_CATEGORY_DEFINITIONS, NOTICE_GROUPS, NOTICE_ROLES, type NoticeCategory, type NoticeFrequency, type NoticeGroup, type NoticeRole } from '@parc/shared/notifications/categories';
import { templateProblem } from '@parc/shared/notifications/templates';
import type { Complexity } from '@parc/shared/tickets/complexity';
import type { ApiError, ApiResult } from '../../api/client.ts';

/** The rows of a rule list once it is there (none while loading or after a failure, which the screen shows). */
export const rowsOf = (result: ApiResult<{ items: NoticeRuleRow[] }> | undefined): NoticeRuleRow[] => (result?.ok ? result.data.items : []);

/** The rows in the seed's group order (devices, supplies, SNMP alerts, agents, other); empty groups left out. */
export function rowsByGroup<Row extends Pick<NoticeRuleRow, 'group'>>(rows: readonly Row[]): { group: NoticeGroup; rows: Row[] }[] {
  return NOTICE_GROUPS.map((group) => ({ group, rows: rows.filter((row) => row.group === group) })).filter((entry) => entry.rows.length > 0);
}

export interface RuleForm {
  enabled: boolean;
  frequency: NoticeFrequency;
  roles: NoticeRole[];
  siteCoordinator: boolean;
  customerCoordinator: boolean;
  /** As typed: addresses separated by commas, semicolons, spaces or lines. */
  addresses: string;
  /** As typed; only categories with a threshold show it. */
  threshold: string;
  complexities: Complexity[];
}

export function ruleFormOf(rule: NoticeRuleBody): RuleForm {
  return {
    enabled: rule.enabled,
    frequency: rule.frequency,
    roles: NOTICE_ROLES.filter((role) => rule.roles.includes(role)),
    siteCoordinator: rule.siteCoordinator,
    customerCoordinator: rule.customerCoordinator,
    addresses: rule.addresses.join('\n'),
    threshold: rule.threshold === null ? '' : String(rule.threshold),
    complexities: [...rule.complexities],
  };
}

/** A problem found before sending, as an error the server would answer (same key, same sentence). */
export type Problem = ApiError & { key: string; field: string };

const problem = (key: string, field: string, params: Record<string, unknown> = {}): Problem => ({ code: 'bad_request', key, params, message: key, field });

const address = noticeRuleSchema.shape.addresses.element;

/** The body a rule's form saves for a category, or the first problem the server would refuse it for. */
export function ruleBodyOf(form: RuleForm, category: NoticeCategory): { body: NoticeRuleBody } | { problem: Problem } {
  const definition = NOTICE_CATEGORY_DEFINITIONS[category];
  const addresses: string[] = [];
  for (const typed of form.addresses.split(/[\s,;]+/).filter(Boolean)) {
    const parsed = address.safeParse(typed);
    // Worded as the server's check of an email: the address typed, quoted, then what is expected.
    if (!parsed.success) return { problem: problem('validation.invalid_format', 'addresses', { field: typed, format: 'email' }) };
    if (!addresses.includes(parsed.data)) addresses.push(parsed.data);
  }
  let threshold: number | null = null;
  if (definition.threshold) {
    const { min, max } = definition.threshold;
    threshold = form.threshold.trim() === '' ? Number.NaN : Number(form.threshold);
    if (!Number.isInteger(threshold) || threshold < min || threshold > max) return { problem: problem('notice_rule.threshold', 'threshold', { min, max }) };
  }
  const complexities = definition.byComplexity ? form.complexities : [];
  if (definition.byComplexity && form.enabled && complexities.length === 0) return { problem: problem('notice_rule.no_complexity', 'complexities') };
  if (form.enabled && form.roles.length === 0 && !form.siteCoordinator && !form.customerCoordinator && addresses.length === 0) {
    return { problem: problem('notice_rule.no_recipient', 'recipients') };
  }
  return {
    body: {
      enabled: form.enabled,
      frequency: form.frequency,
      roles: NOTICE_ROLES.filter((role) => form.roles.includes(role)),
      siteCoordinator: form.siteCoordinator,
      customerCoordinator: form.customerCoordinator,
      addresses,
      threshold,
      complexities,
    },
  };
}

/** Who a rule reaches, each part a catalogue key with its parameters: the roles, the coordinators, then the addresses. */
export type RecipientPart =
  | { key: `notifications.recipients.role.${NoticeRole}` | 'notifications.recipients.siteCoordinator' | 'notifications.recipients.customerCoordinator' | 'notifications.recipients.none' }
  | { key: 'notifications.recipients.address'; address: string }
  | { key: 'notifications.recipients.addresses'; count: number };

/** One address is named; several are counted, so the summary keeps to a line. */
export function recipientParts(rule: Pick<NoticeRuleBody, 'roles' | 'siteCoordinator' | 'customerCoordinator' | 'addresses'>): RecipientPart[] {
  const parts: RecipientPart[] = NOTICE_ROLES.filter((role) => rule.roles.includes(role)).map((role) => ({ key: `notifications.recipients.role.${role}` as const }));
  if (rule.siteCoordinator) parts.push({ key: 'notifications.recipients.siteCoordinator' });
  if (rule.customerCoordinator) parts.push({ key: 'notifications.recipients.customerCoordinator' });
  if (rule.addresses.length === 1) parts.push({ key: 'notifications.recipients.address', address: rule.addresses[0]! });
  else if (rule.addresses.length > 1) parts.push({ key: 'notifications.recipients.addresses', count: rule.addresses.length });
  return parts.length > 0 ? parts : [{ key: 'notifications.recipients.none' }];
}

/** The first problem of a template (subject first, then body), worded as the server's refusal would be. */
export function templateTextProblem(text: { subject: string; body: string }, allowed: readonly string[]): Problem | null {
  for (const field of ['subject', 'body'] as const) {
    const found = templateProblem(text[field], allowed);
    if (found) return problem(`notice_template.${found.code}`, field, found.code === 'unknown_placeholder' ? { placeholder: found.placeholder } : {});
  }
  return null;
}

/** `insert` put in place of the selection [start, end) of `text`, and where the cursor goes after it. */
export function insertAt(text: string, start: number, end: number, insert: string): { text: string; cursor: number } {
  const from = Math.max(0, Math.min(start, text.length));
  const to = Math.max(from, Math.min(end, text.length));
  return { text: text.slice(0, from) + insert + text.slice(to), cursor: from + insert.length };
}
