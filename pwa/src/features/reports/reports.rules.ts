/**
 * The reports screens' rules: an own report's form and the body it saves, a file's progress, and
 * what a schedule's form sends. Pure, so they are tested apart from the screens.
 */
import type { Report, ReportDefinitionInput, ReportGrouping, ReportRun, ReportSchedule, ReportScheduleInput } from '@parc/shared/contracts/reports';
import type { Language } from '@parc/shared/languages';
import { SOURCES } from '@parc/shared/reports/catalogue';
import { PERIOD_PRESETS, type PeriodPreset } from '@parc/shared/reports/period';
import { predefinedReport } from '@parc/shared/reports/predefined';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import type { CsvSeparator, CustomerSelection, ReportFormat, ReportFrequency, ReportSource } from '@parc/shared/reports/vocabulary';

/** A report's name in the reader's language: an own report's as its owner wrote it, a predefined one's from the shared catalogue. */
export function plainReportName(report: Pick<Report, 'key' | 'name'>, language: Language): string {
  return report.name ?? predefinedReport(report.key)?.name[language] ?? report.key;
}

/** The name as a screen shows it on its own (a predefined name marked as catalogue text); inside a sentence, `plainReportName`. */
export function reportName(report: Pick<Report, 'key' | 'name'>, language: Language): string {
  const name = plainReportName(report, language);
  return report.name === null ? fromCatalogue(name) : name;
}

export interface ReportForm {
  name: string;
  source: ReportSource;
  columns: string[];
  customerId: string;
  model: string;
  /** One custom parameter the row's device or customer must hold, with its value ('' for none). */
  parameterId: string;
  parameterValue: string;
  state: string;
  /** A preset, 'custom' (from/to below) or '' (none). */
  period: PeriodPreset | 'custom' | '';
  from: string;
  to: string;
  groupBy: ReportGrouping;
  sortColumn: string;
  descending: boolean;
  shared: boolean;
}

export type ReportProblem = 'name' | 'columns' | 'period' | 'parameter';

/** A new report on a source starts with every column and, where rows have dates, the last month. */
export function blankForm(source: ReportSource = 'devices'): ReportForm {
  const spec = SOURCES[source];
  return {
    name: '',
    source,
    columns: spec.columns.map((column) => column.key),
    customerId: '',
    model: '',
    parameterId: '',
    parameterValue: '',
    state: '',
    period: spec.periodic ? 'last_month' : '',
    from: '',
    to: '',
    groupBy: 'device',
    sortColumn: '',
    descending: false,
    shared: false,
  };
}

/** The form of an existing report, under `name` (its own to edit it, another for a copy). */
export function formOf(report: Report, name: string): ReportForm {
  const { filters, sort } = report.body;
  const period = filters.period;
  return {
    ...blankForm(report.source),
    name,
    columns: [...report.body.columns],
    customerId: filters.customerIds?.[0] ?? '',
    model: filters.model ?? '',
    parameterId: filters.parameters?.[0]?.parameterId ?? '',
    parameterValue: filters.parameters?.[0]?.value ?? '',
    state: filters.state ?? '',
    period: !period ? '' : 'preset' in period ? period.preset : 'custom',
    from: period && 'from' in period ? period.from : '',
    to: period && 'to' in period ? period.to : '',
    groupBy: report.body.groupBy ?? 'device',
    sortColumn: sort?.column ?? '',
    descending: sort?.direction === 'desc',
    shared: report.predefined ? false : report.shared,
  };
}

/** Another source starts with all its columns; the state and sort it lacks go. */
export function withSource(form: ReportForm, source: ReportSource): ReportForm {
  const spec = SOURCES[source];
  const keys = spec.columns.map((column) => column.key);
  return {
    ...form,
    source,
    columns: keys,
    state: spec.states.includes(form.state) ? form.state : '',
    period: spec.periodic ? form.period || 'last_month' : '',
    sortColumn: keys.includes(form.sortColumn) ? form.sortColumn : '',
  };
}

/** Ticks or unticks a column, keeping the catalogue's order. */
export function toggledColumn(form: ReportForm, column: string, on: boolean): string[] {
  const order = SOURCES[form.source].columns.map((entry) => entry.key);
  const chosen = new Set(form.columns);
  if (on) chosen.add(column);
  else chosen.delete(column);
  return order.filter((key) => chosen.has(key));
}

