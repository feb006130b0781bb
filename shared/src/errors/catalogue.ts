import type { Language } from '../languages.ts';
import { BILLING_ERRORS } from './billing.ts';
import type { ErrorEntry } from './entry.ts';
import { FLEET_ERRORS } from './fleet.ts';
import { MAINTENANCE_ERRORS } from './maintenance.ts';
import { NOTIFICATION_ERRORS } from './notifications.ts';
import { errorFormat } from './format.ts';
import { PEOPLE_ERRORS } from './people.ts';
import { REPORT_ERRORS } from './reports.ts';
import { REQUEST_ERRORS } from './requests.ts';
import { SETUP_ERRORS } from './setup.ts';
import { SUPPLY_ERRORS } from './supplies.ts';

/**
 * Every error a server answers, by a stable key, with its code and its text in every language.
 * The server throws `new DomainError(key, params)`; clients render `errorMessage(key, params, language)`.
 */
export const ERROR_MESSAGES = { ...REQUEST_ERRORS, ...PEOPLE_ERRORS, ...FLEET_ERRORS, ...MAINTENANCE_ERRORS, ...BILLING_ERRORS, ...SUPPLY_ERRORS, ...REPORT_ERRORS, ...NOTIFICATION_ERRORS, ...SETUP_ERRORS };

export type ErrorKey = keyof typeof ERROR_MESSAGES;
export type ErrorParams<K extends ErrorKey> = (typeof ERROR_MESSAGES)[K] extends ErrorEntry<infer P> ? P : never;

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.hasOwn(ERROR_MESSAGES, key);
}

export function errorMessage<K extends ErrorKey>(key: K, params: ErrorParams<K>, language: Language): string {
  const { texts } = ERROR_MESSAGES[key] as ErrorEntry<ErrorParams<K>>;
  return texts[language](params, errorFormat(language));
}
