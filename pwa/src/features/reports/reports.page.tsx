/**
 * Reports (/console/reports/:tab): the predefined reports and the user's own, each made into a CSV or
 * XLSX file in the background; the files of the last day with their progress (rows written of the
 * total), cancel and download; and the scheduled sendings with what each sent lately. Those who may
 * only view reports can make files but not create, change or schedule reports.
 */
import { useNavigate, useParams } from '@solidjs/router';
import { createEffect, createResource, createSignal, For, Match, onCleanup, Show, Switch } from 'solid-js';
import type { Report, ReportRun, ReportSchedule } from '@parc/shared/contracts/reports';
import { LANGUAGE_LOCALES } from '@parc/shared/languages';
import type { ReportFormat } from '@parc/shared/reports/vocabulary';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { formatCount, formatDateTime } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { usePermission } from '../console/permissions.tsx';
import { TabBar } from '../console/tab-bar.tsx';
import { ConfirmDialog } from '../console/confirm-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { reportsText } from './messages/index.ts';
import { ReportDialog } from './report-dialog.tsx';
import { createReportsApi, fileUrl } from './reports.api.ts';
import { fileSize, isWorking, plainReportName, progressPercent, reportName } from './reports.rules.ts';
import { ScheduleDialog } from './schedule-dialog.tsx';
import './reports.css';

const TABS = ['reports', 'files', 'schedules'] as const;
type Tab = (typeof TABS)[number];

const itemsOf = <T,>(result: ApiResult<{ items: T[] }> | undefined): T[] => (result?.ok ? result.data.items : []);

export default function ReportsPage() {
  const { t } = useFeatureText(reportsText);
  const params = useParams<{ tab?: string }>();
  const tab = (): Tab => ((TABS as readonly string[]).includes(params.tab ?? '') ? (params.tab as Tab) : 'reports');
  return (
    <section class="page reports" aria-labelledby="page-title">
      <header class="page__heading">
        <h1 id="page-title">{t('reports.title')}</h1>
      </header>
      <TabBar tabs={TABS} current={tab()} href={(name) => `/console/reports/${name}`} label={(name) => t(`reports.tab.${name}`)} ariaLabel={t('reports.tabs')} />
      <Switch>
        <Match when={tab() === 'reports'}>
          <ReportsTab />
        </Match>
        <Match when={tab() === 'files'}>
          <FilesTab />
        </Match>
        <Match when={tab() === 'schedules'}>
          <SchedulesTab />
        </Match>
      </Switch>
    </section>
  );
}

type Editing = { mode: 'create' } | { mode: 'edit'; report: Report } | { mode: 'copy'; report: Report };

