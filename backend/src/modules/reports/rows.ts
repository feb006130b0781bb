import { sql, type SQL } from 'drizzle-orm';
import type { ReportDefinitionBody, ReportGrouping } from '@parc/shared/contracts/reports';
import { SOURCES, type ColumnSpec } from '@parc/shared/reports/catalogue';
import { monthsOf, presetDays, rangeInstants, type DayRange } from '@parc/shared/reports/period';
import type { ReportSource } from '@parc/shared/reports/vocabulary';
import { localDateKey } from '@parc/shared';
import { selectRows, type Db } from '../../db/client.ts';
import type { Scope } from '../customers/scope.ts';
import { readingsForVolumes } from '../statistics/statistics.repo.ts';
import { volumesFromReadings } from '../statistics/statistics.service.ts';
import { DEVICE_FROM, deviceConditions, list, SQL_SOURCES, type SourceContext, type SqlSource } from './sources.ts';

/**
 * A report's rows, in batches: never the whole result in memory, and the database free between
 * batches (PGlite serves one query at a time). SQL sources page by keyset on the sort column and
 * the row's key; volumes page through devices (or customers) and compute each batch's months.
 */

export type Row = Record<string, unknown>;

export interface RowPlan {
  columns: ColumnSpec[];
  /** How many rows the report will have (for the progress shown while it is written). */
  count(): Promise<number>;
  batches(): AsyncGenerator<Row[]>;
}

export interface PlanInput {
  source: ReportSource;
  body: ReportDefinitionBody;
  scope: Scope;
  timeZone: string;
  now: Date;
  batchSize?: number;
}

const DEFAULT_BATCH = 2000;
/** A report about a period with none set covers the last twelve whole months. */
const DEFAULT_DAYS = (today: string): DayRange => presetDays('last_12_months', today);

/** The days a report covers: its period filter read on `today`; null when it has none. */
export function periodDays(body: ReportDefinitionBody, today: string, periodic: boolean): DayRange | null {
  const period = body.filters.period;
  if (!periodic || !period) return null;
  return 'preset' in period ? presetDays(period.preset, today) : period;
}

export function planRows(db: Db, input: PlanInput): RowPlan {
  const spec = SOURCES[input.source];
  const columns = input.body.columns.map((key) => spec.columns.find((column) => column.key === key)!);
  const today = localDateKey(input.now, input.timeZone);
  const days = periodDays(input.body, today, spec.periodic);
  const context: SourceContext = {
    scope: input.scope,
    timeZone: input.timeZone,
    filters: input.body.filters,
    range: days ? rangeInstants(days, input.timeZone) : null,
    now: input.now,
  };
  const batchSize = input.batchSize ?? DEFAULT_BATCH;
  if (input.source === 'volumes') return volumePlan(db, columns, context, days ?? DEFAULT_DAYS(today), input.body.groupBy ?? 'device', batchSize);
  const sort = input.body.sort ?? spec.defaultSort;
  const sortColumn = spec.columns.find((column) => column.key === sort.column)!;
  return sqlPlan(db, columns, SQL_SOURCES[input.source](context), sortColumn, sort.direction, batchSize);
}

const quoted = (key: string) => sql.raw(`"${key.replace(/"/g, '')}"`);
const whereOf = (conditions: SQL[]) => (conditions.length > 0 ? sql`where ${sql.join(conditions, sql` and `)}` : sql``);

function sqlPlan(db: Db, columns: ColumnSpec[], source: SqlSource, sortColumn: ColumnSpec, direction: 'asc' | 'desc', batchSize: number): RowPlan {
  const numeric = sortColumn.type === 'integer' || sortColumn.type === 'decimal';
  // Nulls as the smallest value, so the keyset comparison never meets one.
  const sortValue = numeric ? sql`coalesce((${source.columns[sortColumn.key]!})::numeric, -1)` : sql`coalesce((${source.columns[sortColumn.key]!})::text, '')`;
  const selected = sql.join(
    columns.map((column) => sql`${source.columns[column.key]!} as ${quoted(column.key)}`),
    sql`, `,
  );
  return {
    columns,
    async count() {
      const [row] = await selectRows<{ n: number | string }>(db, sql`select count(*) as n from ${source.from} ${whereOf(source.where)}`);
      return Number(row?.n ?? 0);
    },
    async *batches() {
      let after: { sort: string; key: string } | null = null;
      for (;;) {
        const cursor: SQL[] = after
          ? [
              sql`(${sortValue} ${sql.raw(direction === 'asc' ? '>' : '<')} ${after.sort}::${sql.raw(numeric ? 'numeric' : 'text')}
                or (${sortValue} = ${after.sort}::${sql.raw(numeric ? 'numeric' : 'text')} and ${source.key} > ${after.key}))`,
            ]
          : [];
        const rows = await selectRows<Row & { __sort: string; __key: string }>(
          db,
          sql`select ${selected}, (${sortValue})::text as "__sort", ${source.key} as "__key"
              from ${source.from} ${whereOf([...source.where, ...cursor])}
              order by ${sortValue} ${sql.raw(direction)}, ${source.key} asc
              limit ${batchSize}`,
        );
        if (rows.length === 0) return;
        const last = rows[rows.length - 1]!;
        after = { sort: last.__sort, key: last.__key };
        yield rows;
        if (rows.length < batchSize) return;
      }
    },
  };
}

