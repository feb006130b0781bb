import { sql, type SQL } from 'drizzle-orm';
import { NOTICE_CATEGORY_DEFINITIONS, type NoticeCategory } from '@parc/shared/notifications/categories';
import type { NoticeFacts } from '@parc/shared/notifications/templates';
import type { Complexity } from '@parc/shared/tickets/complexity';
import { classifyAlert } from '@parc/shared/tickets/complexity';
import { selectRows, type Db } from '../../db/client.ts';

/**
 * The events notices are made of, read from the tables their own modules write (alerts, agents,
 * readings, orders…): this module never changes those, it only tells about them. Each reader
 * returns the events of one category that happened in [since, now] and were not told yet.
 */
export interface NoticeEvent {
  category: NoticeCategory;
  partnerId: string;
  customerId: string | null;
  /** The coordinator of the device's site (the device's own when it has one). */
  siteCoordinatorId: string | null;
  eventKey: string;
  facts: NoticeFacts;
  path: string;
  /** What a rule filters on besides being on. */
  filter: { complexity?: Complexity; hoursSilent?: number; percent?: number };
}

interface Window {
  since: Date;
  now: Date;
}

/** Only some categories, or one dealer's events (what a person is waiting on). */
export interface EventFilter {
  partnerId?: string;
  categories?: readonly NoticeCategory[];
}

/** An instant as ISO text, whichever driver reads it. */
const iso = (column: SQL) => sql`to_json(${column}) #>> '{}'`;
/** An instant as a parameter: a typed string, which every driver sends alike. */
const instant = (date: Date) => sql`${date.toISOString()}::timestamptz`;
const notYetTold = (category: NoticeCategory, partner: SQL, key: SQL) =>
  sql`not exists (select 1 from notices n where n.partner_id = ${partner} and n.category = ${category} and n.event_key = ${key})`;

interface DeviceColumns {
  partner_id: string;
  customer_id: string;
  customer_number: string;
  customer_name: string;
  device_id: string;
  device_code: string;
  model: string;
  serial: string | null;
  site_name: string | null;
  site_coordinator_id: string | null;
}

/** The device, its customer and site, as every device event names them (`d` joined by the caller). */
const DEVICE_COLUMNS = sql`
  d.partner_id, d.customer_id, c.customer_number, c.name as customer_name, d.id as device_id, d.device_code,
  trim(d.manufacturer || ' ' || d.model) as model, d.serial, s.name as site_name, coalesce(d.coordinator_id, s.coordinator_id) as site_coordinator_id`;
const DEVICE_JOINS = sql`join customers c on c.id = d.customer_id and c.active left join sites s on s.id = d.site_id`;

function deviceFacts(row: DeviceColumns): NoticeFacts {
  return {
    'customer.number': { text: row.customer_number },
    'customer.name': { text: row.customer_name },
    'device.id': { text: row.device_code },
    'device.model': { text: row.model },
    'device.serial': { text: row.serial ?? '' },
    'site.name': { text: row.site_name ?? '' },
  };
}

const deviceEvent = (category: NoticeCategory, row: DeviceColumns, eventKey: string, facts: NoticeFacts, path: string, filter: NoticeEvent['filter'] = {}): NoticeEvent => ({
  category,
  partnerId: row.partner_id,
  customerId: row.customer_id,
  siteCoordinatorId: row.site_coordinator_id,
  eventKey,
  facts: { ...deviceFacts(row), ...facts },
  path,
  filter,
});

const customerFacts = (row: { customer_number: string; customer_name: string }): NoticeFacts => ({ 'customer.number': { text: row.customer_number }, 'customer.name': { text: row.customer_name } });

