import { sql } from 'drizzle-orm';
import type { DeviceEvent } from '@parc/shared/contracts/device-console';
import { supplyDisplayName } from '@parc/shared/supplies/identity';
import { selectRows, type Db } from '../../db/client.ts';
import type { SessionUser } from '../auth/access.ts';
import { getDevice } from '../devices/devices.service.ts';

export const MAX_EVENTS = 200;

interface RawEvent {
  kind: DeviceEvent['kind'];
  at: string | Date;
  by: string | null;
  detail: string | null;
}

/**
 * A device's history, newest first, read from where each fact already lives: the device row (added),
 * the readings (flagged, refused) and their revisions (corrected, accepted, deleted), declared resets, the agent's alerts, the supplies replaced (by a technician or seen by the agent) and ordered, and the event log
 * for what no other table records (activation, settings).
 */
export async function listDeviceEvents(db: Db, user: SessionUser, deviceId: string): Promise<{ items: DeviceEvent[] }> {
  const device = await getDevice(db, user, deviceId);
  const partnerId = user.partnerId;
  const rows = await selectRows<RawEvent>(
    db,
    sql`
      select 'added' as kind, ${device.createdAt.toISOString()}::timestamptz as at, null as by, ${device.deviceCode} as detail
      union all
      select e.kind, e.at, e.by, e.detail from device_events e where e.partner_id = ${partnerId} and e.device_id = ${deviceId}
      union all
      select case r.status when 'refused' then 'reading_refused' else 'reading_flagged' end, r.created_at, r.entered_by, c.kind || ': ' || r.value::text
      from readings r join counters c on c.id = r.counter_id
      where r.partner_id = ${partnerId} and r.device_id = ${deviceId} and r.status in ('to_check', 'refused')
      union all
      select case v.action when 'delete' then 'reading_deleted' when 'accept' then 'reading_accepted' else 'reading_corrected' end,
        v.at, v.by, c.kind || ': ' || v.old_value::text || ' → ' || v.new_value::text || coalesce(' · ' || v.note, '')
      from reading_revisions v join readings r on r.id = v.reading_id join counters c on c.id = r.counter_id
      where v.partner_id = ${partnerId} and r.device_id = ${deviceId} and v.action in ('correct', 'edit', 'delete', 'accept')
      union all
      select 'counter_reset', z.at, z.declared_by, c.kind || ': ' || z.final_value::text || ' → ' || z.start_value::text || coalesce(' · ' || z.note, '')
      from counter_resets z join counters c on c.id = z.counter_id
      where z.partner_id = ${partnerId} and z.device_id = ${deviceId}
      union all
      select 'error', a.opened_at, null, a.description from device_alerts a where a.partner_id = ${partnerId} and a.device_id = ${deviceId}
      union all
      select 'error_cleared', a.cleared_at, null, a.description from device_alerts a
      where a.partner_id = ${partnerId} and a.device_id = ${deviceId} and a.cleared_at is not null
      union all
      select 'supply_installed', r.replaced_at, u.email, coalesce(s.description, r.supply_type)
      from supply_replacements r
      left join device_supplies s on s.device_id = r.device_id and s.supply_index = r.supply_index
      left join users u on u.id = r.technician_id
      where r.partner_id = ${partnerId} and r.device_id = ${deviceId}
      union all
      select 'order_placed', o.created_at, u.email, o.code || ' · ' || o.supply_name from supply_orders o left join users u on u.id = o.created_by
      where o.partner_id = ${partnerId} and o.device_id = ${deviceId}
      union all
      select 'order_shipped', o.shipped_at, null, o.code || coalesce(' · ' || o.tracking_number, '') from supply_orders o
      where o.partner_id = ${partnerId} and o.device_id = ${deviceId} and o.shipped_at is not null
      union all
      select 'order_replaced', o.replaced_at, null, o.code from supply_orders o
      where o.partner_id = ${partnerId} and o.device_id = ${deviceId} and o.replaced_at is not null
      union all
      select 'order_cancelled', o.cancelled_at, null, o.code from supply_orders o
      where o.partner_id = ${partnerId} and o.device_id = ${deviceId} and o.cancelled_at is not null
      union all
      select 'supply_alarm', a.opened_at, null, coalesce(s.description, a.supply_index) from supply_alarms a
      left join device_supplies s on s.device_id = a.device_id and s.supply_index = a.supply_index
      where a.partner_id = ${partnerId} and a.device_id = ${deviceId}
      order by at desc
      limit ${MAX_EVENTS}`,
  );
  return { items: rows.map((row) => ({ kind: row.kind, at: new Date(row.at).toISOString(), by: row.by, detail: row.detail === null ? null : readableDetail(row.kind, row.detail) })) };
}

/** Supplies as people name them: without the part number and serial printers fold into the description. */
function readableDetail(kind: string, detail: string): string {
  if (kind === 'supply_installed' || kind === 'supply_alarm') return supplyDisplayName(detail);
  if (kind !== 'order_placed') return detail;
  const [code, ...name] = detail.split(' · ');
  return name.length ? `${code} · ${supplyDisplayName(name.join(' · '))}` : detail;
}
