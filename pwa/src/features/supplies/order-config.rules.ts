/**
 * The order configuration form's rules. Each setting (a scalar, or one group's entry of a per-group
 * setting such as `levelThresholds.colour_toner`) is either set at this level or inherited: the
 * draft holds what was typed for the set ones (text, so a half-typed "12," survives) and null for
 * the inherited ones, and saving builds the level's own settings from the set ones only, checked
 * with the contract's own schema so the form and the server judge alike.
 */
import { orderConfigLevelSchema, type OrderConfigView } from '@parc/shared/contracts/supplies';
import { EXCHANGE_ALARMS, type ExchangeAlarm } from '@parc/shared/supplies/checks';
import { THRESHOLD_KEYS, type ThresholdKey } from '@parc/shared/supplies/kinds';
import { effectiveOrderConfig, type ConfigSource, type OrderConfigLevel } from '@parc/shared/supplies/order-config';
import { decimalOf } from '../billing/price-form.ts';

export type PerGroupSetting = 'levelThresholds' | 'replacementMaxLevels';
export type SettingId =
  | 'method'
  | 'proactiveDays'
  | 'minEfficiency'
  | 'markSentAfterNotification'
  | `${PerGroupSetting}.${ThresholdKey}`
  | `blockOn.${ExchangeAlarm}`;

/** Every setting, in the form's order. */
export const SETTING_IDS: readonly SettingId[] = [
  'method',
  ...THRESHOLD_KEYS.map((key) => `levelThresholds.${key}` as const),
  'proactiveDays',
  'minEfficiency',
  'markSentAfterNotification',
  ...EXCHANGE_ALARMS.map((alarm) => `blockOn.${alarm}` as const),
  ...THRESHOLD_KEYS.map((key) => `replacementMaxLevels.${key}` as const),
];

/** A switch's state, or the text of a number or the method. */
export type SettingValue = string | boolean;
/** Null: inherited from the level above. */
export type ConfigDraft = Record<SettingId, SettingValue | null>;
export type SettingProblem = 'percent' | 'days' | 'invalid';

type Split = { name: 'method' | 'proactiveDays' | 'minEfficiency' | 'markSentAfterNotification'; key?: undefined } | { name: PerGroupSetting | 'blockOn'; key: string };

function split(id: SettingId): Split {
  const [name, key] = id.split('.') as [string, string | undefined];
  return (key === undefined ? { name } : { name, key }) as Split;
}

/** A setting's value in a whole or partial configuration (undefined: not set there). */
function read(config: OrderConfigLevel, id: SettingId): number | string | boolean | undefined {
  const { name, key } = split(id);
  if (key === undefined) return config[name];
  return (config[name] as Record<string, number | boolean> | undefined)?.[key];
}

const asText = (value: number | string | boolean): SettingValue => (typeof value === 'number' ? String(value) : value);

/** The draft of a level's own settings: what it sets, and null for the rest. */
export function configDraftOf(own: OrderConfigLevel): ConfigDraft {
  const draft = {} as ConfigDraft;
  for (const id of SETTING_IDS) {
    const value = read(own, id);
    draft[id] = value === undefined ? null : asText(value);
  }
  return draft;
}

/** The value that applies (this level's or an inherited one), as the form shows it. */
export function effectiveValue(view: OrderConfigView, id: SettingId): SettingValue {
  return asText(read(view.effective, id)!);
}

/** Where the value that applies comes from. */
export function sourceOf(view: OrderConfigView, id: SettingId): ConfigSource {
  const { name, key } = split(id);
  const from = view.from[name];
  return typeof from === 'string' ? from : (from as Record<string, ConfigSource>)[key!]!;
}

/**
 * What a setting would be if this level stopped setting it: the value that applies now when it is
 * inherited already, Parc's default at the dealer's level; null when it comes from a level above
 * that the view does not show (a customer's setting seen from a device).
 */
export function inheritedOf(view: OrderConfigView, id: SettingId): { value: SettingValue; source: ConfigSource } | null {
  const source = sourceOf(view, id);
  if (source !== view.level) return { value: effectiveValue(view, id), source };
  if (view.level === 'dealer') return { value: asText(read(effectiveOrderConfig(null).config, id)!), source: 'default' };
  return null;
}

/** What a setting starts from when it is set here again: the level's saved value, else the one it inherits. */
export function startingValue(view: OrderConfigView, id: SettingId): SettingValue {
  const own = read(view.own, id);
  return own === undefined ? effectiveValue(view, id) : asText(own);
}

/** A number as people type it (decimal comma or point); null for anything else. */
function parseNumber(text: string): number | null {
  const cleaned = decimalOf(text);
  return /^\d+(\.\d+)?$/.test(cleaned) ? Number(cleaned) : null;
}

export type LevelResult = { ok: true; level: OrderConfigLevel } | { ok: false; problems: Partial<Record<SettingId, SettingProblem>> };

/** The level's own settings from the draft, only those set here; problems keyed by setting. */
export function levelOf(draft: ConfigDraft): LevelResult {
  const level: Record<string, unknown> = {};
  const problems: Partial<Record<SettingId, SettingProblem>> = {};
  for (const id of SETTING_IDS) {
    const value = draft[id];
    if (value === null) continue;
    const { name, key } = split(id);
    let parsed: unknown = value;
    if (name === 'proactiveDays') {
      const days = parseNumber(String(value));
      if (days === null || !Number.isInteger(days) || days < 1 || days > 365) problems[id] = 'days';
      parsed = days;
    } else if (name === 'minEfficiency' || name === 'levelThresholds' || name === 'replacementMaxLevels') {
      const percent = parseNumber(String(value));
      if (percent === null || percent > 100) problems[id] = 'percent';
      parsed = percent;
    }
    if (key === undefined) level[name] = parsed;
    else level[name] = { ...(level[name] as object | undefined), [key]: parsed };
  }
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const checked = orderConfigLevelSchema.safeParse(level);
  if (!checked.success) {
    for (const issue of checked.error.issues) problems[issue.path.join('.') as SettingId] = 'invalid';
    return { ok: false, problems };
  }
  return { ok: true, level: checked.data };
}
