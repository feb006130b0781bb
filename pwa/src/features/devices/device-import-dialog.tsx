/**
 * Imports a customer's devices from a CSV or Excel file: the server previews every line with its
 * errors (worded here in the person's language), and only a file without errors can be imported.
 */
import { createSignal, createUniqueId, For, Show } from 'solid-js';
import type { ApiError } from '../../api/client.ts';
import type { DeviceImportError, DeviceImportResult } from '@parc/shared/contracts/device-import';
import { errorMessage, isErrorKey } from '@parc/shared/errors/catalogue';
import { useI18n } from '../../app-context.tsx';
import { fromCatalogue } from '../../i18n/pseudo.ts';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { FormError } from '../shell/form-error.tsx';
import type { DevicesApi, NamedOption } from './devices.api.ts';

export function DeviceImportDialog(props: { api: DevicesApi; customers: NamedOption[]; customerId: string; onClose: () => void; onImported: (created: number) => void }) {
  const { t, language } = useI18n();
  const id = createUniqueId();
  let dialog: HTMLDialogElement | undefined;
  const [customerId, setCustomerId] = createSignal(props.customerId);
  const [file, setFile] = createSignal<File | null>(null);
  const [preview, setPreview] = createSignal<DeviceImportResult | null>(null);
  const [error, setError] = createSignal<ApiError | null>(null);
  const [busy, setBusy] = createSignal(false);
  const wrong = () => (preview()?.lines ?? []).filter((line) => line.status === 'error').length;
  const ready = () => !!preview() && preview()!.lines.length > 0 && wrong() === 0;

  const sentence = (problem: DeviceImportError) =>
    isErrorKey(problem.key) ? fromCatalogue(errorMessage(problem.key, problem.params as never, language())) : problem.key;

  async function check(chosen: File | null, customer: string) {
    setFile(chosen);
    setPreview(null);
    setError(null);
    if (!chosen || !customer) return;
    setBusy(true);
    const result = await props.api.importFile(customer, chosen, 'preview');
    setBusy(false);
    if (result.ok) setPreview(result.data);
    else setError(result.error);
  }

  async function commit() {
    const chosen = file();
    if (!chosen || !ready()) return;
    setBusy(true);
    const result = await props.api.importFile(customerId(), chosen, 'commit');
    setBusy(false);
    if (!result.ok) return setError(result.error);
    props.onImported(result.data.created);
    dialog?.close();
  }

  return (
    <ModalDialog labelledBy={`import-${id}`} onClose={props.onClose} width="56rem" ref={(element) => (dialog = element)}>
      <div class="card form device-dialog">
        <h2 id={`import-${id}`}>{t('devices.import.title')}</h2>
        <p class="muted">{t('devices.import.help')}</p>
        <div class="device-dialog__grid">
          <label class="field">
            <span>{t('devices.filter.customer')}</span>
            <select name="customerId" value={customerId()} onChange={(e) => (setCustomerId(e.currentTarget.value), void check(file(), e.currentTarget.value))}>
              <option value="">{t('devices.add.chooseCustomer')}</option>
              <For each={props.customers}>{(customer) => <option value={customer.id}>{customer.name}</option>}</For>
            </select>
          </label>
          <label class="field">
            <span>{t('devices.import.file')}</span>
            <input name="file" type="file" accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" onChange={(e) => void check(e.currentTarget.files?.[0] ?? null, customerId())} />
          </label>
        </div>
        <FormError message={error()} />
        <Show when={preview()}>
          {(result) => (
            <>
              <p role="status" data-testid="import-summary">
                {wrong() > 0 ? t('devices.import.wrong', { wrong: wrong(), lines: result().lines.length }) : t('devices.import.ready', { lines: result().lines.length })}
              </p>
              <div class="table-scroll device-dialog__preview">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('devices.import.line')}</th>
                      <th scope="col">{t('devices.add.serial')}</th>
                      <th scope="col">{t('devices.add.model')}</th>
                      <th scope="col">{t('devices.import.result')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={result().lines}>
                      {(line) => (
                        <tr data-line={line.line} classList={{ 'device-dialog__wrong': line.status === 'error' }}>
                          <td>{line.line}</td>
                          <td>{line.serial || '—'}</td>
                          <td>{line.device ? `${line.device.manufacturer} ${line.device.model}` : '—'}</td>
                          <td>
                            <Show when={line.status === 'error'} fallback={t('devices.import.ok')}>
                              <ul class="device-dialog__errors">
                                <For each={line.errors}>{(problem) => <li>{sentence(problem)}</li>}</For>
                              </ul>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Show>
        <div class="dialog-buttons">
          <button type="button" class="button button--quiet" onClick={() => dialog?.close()}>
            {t('common.cancel')}
          </button>
          <button type="button" class="button button--primary" disabled={!ready() || busy()} aria-busy={busy()} onClick={() => void commit()}>
            {t('devices.import.commit', { lines: preview()?.lines.length ?? 0 })}
          </button>
        </div>
      </div>
    </ModalDialog>
  );
}
