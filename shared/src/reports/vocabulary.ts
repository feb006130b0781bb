/**
 * The words reports are made of: where rows come from (a source), how a file is written (format and
 * CSV separator), a generated file's life (a run), and how often a scheduled report goes out.
 */

export const REPORT_SOURCES = ['devices', 'volumes', 'readings', 'supplies', 'orders', 'requests', 'agents', 'billing_lines'] as const;
export type ReportSource = (typeof REPORT_SOURCES)[number];

export const REPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** `,` for most of the world; `;` for spreadsheets in locales whose decimal mark is a comma (fr, de, it). */
export const CSV_SEPARATORS = [',', ';'] as const;
export type CsvSeparator = (typeof CSV_SEPARATORS)[number];

export const REPORT_RUN_STATUSES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;
export type ReportRunStatus = (typeof REPORT_RUN_STATUSES)[number];
/** A run in one of these still works toward a file. */
export const ACTIVE_RUN_STATUSES = ['queued', 'running'] as const satisfies readonly ReportRunStatus[];

export const REPORT_FREQUENCIES = ['daily', 'weekly', 'monthly'] as const;
export type ReportFrequency = (typeof REPORT_FREQUENCIES)[number];

/** Which customers a scheduled report covers. */
export const CUSTOMER_SELECTIONS = ['all', 'all_except', 'only'] as const;
export type CustomerSelection = (typeof CUSTOMER_SELECTIONS)[number];

/** A generated file is offered for download this long. */
export const REPORT_FILE_HOURS = 24;
