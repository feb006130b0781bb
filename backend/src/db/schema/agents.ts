import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, real, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { DiscoveryReport, SampleResult, SnmpCredential } from '@parc/shared/contracts/agents';
import type { PrinterReading, ReadingWarning } from '@parc/shared/agents/reading';
import { customers } from './customers.ts';
import { devices } from './devices.ts';
import { partners } from './partners.ts';
import { supplyModels } from './supplies.ts';

/** The partner's agent options (the seed's "Options du système"); no row means the defaults. */
export const agentSettings = pgTable(
  'agent_settings',
  {
    partnerId: uuid('partner_id').primaryKey().references(() => partners.id),
    /** A new agent scans its networks as soon as it first connects. */
    scanOnFirstConnection: boolean('scan_on_first_connection').notNull().default(true),
    /** When off, a device whose IP changed loses its location text (DHCP moved it: it may have moved too). */
    keepLocationOnIpChange: boolean('keep_location_on_ip_change').notNull().default(true),
    // A serial seen by this customer's agent that is an active device of another customer is only
    // flagged in "devices to add": the dealer decides there (move, keep, ignore). No option lets an agent move it.
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
);

/** A logical agent of one customer (one per network); the program that enrolled with its key is its credential. */
export const agents = pgTable(
  'agents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    name: text('name').notNull(),
    // What the enrolled program said about itself, and where its last request came from.
    version: text('version'),
    hostname: text('hostname'),
    platform: text('platform'),
    lastIp: text('last_ip'),
    lastContactAt: timestamp('last_contact_at', { withTimezone: true }),
    inspectionMinutes: integer('inspection_minutes').notNull().default(240),
    alertsMinutes: integer('alerts_minutes').notNull().default(15),
    scanMinutes: integer('scan_minutes').notNull().default(1440),
    ranges: text('ranges').array().notNull().default(sql`'{}'::text[]`),
    // v3 keys are stored as given (the agent needs them); API responses only say whether they are set.
    snmpCredentials: jsonb('snmp_credentials').$type<SnmpCredential[]>().notNull().default(sql`'[{"version":"2c","community":"public"}]'::jsonb`),
    timeoutMs: integer('timeout_ms').notNull().default(1000),
    /** Null: twice the alerts interval, at least 30 minutes. */
    disconnectedAfterMinutes: integer('disconnected_after_minutes'),
    scanRequestedAt: timestamp('scan_requested_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    unique('agents_partner_id_unique').on(t.partnerId, t.id),
    index('agents_customer').on(t.customerId),
    check('agents_schedules_range', sql`${t.inspectionMinutes} >= 0 and ${t.alertsMinutes} >= 0 and ${t.scanMinutes} >= 0`),
    check('agents_timeout_range', sql`${t.timeoutMs} between 100 and 30000`),
  ],
);

/**
 * The one-time enrollment key of an agent. Enrollment consumes it; revoking the credential (the
 * seed's "révoquer le certificat") replaces it with a new key, so a revoked key is dead.
 */
export const agentKeys = pgTable(
  'agent_keys',
  {
    agentId: uuid('agent_id')
      .primaryKey()
      .references(() => agents.id, { onDelete: 'cascade' }),
    // Shown to the partner in the console, so kept as is; 26^16 values from a CSPRNG leave nothing to guess.
    key: text('key').notNull(),
    consumedAt: timestamp('consumed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('agent_keys_key_unique').on(t.key), check('agent_keys_format', sql`${t.key} ~ '^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$'`)],
);

/** A key pair an agent program enrolled with; its id is the JWT `kid`. */
export const agentCredentials = pgTable(
  'agent_credentials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    publicKey: jsonb('public_key').$type<{ kty: 'OKP'; crv: 'Ed25519'; x: string }>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    // One live credential per agent: the key cannot be enrolled twice without a revocation between.
    uniqueIndex('agent_credentials_one_live').on(t.agentId).where(sql`${t.revokedAt} is null`),
  ],
);

/**
 * Where a credential's requests came from, one row per source address, with the first and last time.
 * Two sources of one live credential whose periods overlap mean two programs share it (a cloned VM,
 * a copied install folder): the agent is Ambiguous. A DHCP change gives periods one after the other.
 */
export const agentContacts = pgTable(
  'agent_contacts',
  {
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => agentCredentials.id, { onDelete: 'cascade' }),
    ip: text('ip').notNull(),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.credentialId, t.ip] })],
);

