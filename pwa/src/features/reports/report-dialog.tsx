/**
 * Creating, changing or copying an own report: its name, the source of its rows, the columns (in the
 * file's order), filters (customer, manufacturer or model, a custom parameter, state, period), the order of rows (or, for
 * volumes, what they are grouped by) and whether the dealer's other users see it.
 */
import { createResource, createSignal, For, Show } from 'solid-js';
import { createStore } from 'solid-js/store';
import type { Report, ReportDefinitionInput, ReportGrouping } from '@parc/shared/contracts/reports';
import { SOURCES } from '@parc/shared/reports/catalogue';
import { codeLabel, columnLabel, PERIOD_PRESET_LABELS } from '@parc/shared/reports/labels';
import { PERIOD_PRESETS } from '@parc/shared/reports/period';
import { REPORT_SOURCES, type ReportSource } from '@parc/shared/reports/vocabulary';
import { REPORT_GROUPINGS } from '@parc/shared/contracts/reports';
import { createApiClient, type ApiError, type ApiResult } from '../../api/client.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { DialogButtons } from '../console/dialog-buttons.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { createSettingsApi } from '../settings/settings.api.ts';
import { createTicketsApi, customerOptions } from '../tickets/tickets.api.ts';
import { NamedOptions } from '../tickets/tickets-bits.tsx';
import { reportsText } from './messages/index.ts';
import { blankForm, formOf, isPeriodPreset, reportInputOf, plainReportName, reportProblems, toggledColumn, type ReportProblem, withSource } from './reports.rules.ts';

