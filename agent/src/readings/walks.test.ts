/**
 * Table test over the real printer walks in shared/snmp-walks: each walk is read through the pure
 * path (walk file → varbinds → reading) and compared with the values its source project states.
 * Prints a match-rate table per vendor and fails when a vendor falls below its floor.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { PrinterReading } from '@parc/shared/agents/reading';
import { parseWalk } from '../walk/index.ts';
import { WALKS_REQUIRED } from '../test/snmpsim.ts';
import { parseReading } from './read.ts';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const walksDir = path.resolve(repoRoot, '../shared/snmp-walks');

/** Lowest acceptable share of matched fields per vendor: what the recipes achieve today, so a regression fails. */
const FLOORS: Record<string, number> = {
  brother: 1, canon: 1, dell: 1, epson: 1, fujifilm: 1, hp: 1, konicaminolta: 1, kyocera: 1, oki: 1, ricoh: 1, sharp: 1, utax: 1, xerox: 1,
};

type Check = { field: string; expected: unknown; actual: unknown; ok: boolean };
type LibreNmsSupply = { supply_oid: string; supply_descr: string; supply_current: number };
type Expected = {
  walk: string;
  vendor: string;
  expected_librenms?: {
    os_discovery: { hardware: string | null; serial: string | null };
    count_sensors_discovery?: Array<{ sensor_descr: string; sensor_current: number }>;
    'printer-supplies_discovery'?: LibreNmsSupply[];
  };
  expected_brother_lib?: { device: { model: string; serial: string }; sensors_non_null: Record<string, number | string> };
  expected_parc?: { model?: string; serial?: string; counters: number[]; supplies_percent: number[] };
};

const check = (field: string, expected: unknown, actual: unknown): Check => ({ field, expected, actual, ok: expected === actual });
const counterValues = (reading: PrinterReading) => new Set(Object.values(reading.counters).filter((value) => value !== null));

/** The Brother library's sensor names, mapped to where Parc keeps the same number. */
const BROTHER_COUNTERS: Record<string, string> = {
  page_counter: 'total', bw_counter: 'mono', color_counter: 'colour', duplex_unit_pages_counter: 'brotherDuplex', drum_counter: 'brotherDrumCounter',
};
const BROTHER_SUPPLIES: Record<string, string> = {
  toner_remaining: 'toner/ink', ink_remaining: 'toner/ink', drum_remaining_life: 'Drum unit', belt_unit_remaining_life: 'Belt unit',
  fuser_remaining_life: 'Fuser unit', laser_remaining_life: 'Laser unit', pf_kit_1_remaining_life: 'Paper feeding kit 1', pf_kit_mp_remaining_life: 'Paper feeding kit MP',
};

function librenmsChecks(expected: NonNullable<Expected['expected_librenms']>, reading: PrinterReading): Check[] {
  const checks: Check[] = [];
  const { hardware, serial } = expected.os_discovery;
  if (hardware) checks.push(check('model', hardware, reading.model));
  if (serial) checks.push(check('serial', serial, reading.serial));
  const values = counterValues(reading);
  for (const sensor of expected.count_sensors_discovery ?? [])
    checks.push({ field: `counter ${sensor.sensor_descr}`, expected: sensor.sensor_current, actual: values.has(sensor.sensor_current), ok: values.has(sensor.sensor_current) });
  // LibreNMS stores the level as a rounded percentage, and shows "some remaining" (-3) as 50.
  for (const supply of expected['printer-supplies_discovery'] ?? []) {
    if (!supply.supply_oid.includes('.43.11.1.1.9.')) continue;
    const mine = reading.supplies.find((candidate) => supply.supply_oid.endsWith(`.43.11.1.1.9.${candidate.index}`));
    const actual = mine?.state === 'some_remaining' ? 50 : mine?.percent === null || mine === undefined ? null : Math.round(mine.percent);
    // A percentage a vendor rule gave says which rule did so.
    checks.push(check(`supply ${supply.supply_descr}${mine?.rule ? ` [${mine.rule}]` : ''}`, supply.supply_current, actual));
  }
  return checks;
}