async function devicesFound(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<{ id: string; partner_id: string; customer_id: string; customer_number: string; customer_name: string; model: string; serial: string | null; ip: string | null; agent_name: string }>(
    db,
    sql`select p.id, p.partner_id, p.customer_id, c.customer_number, c.name as customer_name, trim(coalesce(p.manufacturer, '') || ' ' || coalesce(p.model, '')) as model, p.serial, p.ip, a.name as agent_name
        from pending_devices p join customers c on c.id = p.customer_id and c.active join agents a on a.id = p.agent_id
        where p.first_seen_at > ${instant(since)} and p.first_seen_at <= ${instant(now)} and p.ignored_at is null and p.assigned_device_id is null
          and ${notYetTold('device_found', sql`p.partner_id`, sql`p.id::text`)}`,
  );
  return rows.map((row) => ({
    category: 'device_found',
    partnerId: row.partner_id,
    customerId: row.customer_id,
    siteCoordinatorId: null,
    eventKey: row.id,
    facts: { ...customerFacts(row), 'device.model': { text: row.model }, 'device.serial': { text: row.serial ?? '' }, 'device.ip': { text: row.ip ?? '' }, 'agent.name': { text: row.agent_name } },
    path: '/console/pending-devices',
    filter: {},
  }));
}

async function deviceAlerts(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<DeviceColumns & { id: string; group: string; code: string; description: string; severity: string; opened_at: string }>(
    db,
    sql`select ${DEVICE_COLUMNS}, a.id, a."group", a.code, a.description, a.severity, ${iso(sql`a.opened_at`)} as opened_at
        from device_alerts a join devices d on d.id = a.device_id and d.active ${DEVICE_JOINS}
        where a.opened_at > ${instant(since)} and a.opened_at <= ${instant(now)} and a.cleared_at is null
          and not exists (select 1 from device_alert_ignores i where i.device_id = a.device_id and i.key = a.key and (i.until is null or i.until > ${instant(now)}))
          and ${notYetTold('device_alert', sql`d.partner_id`, sql`a.id::text`)}`,
  );
  return rows.map((row) => {
    const complexity = classifyAlert({ group: row.group, code: row.code });
    return deviceEvent(
      'device_alert',
      row,
      row.id,
      {
        'alert.description': { text: row.description },
        'alert.severity': { code: row.severity, list: 'alertSeverity' },
        'alert.complexity': { code: complexity, list: 'complexity' },
        'alert.openedAt': { at: row.opened_at },
      },
      `/console/devices/${row.device_id}`,
      { complexity },
    );
  });
}

async function suppliesLow(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  // Once per cartridge: the key names the supply's last replacement, so a new one may be told again.
  const rows = await selectRows<DeviceColumns & { supply_index: string; description: string; percent: number; event_key: string }>(
    db,
    sql`select * from (
          select ${DEVICE_COLUMNS}, ds.supply_index, ds.description, ds.percent,
            d.id || ':' || ds.supply_index || ':' || coalesce((select (extract(epoch from max(r.replaced_at)) * 1000)::bigint::text from supply_replacements r where r.device_id = d.id and r.supply_index = ds.supply_index), 'first') as event_key
          from device_supplies ds join devices d on d.id = ds.device_id and d.active ${DEVICE_JOINS}
          where ds.read_at > ${instant(since)} and ds.read_at <= ${instant(now)} and ds.percent is not null and ds.percent <= 50
        ) low where ${notYetTold('supply_low', sql`low.partner_id`, sql`low.event_key`)}`,
  );
  return rows.map((row) =>
    deviceEvent('supply_low', row, row.event_key, { 'supply.name': { text: row.description }, 'supply.percent': { percent: Math.round(row.percent) } }, `/console/devices/${row.device_id}`, {
      percent: row.percent,
    }),
  );
}

async function orders(db: Db, { since, now }: Window, category: 'order_created' | 'order_shipped'): Promise<NoticeEvent[]> {
  const at = category === 'order_created' ? sql`o.created_at` : sql`o.shipped_at`;
  const rows = await selectRows<DeviceColumns & { id: string; code: string | null; supply_name: string | null; tracking_number: string | null }>(
    db,
    sql`select ${DEVICE_COLUMNS}, o.id, o.code, o.supply_name, o.tracking_number
        from supply_orders o join devices d on d.id = o.device_id ${DEVICE_JOINS}
        where ${at} > ${instant(since)} and ${at} <= ${instant(now)} and o.cancelled_at is null
          and ${notYetTold(category, sql`o.partner_id`, sql`o.id::text`)}`,
  );
  return rows.map((row) =>
    deviceEvent(
      category,
      row,
      row.id,
      { 'order.number': { text: row.code ?? '' }, 'supply.name': { text: row.supply_name ?? '' }, ...(category === 'order_shipped' ? { 'order.tracking': { text: row.tracking_number ?? '' } } : {}) },
      '/console/consumables',
    ),
  );
}

