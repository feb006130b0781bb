import { and, asc, eq, gte, isNull, sql, type SQL } from 'drizzle-orm';
import { continuousValues, DomainError, type CounterReset } from '@parc/shared';
import type {
  ConnectionType,
  DeviceAlert,
  DeviceConsole,
  DeviceRow,
  DeviceRowPage,
  DeviceRowQuery,
  DeviceSettings,
  DeviceSettingsUpdate,
  DeviceState,
  HistoryReading,
  MonthStatistics,
  SnmpSettingsView,
  SupplyLevel,
} from '@parc/shared/contracts/device-console';
import { HISTORY_MONTHS, STALE_AFTER_DAYS } from '@parc/shared/contracts/device-console';
import { COUNTER_KINDS, isCounting, type CounterKind } from '@parc/shared/meters/counters';
import { counterVolumes } from '@parc/shared/statistics/volumes';
import { selectRows, type Db } from '../../db/client.ts';
import { counters, deviceAlerts, deviceEvents, deviceSettings, deviceSupplies, partners, readings } from '../../db/schema/index.ts';
import type { SessionUser } from '../auth/access.ts';
import { COUNTING_STATUS_LIST, findResets } from '../readings/readings.repo.ts';
import { pageOffset, searchCondition, toIso, type Scope } from '../customers/scope.ts';
import { findActiveBySerial, toDevice, updateDevice } from './devices.repo.ts';
import { changeDevice, getDevice } from './devices.service.ts';

/**
 * The console's device list in one query: latest counters, worst open alert, supply levels and
 * the connection type come from lateral joins, so a page costs one round trip whatever its size.
 */

const SEVERITY_RANK = sql`case a.severity when 'critical' then 0 when 'warning' then 1 else 2 end`;

function scopeCondition(scope: Scope): SQL {
  const ofPartner = sql`d.partner_id = ${scope.partnerId}`;
  if (!scope.customerIds) return ofPartner;
  if (scope.customerIds.length === 0) return sql`false`;
  return sql`${ofPartner} and d.customer_id in (${sql.join(
    scope.customerIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  )})`;
}

function filters(scope: Scope, query: DeviceRowQuery): SQL {
  const conditions: SQL[] = [scopeCondition(scope)];
  if (query.customerId) conditions.push(sql`d.customer_id = ${query.customerId}`);
  if (query.siteId) conditions.push(sql`d.site_id = ${query.siteId}`);
  if (query.coordinatorId) conditions.push(sql`d.coordinator_id = ${query.coordinatorId}`);
  if (query.model) conditions.push(searchCondition(query.model, [sql`d.model`, sql`d.manufacturer`]));
  if (query.search) {
    conditions.push(searchCondition(query.search, [sql`d.device_code`, sql`d.serial`, sql`d.model`, sql`d.manufacturer`, sql`d.location`, sql`d.internal_number`, sql`c.name`, sql`s.name`]));
  }
  for (const filter of query.param ?? []) {
    conditions.push(
      sql`exists (select 1 from custom_parameter_values v where v.parameter_id = ${filter.parameterId} and v.partner_id = d.partner_id
        and v.entity_id = d.id and lower(v.value) = lower(${filter.value}))`,
    );
  }
  return sql.join(conditions, sql` and `);
}

const SORT_COLUMNS: Record<DeviceRowQuery['sort'], SQL> = {
  deviceCode: sql`x.customer_name, x.device_number`,
  customer: sql`x.customer_name`,
  site: sql`x.site_name`,
  model: sql`x.manufacturer, x.model`,
  state: sql`x.state`,
  lastReadingAt: sql`x.last_at`,
  total: sql`x.total`,
};

interface RawRow {
  id: string;
  device_code: string;
  device_number: number;
  serial: string;
  manufacturer: string;
  model: string;
  location: string | null;
  customer_id: string;
  customer_name: string;
  site_id: string | null;
  site_name: string | null;
  coordinator_id: string | null;
  coordinator_name: string | null;
  active: boolean;
  state: DeviceState;
  has_agent: boolean;
  last_at: string | Date | null;
  total: number | null;
  mono: number | null;
  colour: number | null;
  scan: number | null;
  large: number | null;
  alert_severity: DeviceAlert['severity'] | null;
  alert_description: string | null;
  alert_group: string | null;
  alert_code: string | null;
  alert_opened_at: string | Date | null;
  supplies: RawSupply[] | string | null;
  full_count: number;
}