export function ReportDialog(props: {
  report?: Report;
  /** Save as a new report, starting from `report`. */
  copy?: boolean;
  save: (input: ReportDefinitionInput) => Promise<ApiResult<Report>>;
  onSaved: (report: Report) => void;
  onClose: () => void;
}) {
  const { t, language } = useFeatureText(reportsText);
  const initial = props.report ? formOf(props.report, props.copy ? t('reports.copyOf', { name: plainReportName(props.report, language()) }) : plainReportName(props.report, language())) : blankForm();
  const [form, setForm] = createStore(initial);
  const [problems, setProblems] = createSignal<ReportProblem[]>([]);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  const [customers] = createResource(() => customerOptions(createTicketsApi(createApiClient())));
  // The dealer's own fields; a profile that may not read them simply has none to filter on.
  const [parameters] = createResource(async () => {
    const result = await createSettingsApi(createApiClient()).parameters();
    return result.ok ? result.data.items : [];
  });
  const chosenParameter = () => parameters()?.find((parameter) => parameter.id === form.parameterId);
  let dialog: HTMLDialogElement | undefined;
  const spec = () => SOURCES[form.source];
  const editing = () => props.report && !props.copy;

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const found = reportProblems(form);
    setProblems(found);
    if (found.length > 0) return;
    setSaving(true);
    setFailure(null);
    const result = await props.save(reportInputOf(form));
    setSaving(false);
    if (!result.ok) return setFailure(result.error);
    props.onSaved(result.data);
  }

  const problem = (name: ReportProblem) => problems().includes(name);

  return (
    <ModalDialog labelledBy="report-dialog-title" onClose={props.onClose} width="44rem" ref={(element) => (dialog = element)}>
      <form class="card report-dialog" onSubmit={(event) => void submit(event)} novalidate>
        <h2 id="report-dialog-title">{editing() ? t('reports.dialog.edit') : t('reports.dialog.create')}</h2>
        <label class="field">
          <span>{t('reports.field.name')}</span>
          <input name="name" value={form.name} maxLength={120} aria-invalid={problem('name')} onInput={(e) => setForm('name', e.currentTarget.value)} />
          <Show when={problem('name')}>
            <span class="field__error">{t('reports.problem.name')}</span>
          </Show>
        </label>
        <label class="field">
          <span>{t('reports.field.source')}</span>
          <select name="source" value={form.source} onChange={(e) => setForm(withSource({ ...form }, e.currentTarget.value as ReportSource))}>
            <For each={REPORT_SOURCES}>{(source) => <option value={source}>{t(`reports.source.${source}`)}</option>}</For>
          </select>
        </label>
        <fieldset class="report-dialog__columns" aria-invalid={problem('columns')}>
          <legend>{t('reports.field.columns')}</legend>
          <p class="muted">{t('reports.field.columnsHint')}</p>
          <div class="report-dialog__checks">
            <For each={spec().columns}>
              {(column) => (
                <label class="check">
                  <input
                    type="checkbox"
                    name="columns"
                    value={column.key}
                    checked={form.columns.includes(column.key)}
                    onChange={(e) => setForm('columns', toggledColumn(form, column.key, e.currentTarget.checked))}
                  />
                  <span>{fromCatalogue(columnLabel(column.key, language()))}</span>
                </label>
              )}
            </For>
          </div>
          <Show when={problem('columns')}>
            <span class="field__error">{t('reports.problem.columns')}</span>
          </Show>
        </fieldset>
        <div class="report-dialog__filters">
          <label class="field">
            <span>{t('reports.field.customers')}</span>
            <select name="customerId" value={form.customerId} onChange={(e) => setForm('customerId', e.currentTarget.value)}>
              <option value="">{t('reports.field.allCustomers')}</option>
              <NamedOptions each={customers()} />
            </select>
          </label>
          <Show when={form.source !== 'agents' && form.source !== 'billing_lines'}>
            <label class="field">
              <span>{t('reports.field.model')}</span>
              <input name="model" value={form.model} maxLength={100} onInput={(e) => setForm('model', e.currentTarget.value)} />
            </label>
          </Show>
          <Show when={(parameters() ?? []).length > 0}>
            <label class="field">
              <span>{t('reports.field.parameter')}</span>
              <select name="parameterId" value={form.parameterId} onChange={(e) => setForm({ parameterId: e.currentTarget.value, parameterValue: '' })}>
                <option value="">{t('reports.field.noParameter')}</option>
                <For each={parameters()}>{(parameter) => <option value={parameter.id}>{parameter.name}</option>}</For>
              </select>
            </label>
            <Show when={chosenParameter()}>
              {(parameter) => (
                <label class="field">
                  <span>{t('reports.field.parameterValue')}</span>
                  <Show
                    when={parameter().kind === 'list'}
                    fallback={<input name="parameterValue" value={form.parameterValue} maxLength={200} aria-invalid={problem('parameter')} onInput={(e) => setForm('parameterValue', e.currentTarget.value)} />}
                  >
                    <select name="parameterValue" value={form.parameterValue} aria-invalid={problem('parameter')} onChange={(e) => setForm('parameterValue', e.currentTarget.value)}>
                      <option value="" />
                      <For each={parameter().options}>{(option) => <option value={option}>{option}</option>}</For>
                    </select>
                  </Show>
                  <Show when={problem('parameter')}>
                    <span class="field__error">{t('reports.problem.parameter')}</span>
                  </Show>
                </label>
              )}
            </Show>
          </Show>
          <Show when={spec().states.length > 0}>
            <label class="field">
              <span>{t('reports.field.state')}</span>
              <select name="state" value={form.state} onChange={(e) => setForm('state', e.currentTarget.value)}>
                <option value="">{t('reports.field.anyState')}</option>
                <For each={spec().states}>{(state) => <option value={state}>{fromCatalogue(codeLabel(spec().stateColumn ?? '', state, language()))}</option>}</For>
              </select>
            </label>
          </Show>
          <Show when={spec().periodic}>
            <label class="field">
              <span>{t('reports.field.period')}</span>
              <select name="period" value={form.period} onChange={(e) => setForm('period', isPeriodPreset(e.currentTarget.value) || e.currentTarget.value === 'custom' ? (e.currentTarget.value as never) : '')}>
                <Show when={form.source !== 'volumes'}>
                  <option value="">{t('reports.field.noPeriod')}</option>
                </Show>
                <For each={PERIOD_PRESETS}>{(preset) => <option value={preset}>{fromCatalogue(PERIOD_PRESET_LABELS[preset][language()])}</option>}</For>
                <option value="custom">{t('reports.field.custom')}</option>
              </select>
            </label>
            <Show when={form.period === 'custom'}>
              <label class="field">
                <span>{t('reports.field.from')}</span>
                <input type="date" name="from" value={form.from} onInput={(e) => setForm('from', e.currentTarget.value)} />
              </label>
              <label class="field">
                <span>{t('reports.field.to')}</span>
                <input type="date" name="to" value={form.to} onInput={(e) => setForm('to', e.currentTarget.value)} />
              </label>
              <Show when={problem('period')}>
                <span class="field__error">{t('reports.problem.period')}</span>
              </Show>
            </Show>
          </Show>
          <Show
            when={form.source === 'volumes'}
            fallback={
              <label class="field">
                <span>{t('reports.field.sort')}</span>
                <select name="sortColumn" value={form.sortColumn} onChange={(e) => setForm('sortColumn', e.currentTarget.value)}>
                  <option value="">{t('reports.field.defaultSort')}</option>
                  <For each={form.columns}>{(column) => <option value={column}>{fromCatalogue(columnLabel(column, language()))}</option>}</For>
                </select>
              </label>
            }
          >
            <label class="field">
              <span>{t('reports.field.groupBy')}</span>
              <select name="groupBy" value={form.groupBy} onChange={(e) => setForm('groupBy', e.currentTarget.value as ReportGrouping)}>
                <For each={REPORT_GROUPINGS}>{(grouping) => <option value={grouping}>{t(`reports.groupBy.${grouping}`)}</option>}</For>
              </select>
            </label>
          </Show>
        </div>
        <Show when={form.source !== 'volumes' && form.sortColumn}>
          <label class="check">
            <input type="checkbox" name="descending" checked={form.descending} onChange={(e) => setForm('descending', e.currentTarget.checked)} />
            <span>{t('reports.field.descending')}</span>
          </label>
        </Show>
        <label class="check">
          <input type="checkbox" name="shared" checked={form.shared} onChange={(e) => setForm('shared', e.currentTarget.checked)} />
          <span>{t('reports.field.shared')}</span>
        </label>
        <FormError message={failure()} />
        <DialogButtons close={() => dialog?.close()} sending={saving()} submit={t('reports.save')} />
      </form>
    </ModalDialog>
  );
}