/** The longest silence a rule may wait for: an agent silent for longer went past every threshold before the window. */
const AGENT_SILENCE_MAX_MS = NOTICE_CATEGORY_DEFINITIONS.agent_offline.threshold!.max * 3_600_000;

async function agentsOffline(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  // Once per silence: the key names the last contact, so the agent is told about again after it came back and fell silent anew.
  const rows = await selectRows<{ id: string; partner_id: string; customer_id: string; customer_number: string; customer_name: string; name: string; last_contact_at: string; event_key: string }>(
    db,
    sql`select * from (
          select a.id, a.partner_id, a.customer_id, c.customer_number, c.name as customer_name, a.name, ${iso(sql`a.last_contact_at`)} as last_contact_at,
            a.id || ':' || (extract(epoch from a.last_contact_at) * 1000)::bigint as event_key
          from agents a join customers c on c.id = a.customer_id and c.active
          where a.last_contact_at <= ${instant(new Date(now.getTime() - 3_600_000))} and a.last_contact_at > ${instant(new Date(since.getTime() - AGENT_SILENCE_MAX_MS))}
        ) silent where ${notYetTold('agent_offline', sql`silent.partner_id`, sql`silent.event_key`)}`,
  );
  return rows.map((row) => {
    const hoursSilent = (now.getTime() - new Date(row.last_contact_at).getTime()) / 3_600_000;
    return {
      category: 'agent_offline',
      partnerId: row.partner_id,
      customerId: row.customer_id,
      siteCoordinatorId: null,
      eventKey: row.event_key,
      facts: { ...customerFacts(row), 'agent.name': { text: row.name }, 'agent.lastContact': { at: row.last_contact_at }, 'agent.hours': { count: Math.floor(hoursSilent) } },
      path: `/console/customers/${row.customer_id}/agents`,
      filter: { hoursSilent },
    };
  });
}

async function readingsToCheck(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<DeviceColumns & { id: string; kind: string; value: string; source: string }>(
    db,
    sql`select ${DEVICE_COLUMNS}, r.id, k.kind, r.value::text as value, r.source
        from readings r join counters k on k.id = r.counter_id join devices d on d.id = r.device_id ${DEVICE_JOINS}
        where r.status = 'to_check' and r.created_at > ${instant(since)} and r.created_at <= ${instant(now)}
          and ${notYetTold('reading_to_check', sql`r.partner_id`, sql`r.id::text`)}`,
  );
  return rows.map((row) =>
    deviceEvent(
      'reading_to_check',
      row,
      row.id,
      { 'reading.counter': { code: row.kind, list: 'counter' }, 'reading.value': { count: Number(row.value) }, 'reading.source': { code: row.source, list: 'readingSource' } },
      '/console/readings/to-check',
    ),
  );
}

async function campaigns(db: Db, { since, now }: Window, category: 'campaign_response' | 'campaign_missed'): Promise<NoticeEvent[]> {
  const happened =
    category === 'campaign_response'
      ? sql`l.completed_at > ${instant(since)} and l.completed_at <= ${instant(now)}`
      : sql`l.expires_at > ${instant(since)} and l.expires_at <= ${instant(now)} and l.first_entry_at is null and l.sent_at is not null`;
  const rows = await selectRows<{ id: string; partner_id: string; customer_id: string; customer_number: string; customer_name: string; period: string; expires_at: string }>(
    db,
    sql`select l.id, l.partner_id, l.customer_id, c.customer_number, c.name as customer_name, l.period, ${iso(sql`l.expires_at`)} as expires_at
        from meter_links l join customers c on c.id = l.customer_id and c.active
        where ${happened} and l.revoked_at is null and ${notYetTold(category, sql`l.partner_id`, sql`l.id::text`)}`,
  );
  return rows.map((row) => ({
    category,
    partnerId: row.partner_id,
    customerId: row.customer_id,
    siteCoordinatorId: null,
    eventKey: row.id,
    facts: { ...customerFacts(row), 'campaign.period': { month: row.period }, ...(category === 'campaign_missed' ? { 'campaign.expiredAt': { at: row.expires_at } } : {}) },
    path: `/console/customers/${row.customer_id}`,
    filter: {},
  }));
}

