import type { ReportDefinitionBody } from '../contracts/reports.ts';
import { DomainError } from '../errors.ts';
import { SOURCES } from './catalogue.ts';
import type { ReportSource } from './vocabulary.ts';

/** A custom period may span at most this many days (a year and a bit: twelve whole months whatever the day). */
export const MAX_PERIOD_DAYS = 400;

/** Throws what is wrong with a report's body for its source: an unknown or repeated column, a state or period it lacks, a sort or grouping it cannot have. */
export function assertReportBody(source: ReportSource, body: ReportDefinitionBody): void {
  const spec = SOURCES[source];
  const keys = new Set(spec.columns.map((column) => column.key));
  const seen = new Set<string>();
  for (const column of body.columns) {
    if (!keys.has(column)) throw new DomainError('report.unknown_column', { column, field: 'body.columns' });
    if (seen.has(column)) throw new DomainError('report.duplicate_column', { column, field: 'body.columns' });
    seen.add(column);
  }
  const { state, period } = body.filters;
  if (state !== undefined && !spec.states.includes(state)) throw new DomainError('report.unknown_state', { state, field: 'body.filters.state' });
  if (period && !spec.periodic) throw new DomainError('report.no_period', { field: 'body.filters.period' });
  if (period && 'from' in period) {
    const days = (Date.parse(period.to) - Date.parse(period.from)) / 86_400_000;
    if (Number.isNaN(days) || days < 0 || days > MAX_PERIOD_DAYS) throw new DomainError('report.bad_period', { from: period.from, to: period.to, field: 'body.filters.period' });
  }
  if (body.sort && (source === 'volumes' || !body.columns.includes(body.sort.column))) throw new DomainError('report.sort_column', { column: body.sort.column, field: 'body.sort' });
  if ((source === 'volumes') !== (body.groupBy !== undefined)) throw new DomainError('report.grouping', { field: 'body.groupBy' });
}