function brotherChecks(expected: NonNullable<Expected['expected_brother_lib']>, reading: PrinterReading): Check[] {
  const checks = [check('model', expected.device.model, reading.model), check('serial', expected.device.serial, reading.serial)];
  for (const [sensor, value] of Object.entries(expected.sensors_non_null)) {
    const counter = BROTHER_COUNTERS[sensor];
    if (counter) checks.push(check(sensor, value, reading.counters[counter]));
    const supplyKey = Object.keys(BROTHER_SUPPLIES).find((key) => sensor.endsWith(key));
    if (!supplyKey) continue;
    const colour = sensor.split('_')[0];
    const type = supplyKey === 'drum_remaining_life' ? 'opc' : 'toner';
    const mine = reading.supplies.find((supply) =>
      sensor.startsWith(`${colour}_`) && ['black', 'cyan', 'magenta', 'yellow'].includes(colour ?? '')
        ? supply.source === 'vendor' && supply.colour === colour && supply.type === type
        : supply.description === BROTHER_SUPPLIES[supplyKey],
    );
    checks.push(check(sensor, value, mine?.percent));
  }
  return checks;
}

function parcChecks(expected: NonNullable<Expected['expected_parc']>, reading: PrinterReading): Check[] {
  const checks: Check[] = [];
  if (expected.model) checks.push(check('model', expected.model, reading.model));
  if (expected.serial) checks.push(check('serial', expected.serial, reading.serial));
  const values = counterValues(reading);
  for (const counter of expected.counters) checks.push({ field: 'counter', expected: counter, actual: values.has(counter), ok: values.has(counter) });
  const percents = reading.supplies.filter((supply) => supply.source === 'printer_mib' && supply.percent !== null).map((supply) => supply.percent);
  checks.push({ field: 'supplies %', expected: expected.supplies_percent, actual: percents, ok: JSON.stringify(percents) === JSON.stringify(expected.supplies_percent) });
  return checks;
}

const available = existsSync(path.join(walksDir, 'expected.json'));
// In CI the walks must be there: reading them then fails loudly instead of skipping.
const skip = !available && !WALKS_REQUIRED;
if (skip) console.warn(`[walks.test] SKIPPED: no walks at ${walksDir} (shared/snmp-walks beside the repo)`);

describe.skipIf(skip)('readings over real printer walks', () => {
  const entries: Expected[] = skip ? [] : JSON.parse(readFileSync(path.join(walksDir, 'expected.json'), 'utf8')).walks;
  const results = entries.map((entry) => {
    const walk = parseWalk(readFileSync(path.join(walksDir, entry.walk), 'utf8'));
    const reading = parseReading(walk.varbinds);
    const checks = [
      ...(entry.expected_librenms ? librenmsChecks(entry.expected_librenms, reading) : []),
      ...(entry.expected_brother_lib ? brotherChecks(entry.expected_brother_lib, reading) : []),
      ...(entry.expected_parc ? parcChecks(entry.expected_parc, reading) : []),
    ];
    return { entry, reading, checks };
  });

  it('prints the match rate per vendor and keeps each vendor above its floor', () => {
    const byVendor = new Map<string, { walks: number; matched: number; total: number }>();
    for (const { entry, checks } of results) {
      const row = byVendor.get(entry.vendor) ?? { walks: 0, matched: 0, total: 0 };
      row.walks++;
      row.matched += checks.filter((item) => item.ok).length;
      row.total += checks.length;
      byVendor.set(entry.vendor, row);
    }
    const lines = [...byVendor].sort(([a], [b]) => a.localeCompare(b)).map(([vendor, row]) =>
      `${vendor.padEnd(14)} ${String(row.walks).padStart(5)} ${`${row.matched}/${row.total}`.padStart(9)} ${row.total ? ((100 * row.matched) / row.total).toFixed(1).padStart(6) : '   n/a'}%`,
    );
    const misses = results.flatMap(({ entry, checks }) =>
      checks.filter((item) => !item.ok).map((item) => `  ${path.basename(entry.walk)} ${item.field}: expected ${JSON.stringify(item.expected)}, got ${JSON.stringify(item.actual)}`),
    );
    console.log(['vendor          walks   matched   rate', ...lines, misses.length ? 'misses:' : 'no misses', ...misses].join('\n'));
    for (const [vendor, row] of byVendor) {
      if (row.total === 0) continue;
      expect.soft(row.matched / row.total, vendor).toBeGreaterThanOrEqual(FLOORS[vendor] ?? 1);
    }
  });

  it.each(results.map(({ entry, reading }) => [path.basename(entry.walk), entry.vendor, reading] as const))(
    '%s is recognised as %s and gives well-formed counters',
    (_walk, vendor, reading) => {
      expect(reading.vendor).toBe(vendor === 'utax' ? 'kyocera' : vendor);
      for (const value of Object.values(reading.counters)) if (value !== null) expect(value).toBeGreaterThanOrEqual(0);
      for (const supply of reading.supplies) if (supply.percent !== null) expect(supply.percent).toBeGreaterThanOrEqual(0);
    },
  );
});
