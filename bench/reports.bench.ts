// A large report, on PGlite or (DATABASE_URL set) PostgreSQL: volumes per device and month of
// 100,000 devices (BENCH_REPORT_DEVICES) of 1,000 customers (BENCH_REPORT_CUSTOMERS) over twelve
// months, written as XLSX the way the console makes it (keyset-paged batches from the database, the
// months computed from readings, exceljs's streaming writer, the file stored in the database in
// pieces). Beside it, the reference: exceljs's streaming writer writing the same number of rows and
// columns, made up in memory, to a stream that drops them. Prints time and peak memory of both; the
// goal is under 15 s and 250 MB for the report.
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { selectRows } from '../backend/src/db/client.ts';
import { customers } from '../backend/src/db/schema/index.ts';
import { actingUser } from '../backend/src/modules/auth/access.ts';
import { executeRun, queueRun, resolveReport } from '../backend/src/modules/reports/reports.service.ts';
import { createTestApp } from '../backend/src/test/app.ts';
import { measure, MIB } from './support.ts';

const DEVICES = Number(process.env.BENCH_REPORT_DEVICES ?? 100_000);
const CUSTOMERS = Number(process.env.BENCH_REPORT_CUSTOMERS ?? 1_000);
const MONTHS = 12;
const FIRST_READING = '2025-10-28T09:00:00Z';

const t = await createTestApp();
const { db } = t.database;
const partner = await t.createPartner('Bench dealer');
const { userId } = await t.signIn(partner.id, 'partner_admin');

// ---- The fleet: insert … select over generate_series -----------------------------------------
const building = performance.now();
await db.insert(customers).values(
  Array.from({ length: CUSTOMERS }, (_, index) => ({ partnerId: partner.id, customerNumber: `R${String(index + 1).padStart(5, '0')}`, name: `Bench customer ${index + 1}`, prefix: `R${index + 1}` })),
);
const perCustomer = Math.ceil(DEVICES / CUSTOMERS);
await db.execute(sql`
  insert into devices (partner_id, customer_id, device_number, device_code, serial, manufacturer, model, colour_capable, installed_at)
  select c.partner_id, c.id, n, c.prefix || '-' || n, c.prefix || '-SN' || n, 'Canon', 'imageRUNNER ADVANCE DX C5840i', true, '2020-01-01T00:00:00Z'
  from customers c cross join generate_series(1, ${perCustomer}) n
  where c.partner_id = ${partner.id} and (substring(c.customer_number from 2)::int - 1) * ${perCustomer} + n <= ${DEVICES}`);
await db.execute(sql`insert into counters (partner_id, device_id, kind) select d.partner_id, d.id, k from devices d cross join unnest(array['total', 'colour']) k where d.partner_id = ${partner.id}`);
await db.execute(sql`
  insert into readings (partner_id, device_id, counter_id, value, taken_at, source, status, entered_by)
  select c.partner_id, c.device_id, c.id, 10000 + m * ((500 + d.device_number * 7919 % 3000) / (case c.kind when 'total' then 1 else 3 end)),
         ${FIRST_READING}::timestamptz + make_interval(months => m), 'agent', 'accepted', 'bench'
  from counters c join devices d on d.id = c.device_id cross join generate_series(0, ${MONTHS}) m
  where c.partner_id = ${partner.id}`);
const [counts] = await selectRows<{ devices: number; readings: number }>(
  db,
  sql`select (select count(*)::int from devices where partner_id = ${partner.id}) as devices, (select count(*)::int from readings where partner_id = ${partner.id}) as readings`,
);
console.log(`database: ${t.database.kind}; ${counts!.devices} devices of ${CUSTOMERS} customers, ${counts!.readings} readings, built in ${((performance.now() - building) / 1000).toFixed(1)} s`);

// ---- Measuring ------------------------------------------------------------------------------
const ROWS = counts!.devices * MONTHS;
const COLUMNS = 10;

/** The floor: exceljs's streaming writer alone, rows made up in memory, bytes dropped. */
async function bareExcel(): Promise<{ rows: number; bytes: number }> {
  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      callback();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet('Bare', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = Array.from({ length: COLUMNS }, (_, index) => ({ header: `Column ${index + 1}`, key: `c${index}`, width: 16 }));
  for (let row = 0; row < ROWS; row++) {
    const device = Math.floor(row / MONTHS);
    sheet.addRow([new Date(Date.UTC(2025, 10 + (row % MONTHS), 1)), 'R00001', 'Bench customer 1', null, `R1-${device}`, 'Canon', 'imageRUNNER ADVANCE DX C5840i', 1000 + row, 300, 1300]).commit();
    if (row % 2000 === 0) await new Promise<void>((resolve) => setImmediate(resolve));
  }
  sheet.commit();
  await workbook.commit();
  return { rows: ROWS, bytes };
}

const user = (await actingUser(db, userId))!;
const report = await resolveReport(db, user, 'volumes_by_device', 'en');

async function parcReport(): Promise<{ rows: number; bytes: number }> {
  const run = await queueRun(t.deps, { report, user, input: { format: 'xlsx', separator: ';', language: 'en' } });
  const status = await executeRun(t.deps, run.id, user);
  const [done] = await selectRows<{ rows: number; bytes: number }>(db, sql`select rows_written as rows, bytes from report_runs where id = ${run.id}`);
  if (status !== 'done') throw new Error(`The report ended ${status}`);
  return done!;
}

const describe = (result: { rows: number; bytes: number }) => `${result.rows} rows, ${(result.bytes / MIB).toFixed(1)} MiB`;
const results = [await measure('reference: exceljs streaming writer alone, same rows', bareExcel, describe), await measure('Parc: volumes per device and month, XLSX, stored', parcReport, describe)];
console.log(`Report of ${counts!.devices} devices × ${MONTHS} months on ${t.database.kind} (goal: under 15 s and 250 MB; peak RSS of the whole process: ${Math.round((process.resourceUsage().maxRSS * 1024) / MIB)} MiB):`);
console.table(results);
await t.close();
