// The accuracy of the days-to-empty forecast, published. Replays SYNTHETIC supply histories (the
// seeded generator in shared/src/supplies/synthetic.ts: noise, coarse steps, "some remaining" only,
// shaken cartridges, agents off for days, holidays, refills; no real level history exists: the SNMP
// walks in ../shared/snmp-walks are one snapshot per printer). For every cartridge that ran empty,
// stands 30, 14 and 7 days before the true empty day, asks the forecast and a naive baseline (a
// straight line through the last two stored levels), and prints side by side:
//  - the mean and median absolute error of the median day (P50), in days;
//  - how often the true empty day fell inside the range [P90, P50] (by local day; the baseline gives
//    one date, its range is that day), and how often it came before the early bound P90 (an order
//    placed at P90 would have been late: nine times in ten is the promise, so about 10 %);
//  - how often there was no answer (nothing consumed, no basis): counted as 365 days in the errors.
// BENCH_SUPPLY_HISTORIES histories (default 200) of a year each.
import { forecastDaysToEmpty, type SupplyLevelPoint } from '@parc/shared/supplies/forecast';
import { syntheticHistoryAt, syntheticSupplyHistory, type SyntheticReporting } from '@parc/shared/supplies/synthetic';
import { localDateKey } from '@parc/shared/meters/periods';

const HISTORIES = Number(process.env.BENCH_SUPPLY_HISTORIES ?? 200);
const HORIZONS = [30, 14, 7] as const;
const DAY_MS = 86_400_000;
const NEVER = 365;

/** The naive baseline: a straight line through the last two stored levels, in calendar days. */
function baseline(levels: readonly SupplyLevelPoint[], now: Date): number | null {
  const measured = levels.filter((point) => point.percent !== null);
  const [a, b] = measured.slice(-2);
  if (!a || !b) return null;
  const perDay = (b.percent! - a.percent!) / ((b.at.getTime() - a.at.getTime()) / DAY_MS);
  if (!(perDay < 0)) return null;
  return Math.max(0, b.percent! / -perDay - (now.getTime() - b.at.getTime()) / DAY_MS);
}

interface Case {
  horizon: number;
  reporting: SyntheticReporting;
  truthDay: string;
  forecast: { p50: number | null; p90: number | null; p50Day: string | null; p90Day: string | null; basis: string };
  baseline: { p50: number | null; day: string | null };
}

const started = performance.now();
const cases: Case[] = [];
let cycles = 0;
for (let seed = 1; seed <= HISTORIES; seed++) {
  const history = syntheticSupplyHistory(seed);
  for (const cycle of history.cycles) {
    if (!cycle.emptyAt) continue;
    cycles++;
    for (const horizon of HORIZONS) {
      const now = new Date(cycle.emptyAt.getTime() - horizon * DAY_MS);
      if (now < cycle.start) continue;
      const input = syntheticHistoryAt(history, now);
      const result = forecastDaysToEmpty(input);
      const naive = baseline(input.levels, now);
      const day = (days: number | null) => (days === null ? null : localDateKey(new Date(now.getTime() + days * DAY_MS), history.timeZone));
      cases.push({
        horizon,
        reporting: history.reporting,
        truthDay: localDateKey(cycle.emptyAt, history.timeZone),
        forecast: { p50: result.p50Days, p90: result.p90Days, p50Day: result.p50Date, p90Day: result.p90Date, basis: result.basis },
        baseline: { p50: naive, day: day(naive) },
      });
    }
  }
}
const elapsed = performance.now() - started;

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);
const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length === 0 ? NaN : sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
const percent = (count: number, of: number) => `${((count / Math.max(1, of)) * 100).toFixed(0)} %`;
const within = (truth: string, early: string | null, late: string | null) => early !== null && late !== null && early <= truth && truth <= late;

interface Score {
  meanError: number;
  medianError: number;
  inside: number;
  beforeEarly: number;
  noAnswer: number;
}

function score(group: Case[], which: 'forecast' | 'baseline'): Score {
  const errors = group.map((each) => Math.abs(((which === 'forecast' ? each.forecast.p50 : each.baseline.p50) ?? NEVER) - each.horizon));
  const inside = group.filter((each) => (which === 'forecast' ? within(each.truthDay, each.forecast.p90Day, each.forecast.p50Day) : within(each.truthDay, each.baseline.day, each.baseline.day))).length;
  const early = (each: Case) => (which === 'forecast' ? each.forecast.p90Day : each.baseline.day);
  const beforeEarly = group.filter((each) => early(each) !== null && each.truthDay < early(each)!).length;
  const noAnswer = group.filter((each) => (which === 'forecast' ? each.forecast.p50 : each.baseline.p50) === null).length;
  return { meanError: mean(errors), medianError: median(errors), inside: inside / group.length, beforeEarly: beforeEarly / group.length, noAnswer: noAnswer / group.length };
}

function table(title: string, group: Case[]) {
  console.log(`\n${title}`);
  const rows = HORIZONS.map((horizon) => {
    const atHorizon = group.filter((each) => each.horizon === horizon);
    const f = score(atHorizon, 'forecast');
    const b = score(atHorizon, 'baseline');
    return {
      'days before empty': horizon,
      cases: atHorizon.length,
      'P50 error mean (forecast | naive)': `${f.meanError.toFixed(1)} | ${b.meanError.toFixed(1)}`,
      'P50 error median': `${f.medianError.toFixed(1)} | ${b.medianError.toFixed(1)}`,
      'truth in [P90, P50]': `${percent(f.inside * 100, 100)} | ${percent(b.inside * 100, 100)}`,
      'empty before P90': `${percent(f.beforeEarly * 100, 100)} | ${percent(b.beforeEarly * 100, 100)}`,
      'no answer': `${percent(f.noAnswer * 100, 100)} | ${percent(b.noAnswer * 100, 100)}`,
      beats: f.meanError < b.meanError && f.medianError <= b.medianError && f.inside > b.inside ? 'yes' : 'NO',
    };
  });
  console.table(rows);
  return rows;
}

console.log(`SYNTHETIC histories (seeded generator, not real printers): ${HISTORIES} supplies × a year, ${cycles} cartridges run empty, ${cases.length} forecasts, in ${(elapsed / 1000).toFixed(1)} s.`);
console.log('Each cell: forecast | naive baseline (a straight line through the last two stored levels; its range is its one day).');
const all = table('All histories', cases);
for (const reporting of ['fine', 'steps', 'low_only'] as const) table(`Reporting: ${reporting}`, cases.filter((each) => each.reporting === reporting));
const bases = new Map<string, number>();
for (const each of cases) bases.set(each.forecast.basis, (bases.get(each.forecast.basis) ?? 0) + 1);
console.log(`\nForecast basis: ${[...bases].map(([basis, count]) => `${basis} ${percent(count, cases.length)}`).join(', ')}`);
const beaten = all.every((row) => row.beats === 'yes');
console.log(beaten ? 'The forecast beats the naive baseline at every horizon (error and coverage).' : 'The forecast does NOT beat the naive baseline at every horizon.');
process.exitCode = beaten ? 0 : 1;
