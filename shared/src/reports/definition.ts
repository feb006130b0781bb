import type { ReportDefinitionBody } from '../contracts/reports.ts';
import { SOURCES } from './catalogue.ts';
import type { ReportSource } from './vocabulary.ts';

/** What is wrong with a report's body for its source, as an error key and its parameters; null when nothing is. */
export type ReportBodyProblem =
  | { key: 'report.unknown_column'; params: { column: string } }
  | { key: 'report.duplicate_column'; params: { column: string } }
  | { key: 'report.unknown_state'; params: { state: string } }
  | { key: 'report.no_period'; params: Record<string, never> }
  | { key: 'report.bad_period'; params: { from: string; to: string } }
  | { key: 'report.sort_column'; params: { column: string } }
  | { key: 'report.grouping'; params: Record<string, never> };

/** A custom period may span at most this many days (a year and a bit: twelve whole months whatever the day). */
export const MAX_PERIOD_DAYS = 400;

export function reportBodyProblem(source: ReportSource, body: ReportDefinitionBody): ReportBodyProblem | null {
  const spec = SOURCES[source];
  const keys = new Set(spec.columns.map((column) => column.key));
  const seen = new Set<string>();
  for (const column of body.columns) {
    if (!keys.has(column)) return { key: 'report.unknown_column', params: { column } };
    if (seen.has(column)) return { key: 'report.duplicate_column', params: { column } };
    seen.add(column);
  }
  const { state, period } = body.filters;
  if (state !== undefined && !spec.states.includes(state)) return { key: 'report.unknown_state', params: { state } };
  if (period && !spec.periodic) return { key: 'report.no_period', params: {} };
  if (period && 'from' in period) {
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    if (Number.isNaN(days) || days < 0 || days > MAX_PERIOD_DAYS) return { key: 'report.bad_period', params: { from: period.from, to: period.to } };
  }
  if (body.sort) {
    if (source === 'volumes' || !body.columns.includes(body.sort.column)) return { key: 'report.sort_column', params: { column: body.sort.column } };
  }
  if ((source === 'volumes') !== (body.groupBy !== undefined)) return { key: 'report.grouping', params: {} };
  return null;
}