interface RawSupply {
  name: string;
  type: string;
  colour: string | null;
  level: number | null;
  readAt: string;
}

/** Drivers differ: timestamps come back as Date or text, JSON as objects or text. */
const instant = (value: string | Date) => new Date(value).toISOString();
const parsedJson = <T>(value: T | string | null): T | null => (typeof value === 'string' ? (JSON.parse(value) as T) : value);

function toSupplies(raw: RawSupply[] | string | null): SupplyLevel[] {
  return (parsedJson(raw) ?? []).map((supply) => ({ ...supply, level: supply.level === null ? null : Math.round(supply.level), readAt: instant(supply.readAt) }));
}

function toRow(raw: RawRow): DeviceRow {
  const counterValue = (kind: CounterKind) => (raw[kind] === null ? null : Number(raw[kind]));
  return {
    id: raw.id,
    deviceCode: raw.device_code,
    serial: raw.serial,
    manufacturer: raw.manufacturer,
    model: raw.model,
    location: raw.location,
    customerId: raw.customer_id,
    customerName: raw.customer_name,
    siteId: raw.site_id,
    siteName: raw.site_name,
    coordinatorId: raw.coordinator_id,
    coordinatorName: raw.coordinator_name,
    active: raw.active,
    state: raw.state,
    connection: raw.has_agent ? 'agent' : 'manual',
    lastReadingAt: raw.last_at === null ? null : instant(raw.last_at),
    counters: Object.fromEntries(COUNTER_KINDS.map((kind) => [kind, counterValue(kind)])) as DeviceRow['counters'],
    alert:
      raw.alert_severity && raw.alert_description && raw.alert_opened_at
        ? { severity: raw.alert_severity, group: raw.alert_group ?? '', code: raw.alert_code ?? '', message: raw.alert_description, since: instant(raw.alert_opened_at) }
        : null,
    supplies: toSupplies(raw.supplies),
  };
}

/** Every console row matching `where`, with its derived columns; `now` decides which devices are stale. */
function rowsQuery(where: SQL, now: Date): SQL {
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * 86_400_000).toISOString();
  return sql`
    select d.id, d.device_code, d.device_number, d.serial, d.manufacturer, d.model, d.location, d.customer_id, c.name as customer_name,
      d.site_id, s.name as site_name, d.coordinator_id, co.name as coordinator_name, d.active,
      lr.last_at, lr.total, lr.mono, lr.colour, lr.scan, lr.large, ag.has_agent,
      al.severity as alert_severity, al.description as alert_description, al."group" as alert_group, al.code as alert_code, al.opened_at as alert_opened_at, su.supplies,
      case
        when not d.active then 'inactive'
        when al.severity in ('critical', 'warning') then 'alert'
        when lr.last_at is null or lr.last_at < ${staleBefore}::timestamptz then 'stale'
        else 'ok'
      end as state
    from devices d
    join customers c on c.id = d.customer_id
    left join sites s on s.id = d.site_id
    left join coordinators co on co.id = d.coordinator_id
    left join lateral (
      select max(l.taken_at) as last_at,
        max(l.value) filter (where ct.kind = 'total')::float8 as total,
        max(l.value) filter (where ct.kind = 'mono')::float8 as mono,
        max(l.value) filter (where ct.kind = 'colour')::float8 as colour,
        max(l.value) filter (where ct.kind = 'scan')::float8 as scan,
        max(l.value) filter (where ct.kind = 'large')::float8 as large
      from counters ct
      join lateral (
        select r.value, r.taken_at from readings r
        where r.counter_id = ct.id and r.status in ${COUNTING_STATUS_LIST}
        order by r.taken_at desc limit 1
      ) l on true
      where ct.device_id = d.id
    ) lr on true
    left join lateral (select exists (select 1 from readings r where r.device_id = d.id and r.source = 'agent') as has_agent) ag on true
    left join lateral (
      select a.severity, a.description, a."group", a.code, a.opened_at from device_alerts a
      where a.device_id = d.id and a.cleared_at is null
      order by ${SEVERITY_RANK}, a.opened_at limit 1
    ) al on true
    left join lateral (
      select json_agg(json_build_object('name', p.description, 'type', p.type, 'colour', p.colour, 'level', p.percent, 'readAt', p.read_at)
        order by p.supply_index) as supplies
      from device_supplies p where p.device_id = d.id
    ) su on true
    where ${where}`;
}

