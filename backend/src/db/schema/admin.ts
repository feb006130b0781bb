import { sql } from 'drizzle-orm';
import { boolean, check, customType, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { LOGGED_DEVICE_EVENTS } from '@parc/shared/contracts/device-console';
import type { Permissions } from '@parc/shared/contracts/profiles';
import { devices } from './devices.ts';
import { partners, users } from './partners.ts';

/** Partner administration: custom parameters, profiles, appearance (logo) and per-device settings. */

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => 'bytea',
  fromDriver: (value) => new Uint8Array(value),
});

export const PARAMETER_KIND_VALUES = ['text', 'list', 'oid'] as const;
export const PARAMETER_TARGET_VALUES = ['customer', 'device'] as const;

/** A partner's own field on customers or devices (the seed's "paramètres personnalisés"). */
export const customParameters = pgTable(
  'custom_parameters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    kind: text('kind', { enum: PARAMETER_KIND_VALUES }).notNull(),
    appliesTo: text('applies_to', { enum: PARAMETER_TARGET_VALUES }).notNull(),
    options: text('options').array().notNull().default(sql`'{}'::text[]`),
    oid: text('oid'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('custom_parameters_name_unique').on(t.partnerId, t.appliesTo, t.name),
    check('custom_parameters_kind', sql`${t.kind} in ('text', 'list', 'oid')`),
    check('custom_parameters_applies_to', sql`${t.appliesTo} in ('customer', 'device')`),
    check('custom_parameters_oid', sql`(${t.kind} = 'oid') = (${t.oid} is not null)`),
  ],
);

/**
 * A parameter's value on one customer or device. `entity_id` points at either table (the parameter
 * says which), so the service checks it belongs to the partner before writing.
 */
export const customParameterValues = pgTable(
  'custom_parameter_values',
  {
    parameterId: uuid('parameter_id')
      .notNull()
      .references(() => customParameters.id, { onDelete: 'cascade' }),
    partnerId: uuid('partner_id').notNull(),
    entityId: uuid('entity_id').notNull(),
    value: text('value').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.parameterId, t.entityId] }),
    index('custom_parameter_values_entity').on(t.entityId),
    // Search by value: "devices whose floor is 3".
    index('custom_parameter_values_search').on(t.parameterId, sql`lower(${t.value})`),
  ],
);

/** A named set of screen permissions for partner staff. */
export const profiles = pgTable(
  'profiles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id')
      .notNull()
      .references(() => partners.id),
    name: text('name').notNull(),
    permissions: jsonb('permissions').$type<Permissions>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('profiles_name_unique').on(t.partnerId, t.name)],
);

/** A staff user's profile; no row: full access, as before profiles existed. A profile in use cannot be deleted. */
export const userProfiles = pgTable('user_profiles', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id, { onDelete: 'cascade' }),
  profileId: uuid('profile_id')
    .notNull()
    .references(() => profiles.id),
});

/** The partner's logo, in the database so a Worker (no disk) serves it too; partners.logo_url points at its public URL. */
export const partnerLogos = pgTable(
  'partner_logos',
  {
    partnerId: uuid('partner_id')
      .primaryKey()
      .references(() => partners.id),
    contentType: text('content_type').notNull(),
    image: bytea('image').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check('partner_logos_content_type', sql`${t.contentType} in ('image/png', 'image/jpeg', 'image/svg+xml', 'image/webp')`)],
);

export const SNMP_VERSION_VALUES = ['v1', 'v2c', 'v3'] as const;

/**
 * A device's console settings beyond its own columns; no row means the defaults (in reports, the
 * agent's SNMP credentials). SNMP secrets are kept as given since the agent needs them; the API only
 * says whether they are set.
 */
export const deviceSettings = pgTable(
  'device_settings',
  {
    deviceId: uuid('device_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    includedInReports: boolean('included_in_reports').notNull().default(true),
    snmpVersion: text('snmp_version', { enum: SNMP_VERSION_VALUES }),
    snmpCommunity: text('snmp_community'),
    snmpUsername: text('snmp_username'),
    snmpSecurityLevel: text('snmp_security_level'),
    snmpAuthProtocol: text('snmp_auth_protocol'),
    snmpAuthKey: text('snmp_auth_key'),
    snmpPrivProtocol: text('snmp_priv_protocol'),
    snmpPrivKey: text('snmp_priv_key'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    check('device_settings_snmp_version', sql`${t.snmpVersion} is null or ${t.snmpVersion} in ('v1', 'v2c', 'v3')`),
  ],
);

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

/** The device events only this table records (its other history is read from the tables of readings, errors, supplies). */
export { LOGGED_DEVICE_EVENTS };

/**
 * Device events that no other table records (activation, settings changes). Errors, supplies and
 * flagged readings are read from their own tables rather than copied here.
 */
export const deviceEvents = pgTable(
  'device_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    kind: text('kind', { enum: LOGGED_DEVICE_EVENTS }).notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
    by: text('by'),
    detail: text('detail'),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    index('device_events_device').on(t.deviceId, t.at),
    check('device_events_kind', sql`${t.kind} in (${inList(LOGGED_DEVICE_EVENTS)})`),
  ],
);