/** JWT ids already accepted, until their token expires: a replayed token is refused. */
export const agentTokenUses = pgTable(
  'agent_token_uses',
  {
    jti: text('jti').primaryKey(),
    credentialId: uuid('credential_id')
      .notNull()
      .references(() => agentCredentials.id, { onDelete: 'cascade' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('agent_token_uses_expiry').on(t.credentialId, t.expiresAt)],
);

/** Idempotency ledger: every sampleId an agent sent, with the answer it got; a resent sample gets `duplicate`. */
export const agentSamples = pgTable(
  'agent_samples',
  {
    sampleId: uuid('sample_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
    serial: text('serial'),
    deviceId: uuid('device_id'),
    result: jsonb('result').$type<SampleResult>(),
    /** Per counter: the plausibility verdict and reason, or why it was not recorded. */
    counters: jsonb('counters').$type<Record<string, unknown>>(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    index('agent_samples_device').on(t.deviceId, t.takenAt),
  ],
);

/** What the agent last saw of a device, beyond the device's own columns (firmware, printer status, read warnings). */
export const deviceAgentStates = pgTable(
  'device_agent_states',
  {
    deviceId: uuid('device_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    sampledAt: timestamp('sampled_at', { withTimezone: true }).notNull(),
    ip: text('ip'),
    firmware: text('firmware'),
    printerStatus: text('printer_status'),
    warnings: jsonb('warnings').$type<ReadingWarning[]>().notNull().default(sql`'[]'::jsonb`),
  },
  (t) => [foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade')],
);

export const SUPPLY_STATES = ['measured', 'some_remaining', 'unknown', 'other'] as const;

/** Latest level of each supply of a device (one row per prtMarkerSuppliesTable index). */
export const deviceSupplies = pgTable(
  'device_supplies',
  {
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    supplyIndex: text('supply_index').notNull(),
    description: text('description').notNull(),
    type: text('type').notNull(),
    colour: text('colour'),
    level: integer('level'),
    max: integer('max'),
    percent: real('percent'),
    state: text('state', { enum: SUPPLY_STATES }).notNull(),
    /** Read from the description where the printer puts them (supplyIdentity). */
    partNumber: text('part_number'),
    serial: text('serial'),
    /** The catalogue entry (modules/supplies finds or adds it). */
    supplyModelId: uuid('supply_model_id').references(() => supplyModels.id, { onDelete: 'set null' }),
    /** When the agent read this level. */
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.supplyIndex] }),
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    // Supplies read lately at half or less: the low-supply notices look at these every few minutes.
    index('device_supplies_low_read').on(t.readAt).where(sql`${t.percent} <= 50`),
  ],
);

/** Every change of a supply's level, append-only: what consumption forecasts are computed from. */
export const deviceSupplyLevels = pgTable(
  'device_supply_levels',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    supplyIndex: text('supply_index').notNull(),
    level: integer('level'),
    percent: real('percent'),
    serial: text('serial'),
    readAt: timestamp('read_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    index('device_supply_levels_supply').on(t.deviceId, t.supplyIndex, t.readAt),
  ],
);

export const DEVICE_ALERT_SEVERITIES = ['critical', 'warning', 'other'] as const;

/**
 * A device's alerts from prtAlertTable and hrPrinterDetectedErrorState: open while the printer
 * reports them, `cleared_at` set on the first sample without them. `key` identifies one condition.
 */
export const deviceAlerts = pgTable(
  'device_alerts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    key: text('key').notNull(),
    severity: text('severity', { enum: DEVICE_ALERT_SEVERITIES }).notNull(),
    group: text('group').notNull(),
    code: text('code').notNull(),
    description: text('description').notNull(),
    openedAt: timestamp('opened_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    clearedAt: timestamp('cleared_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
    uniqueIndex('device_alerts_one_open').on(t.deviceId, t.key).where(sql`${t.clearedAt} is null`),
    // Open alerts by when they opened: what notices look for every few minutes.
    index('device_alerts_open_since').on(t.openedAt).where(sql`${t.clearedAt} is null`),
  ],
);

/**
 * An error the dealer chose to ignore on a device: by its key, so the same condition reported again
 * later (a new alert row) stays ignored, until `until` or for good. The errors page leaves it out.
 */
export const deviceAlertIgnores = pgTable(
  'device_alert_ignores',
  {
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    key: text('key').notNull(),
    /** Null: for good. */
    until: timestamp('until', { withTimezone: true }),
    by: text('by').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.deviceId, t.key] }),
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }).onDelete('cascade'),
  ],
);

/**
 * "Devices to add": printers an agent reports whose serial is no active device of its customer.
 * The partner assigns one (it becomes a device with its PREFIX-n) or ignores it.
 */
export const pendingDevices = pgTable(
  'pending_devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    agentId: uuid('agent_id').references(() => agents.id, { onDelete: 'set null' }),
    serial: text('serial').notNull(),
    mac: text('mac'),
    manufacturer: text('manufacturer'),
    model: text('model'),
    ip: text('ip'),
    firstSeenAt: timestamp('first_seen_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    /** The newest sample, applied to the device when the partner assigns it. */
    latestSampleId: uuid('latest_sample_id'),
    latestTakenAt: timestamp('latest_taken_at', { withTimezone: true }),
    latestReading: jsonb('latest_reading').$type<PrinterReading>(),
    /** An active device of another customer carries this serial (the machine moved, or two agents see it). */
    otherCustomerDeviceId: uuid('other_customer_device_id'),
    ignoredAt: timestamp('ignored_at', { withTimezone: true }),
    assignedDeviceId: uuid('assigned_device_id'),
    assignedAt: timestamp('assigned_at', { withTimezone: true }),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.partnerId, t.assignedDeviceId], foreignColumns: [devices.partnerId, devices.id] }),
    // One waiting entry per machine and customer; once assigned, the machine may come back later (moved away and back).
    uniqueIndex('pending_devices_waiting_serial').on(t.customerId, t.serial).where(sql`${t.assignedAt} is null`),
  ],
);

/** One network scan of an agent as last reported: progress while running, then what it found and why hosts failed. */
export const discoveryRuns = pgTable(
  'discovery_runs',
  {
    scanId: uuid('scan_id').primaryKey(),
    partnerId: uuid('partner_id').notNull(),
    agentId: uuid('agent_id')
      .notNull()
      .references(() => agents.id, { onDelete: 'cascade' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    probed: integer('probed').notNull(),
    total: integer('total').notNull(),
    found: jsonb('found').$type<DiscoveryReport['found']>().notNull(),
    failures: jsonb('failures').$type<DiscoveryReport['failures']>().notNull(),
    reportedAt: timestamp('reported_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('discovery_runs_agent').on(t.agentId, t.startedAt)],
);