interface DeviceInfo {
  id: string;
  customerId: string;
  customerNumber: string;
  customerName: string;
  siteId: string | null;
  siteName: string | null;
  deviceCode: string;
  manufacturer: string;
  model: string;
  serial: string;
}

const DEVICE_INFO = sql`d.id as "id", d.customer_id as "customerId", c.customer_number as "customerNumber", c.name as "customerName",
  d.site_id as "siteId", s.name as "siteName", d.device_code as "deviceCode", d.manufacturer as "manufacturer", d.model as "model", d.serial as "serial"`;
const DEVICES_OF_CUSTOMERS = sql.raw(DEVICE_FROM);

/**
 * Volumes: by device, batches of devices in customer then device number order; by site or customer,
 * batches of whole customers (a group is never split between batches), sites by name.
 */
function volumePlan(db: Db, columns: ColumnSpec[], context: SourceContext, days: DayRange, groupBy: ReportGrouping, batchSize: number): RowPlan {
  const months = monthsOf(days);
  const { start, end } = rangeInstants(days, context.timeZone);
  const conditions = deviceConditions(context);
  const groupCount: Record<ReportGrouping, SQL> = {
    device: sql`count(*)`,
    site: sql`count(distinct (d.customer_id, d.site_id))`,
    customer: sql`count(distinct d.customer_id)`,
  };
  // Five batches' worth of rows per batch of devices: fewer round trips, and a month row is small.
  const deviceBatch = Math.max(1, Math.floor((batchSize * 5) / months.length));

  async function* deviceBatches(): AsyncGenerator<DeviceInfo[]> {
    let after: { number: string; device: number; id: string } | null = null;
    for (;;) {
      const cursor: SQL[] = after ? [sql`(c.customer_number, d.device_number, d.id) > (${after.number}, ${after.device}, ${after.id}::uuid)`] : [];
      const devices: (DeviceInfo & { deviceNumber: number })[] = await selectRows<DeviceInfo & { deviceNumber: number }>(
        db,
        sql`select ${DEVICE_INFO}, d.device_number as "deviceNumber" from ${DEVICES_OF_CUSTOMERS} ${whereOf([...conditions, ...cursor])}
            order by c.customer_number, d.device_number, d.id limit ${deviceBatch}`,
      );
      if (devices.length === 0) return;
      const last: DeviceInfo & { deviceNumber: number } = devices[devices.length - 1]!;
      after = { number: last.customerNumber, device: last.deviceNumber, id: last.id };
      yield devices;
      if (devices.length < deviceBatch) return;
    }
  }

  async function* customerBatches(): AsyncGenerator<DeviceInfo[]> {
    let after: { number: string; id: string } | null = null;
    for (;;) {
      const cursor: SQL[] = after ? [sql`(c.customer_number, c.id) > (${after.number}, ${after.id}::uuid)`] : [];
      const customers: { id: string; number: string }[] = await selectRows<{ id: string; number: string }>(
        db,
        sql`select distinct c.id as "id", c.customer_number as "number" from ${DEVICES_OF_CUSTOMERS} ${whereOf([...conditions, ...cursor])}
            order by c.customer_number, c.id limit ${Math.max(1, Math.floor(deviceBatch / 20))}`,
      );
      if (customers.length === 0) return;
      const last: { id: string; number: string } = customers[customers.length - 1]!;
      after = { number: last.number, id: last.id };
      yield await selectRows<DeviceInfo>(
        db,
        sql`select ${DEVICE_INFO} from ${DEVICES_OF_CUSTOMERS} ${whereOf([...conditions, sql`d.customer_id in ${list(customers.map((customer) => customer.id))}`])}
            order by c.customer_number, s.name nulls first, d.device_number`,
      );
    }
  }

  return {
    columns,
    async count() {
      const [row] = await selectRows<{ n: number | string }>(db, sql`select ${groupCount[groupBy]} as n from ${DEVICES_OF_CUSTOMERS} ${whereOf(conditions)}`);
      return Number(row?.n ?? 0) * months.length;
    },
    async *batches() {
      for await (const devices of groupBy === 'device' ? deviceBatches() : customerBatches()) {
        const readings = await readingsForVolumes(db, context.scope, { deviceIds: devices.map((device) => device.id) }, start, end);
        const report = volumesFromReadings(readings, { bucket: 'month', groupBy, from: days.from, to: days.to, timeZone: context.timeZone });
        const series = new Map(report.series.map((entry) => [entry.key, entry]));
        const rows: Row[] = [];
        const seen = new Set<string>();
        for (const device of devices) {
          const key = groupBy === 'device' ? device.id : groupBy === 'site' ? (device.siteId ?? 'none') : device.customerId;
          const groupKey = `${device.customerId}/${key}`;
          if (seen.has(groupKey)) continue;
          seen.add(groupKey);
          const points = series.get(key)?.points;
          const describe = groupBy === 'device' ? device : groupBy === 'site' ? { ...device, deviceCode: null, manufacturer: null, model: null, serial: null } : { ...device, siteName: null, deviceCode: null, manufacturer: null, model: null, serial: null };
          months.forEach((month, index) => {
            const pages = points?.[index];
            rows.push({ ...describe, month, monoPages: pages?.mono ?? null, colourPages: pages?.colour ?? null, totalPages: pages ? pages.mono + pages.colour : null });
          });
        }
        yield rows;
      }
    },
  };
}