async function requestChanges(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<DeviceColumns & { id: string; request_id: string; subject: string; state: string }>(
    db,
    sql`select ${DEVICE_COLUMNS}, e.id, m.id as request_id, m.subject, coalesce(e.to_state, m.state) as state
        from request_events e join maintenance_requests m on m.id = e.request_id join devices d on d.id = m.device_id ${DEVICE_JOINS}
        where e.kind in ('created', 'state') and e.at > ${instant(since)} and e.at <= ${instant(now)}
          and ${notYetTold('request_changed', sql`e.partner_id`, sql`e.id::text`)}`,
  );
  return rows.map((row) =>
    deviceEvent('request_changed', row, row.id, { 'request.subject': { text: row.subject }, 'request.state': { code: row.state, list: 'requestState' } }, `/console/requests/${row.request_id}`),
  );
}

async function overages(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<{ id: string; partner_id: string; customer_id: string; customer_number: string; customer_name: string; period: string; counter: string; projected_pages: number; included: number }>(
    db,
    sql`select o.id, o.partner_id, o.customer_id, c.customer_number, c.name as customer_name, o.period, o.counter, o.projected_pages, o.included
        from overage_alerts o join customers c on c.id = o.customer_id and c.active
        where o.sent_at > ${instant(since)} and o.sent_at <= ${instant(now)} and ${notYetTold('overage_forecast', sql`o.partner_id`, sql`o.id::text`)}`,
  );
  return rows.map((row) => ({
    category: 'overage_forecast',
    partnerId: row.partner_id,
    customerId: row.customer_id,
    siteCoordinatorId: null,
    eventKey: row.id,
    facts: {
      ...customerFacts(row),
      'overage.period': { month: row.period },
      'overage.counter': { code: row.counter, list: 'counter' },
      'overage.projected': { count: row.projected_pages },
      'overage.included': { count: row.included },
    },
    path: `/console/customers/${row.customer_id}`,
    filter: {},
  }));
}

async function locationRequests(db: Db, { since, now }: Window): Promise<NoticeEvent[]> {
  const rows = await selectRows<DeviceColumns & { id: string; location: string; message: string | null; current: string | null }>(
    db,
    sql`select ${DEVICE_COLUMNS}, q.id, q.location, q.message, d.location as current
        from location_requests q join devices d on d.id = q.device_id ${DEVICE_JOINS}
        where q.created_at > ${instant(since)} and q.created_at <= ${instant(now)} and q.handled_at is null
          and ${notYetTold('location_requested', sql`q.partner_id`, sql`q.id::text`)}`,
  );
  return rows.map((row) =>
    deviceEvent(
      'location_requested',
      row,
      row.id,
      { 'location.requested': { text: row.location }, 'location.current': { text: row.current ?? '' }, 'location.message': { text: row.message ?? '' } },
      `/console/customers/${row.customer_id}?tab=locations`,
    ),
  );
}

/** Every category's events in the window, not yet told. */
const READERS: Record<NoticeCategory, (db: Db, window: Window) => Promise<NoticeEvent[]>> = {
  device_found: devicesFound,
  device_alert: deviceAlerts,
  supply_low: suppliesLow,
  order_created: (db, window) => orders(db, window, 'order_created'),
  order_shipped: (db, window) => orders(db, window, 'order_shipped'),
  agent_offline: agentsOffline,
  reading_to_check: readingsToCheck,
  campaign_response: (db, window) => campaigns(db, window, 'campaign_response'),
  campaign_missed: (db, window) => campaigns(db, window, 'campaign_missed'),
  request_changed: requestChanges,
  overage_forecast: overages,
  location_requested: locationRequests,
};

export async function eventsSince(db: Db, window: Window, only: EventFilter = {}): Promise<NoticeEvent[]> {
  const categories = only.categories ?? (Object.keys(READERS) as NoticeCategory[]);
  // One after another: PGlite serves one query at a time.
  const events: NoticeEvent[] = [];
  for (const category of categories) events.push(...(await READERS[category](db, window)));
  return only.partnerId ? events.filter((event) => event.partnerId === only.partnerId) : events;
}
