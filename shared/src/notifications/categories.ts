import type { Complexity } from '../tickets/complexity.ts';

/**
 * What a dealer can be told about, in the seed's five groups (devices, supplies, SNMP alerts,
 * agents, other). Each category names the placeholders its email template may use; the
 * notifications module records one notice per event and category, never two.
 */
export const NOTICE_CATEGORIES = [
  'device_found',
  'device_alert',
  'supply_low',
  'order_created',
  'order_shipped',
  'agent_offline',
  'reading_to_check',
  'campaign_response',
  'campaign_missed',
  'request_changed',
  'overage_forecast',
  'location_requested',
] as const;
export type NoticeCategory = (typeof NOTICE_CATEGORIES)[number];

export const NOTICE_GROUPS = ['devices', 'supplies', 'alerts', 'agents', 'other'] as const;
export type NoticeGroup = (typeof NOTICE_GROUPS)[number];

/** Immediately (within the five-minute collection), or gathered in a digest sent at 06:00 the dealer's time (weekly: Mondays). */
export const NOTICE_FREQUENCIES = ['immediate', 'daily', 'weekly'] as const;
export type NoticeFrequency = (typeof NOTICE_FREQUENCIES)[number];

/** The dealer's people a rule can address by role (coordinators and addresses are separate choices). */
export const NOTICE_ROLES = ['partner_admin', 'partner_staff', 'technician'] as const;
export type NoticeRole = (typeof NOTICE_ROLES)[number];

/** A category's setting with a number: hours without contact for agents, a level for supplies. */
export interface NoticeThreshold {
  unit: 'hours' | 'percent';
  default: number;
  min: number;
  max: number;
}

export interface NoticeCategoryDefinition {
  group: NoticeGroup;
  /** The placeholders its template may use, besides the common ones. */
  placeholders: readonly string[];
  threshold?: NoticeThreshold;
  /** Device alerts are told by who can fix them. */
  byComplexity?: true;
}

/** Every category's template may use these. */
export const COMMON_PLACEHOLDERS = ['dealer.name', 'customer.number', 'customer.name', 'link'] as const;

const DEVICE = ['device.id', 'device.model', 'device.serial', 'site.name'] as const;

export const NOTICE_CATEGORY_DEFINITIONS: Readonly<Record<NoticeCategory, NoticeCategoryDefinition>> = {
  device_found: { group: 'devices', placeholders: ['device.model', 'device.serial', 'device.ip', 'agent.name'] },
  device_alert: { group: 'alerts', placeholders: [...DEVICE, 'alert.description', 'alert.complexity', 'alert.severity', 'alert.openedAt'], byComplexity: true },
  supply_low: { group: 'supplies', placeholders: [...DEVICE, 'supply.name', 'supply.percent'], threshold: { unit: 'percent', default: 10, min: 1, max: 50 } },
  order_created: { group: 'supplies', placeholders: [...DEVICE, 'order.number', 'supply.name'] },
  order_shipped: { group: 'supplies', placeholders: [...DEVICE, 'order.number', 'supply.name', 'order.tracking'] },
  agent_offline: { group: 'agents', placeholders: ['agent.name', 'agent.lastContact', 'agent.hours'], threshold: { unit: 'hours', default: 24, min: 1, max: 720 } },
  reading_to_check: { group: 'devices', placeholders: [...DEVICE, 'reading.counter', 'reading.value', 'reading.source'] },
  campaign_response: { group: 'other', placeholders: ['campaign.period'] },
  campaign_missed: { group: 'other', placeholders: ['campaign.period', 'campaign.expiredAt'] },
  request_changed: { group: 'other', placeholders: [...DEVICE, 'request.subject', 'request.state'] },
  overage_forecast: { group: 'other', placeholders: ['overage.period', 'overage.counter', 'overage.projected', 'overage.included'] },
  location_requested: { group: 'devices', placeholders: [...DEVICE, 'location.current', 'location.requested', 'location.message'] },
};

export function placeholdersOf(category: NoticeCategory): string[] {
  return [...COMMON_PLACEHOLDERS, ...NOTICE_CATEGORY_DEFINITIONS[category].placeholders];
}

export interface NoticeRule {
  enabled: boolean;
  frequency: NoticeFrequency;
  roles: NoticeRole[];
  /** The coordinator of the device's site (or of the customer's main site when the event has no device). */
  siteCoordinator: boolean;
  /** The customer's main coordinator. */
  customerCoordinator: boolean;
  addresses: string[];
  /** Only for categories with a threshold; null elsewhere. */
  threshold: number | null;
  /** Only for device alerts: the complexities told; empty elsewhere. */
  complexities: Complexity[];
}

/**
 * Parc's defaults, before a dealer changes anything: the dealer's administrators get a daily digest
 * of what needs an action; chatty categories (campaign answers, request changes, which already
 * reach the people involved) start off.
 */
export function defaultRule(category: NoticeCategory): NoticeRule {
  const definition = NOTICE_CATEGORY_DEFINITIONS[category];
  return {
    enabled: category !== 'campaign_response' && category !== 'request_changed',
    // A silent agent loses readings, and a customer waits for an answer about a moved device: both at once.
    frequency: category === 'agent_offline' || category === 'location_requested' ? 'immediate' : 'daily',
    roles: ['partner_admin'],
    siteCoordinator: false,
    customerCoordinator: false,
    addresses: [],
    threshold: definition.threshold?.default ?? null,
    complexities: definition.byComplexity ? ['technician', 'engineer'] : [],
  };
}

export type NoticeRuleSource = 'default' | 'dealer' | 'customer';

/** The rule that applies to one customer: its own, else the dealer's, else Parc's default. */
export function effectiveRule(
  category: NoticeCategory,
  dealer: NoticeRule | undefined,
  customer: NoticeRule | undefined,
): { rule: NoticeRule; source: NoticeRuleSource } {
  if (customer) return { rule: customer, source: 'customer' };
  if (dealer) return { rule: dealer, source: 'dealer' };
  return { rule: defaultRule(category), source: 'default' };
}

/**
 * Whether something is an event yet under a rule's threshold: an agent silent for fewer hours, a
 * supply above the level, is not (and may become one later). With `withinHours`, an agent that went
 * past the threshold longer ago than that is not one either: it was told then, or before notices.
 */
export function thresholdReached(rule: NoticeRule, event: { hoursSilent?: number; percent?: number }, withinHours = Infinity): boolean {
  const threshold = rule.threshold ?? 0;
  if (event.hoursSilent !== undefined && (event.hoursSilent < threshold || event.hoursSilent - threshold > withinHours)) return false;
  if (event.percent !== undefined && event.percent > (rule.threshold ?? 100)) return false;
  return true;
}

/** Whether the rule tells an event: it is on, and the event's complexity is one it tells. */
export function ruleWants(rule: NoticeRule, event: { complexity?: Complexity }): boolean {
  if (!rule.enabled) return false;
  return event.complexity === undefined || rule.complexities.includes(event.complexity);
}
