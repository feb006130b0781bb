import { sql } from 'drizzle-orm';
import { bigint, boolean, check, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { COUNTER_KINDS, READING_SOURCES, READING_STATUSES } from '@parc/shared';
import { coordinators, customers, sites } from './customers.ts';

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(', '));

export const devices = pgTable(
  'devices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    customerId: uuid('customer_id').notNull(),
    // n of PREFIX-n, taken from customers.next_device_number.
    deviceNumber: integer('device_number').notNull(),
    // PREFIX-n as shown everywhere; kept even if the device is deactivated.
    deviceCode: text('device_code').notNull(),
    serial: text('serial').notNull(),
    manufacturer: text('manufacturer').notNull(),
    model: text('model').notNull(),
    internalNumber: text('internal_number'),
    location: text('location'),
    siteId: uuid('site_id'),
    coordinatorId: uuid('coordinator_id'),
    colourCapable: boolean('colour_capable').notNull().default(false),
    active: boolean('active').notNull().default(true),
    ip: text('ip'),
    mac: text('mac'),
    // Readings dated before the device was installed at the customer's are refused.
    installedAt: timestamp('installed_at', { withTimezone: true }).notNull().defaultNow(),
    // A device swap retires this device and puts a new one in its place; both keep their history.
    replacesDeviceId: uuid('replaces_device_id'),
    retiredAt: timestamp('retired_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.customerId], foreignColumns: [customers.partnerId, customers.id] }),
    foreignKey({ columns: [t.partnerId, t.siteId], foreignColumns: [sites.partnerId, sites.id] }),
    foreignKey({ columns: [t.partnerId, t.coordinatorId], foreignColumns: [coordinators.partnerId, coordinators.id] }),
    unique('devices_partner_id_unique').on(t.partnerId, t.id),
    uniqueIndex('devices_number_unique').on(t.customerId, t.deviceNumber),
    uniqueIndex('devices_code_unique').on(t.customerId, t.deviceCode),
    // A serial identifies one machine: only one active device per partner may carry it.
    uniqueIndex('devices_active_serial_unique').on(t.partnerId, t.serial).where(sql`${t.active}`),
    index('devices_customer').on(t.customerId),
    check('devices_number_positive', sql`${t.deviceNumber} >= 1`),
  ],
);

export const counters = pgTable(
  'counters',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    kind: text('kind', { enum: COUNTER_KINDS }).notNull(),
    active: boolean('active').notNull().default(true),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    unique('counters_partner_id_unique').on(t.partnerId, t.id),
    uniqueIndex('counters_device_kind_unique').on(t.deviceId, t.kind),
    check('counters_kind_check', sql`${t.kind} in (${inList(COUNTER_KINDS)})`),
  ],
);

export const readings = pgTable(
  'readings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    partnerId: uuid('partner_id').notNull(),
    deviceId: uuid('device_id').notNull(),
    counterId: uuid('counter_id').notNull(),
    value: bigint('value', { mode: 'number' }).notNull(),
    takenAt: timestamp('taken_at', { withTimezone: true }).notNull(),
    source: text('source', { enum: READING_SOURCES }).notNull(),
    status: text('status', { enum: READING_STATUSES }).notNull().default('entered'),
    // Who or what entered it, readable in the history: a user's email, "link:<id>", "agent:<id>", "demo".
    enteredBy: text('entered_by').notNull(),
    // Made by whoever sends the value (PWA outbox entry, technician op, agent sample, estimate of a
    // period) so a retried submission is applied once.
    idempotencyKey: uuid('idempotency_key'),
    // The meter link it was entered through: a link reading belongs to its link's period.
    linkId: uuid('link_id'),
    note: text('note'),
    lockedAt: timestamp('locked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ columns: [t.partnerId, t.deviceId], foreignColumns: [devices.partnerId, devices.id] }),
    foreignKey({ columns: [t.partnerId, t.counterId], foreignColumns: [counters.partnerId, counters.id] }),
    uniqueIndex('readings_idempotency_key_unique').on(t.idempotencyKey),
    index('readings_link').on(t.linkId),
    index('readings_counter_taken').on(t.counterId, t.takenAt),
    index('readings_device_taken').on(t.deviceId, t.takenAt),
    // The few readings waiting for a person: the to-check queue, the dashboard and notices find them without a scan.
    index('readings_to_check').on(t.createdAt).where(sql`${t.status} = 'to_check'`),
    check('readings_value_range', sql`${t.value} >= 0 and ${t.value} <= 10000000000`),
    check('readings_source_check', sql`${t.source} in (${inList(READING_SOURCES)})`),
    check('readings_status_check', sql`${t.status} in (${inList(READING_STATUSES)})`),
  ],
);