export async function listDeviceRows(db: Db, scope: Scope, query: DeviceRowQuery, now: Date): Promise<DeviceRowPage> {
  const outer: SQL[] = [];
  if (query.state) outer.push(sql`x.state = ${query.state}`);
  if (query.connection) outer.push(sql`x.has_agent = ${query.connection === 'agent'}`);
  const direction = query.order === 'desc' ? sql`desc nulls last` : sql`asc nulls last`;
  const rows = await selectRows<RawRow>(
    db,
    sql`select x.*, (count(*) over ())::int as full_count from (${rowsQuery(filters(scope, query), now)}) x
      ${outer.length ? sql`where ${sql.join(outer, sql` and `)}` : sql``}
      order by ${SORT_COLUMNS[query.sort]} ${direction}, x.device_code asc
      limit ${query.pageSize} offset ${pageOffset(query)}`,
  );
  return { items: rows.map(toRow), total: rows[0] ? Number(rows[0].full_count) : await countBeyondLastPage(db, scope, query, now, outer), page: query.page, pageSize: query.pageSize };
}

/** A page past the end has no rows to carry the window count, so the total is asked for on its own. */
async function countBeyondLastPage(db: Db, scope: Scope, query: DeviceRowQuery, now: Date, outer: SQL[]): Promise<number> {
  if (query.page === 1) return 0;
  const [row] = await selectRows<{ total: number }>(
    db,
    sql`select count(*)::int as total from (${rowsQuery(filters(scope, query), now)}) x ${outer.length ? sql`where ${sql.join(outer, sql` and `)}` : sql``}`,
  );
  return Number(row?.total ?? 0);
}

// ---- The device page ----

type SettingsRow = typeof deviceSettings.$inferSelect;

function toSnmpView(row: SettingsRow | undefined): SnmpSettingsView | null {
  if (!row?.snmpVersion) return null;
  return {
    version: row.snmpVersion,
    communitySet: row.snmpCommunity !== null,
    username: row.snmpUsername,
    securityLevel: row.snmpSecurityLevel as SnmpSettingsView['securityLevel'],
    authProtocol: row.snmpAuthProtocol as SnmpSettingsView['authProtocol'],
    authKeySet: row.snmpAuthKey !== null,
    privProtocol: row.snmpPrivProtocol as SnmpSettingsView['privProtocol'],
    privKeySet: row.snmpPrivKey !== null,
  };
}

async function settingsOf(db: Db, partnerId: string, device: { id: string; siteId: string | null; coordinatorId: string | null; active: boolean }): Promise<DeviceSettings> {
  const [row] = await db.select().from(deviceSettings).where(and(eq(deviceSettings.partnerId, partnerId), eq(deviceSettings.deviceId, device.id)));
  return { siteId: device.siteId, coordinatorId: device.coordinatorId, active: device.active, includedInReports: row?.includedInReports ?? true, snmp: toSnmpView(row) };
}

/**
 * Month by month pages per counter kind, in the partner's time zone; A3 sheets also count twice in
 * totals. Only counting values, on the continuous series across declared resets.
 */
export function monthlyStatistics(history: readonly HistoryReading[], resets: readonly (CounterReset & { counterKind: CounterKind })[], timeZone: string): MonthStatistics[] {
  const byKind = new Map<CounterKind, Map<string, number>>();
  for (const kind of COUNTER_KINDS) {
    const counted = history.filter((reading) => reading.counterKind === kind && isCounting(reading.status)).map((reading) => ({ value: reading.value, takenAt: new Date(reading.takenAt) }));
    const points = continuousValues(counted, resets.filter((reset) => reset.counterKind === kind));
    byKind.set(kind, counterVolumes(points, 'month', timeZone));
  }
  const months = [...new Set([...byKind.values()].flatMap((volumes) => [...volumes.keys()]))].sort();
  return months.map((month) => {
    const pages = (kind: CounterKind) => byKind.get(kind)?.get(month) ?? 0;
    const colour = pages('colour');
    const mono = byKind.get('mono')?.size ? pages('mono') : Math.max(0, pages('total') - colour);
    return { month, mono, colour, large: pages('large'), total: pages('total') || mono + colour };
  });
}

