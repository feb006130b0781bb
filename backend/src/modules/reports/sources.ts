import { sql, type SQL } from 'drizzle-orm';
import { periodKeyAt } from '@parc/shared';
import type { ReportFilters } from '@parc/shared/contracts/reports';
import type { ReportSource } from '@parc/shared/reports/vocabulary';
import { searchCondition, type Scope } from '../customers/scope.ts';
import { disconnectedAfterMinutesSql } from '../agents/agents.repo.ts';

/**
 * Each row source of reports as SQL: an expression per column (dates already in the dealer's
 * wall-clock time), what rows come from, which conditions apply, and a key unique per row that
 * keyset paging ends its order with. Volumes are computed from readings, in `volumes.ts`.
 */

export interface SourceContext {
  scope: Scope;
  timeZone: string;
  filters: ReportFilters;
  /** The period filter as instants, when the report has one. */
  range: { start: Date; end: Date } | null;
  now: Date;
}

export interface SqlSource {
  columns: Record<string, SQL>;
  from: SQL;
  where: SQL[];
  key: SQL;
}

const raw = sql.raw;
/** `(id, id, …)` for `in`; `(null)` when empty, which matches nothing. */
export const list = (ids: readonly string[]) => (ids.length === 0 ? sql`(null)` : sql`(${sql.join(ids.map((id) => sql`${id}`), sql`, `)})`);

/** `to_char` of an instant in the dealer's time zone. */
function local(expression: string, context: SourceContext, withTime = true): SQL {
  return sql`to_char(${raw(expression)} at time zone ${context.timeZone}, ${withTime ? 'YYYY-MM-DD HH24:MI' : 'YYYY-MM-DD'})`;
}

function inPeriod(expression: string, context: SourceContext): SQL[] {
  return context.range ? [sql`${raw(expression)} >= ${context.range.start.toISOString()}::timestamptz and ${raw(expression)} < ${context.range.end.toISOString()}::timestamptz`] : [];
}

/** The report's own customer filters on a row alias's `customer_id`. */
function customerConditions(alias: string, filters: ReportFilters): SQL[] {
  return [
    ...(filters.customerIds ? [sql`${raw(alias)}.customer_id in ${list(filters.customerIds)}`] : []),
    ...(filters.excludedCustomerIds?.length ? [sql`${raw(alias)}.customer_id not in ${list(filters.excludedCustomerIds)}`] : []),
  ];
}

/**
 * The report's custom parameter filters: each parameter's value, case ignored, on one of `holders`
 * (a device or a customer: a parameter applies to one kind, and ids never collide across tables).
 */
function parameterConditions(context: SourceContext, holders: SQL): SQL[] {
  return (context.filters.parameters ?? []).map(
    (parameter) =>
      sql`exists (select 1 from custom_parameter_values v where v.parameter_id = ${parameter.parameterId} and v.partner_id = ${context.scope.partnerId}
            and lower(v.value) = lower(${parameter.value}) and v.entity_id in ${holders})`,
  );
}

/** A customer's rows hold a device parameter through any of the customer's devices. */
const customerHolders = (alias: string) => sql`(select ${raw(alias)}.customer_id union all select x.id from devices x where x.customer_id = ${raw(alias)}.customer_id)`;

/** The user's partner and customers, and the report's customer, site, model and parameter filters, on `d` (devices). */
export function deviceConditions(context: SourceContext): SQL[] {
  const { scope, filters } = context;
  return [
    sql`d.partner_id = ${scope.partnerId}`,
    ...(scope.customerIds ? [sql`d.customer_id in ${list(scope.customerIds)}`] : []),
    ...customerConditions('d', filters),
    ...(filters.siteIds ? [sql`d.site_id in ${list(filters.siteIds)}`] : []),
    ...(filters.model ? [searchCondition(filters.model, [sql`d.manufacturer`, sql`d.model`])] : []),
    ...parameterConditions(context, sql`(d.id, d.customer_id)`),
  ];
}

