import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { LANGUAGES } from '../languages.ts';
import { reasonMessage } from '../meters/messages.ts';
import { ERROR_MESSAGES, errorMessage, isErrorKey, type ErrorKey, type ErrorParams } from './catalogue.ts';
import { FLEET_ERRORS } from './fleet.ts';
import { MAINTENANCE_ERRORS } from './maintenance.ts';
import { BILLING_ERRORS } from './billing.ts';
import { PEOPLE_ERRORS } from './people.ts';
import { REQUEST_ERRORS } from './requests.ts';
import { REPORT_ERRORS } from './reports.ts';
import { NOTIFICATION_ERRORS } from './notifications.ts';
import { SETUP_ERRORS } from './setup.ts';
import { SUPPLY_ERRORS } from './supplies.ts';

const bound = { inclusive: true, exact: false } as const;
const belowLast = { code: 'below_last', params: { lastValue: 344_805, lastDate: '2014-01-24', otherCounter: null } } as const;

/** One example per key; typed so a new key needs an example here. */
const EXAMPLES: { [K in ErrorKey]: ErrorParams<K> } = {
  'setup.link_invalid': {},
  'setup.link_expired': {},
  'setup.link_used': {},
  'setup.partner_exists': {},
  'notice_template.unknown_placeholder': { placeholder: 'device.colour' },
  'notice_template.unclosed_brace': {},
  'notice_template.empty': {},
  'notice_rule.threshold': { min: 1, max: 720 },
  'notice_rule.no_recipient': {},
  'notice_rule.no_complexity': {},
  'session.required': {},
  'prices.not_set': {},
  'prices.unknown_device': { deviceId: 'b8d1' },
  'prices.duplicate_pool': { poolId: 'hq' },
  'billing_run.not_found': {},
  'billing_run.approved': { period: '2026-11' },
  'billing_run.period_open': { period: '2026-12', end: '2026-12-31T23:00:00.000Z' },
  'billing_run.stale': {},
  'invoice.not_found': {},
  'invoice.number_taken': { number: 'F-2026-001' },
  'invoice.amount_digits': { currency: 'CHF', digits: 2 },
  'invoice.run_mismatch': {},
  'invoice.below_paid': { paid: 'CHF 120.00' },
  'invoice.currency_paid': { currency: 'CHF' },
  'invoice.document_type': {},
  'invoice.document_too_large': { maximum: 5 * 1024 * 1024 },
  'invoice.no_document': {},
  'payment.not_found': {},
  'payment.above_remaining': { remaining: 'CHF 80.00' },
  'reading.locked_note_required': {},
  'session.ended': {},
  'access.role': {},
  'access.profile': { screen: 'devices', level: 'edit' },
  'api_key.invalid': {},
  'api_key.revoked': {},
  'api_key.creator_inactive': {},
  'api_key.read_only': {},
  'api_key.session_only': {},
  'api_key.not_found': {},
  'request.foreign_origin': {},
  'request.unreadable': { detail: 'Malformed JSON in request body' },
  'request.too_large': { maximum: 1024 * 1024 },
  'route.not_found': {},
  'server.internal': {},
  'mail.not_sent': { to: 'anna@client.ch', detail: 'timeout' },
  'validation.invalid_type': { field: 'email', expected: 'string' },
  'validation.too_small': { field: 'name', origin: 'string', minimum: 3, ...bound },
  'validation.too_big': { field: 'customerIds', origin: 'array', maximum: 50, ...bound },
  'validation.invalid_format': { field: 'email', format: 'email' },
  'validation.invalid_value': { field: 'role', values: ['coordinator', 'technician'] },
  'validation.unrecognized_keys': { keys: ['colour', 'size'] },
  'validation.not_multiple_of': { field: 'step', divisor: 5 },
  'validation.custom': { field: 'timezone', detail: 'Use an IANA time zone such as Europe/Zurich' },
  'validation.invalid': { field: 'snmp' },
  'validation.bad_text': { field: 'serial' },
  'database.duplicate': { constraint: 'devices_serial_active_unique' },
  'database.missing_reference': { constraint: null },
  'database.out_of_range': { constraint: 'readings_value_check' },
  'database.number_too_large': {},
  'database.bad_value': {},
  'auth.wrong_credentials': {},
  'auth.account_held': { minutes: 15, retryAfterSeconds: 900 },
  'auth.too_many_attempts': { minutes: 2, retryAfterSeconds: 90 },
  'auth.deactivated': {},
  'auth.reset_link_invalid': {},
  'auth.reset_link_used': {},
  'auth.password_opens_other_account': {},
  'auth.reset_link_expired': {},
  'password.too_short': { minimum: 10 },
  'password.too_long': { maximum: 200 },
  'password.too_few_characters': {},
  'password.sequence': {},
  'password.common': {},
  'password.contains_email': {},
  'user.not_found': {},
  'user.email_taken': {},
  'account.email_taken': {},
  'account.email_unchanged': {},
  'account.wrong_password': {},
  'account.email_link_invalid': {},
  'account.email_link_expired': {},
  'account.email_link_used': {},
  'user.customers_only_for_coordinators': {},
  'user.coordinator_needs_customer': {},
  'user.unknown_customer': { customerId: '7b0c2c8e-8f6a-4a57-9d2e-0d7a8a1f1e11' },
  'user.self_deactivation': {},
  'user.self_role_change': {},
  'user.self_deletion': {},
  'user.inactive': {},
  'user.profile_only_for_staff': {},
  'profile.not_found': {},
  'profile.unknown': {},
  'profile.in_use': { users: 3 },
  'customer.not_found': {},
  'link.not_found': {},
  'supply_order.not_found': {},
  'supply_order.in_flight': { code: 'ACME-ORDER-4' },
  'supply_order.transition': { status: 'replaced', action: 'ship' },
  'supply_order.no_supply': {},
  'supply_order.not_orderable': {},
  'supply_model.not_found': {},
  'supply_alarm.not_found': {},
  'supplier.not_found': {},
  'supplier.name_taken': { name: 'Lexmark desk' },
  'carrier.not_found': {},
  'carrier.name_taken': { name: 'Swiss Post' },
  'order_route.not_found': {},
  'order_route.order_mismatch': {},
  'local_stock.not_found': {},
  'local_stock.name_taken': { name: 'Salle 1er' },
  'local_stock.site_not_of_customer': {},
  'local_stock.device_not_at_site': { deviceCode: 'ACME-3' },
  'local_stock.manager_not_coordinator': {},
  'stock_item.not_found': {},
  'stock_item.target_below_minimum': {},
  'replenishment.not_found': {},
  'replenishment.transition': { status: 'received', action: 'cancel' },
  'report.not_found': {},
  'report.predefined': {},
  'report.not_owner': {},
  'report.unknown_column': { column: 'colour' },
  'report.duplicate_column': { column: 'serial' },
  'report.unknown_state': { state: 'lost' },
  'report.no_period': {},
  'report.bad_period': { from: '2026-12-01', to: '2026-01-01' },
  'report.sort_column': { column: 'serial' },
  'report.grouping': {},
  'report_run.not_found': {},
  'report_run.not_ready': {},
  'report_run.finished': {},
  'report_run.too_many': { limit: 3 },
  'report_schedule.not_found': {},
  'report_schedule.day': {},
  'report_schedule.no_recipient': {},
  'link.customer_inactive': {},
  'link.period_closed': { period: '2026-11' },
  'link.machine_not_on_page': {},
  'request.not_found': {},
  'request.technician_not_found': {},
  'request.alert_not_found': {},
  'request.subject_required': {},
  'request.attachment_id_taken': {},
  'request.coordinator_cannot_change': {},
  'request.technician_cannot_change': { fields: ['subject', 'technicianId'] },
  'request.change_refused': { reason: 'stale base version' },
  'request.op_id_taken': {},
  'request.device_not_yours': {},
  'attachment.not_found': {},
  'attachment.empty': {},
  'attachment.too_large': {},
  'attachment.not_a_photo': {},
  'attachment.type_mismatch': { actual: 'image/png', declared: 'image/jpeg' },
  'customer.inactive': {},
  'customer.prefix_taken': { prefix: 'DF' },
  'customer.number_taken': { customerNumber: '10042' },
  'customer.prefix_fixed': { prefix: 'DF' },
  'coordinator.not_found': {},
  'coordinator.not_active': {},
  'coordinator.main_inactive': {},
  'coordinator.no_main_email': {},
  'coordinator.alerts_need_email': {},
  'site.not_found': {},
  'site.name_taken': { name: 'Siège' },
  'site.not_active': {},
  'site.in_use': { devices: 3, plans: 1, stocks: 0 },
  'site_import.too_large': { maximum: 1_000_000 },
  'site_import.empty': {},
  'site_import.too_many_lines': { lines: 2400, maximum: 2000 },
  'site_import.unknown_column': { column: 'floor' },
  'site_import.repeated_column': { column: 'name' },
  'site_import.no_name_column': {},
  'partner.not_found': {},
  'logo.not_found': {},
  'logo.empty': {},
  'logo.too_large': { maximum: 512 * 1024 },
  'logo.wrong_type': { contentType: 'image/png' },
  'parameter.not_found': {},
  'parameter.options_only_for_list': {},
  'parameter.list_needs_options': {},
  'parameter.oid_only_for_oid': {},
  'parameter.read_by_agent': { name: 'Firmware' },
  'parameter.not_an_option': { name: 'Contract', options: ['Basic', 'Full service'] },
  'parameter.unknown': { target: 'device', parameterId: 'b8d1' },
  'device.not_found': {},
  'device.serial_taken': { serial: 'X1234', deviceCode: 'DF-12' },
  'device.serial_in_use': { serial: 'X1234', deviceCode: 'DF-12' },
  'device.inactive_no_swap': {},
  'device.inactive_no_readings': {},
  'device.no_counter': { counter: 'colour' },
  'device.snmp_community_missing': {},
  'device.snmp_auth_missing': {},
  'device.snmp_priv_missing': {},
  'counter.not_found': {},
  'counter.exists': { counter: 'scan' },
  'counter.not_of_device': {},
  'counter.inactive_no_readings': {},
  'reading.not_found': {},
  'reading.refused': { reason: belowLast },
  'reading.client_id_reused': {},
  'reading.sent': {},
  'reading.locked': {},
  'reading.deleted': {},
  'reading.not_to_check': {},
  'reset.no_counters': {},
  'reset.before_later_reading': { takenAt: '2026-03-02T09:30:00.000Z' },
  'agent.not_found': {},
  'agent.key_unknown': {},
  'agent.key_in_use': {},
  'pending_device.not_found': {},
  'pending_device.assigned': {},
  'pending_device.not_reported': {},
  'plan.not_found': {},
  'plan.empty': {},
  'plan.too_large': { maximum: 5 * 1024 * 1024 },
  'plan.wrong_type': {},
  'plan.foreign_site': {},
  'plan.device_twice': {},
  'plan.foreign_device': {},
  'location_request.not_found': {},
  'location_request.handled': {},
  'statistics.scope_not_found': {},
  'contact_link.invalid': {},
  'device.has_history': { readings: 2 },
  'device_import.too_large': { maximum: 1_000_000 },
  'device_import.unreadable': {},
  'device_import.empty': {},
  'device_import.too_many_lines': { lines: 1200, maximum: 1000 },
  'device_import.unknown_column': { column: 'floor' },
  'device_import.repeated_column': { column: 'serial' },
  'device_import.missing_column': { column: 'model' },
  'device_import.lines_wrong': { lines: 2 },
  'device_import.extra_cells': { count: 1 },
  'device_import.required': { column: 'serial' },
  'device_import.too_long': { column: 'model', maximum: 100 },
  'device_import.serial_repeated': { serial: 'CNB1', line: 2 },
  'device_import.serial_taken': { serial: 'CNB1', deviceCode: 'ACME-3' },
  'device_import.unknown_site': { site: 'Annexe' },
  'device_import.unknown_coordinator': { email: 'x@client.ch' },
  'device_import.bad_date': { value: '31.02.2025' },
  'device_import.future_date': { value: '2099-01-01' },
  'device_import.bad_counter': { column: 'colour', value: '12.5' },
};