const SEVERITY_ORDER: Record<DeviceAlert['severity'], number> = { critical: 0, warning: 1, other: 2 };

export async function getDeviceConsole(db: Db, user: SessionUser, id: string, now: Date): Promise<DeviceConsole> {
  const device = toDevice(await getDevice(db, user, id));
  const since = new Date(now);
  since.setUTCMonth(since.getUTCMonth() - HISTORY_MONTHS);
  const [[row], counterRows, historyRows, supplyRows, alertRows, [partner], settings, resetRows] = await Promise.all([
    selectRows<RawRow>(db, rowsQuery(sql`d.partner_id = ${user.partnerId} and d.id = ${id}`, now)),
    db.select().from(counters).where(and(eq(counters.partnerId, user.partnerId), eq(counters.deviceId, id))).orderBy(asc(counters.kind)),
    db
      .select({ id: readings.id, counterKind: counters.kind, value: readings.value, takenAt: readings.takenAt, source: readings.source, status: readings.status, enteredBy: readings.enteredBy })
      .from(readings)
      .innerJoin(counters, eq(counters.id, readings.counterId))
      .where(and(eq(readings.partnerId, user.partnerId), eq(readings.deviceId, id), gte(readings.takenAt, since)))
      .orderBy(asc(readings.takenAt)),
    db.select().from(deviceSupplies).where(and(eq(deviceSupplies.partnerId, user.partnerId), eq(deviceSupplies.deviceId, id))).orderBy(asc(deviceSupplies.supplyIndex)),
    db.select().from(deviceAlerts).where(and(eq(deviceAlerts.partnerId, user.partnerId), eq(deviceAlerts.deviceId, id), isNull(deviceAlerts.clearedAt))),
    db.select({ timezone: partners.defaultTimezone }).from(partners).where(eq(partners.id, user.partnerId)),
    settingsOf(db, user.partnerId, device),
    findResets(db, user.partnerId, [id]),
  ]);
  if (!row) throw new DomainError('device.not_found');
  const history: HistoryReading[] = historyRows.map((reading) => ({ ...reading, takenAt: toIso(reading.takenAt) }));
  // History is oldest first: the last kept reading of a kind is its latest.
  const latestByKind = new Map(history.filter((reading) => isCounting(reading.status)).map((reading) => [reading.counterKind, reading]));
  return {
    device,
    customerName: row.customer_name,
    siteName: row.site_name,
    coordinatorName: row.coordinator_name,
    state: row.state,
    connection: (row.has_agent ? 'agent' : 'manual') satisfies ConnectionType,
    counters: counterRows.map((counter) => ({ id: counter.id, kind: counter.kind, active: counter.active, latest: latestByKind.get(counter.kind) ?? null })),
    history,
    statistics: monthlyStatistics(history, resetRows, partner?.timezone ?? 'Europe/Zurich'),
    supplies: supplyRows.map((supply) => ({
      name: supply.description,
      type: supply.type,
      colour: supply.colour,
      level: supply.percent === null ? null : Math.round(supply.percent),
      readAt: toIso(supply.readAt),
    })),
    alerts: alertRows
      .map((alert) => ({ severity: alert.severity, group: alert.group, code: alert.code, message: alert.description, since: toIso(alert.openedAt) }))
      .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.since.localeCompare(b.since)),
    settings,
  };
}

// ---- Settings ----

type SnmpColumns = Pick<SettingsRow, 'snmpVersion' | 'snmpCommunity' | 'snmpUsername' | 'snmpSecurityLevel' | 'snmpAuthProtocol' | 'snmpAuthKey' | 'snmpPrivProtocol' | 'snmpPrivKey'>;

const NO_SNMP: SnmpColumns = {
  snmpVersion: null,
  snmpCommunity: null,
  snmpUsername: null,
  snmpSecurityLevel: null,
  snmpAuthProtocol: null,
  snmpAuthKey: null,
  snmpPrivProtocol: null,
  snmpPrivKey: null,
};