export function reportProblems(form: ReportForm): ReportProblem[] {
  const problems: ReportProblem[] = [];
  if (!form.name.trim()) problems.push('name');
  if (form.columns.length === 0) problems.push('columns');
  if (form.period === 'custom' && (!form.from || !form.to)) problems.push('period');
  if (form.parameterId && !form.parameterValue.trim()) problems.push('parameter');
  return problems;
}

export function reportInputOf(form: ReportForm): ReportDefinitionInput {
  const spec = SOURCES[form.source];
  const period = !spec.periodic || form.period === '' ? undefined : form.period === 'custom' ? { from: form.from, to: form.to } : { preset: form.period };
  const volumes = form.source === 'volumes';
  return {
    name: form.name.trim(),
    source: form.source,
    shared: form.shared,
    body: {
      columns: form.columns,
      filters: {
        ...(form.customerId ? { customerIds: [form.customerId] } : {}),
        ...(form.model.trim() ? { model: form.model.trim() } : {}),
        ...(form.parameterId && form.parameterValue.trim() ? { parameters: [{ parameterId: form.parameterId, value: form.parameterValue.trim() }] } : {}),
        ...(form.state ? { state: form.state } : {}),
        ...(period ? { period } : {}),
      },
      ...(!volumes && form.sortColumn && form.columns.includes(form.sortColumn) ? { sort: { column: form.sortColumn, direction: form.descending ? 'desc' : 'asc' } } : {}),
      ...(volumes ? { groupBy: form.groupBy } : {}),
    },
  };
}

export const isPeriodPreset = (value: string): value is PeriodPreset => (PERIOD_PRESETS as readonly string[]).includes(value);

/** 0–100 while a file is made; null when the total is not known yet. */
export function progressPercent(run: Pick<ReportRun, 'rowsWritten' | 'rowsTotal'>): number | null {
  if (run.rowsTotal === null) return null;
  if (run.rowsTotal === 0) return 100;
  return Math.min(100, Math.floor((run.rowsWritten / run.rowsTotal) * 100));
}

export const isWorking = (run: Pick<ReportRun, 'status'>) => run.status === 'queued' || run.status === 'running';

/** "12.4 MB", "830 kB", "512 B" in the reader's number format. */
export function fileSize(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value);
}

// --- schedules ----------------------------------------------------------------------------

export interface ScheduleForm {
  reportKey: string;
  frequency: ReportFrequency;
  weekday: number;
  monthDay: number;
  format: ReportFormat;
  separator: CsvSeparator;
  language: Language;
  siteCoordinators: boolean;
  customerCoordinators: boolean;
  addresses: string;
  customerSelection: CustomerSelection;
  customerIds: string[];
  active: boolean;
}

export function scheduleFormOf(schedule: ReportSchedule | undefined, reportKey: string, language: Language): ScheduleForm {
  return {
    reportKey: schedule?.reportKey ?? reportKey,
    frequency: schedule?.frequency ?? 'monthly',
    weekday: schedule?.frequency === 'weekly' ? (schedule.day ?? 1) : 1,
    monthDay: schedule?.frequency === 'monthly' ? (schedule.day ?? 1) : 1,
    format: schedule?.format ?? 'xlsx',
    separator: schedule?.separator ?? ';',
    language: schedule?.language ?? language,
    siteCoordinators: schedule?.recipients.siteCoordinators ?? false,
    customerCoordinators: schedule?.recipients.customerCoordinators ?? false,
    addresses: schedule?.recipients.addresses.join(', ') ?? '',
    customerSelection: schedule?.customerSelection ?? 'all',
    customerIds: schedule?.customerIds ?? [],
    active: schedule?.active ?? true,
  };
}

/** The addresses typed, split on commas, semicolons or blanks; the first that is no address, if any. */
export function parsedAddresses(text: string): { addresses: string[]; invalid: string | null } {
  const addresses = text.split(/[\s,;]+/).filter(Boolean);
  return { addresses, invalid: addresses.find((address) => !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) ?? null };
}

export function scheduleInputOf(form: ScheduleForm): ReportScheduleInput {
  return {
    reportKey: form.reportKey,
    frequency: form.frequency,
    day: form.frequency === 'weekly' ? form.weekday : form.frequency === 'monthly' ? form.monthDay : null,
    format: form.format,
    separator: form.separator,
    language: form.language,
    recipients: { siteCoordinators: form.siteCoordinators, customerCoordinators: form.customerCoordinators, addresses: parsedAddresses(form.addresses).addresses },
    customerSelection: form.customerSelection,
    customerIds: form.customerSelection === 'all' ? [] : form.customerIds,
    active: form.active,
  };
}