/** A device (`d`) with its customer (`c`) and site (`s`): where most sources' rows stand. */
export const DEVICE_FROM = 'devices d join customers c on c.id = d.customer_id left join sites s on s.id = d.site_id';

const deviceColumns = (): Record<string, SQL> => ({
  customerNumber: sql`c.customer_number`,
  customerName: sql`c.name`,
  siteName: sql`s.name`,
  deviceCode: sql`d.device_code`,
  manufacturer: sql`d.manufacturer`,
  model: sql`d.model`,
  serial: sql`d.serial`,
});

const state = (context: SourceContext, expression: string): SQL[] => (context.filters.state ? [sql`${raw(expression)} = ${context.filters.state}`] : []);

const LAST_TOTAL = `(select r.value from readings r join counters k on k.id = r.counter_id
  where r.device_id = d.id and k.kind = 'total' and r.status not in ('refused', 'deleted') order by r.taken_at desc limit 1)`;

type SqlSourceName = Exclude<ReportSource, 'volumes'>;

export const SQL_SOURCES: Record<SqlSourceName, (context: SourceContext) => SqlSource> = {
  devices: (context) => ({
    columns: {
      ...deviceColumns(),
      internalNumber: sql`d.internal_number`,
      location: sql`d.location`,
      ip: sql`d.ip`,
      colourCapable: sql`case when d.colour_capable then 'yes' else 'no' end`,
      deviceState: sql`case when d.active then 'active' else 'inactive' end`,
      installedAt: local('d.installed_at', context, false),
      lastReadingAt: sql`(select ${local('max(r.taken_at)', context)} from readings r where r.device_id = d.id and r.status not in ('refused', 'deleted'))`,
      lastTotal: raw(LAST_TOTAL),
    },
    from: raw(DEVICE_FROM),
    where: [...deviceConditions(context), ...state(context, "case when d.active then 'active' else 'inactive' end")],
    key: sql`d.id::text`,
  }),
  readings: (context) => ({
    columns: {
      takenAt: local('r.taken_at', context),
      ...deviceColumns(),
      counter: sql`k.kind`,
      value: sql`r.value`,
      readingSource: sql`r.source`,
      readingStatus: sql`r.status`,
      enteredBy: sql`r.entered_by`,
    },
    from: raw(`readings r join counters k on k.id = r.counter_id join ${DEVICE_FROM.replace('devices d', 'devices d on d.id = r.device_id')}`),
    where: [...deviceConditions(context), ...inPeriod('r.taken_at', context), ...state(context, 'r.status')],
    key: sql`r.id::text`,
  }),
  supplies: (context) => {
    const levelState = `case when p.percent is null then 'unknown' when p.percent <= 0 then 'empty' when p.percent <= ${LOW_PERCENT} then 'low' else 'ok' end`;
    return {
      columns: {
        ...deviceColumns(),
        supplyName: sql`p.description`,
        supplyKind: sql`m.kind`,
        supplyColour: sql`coalesce(m.colour, p.colour)`,
        partNumber: sql`p.part_number`,
        levelPercent: sql`round(p.percent)::int`,
        levelState: raw(levelState),
        readAt: local('p.read_at', context),
      },
      from: raw(`device_supplies p left join supply_models m on m.id = p.supply_model_id join ${DEVICE_FROM.replace('devices d', 'devices d on d.id = p.device_id')}`),
      where: [...deviceConditions(context), sql`d.active`, ...state(context, levelState)],
      key: sql`p.device_id::text || '/' || p.supply_index`,
    };
  },
  orders: (context) => ({
    columns: {
      orderCode: sql`o.code`,
      orderStatus: sql`o.status`,
      orderTrigger: sql`o.trigger`,
      ...deviceColumns(),
      supplyName: sql`o.supply_name`,
      partNumber: sql`coalesce(o.ordered_part_number, o.part_number)`,
      createdAt: local('o.created_at', context),
      shippedAt: local('o.shipped_at', context),
      deliveredAt: local('o.delivered_at', context),
      carrier: sql`cr.name`,
      trackingNumber: sql`o.tracking_number`,
    },
    from: raw(`supply_orders o left join carriers cr on cr.id = o.carrier_id join ${DEVICE_FROM.replace('devices d', 'devices d on d.id = o.device_id')}`),
    where: [...deviceConditions(context), ...inPeriod('o.created_at', context), ...state(context, 'o.status')],
    key: sql`o.id::text`,
  }),
  requests: (context) => ({
    columns: {
      subject: sql`q.subject`,
      requestState: sql`q.state`,
      ...deviceColumns(),
      technician: sql`u.name`,
      createdAt: local('q.created_at', context),
      updatedAt: local('q.updated_at', context),
    },
    from: raw(`maintenance_requests q left join users u on u.id = q.technician_id join ${DEVICE_FROM.replace('devices d', 'devices d on d.id = q.device_id')}`),
    where: [...deviceConditions(context), ...inPeriod('q.created_at', context), ...state(context, 'q.state')],
    key: sql`q.id::text`,
  }),
  agents: (context) => {
    const { scope, filters } = context;
    const agentState = sql`case when not exists (select 1 from agent_credentials ac where ac.agent_id = a.id and ac.revoked_at is null) then 'new'
      when a.last_contact_at is null or a.last_contact_at < ${context.now.toISOString()}::timestamptz - make_interval(mins => ${disconnectedAfterMinutesSql('a')}) then 'disconnected'
      else 'connected' end`;
    return {
      columns: {
        agentName: sql`a.name`,
        customerNumber: sql`c.customer_number`,
        customerName: sql`c.name`,
        agentState,
        lastContactAt: local('a.last_contact_at', context),
        agentVersion: sql`a.version`,
        hostname: sql`a.hostname`,
        deviceCount: sql`(select count(*)::int from devices d where d.customer_id = a.customer_id and d.active)`,
      },
      from: raw('agents a join customers c on c.id = a.customer_id'),
      where: [
        sql`a.partner_id = ${scope.partnerId}`,
        ...(scope.customerIds ? [sql`a.customer_id in ${list(scope.customerIds)}`] : []),
        ...customerConditions('a', filters),
        ...parameterConditions(context, customerHolders('a')),
        ...(filters.state ? [sql`${agentState} = ${filters.state}`] : []),
      ],
      key: sql`a.id::text`,
    };
  },
  billing_lines: (context) => {
    const { scope, filters } = context;
    const months = context.range ? { from: periodKeyAt(context.range.start, context.timeZone), to: periodKeyAt(new Date(context.range.end.getTime() - 1), context.timeZone) } : null;
    return {
      columns: {
        period: sql`b.period`,
        customerNumber: sql`c.customer_number`,
        customerName: sql`c.name`,
        billingState: sql`b.status`,
        lineKind: sql`l.line->>'kind'`,
        deviceCode: sql`l.line->>'deviceCode'`,
        model: sql`l.line->>'deviceModel'`,
        counter: sql`l.line->>'counter'`,
        quantity: sql`(l.line->>'quantity')::bigint`,
        included: sql`(l.line->>'included')::bigint`,
        billed: sql`(l.line->>'billed')::bigint`,
        unitPrice: sql`l.line->>'unitPrice'`,
        amount: sql`l.line->>'amount'`,
        currency: sql`b.currency`,
      },
      from: raw('billing_runs b join customers c on c.id = b.customer_id cross join lateral jsonb_array_elements(b.lines) with ordinality as l(line, n)'),
      where: [
        sql`b.partner_id = ${scope.partnerId}`,
        ...(scope.customerIds ? [sql`b.customer_id in ${list(scope.customerIds)}`] : []),
        ...customerConditions('b', filters),
        ...parameterConditions(context, customerHolders('b')),
        ...(months ? [sql`b.period between ${months.from} and ${months.to}`] : []),
        ...(filters.state ? [sql`b.status = ${filters.state}`] : []),
      ],
      key: sql`b.id::text || '/' || lpad(l.n::text, 6, '0')`,
    };
  },
};

/** A supply at or under this percentage counts as low in reports (the usual ordering threshold). */
const LOW_PERCENT = 20;