const KEYS = Object.keys(ERROR_MESSAGES) as ErrorKey[];
const render = <K extends ErrorKey>(key: K, language: (typeof LANGUAGES)[number]) => errorMessage(key, EXAMPLES[key], language);

describe('the error catalogue', () => {
  it('keeps the areas apart: no key is defined twice', () => {
    const areas = [REQUEST_ERRORS, PEOPLE_ERRORS, FLEET_ERRORS, MAINTENANCE_ERRORS, BILLING_ERRORS, SUPPLY_ERRORS, REPORT_ERRORS, NOTIFICATION_ERRORS, SETUP_ERRORS].map(Object.keys);
    expect(KEYS).toHaveLength(areas.flat().length);
  });

  it.each(LANGUAGES.flatMap((language) => KEYS.map((key) => [language, key] as const)))('%s %s renders with every parameter filled in', (language, key) => {
    const text = render(key, language);
    expect(text.length).toBeGreaterThan(5);
    expect(text).not.toMatch(/undefined|NaN|\bnull\b|\$\{|\[object|#/);
    expect(text).toMatch(/[.!?]$/);
  });

  it.each(KEYS)('%s has its own text in every language', (key) => {
    expect(new Set(LANGUAGES.map((language) => render(key, language))).size).toBe(LANGUAGES.length);
  });

  it('words numbers, sizes, instants, lists and plurals as each language does', () => {
    expect(errorMessage('profile.in_use', { users: 1 }, 'fr')).toBe('Ce profil est attribué à 1 utilisateur ; donnez-lui d’abord un autre profil.');
    expect(errorMessage('profile.in_use', { users: 1200 }, 'en')).toBe('This profile is given to 1,200 users; give them another profile first.');
    expect(errorMessage('site_import.too_many_lines', { lines: 2400, maximum: 2000 }, 'de')).toBe("Die Datei hat 2'400 Zeilen; importieren Sie höchstens 2'000 auf einmal.");
    expect(errorMessage('logo.too_large', { maximum: 512 * 1024 }, 'fr')).toBe('Le logo doit peser 512\u202fko au plus.');
    expect(errorMessage('plan.too_large', { maximum: 5 * 1024 * 1024 }, 'en')).toBe('The plan file is larger than 5 MB.');
    expect(errorMessage('validation.invalid_value', { field: 'role', values: ['a', 'b', 'c'] }, 'it')).toBe('«role»: deve essere «a», «b» o «c».');
    expect(errorMessage('validation.unrecognized_keys', { keys: ['size'] }, 'en')).toBe('Unknown field: “size”.');
    expect(errorMessage('auth.too_many_attempts', { minutes: 1, retryAfterSeconds: 40 }, 'de')).toBe('Zu viele Versuche. Bitte warten Sie 1 Minute und versuchen Sie es erneut.');
    expect(errorMessage('auth.account_held', EXAMPLES['auth.account_held'], 'en')).toBe('Too many wrong passwords for this account. Try again in 15 minutes, or reset your password.');
    expect(errorMessage('device.no_counter', { counter: 'mono' }, 'de')).toBe('Dieses Gerät hat keinen «Zähler Schwarzweiss».');
    expect(errorMessage('site.in_use', { devices: 3, plans: 1, stocks: 0 }, 'de')).toBe('Dieser Standort kann nicht gelöscht werden: Er hat noch 3 Geräte und 1 Plan. Deaktivieren Sie ihn stattdessen; der Verlauf bleibt erhalten.');
  });

  it('words validation issues about the field, or about the request when none is named', () => {
    expect(errorMessage('validation.too_small', { field: 'name', origin: 'string', minimum: 1, ...bound }, 'fr')).toBe('« name » : ne doit pas être vide.');
    expect(errorMessage('validation.too_big', { field: 'page', origin: 'number', maximum: 100, inclusive: false, exact: false }, 'en')).toBe('“page”: less than 100 expected.');
    expect(errorMessage('validation.invalid_type', { expected: 'object' }, 'de')).toBe('Erwartet wird ein Objekt.');
    expect(errorMessage('validation.invalid_format', { field: 'id', format: 'guid' }, 'it')).toBe('«id»: serve un identificativo (UUID).');
    expect(errorMessage('validation.invalid_format', { field: 'oid', format: 'regex' }, 'en')).toBe('“oid”: the format is not the expected one (regex).');
  });

  it('keeps the English wording of a schema rule, and a generic one elsewhere', () => {
    const params = { field: 'timezone', detail: 'Use an IANA time zone such as Europe/Zurich' };
    expect(errorMessage('validation.custom', params, 'en')).toBe('“timezone”: Use an IANA time zone such as Europe/Zurich.');
    expect(errorMessage('validation.custom', params, 'de')).toBe('«timezone»: Dieser Wert wird nicht akzeptiert.');
  });

  it('words a refused reading with its reason', () => {
    for (const language of LANGUAGES) expect(errorMessage('reading.refused', { reason: belowLast }, language)).toBe(reasonMessage(belowLast, language));
  });

  it('recognises its keys only', () => {
    expect(isErrorKey('device.not_found')).toBe(true);
    expect(isErrorKey('device.exploded')).toBe(false);
    expect(isErrorKey('toString')).toBe(false);
    expect(isErrorKey(undefined)).toBe(false);
  });
});

describe('DomainError', () => {
  it('takes its code from the catalogue and its message from the English text', () => {
    const error = new DomainError('device.serial_taken', { serial: 'X1234', deviceCode: null, field: 'serial' });
    expect(error).toMatchObject({
      code: 'conflict',
      key: 'device.serial_taken',
      params: { serial: 'X1234', deviceCode: null, field: 'serial' },
      meta: { field: 'serial' },
      message: 'The serial number X1234 is already used by another active device; deactivate that device first if the machine moved.',
    });
  });

  it('needs no details for a key without parameters', () => {
    expect(new DomainError('device.not_found')).toMatchObject({ code: 'not_found', key: 'device.not_found', params: {}, message: 'No such device.' });
  });

  it('still carries a keyless error, with its English message only', () => {
    const error = new DomainError('conflict', 'a closed link cannot open', { state: 'closed' });
    expect(error).toMatchObject({ code: 'conflict', key: undefined, params: {}, meta: { state: 'closed' }, message: 'a closed link cannot open' });
  });
});