function ReportsTab() {
  const { t, language } = useFeatureText(reportsText);
  const api = createReportsApi(createApiClient());
  const navigate = useNavigate();
  const canEdit = usePermission('reports', 'edit');
  const [reports, { refetch }] = createResource(() => api.list());
  const [editing, setEditing] = createSignal<Editing | null>(null);
  const [scheduling, setScheduling] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [starting, setStarting] = createSignal<string | null>(null);

  async function make(report: Report, format: ReportFormat) {
    if (starting()) return;
    setStarting(`${report.key}/${format}`);
    setFailure(null);
    const result = await api.run(report.key, { format, separator: language() === 'en' ? ',' : ';', language: language() });
    setStarting(null);
    if (!result.ok) return setFailure(result.error);
    navigate('/console/reports/files');
  }

  const [deleting, setDeleting] = createSignal<Report | null>(null);
  async function remove(report: Report): Promise<ApiError | null> {
    const result = await api.remove(report.key);
    if (!result.ok) return result.error;
    void refetch();
    return null;
  }

  const Row = (props: { report: Report }) => (
    <tr data-report={props.report.key}>
      <th scope="row">
        <div>{reportName(props.report, language())}</div>
        <Show when={!props.report.predefined}>
          <div class="muted reports__owner">
            {props.report.ownerName} · {props.report.shared ? t('reports.shared') : t('reports.private')}
          </div>
        </Show>
      </th>
      <td data-label={t('reports.column.source')}>
        <div>{t(`reports.source.${props.report.source}`)}</div>
      </td>
      <td class="card-table__actions reports__actions">
        <div>
          <For each={['xlsx', 'csv'] as const}>
            {(format) => (
              <button
                type="button"
                class="button"
                data-action={`run-${format}`}
                disabled={starting() !== null}
                aria-busy={starting() === `${props.report.key}/${format}`}
                aria-label={t('reports.download', { format: format.toUpperCase(), name: plainReportName(props.report, language()) })}
                onClick={() => void make(props.report, format)}
              >
                {t(`reports.format.${format}`)}
              </button>
            )}
          </For>
          <Show when={canEdit()}>
            <button type="button" class="button button--quiet" data-action="copy" onClick={() => setEditing({ mode: 'copy', report: props.report })}>
              {t('reports.copy')}
            </button>
            <Show when={props.report.editable}>
              <button type="button" class="button button--quiet" data-action="edit" onClick={() => setEditing({ mode: 'edit', report: props.report })}>
                {t('reports.edit')}
              </button>
              <button type="button" class="button button--quiet" data-action="delete" onClick={() => setDeleting(props.report)}>
                {t('reports.delete')}
              </button>
            </Show>
            <button type="button" class="button button--quiet" data-action="schedule" onClick={() => setScheduling(props.report.key)}>
              {t('reports.schedule')}
            </button>
          </Show>
        </div>
      </td>
    </tr>
  );

  const Table = (props: { items: Report[]; title: string; empty?: string; testId: string }) => (
    <section class="reports__group">
      <h2>{props.title}</h2>
      <div class="card-table">
        <table class="table" data-testid={props.testId}>
          <thead>
            <tr>
              <th scope="col">{t('reports.column.name')}</th>
              <th scope="col">{t('reports.column.source')}</th>
              <th scope="col">{t('reports.column.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For
              each={props.items}
              fallback={
                <tr>
                  <td colSpan={3} class="muted">
                    {props.empty}
                  </td>
                </tr>
              }
            >
              {(report) => <Row report={report} />}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );

  return (
    <>
      <div class="reports__head">
        <Show when={canEdit()}>
          <button type="button" class="button button--primary" data-action="create-report" onClick={() => setEditing({ mode: 'create' })}>
            {t('reports.create')}
          </button>
        </Show>
      </div>
      <FormError message={failure()} />
      <Loaded result={reports()} retry={refetch}>
        {() => (
          <>
            <Table items={itemsOf(reports()).filter((report) => report.predefined)} title={t('reports.predefined')} testId="predefined-reports" />
            <Table items={itemsOf(reports()).filter((report) => !report.predefined)} title={t('reports.own')} empty={t('reports.ownEmpty')} testId="own-reports" />
          </>
        )}
      </Loaded>
      <Show when={editing()} keyed>
        {(current) => (
          <ReportDialog
            report={current.mode === 'create' ? undefined : current.report}
            copy={current.mode === 'copy'}
            save={(input) => (current.mode === 'edit' ? api.update(current.report.key, input) : api.create(input))}
            onSaved={() => {
              setEditing(null);
              void refetch();
            }}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
      <Show when={deleting()} keyed>
        {(report) => (
          <ConfirmDialog
            title={t('reports.confirmDelete', { name: plainReportName(report, language()) })}
            confirmLabel={t('reports.delete')}
            danger
            onConfirm={() => remove(report)}
            onClose={() => setDeleting(null)}
          />
        )}
      </Show>
      <Show when={scheduling()} keyed>
        {(key) => (
          <ScheduleDialog
            reports={itemsOf(reports())}
            reportKey={key}
            save={(input) => api.schedule(input)}
            onSaved={() => {
              setScheduling(null);
              navigate('/console/reports/schedules');
            }}
            onClose={() => setScheduling(null)}
          />
        )}
      </Show>
    </>
  );
}

/** How often the list asks again while a file is being made. */
const POLL_MS = 1000;

function FilesTab() {
  const { t, language } = useFeatureText(reportsText);
  const api = createReportsApi(createApiClient());
  const [runs, { refetch }] = createResource(() => api.runs());
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  createEffect(() => {
    if (!itemsOf(runs()).some(isWorking)) return;
    const timer = setTimeout(() => void refetch(), POLL_MS);
    onCleanup(() => clearTimeout(timer));
  });

  async function cancel(run: ReportRun) {
    const result = await api.cancel(run.id);
    if (!result.ok) setFailure(result.error);
    void refetch();
  }

  return (
    <section aria-labelledby="files-title">
      <h2 id="files-title">{t('reports.files.title')}</h2>
      <FormError message={failure()} />
      <Loaded result={runs()} retry={refetch}>
        {() => (
          <ul class="report-files" data-testid="report-files">
            <For each={itemsOf(runs())} fallback={<li class="muted">{t('reports.files.empty')}</li>}>
              {(run) => {
                const percent = () => progressPercent(run);
                return (
                  <li class="report-file" data-run={run.id} data-status={run.status}>
                    <div class="report-file__what">
                      <strong>{run.name}</strong>
                      <span class="muted">
                        {t(`reports.format.${run.format}`)} · {formatDateTime(language(), run.createdAt)}
                      </span>
                    </div>
                    <div class="report-file__state">
                      <span class={`badge badge--${run.status === 'done' ? 'ok' : run.status === 'failed' ? 'error' : 'neutral'}`}>{t(`reports.files.state.${run.status}`)}</span>
                      <Show when={isWorking(run)}>
                        {/* Without a total yet the bar is indeterminate: a progress element refuses a value that is not a number. */}
                        <Show when={percent() !== null} fallback={<progress aria-label={t('reports.files.state.running')} />}>
                          <progress max="100" value={percent()!} aria-label={t('reports.files.state.running')} />
                        </Show>
                        <span class="muted" data-progress>
                          {run.rowsTotal === null
                            ? t('reports.files.progressUnknown', { written: formatCount(language(), run.rowsWritten) })
                            : t('reports.files.progress', { written: formatCount(language(), run.rowsWritten), total: formatCount(language(), run.rowsTotal) })}
                        </span>
                      </Show>
                      <Show when={run.status === 'done'}>
                        <span class="muted">
                          {t('reports.files.size', { rows: formatCount(language(), run.rowsWritten), size: fileSize(run.bytes, LANGUAGE_LOCALES[language()]) })} ·{' '}
                          {t('reports.files.expires', { date: formatDateTime(language(), run.expiresAt) })}
                        </span>
                      </Show>
                      <Show when={run.status === 'failed' && run.errorCode}>
                        <FormError message={{ code: 'internal', key: run.errorCode!, message: run.errorCode! }} />
                      </Show>
                    </div>
                    <div class="report-file__actions">
                      <Show when={run.status === 'done'}>
                        <a class="button button--primary" href={fileUrl(run)} download={run.fileName} aria-label={t('reports.files.downloadOf', { file: run.fileName })}>
                          {t('reports.files.download')}
                        </a>
                      </Show>
                      <Show when={isWorking(run)}>
                        <button type="button" class="button" data-action="cancel" onClick={() => void cancel(run)}>
                          {t('reports.files.cancel')}
                        </button>
                      </Show>
                    </div>
                  </li>
                );
              }}
            </For>
          </ul>
        )}
      </Loaded>
    </section>
  );
}

function weekdayName(day: number, locale: string): string {
  // 5 January 2026 was a Monday.
  return new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + day)));
}

function SchedulesTab() {
  const { t, language } = useFeatureText(reportsText);
  const api = createReportsApi(createApiClient());
  const canEdit = usePermission('reports', 'edit');
  const [schedules, { refetch }] = createResource(() => api.schedules());
  const [reports] = createResource(() => api.list());
  const [editing, setEditing] = createSignal<ReportSchedule | 'new' | null>(null);
  const nameOf = (key: string) => {
    const report = itemsOf(reports()).find((entry) => entry.key === key);
    return report ? reportName(report, language()) : reportName({ key, name: null }, language());
  };
  const when = (schedule: ReportSchedule) => {
    const locale = LANGUAGE_LOCALES[language()];
    if (schedule.frequency === 'weekly') return t('reports.schedules.weekly', { day: weekdayName(schedule.day ?? 1, locale) });
    if (schedule.frequency === 'monthly') return t('reports.schedules.monthly', { day: formatCount(language(), schedule.day ?? 1) });
    return t('reports.schedules.daily');
  };
  const recipients = (schedule: ReportSchedule) =>
    [
      ...(schedule.recipients.siteCoordinators ? [t('reports.schedules.toSite')] : []),
      ...(schedule.recipients.customerCoordinators ? [t('reports.schedules.toCustomer')] : []),
      ...schedule.recipients.addresses,
    ].join(', ');

  const [deleting, setDeleting] = createSignal<ReportSchedule | null>(null);
  async function remove(schedule: ReportSchedule): Promise<ApiError | null> {
    const result = await api.removeSchedule(schedule.id);
    if (!result.ok) return result.error;
    void refetch();
    return null;
  }

  return (
    <section aria-labelledby="schedules-title">
      <div class="reports__head">
        <h2 id="schedules-title">{t('reports.schedules.title')}</h2>
        <Show when={canEdit()}>
          <button type="button" class="button button--primary" data-action="add-schedule" onClick={() => setEditing('new')}>
            {t('reports.schedules.add')}
          </button>
        </Show>
      </div>
      <Loaded result={schedules()} retry={refetch}>
        {() => (
          <ul class="report-files" data-testid="report-schedules">
            <For each={itemsOf(schedules())} fallback={<li class="muted">{t('reports.schedules.empty')}</li>}>
              {(schedule) => {
                const last = () => schedule.deliveries[0];
                return (
                  <li class="report-file" data-schedule={schedule.reportKey}>
                    <div class="report-file__what">
                      <strong>{nameOf(schedule.reportKey)}</strong>
                      <span class="muted">
                        {when(schedule)} · {t(`reports.format.${schedule.format}`)}
                      </span>
                      <span class="report-file__to">{recipients(schedule)}</span>
                    </div>
                    <div class="report-file__state">
                      <span>
                        {t('reports.schedules.column.next')}:{' '}
                        {schedule.nextDueAt ? formatDateTime(language(), schedule.nextDueAt) : t('reports.schedules.paused')}
                      </span>
                      <span class="muted">
                        {t('reports.schedules.column.last')}:{' '}
                        <Show when={last()} fallback={t('reports.schedules.never')}>
                          {(delivery) =>
                            delivery().sentAt
                              ? t('reports.schedules.sent', { date: formatDateTime(language(), delivery().sentAt), rows: formatCount(language(), delivery().rows ?? 0), count: formatCount(language(), delivery().recipients.length) })
                              : t('reports.schedules.failed', { date: formatDateTime(language(), delivery().dueAt) })
                          }
                        </Show>
                      </span>
                    </div>
                    <Show when={canEdit()}>
                      <div class="report-file__actions">
                        <button type="button" class="button button--quiet" onClick={() => setEditing(schedule)}>
                          {t('reports.schedules.edit')}
                        </button>
                        <button type="button" class="button button--quiet" onClick={() => setDeleting(schedule)}>
                          {t('reports.schedules.delete')}
                        </button>
                      </div>
                    </Show>
                  </li>
                );
              }}
            </For>
          </ul>
        )}
      </Loaded>
      <Show when={deleting()} keyed>
        {(schedule) => (
          <ConfirmDialog
            title={t('reports.schedules.confirmDelete')}
            confirmLabel={t('reports.schedules.delete')}
            danger
            onConfirm={() => remove(schedule)}
            onClose={() => setDeleting(null)}
          >
            <p>{nameOf(schedule.reportKey)}</p>
          </ConfirmDialog>
        )}
      </Show>
      <Show when={editing()} keyed>
        {(current) => (
          <ScheduleDialog
            reports={itemsOf(reports())}
            reportKey={current === 'new' ? 'fleet' : current.reportKey}
            schedule={current === 'new' ? undefined : current}
            save={(input) => (current === 'new' ? api.schedule(input) : api.updateSchedule(current.id, input))}
            onSaved={() => {
              setEditing(null);
              void refetch();
            }}
            onClose={() => setEditing(null)}
          />
        )}
      </Show>
    </section>
  );
}