/** The columns to store; a secret left out keeps the stored one, and a level that needs a key refuses to go without one. */
export function snmpColumns(input: NonNullable<DeviceSettingsUpdate['snmp']> | null, stored: SnmpColumns): SnmpColumns {
  if (input === null) return NO_SNMP;
  if (input.version !== 'v3') {
    const community = input.community ?? (stored.snmpVersion !== 'v3' ? stored.snmpCommunity : null);
    if (!community) throw new DomainError('device.snmp_community_missing', { field: 'snmp.community' });
    return { ...NO_SNMP, snmpVersion: input.version, snmpCommunity: community };
  }
  const keep = stored.snmpVersion === 'v3';
  const needsAuth = input.securityLevel !== 'noAuthNoPriv';
  const needsPriv = input.securityLevel === 'authPriv';
  const authKey = needsAuth ? (input.authKey ?? (keep ? stored.snmpAuthKey : null)) : null;
  const privKey = needsPriv ? (input.privKey ?? (keep ? stored.snmpPrivKey : null)) : null;
  if (needsAuth && (!authKey || !input.authProtocol)) throw new DomainError('device.snmp_auth_missing', { field: 'snmp.authKey' });
  if (needsPriv && (!privKey || !input.privProtocol)) throw new DomainError('device.snmp_priv_missing', { field: 'snmp.privKey' });
  return {
    ...NO_SNMP,
    snmpVersion: 'v3',
    snmpUsername: input.username,
    snmpSecurityLevel: input.securityLevel,
    snmpAuthProtocol: needsAuth ? input.authProtocol! : null,
    snmpAuthKey: authKey,
    snmpPrivProtocol: needsPriv ? input.privProtocol! : null,
    snmpPrivKey: privKey,
  };
}

/** Changes placement (through the devices service, which checks the site and coordinator), activity, reports and SNMP; logs the events. */
export async function changeDeviceSettings(db: Db, user: SessionUser, id: string, input: DeviceSettingsUpdate, now: Date): Promise<DeviceSettings> {
  const current = await getDevice(db, user, id);
  const placement = { siteId: input.siteId, coordinatorId: input.coordinatorId };
  if (placement.siteId !== undefined || placement.coordinatorId !== undefined) await changeDevice(db, user, id, placement);
  const [stored] = await db.select().from(deviceSettings).where(and(eq(deviceSettings.partnerId, user.partnerId), eq(deviceSettings.deviceId, id)));
  const changed: string[] = [];
  if (input.siteId !== undefined && input.siteId !== current.siteId) changed.push('site');
  if (input.coordinatorId !== undefined && input.coordinatorId !== current.coordinatorId) changed.push('coordinator');
  await db.transaction(async (tx) => {
    if (input.includedInReports !== undefined || input.snmp !== undefined) {
      const values = {
        ...(input.includedInReports !== undefined ? { includedInReports: input.includedInReports } : {}),
        ...(input.snmp !== undefined ? snmpColumns(input.snmp, stored ?? NO_SNMP) : {}),
        updatedAt: now,
      };
      await tx
        .insert(deviceSettings)
        .values({ deviceId: id, partnerId: user.partnerId, ...values })
        .onConflictDoUpdate({ target: deviceSettings.deviceId, set: values });
      if (input.includedInReports !== undefined && input.includedInReports !== (stored?.includedInReports ?? true)) changed.push('reports');
      if (input.snmp !== undefined) changed.push('snmp');
    }
    if (input.active !== undefined && input.active !== current.active) {
      // Reactivating puts the serial back in use: another active device may have taken it meanwhile.
      const holder = input.active ? await findActiveBySerial(tx, user.partnerId, current.serial, id) : null;
      if (holder) throw new DomainError('device.serial_in_use', { serial: current.serial, deviceCode: holder.deviceCode, field: 'active' });
      await updateDevice(tx, user, id, { active: input.active });
      await tx.insert(deviceEvents).values({ partnerId: user.partnerId, deviceId: id, kind: input.active ? 'activated' : 'deactivated', at: now, by: user.email });
    }
    if (changed.length) await tx.insert(deviceEvents).values({ partnerId: user.partnerId, deviceId: id, kind: 'settings_changed', at: now, by: user.email, detail: changed.join(', ') });
  });
  return settingsOf(db, user.partnerId, toDevice(await getDevice(db, user, id)));
}
