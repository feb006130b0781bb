/**
 * Scheduling a report by email, in the manual's three steps: how often (daily, weekly on a day,
 * monthly on a day; sent at 06:00), to whom (each site's or customer's coordinator, who get only their
 * own rows, and addresses) in which format and language, and for which customers.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Report, ReportSchedule, ReportScheduleInput } from '@parc/shared/contracts/reports';
import { LANGUAGE_LOCALES, LANGUAGES } from '@parc/shared/languages';
import { CUSTOMER_SELECTIONS, REPORT_FORMATS, REPORT_FREQUENCIES, type CustomerSelection, type ReportFrequency } from '@parc/shared/reports/vocabulary';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { createTicketsApi, customerOptions } from '../tickets/tickets.api.ts';
import { reportsText } from './messages/index.ts';
import { parsedAddresses, reportName, scheduleFormOf, scheduleInputOf } from './reports.rules.ts';
import { languageNames } from '../../i18n/translate.ts';


export function ScheduleDialog(props: {
  reports: readonly Report[];
  reportKey: string;
  schedule?: ReportSchedule;
  save: (input: ReportScheduleInput) => Promise<ApiResult<ReportSchedule>>;
  onSaved: () => void;
  onClose: () => void;
}) {
  const { t, language } = useFeatureText(reportsText);
  const [form, setForm] = createStore(scheduleFormOf(props.schedule, props.reportKey, language()));
  const [failure, setFailure] = createSignal<ApiError | string | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [customers] = createResource(() => customerOptions(createTicketsApi(createApiClient())));
  let dialog: HTMLDialogElement | undefined;
  const weekday = (day: number) => new Intl.DateTimeFormat(LANGUAGE_LOCALES[language()], { weekday: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(2026, 0, 4 + day)));

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const { invalid } = parsedAddresses(form.addresses);
    if (invalid) return setFailure(t('reports.schedule.problem.addresses', { address: invalid }));
    setSaving(true);
    setFailure(null);
    const result = await props.save(scheduleInputOf(form));
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    props.onSaved();
  }

  return (
    <ModalDialog labelledBy="schedule-dialog-title" onClose={props.onClose} width="40rem" ref={(element) => (dialog = element)}>
      <form class="card report-dialog" onSubmit={(event) => void submit(event)} novalidate>
        <h2 id="schedule-dialog-title">{props.schedule ? t('reports.schedule.dialogEdit') : t('reports.schedule.dialog')}</h2>
        <label class="field">
          <span>{t('reports.schedule.report')}</span>
          <select name="reportKey" value={form.reportKey} onChange={(e) => setForm('reportKey', e.currentTarget.value)}>
            <For each={props.reports}>{(report) => <option value={report.key}>{reportName(report, language())}</option>}</For>
          </select>
        </label>
        <fieldset>
          <legend>{t('reports.schedule.step.frequency')}</legend>
          <div class="report-dialog__filters">
            <label class="field">
              <span>{t('reports.schedule.frequency')}</span>
              <select name="frequency" value={form.frequency} onChange={(e) => setForm('frequency', e.currentTarget.value as ReportFrequency)}>
                <For each={REPORT_FREQUENCIES}>{(frequency) => <option value={frequency}>{t(`reports.schedule.frequency.${frequency}`)}</option>}</For>
              </select>
            </label>
            <Show when={form.frequency === 'weekly'}>
              <label class="field">
                <span>{t('reports.schedule.weekday')}</span>
                <select name="weekday" value={String(form.weekday)} onChange={(e) => setForm('weekday', Number(e.currentTarget.value))}>
                  <For each={[1, 2, 3, 4, 5, 6, 7]}>{(day) => <option value={day}>{weekday(day)}</option>}</For>
                </select>
              </label>
            </Show>
            <Show when={form.frequency === 'monthly'}>
              <label class="field">
                <span>{t('reports.schedule.monthDay')}</span>
                <input type="number" name="monthDay" min="1" max="28" value={form.monthDay} onInput={(e) => setForm('monthDay', Math.min(28, Math.max(1, Number(e.currentTarget.value) || 1)))} />
              </label>
            </Show>
          </div>
          <p class="muted">{t('reports.schedule.hourHint')}</p>
        </fieldset>
        <fieldset>
          <legend>{t('reports.schedule.step.recipients')}</legend>
          <label class="check">
            <input type="checkbox" name="siteCoordinators" checked={form.siteCoordinators} onChange={(e) => setForm('siteCoordinators', e.currentTarget.checked)} />
            <span>{t('reports.schedule.siteCoordinators')}</span>
          </label>
          <label class="check">
            <input type="checkbox" name="customerCoordinators" checked={form.customerCoordinators} onChange={(e) => setForm('customerCoordinators', e.currentTarget.checked)} />
            <span>{t('reports.schedule.customerCoordinators')}</span>
          </label>
          <label class="field">
            <span>{t('reports.schedule.addresses')}</span>
            <input type="text" inputMode="email" name="addresses" value={form.addresses} onInput={(e) => setForm('addresses', e.currentTarget.value)} />
          </label>
          <div class="report-dialog__filters">
            <label class="field">
              <span>{t('reports.format.label')}</span>
              <select name="format" value={form.format} onChange={(e) => setForm('format', e.currentTarget.value as 'csv' | 'xlsx')}>
                <For each={REPORT_FORMATS}>{(format) => <option value={format}>{t(`reports.format.${format}`)}</option>}</For>
              </select>
            </label>
            <Show when={form.format === 'csv'}>
              <label class="field">
                <span>{t('reports.separator.label')}</span>
                <select name="separator" value={form.separator} onChange={(e) => setForm('separator', e.currentTarget.value as ';' | ',')}>
                  <option value=";">{t('reports.separator.semicolon')}</option>
                  <option value=",">{t('reports.separator.comma')}</option>
                </select>
              </label>
            </Show>
            <label class="field">
              <span>{t('reports.schedule.language')}</span>
              <select name="language" value={form.language} onChange={(e) => setForm('language', e.currentTarget.value as never)}>
                <For each={LANGUAGES}>{(code) => <option value={code}>{languageNames[code]}</option>}</For>
              </select>
            </label>
          </div>
        </fieldset>
        <fieldset>
          <legend>{t('reports.schedule.step.customers')}</legend>
          <For each={CUSTOMER_SELECTIONS}>
            {(selection) => (
              <label class="check">
                <input type="radio" name="customerSelection" value={selection} checked={form.customerSelection === selection} onChange={() => setForm('customerSelection', selection as CustomerSelection)} />
                <span>{t(`reports.schedule.selection.${selection}`)}</span>
              </label>
            )}
          </For>
          <Show when={form.customerSelection !== 'all'}>
            <div class="report-dialog__checks" data-testid="schedule-customers">
              <For each={customers()}>
                {(customer) => (
                  <label class="check">
                    <input
                      type="checkbox"
                      name="customerIds"
                      value={customer.id}
                      checked={form.customerIds.includes(customer.id)}
                      onChange={(e) => setForm('customerIds', (ids) => (e.currentTarget.checked ? [...ids, customer.id] : ids.filter((id) => id !== customer.id)))}
                    />
                    <span>{customer.name}</span>
                  </label>
                )}
              </For>
            </div>
          </Show>
        </fieldset>
        <Show when={props.schedule}>
          <label class="check">
            <input type="checkbox" name="active" checked={form.active} onChange={(e) => setForm('active', e.currentTarget.checked)} />
            <span>{t('reports.schedule.active')}</span>
          </label>
        </Show>
        <FormError message={failure()} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={t('reports.save')} />
      </form>
    </ModalDialog>
  );
}
