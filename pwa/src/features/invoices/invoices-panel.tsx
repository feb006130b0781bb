/**
 * A customer's invoices, as the manual's table (a card per invoice on a phone): number and status,
 * issue date, last payment date, amount paid, remaining, invoice amount, document and actions. An
 * invoice is added or edited with its PDF or image, linked to a billing run or not; its payments
 * (several parts) are listed and added; deleting it, after a confirmation, takes its payments along.
 * Forms and payments open in a modal dialog, whatever width the table has. Nothing is sent twice: a
 * button is disabled while its request is out, and a payment carries an id made once per typed
 * payment, so a retry records it once. Without the 'billing' edit permission, the panel only shows.
 */
import { createResource, createSignal, For, Match, Show, Switch } from 'solid-js';
import { createStore, unwrap } from 'solid-js/store';
import { amount } from '@parc/shared/billing/money';
import { INVOICE_DOCUMENT_TYPES, type BillingRunSummary, type Invoice, type InvoiceDocumentType, type InvoiceStatus } from '@parc/shared/contracts/billing';
import type { ApiError } from '../../api/client.ts';
import { apiErrorText } from '../../i18n/api-error.ts';
import { base64Of } from '../../platform/base64.ts';
import { randomId } from '../../platform/ids.ts';
import { createBillingApi } from '../billing/billing.api.ts';
import { formatPeriod, moneyFormat } from '../billing/billing.format.ts';
import { useFeatureText } from '../console/feature-text.ts';
import { formatDate, isoDate } from '../console/format.ts';
import { Loaded } from '../console/loaded.tsx';
import { ModalDialog } from '../console/modal-dialog.tsx';
import { usePermission } from '../console/permissions.tsx';
import { TextField } from '../customers/text-field.tsx';
import { FormError } from '../shell/form-error.tsx';
import {
  documentProblem,
  invoiceFormOf,
  invoiceInputOf,
  paymentFormOf,
  paymentInputOf,
  placeInvoice,
  type FieldProblem,
  type InvoiceField,
  type PaymentField,
} from './invoice-form.ts';
import { createInvoicesApi, documentUrl, type InvoicesApi } from './invoices.api.ts';
import { invoicesText } from './messages/index.ts';
import '../billing/billing.css';
import './invoices.css';

type Opened = { id: string; view: 'edit' | 'payments' } | { view: 'add' };
/** A field's problem: found before sending, or the server's answer naming that field. */
type Problem = FieldProblem | ApiError;

const STATUS_TONE: Record<InvoiceStatus, string> = { open: 'badge', partly_paid: 'badge badge--warn', paid: 'badge badge--ok', overdue: 'badge badge--danger' };

/** Words a field's problem in the reader's language: the tab's own texts, or the shared error catalogue's. */
function useProblemText() {
  const { t, language } = useFeatureText(invoicesText);
  return (problem: Problem | undefined): string | undefined => {
    if (problem === undefined) return undefined;
    if (typeof problem === 'string') return t(`invoices.problem.${problem}`);
    if ('code' in problem) return apiErrorText(problem, language());
    return apiErrorText({ code: 'bad_request', key: problem.key, params: problem.params, message: problem.key }, language());
  };
}

/** The first field at fault is brought into view and focused, so the form says where to look. */
function focusFirstProblem(form: HTMLElement | undefined) {
  queueMicrotask(() => {
    const first = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    first?.scrollIntoView({ block: 'center' });
    first?.focus();
  });
}

/** The form's field the server's refusal names ("document.name" is the document's), if the form has it. */
function fieldOf<Field extends string>(error: ApiError, fields: readonly Field[]): Field | undefined {
  const named = error.field?.split('.')[0];
  return fields.find((field) => field === named);
}

/** A modal dialog, open while shown; Escape or its own buttons close it, and focus returns where it was. */
/** The customer's invoices; `currency` is the customer's, offered for a new invoice. */
export function InvoicesPanel(props: { customerId: string; currency: string }) {
  const api = createInvoicesApi();
  const billingApi = createBillingApi();
  const { t, language } = useFeatureText(invoicesText);
  const canEdit = usePermission('billing', 'edit');
  const [list, { mutate, refetch }] = createResource(() => props.customerId, (id) => api.list(id));
  const [opened, setOpened] = createSignal<Opened | null>(null);
  const [deleting, setDeleting] = createSignal<string | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  // The runs an invoice may be linked to, asked for once a form is open.
  const [runs] = createResource(
    () => (opened()?.view === 'add' || opened()?.view === 'edit' ? props.customerId : undefined),
    async (customerId) => {
      const result = await billingApi.runs({ customerId });
      return result.ok ? result.data.items : [];
    },
  );

  // Read here rather than from Loaded's data: Loaded renders once loaded, and saves change the list in place.
  const invoices = (): Invoice[] => {
    const current = list();
    return current?.ok ? current.data.items : [];
  };
  const items = (update: (current: Invoice[]) => Invoice[]) => mutate((current) => (current?.ok ? { ok: true, data: { items: update(current.data.items) } } : current));
  /** The invoice a dialog is open on, as the list has it now (after a payment, with it). */
  const openedInvoice = () => {
    const current = opened();
    return current && 'id' in current ? invoices().find((item) => item.id === current.id) : undefined;
  };
  const open = (next: Opened) => {
    setNotice(null);
    setOpened(next);
  };

  function saved(invoice: Invoice, message: string) {
    items((current) => placeInvoice(current, invoice));
    setFailure(null);
    setNotice(message);
  }

  async function remove(invoice: Invoice) {
    if (deleting() || !confirm(t('invoices.confirmDelete', { number: invoice.number }))) return;
    setDeleting(invoice.id);
    setNotice(null);
    const result = await api.remove(invoice.id);
    setDeleting(null);
    // Already gone (deleted from elsewhere): the list catches up all the same.
    if (!result.ok && result.error.key !== 'invoice.not_found') return setFailure(result.error);
    setFailure(null);
    items((current) => current.filter((item) => item.id !== invoice.id));
    setNotice(t('invoices.deleted', { number: invoice.number }));
  }

  return (
    <section class="invoices" aria-labelledby="invoices-title">
      <div class="invoices__head">
        <h2 id="invoices-title">{t('invoices.title')}</h2>
        <Show when={canEdit()}>
          <button type="button" class="button button--primary" aria-haspopup="dialog" onClick={() => open({ view: 'add' })}>
            {t('invoices.add')}
          </button>
        </Show>
      </div>
      <Show when={opened()?.view === 'add'}>
        <ModalDialog width="44rem" labelledBy="invoice-form-new" onClose={() => setOpened(null)}>
          <InvoiceEditor
            api={api}
            invoice={null}
            customerId={props.customerId}
            currency={props.currency}
            runs={runs()}
            onSaved={(invoice) => {
              setOpened(null);
              saved(invoice, t('invoices.saved', { number: invoice.number }));
            }}
            onCancel={() => setOpened(null)}
          />
        </ModalDialog>
      </Show>
      <Show when={openedInvoice()}>
        {(invoice) => (
          <Switch>
            <Match when={opened()?.view === 'edit'}>
              <ModalDialog width="44rem" labelledBy={`invoice-form-${invoice().id}`} onClose={() => setOpened(null)}>
                <InvoiceEditor
                  api={api}
                  invoice={invoice()}
                  customerId={props.customerId}
                  currency={props.currency}
                  runs={runs()}
                  onSaved={(changed) => {
                    setOpened(null);
                    saved(changed, t('invoices.saved', { number: changed.number }));
                  }}
                  onCancel={() => setOpened(null)}
                />
              </ModalDialog>
            </Match>
            <Match when={opened()?.view === 'payments'}>
              <ModalDialog width="44rem" labelledBy={`invoice-${invoice().id}-payments`} onClose={() => setOpened(null)}>
                <Payments
                  api={api}
                  invoice={invoice()}
                  canEdit={canEdit()}
                  onChanged={(changed) => items((current) => placeInvoice(current, changed))}
                  onGone={() => {
                    setOpened(null);
                    void refetch();
                  }}
                  onClose={() => setOpened(null)}
                />
              </ModalDialog>
            </Match>
          </Switch>
        )}
      </Show>
      <Show when={notice()}>
        <p class="success" role="status">
          {notice()}
        </p>
      </Show>
      <FormError message={failure()} />
      <Loaded result={list.loading ? undefined : list()} retry={refetch}>
        {() => (
          <Show when={invoices().length > 0} fallback={<p class="card muted">{t('invoices.empty')}</p>}>
            <div class="table-scroll">
              <table class="table stack-table invoices-table">
                <caption class="visually-hidden">{t('invoices.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('invoices.col.number')}</th>
                    <th scope="col">{t('invoices.col.issuedOn')}</th>
                    <th scope="col">{t('invoices.col.lastPayment')}</th>
                    <th scope="col" class="number">
                      {t('invoices.col.paid')}
                    </th>
                    <th scope="col" class="number">
                      {t('invoices.col.remaining')}
                    </th>
                    <th scope="col" class="number">
                      {t('invoices.col.amount')}
                    </th>
                    <th scope="col">{t('invoices.col.document')}</th>
                    <th scope="col">{t('invoices.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={invoices()}>
                    {(invoice) => {
                      const money = () => moneyFormat(language(), invoice.currency);
                      return (
                        <tr class="invoices-table__invoice" data-invoice={invoice.number}>
                          <th scope="row" class="invoices-table__number">
                            <span>{invoice.number}</span> <span class={STATUS_TONE[invoice.status]}>{t(`invoices.status.${invoice.status}`)}</span>
                            <Show when={invoice.dueOn}>{(dueOn) => <span class="invoices-table__note muted">{t('invoices.dueOn', { date: formatDate(language(), dueOn()) })}</span>}</Show>
                            <Show when={invoice.billingPeriod}>
                              {(period) => <span class="invoices-table__note muted">{t('invoices.billingRun', { period: formatPeriod(language(), period()) })}</span>}
                            </Show>
                          </th>
                          <td data-label={t('invoices.col.issuedOn')}>{formatDate(language(), invoice.issuedOn)}</td>
                          <td data-label={t('invoices.col.lastPayment')}>{formatDate(language(), invoice.lastPaymentOn)}</td>
                          <td class="number" data-label={t('invoices.col.paid')}>
                            {money().amount(invoice.paid)}
                          </td>
                          <td class="number" data-label={t('invoices.col.remaining')}>
                            {money().amount(invoice.remaining)}
                          </td>
                          <td class="number" data-label={t('invoices.col.amount')}>
                            {money().amount(invoice.amount)}
                          </td>
                          <td data-label={t('invoices.col.document')}>
                            <Show when={invoice.document} fallback="—">
                              {(document) => (
                                <a href={documentUrl(invoice.id)} target="_blank" rel="noopener" class="invoices-table__document">
                                  {document().name}
                                </a>
                              )}
                            </Show>
                          </td>
                          <td>
                            <div class="actions invoices-table__actions">
                              <Show when={canEdit()}>
                                <button
                                  type="button"
                                  class="button button--quiet"
                                  aria-label={t('invoices.editLabel', { number: invoice.number })}
                                  aria-haspopup="dialog"
                                  onClick={() => open({ id: invoice.id, view: 'edit' })}
                                >
                                  {t('invoices.edit')}
                                </button>
                              </Show>
                              <button
                                type="button"
                                class="button button--quiet"
                                aria-label={t('invoices.paymentsLabel', { number: invoice.number })}
                                aria-haspopup="dialog"
                                onClick={() => open({ id: invoice.id, view: 'payments' })}
                              >
                                {t('invoices.payments')}
                              </button>
                              <Show when={canEdit()}>
                                <button
                                  type="button"
                                  class="button button--quiet invoices-table__delete"
                                  aria-label={t('invoices.deleteLabel', { number: invoice.number })}
                                  disabled={deleting() === invoice.id}
                                  aria-busy={deleting() === invoice.id}
                                  onClick={() => void remove(invoice)}
                                >
                                  {t('invoices.delete')}
                                </button>
                              </Show>
                            </div>
                          </td>
                        </tr>
                      );
                    }}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Loaded>
    </section>
  );
}

const INVOICE_FIELDS: readonly InvoiceField[] = ['number', 'issuedOn', 'dueOn', 'amount', 'currency', 'billingRunId', 'document'];

/** Adds an invoice (`invoice` null) or edits one; its document is read from the chosen file when sent. */
function InvoiceEditor(props: {
  api: InvoicesApi;
  invoice: Invoice | null;
  customerId: string;
  currency: string;
  runs: BillingRunSummary[] | undefined;
  onSaved: (invoice: Invoice) => void;
  onCancel: () => void;
}) {
  const { t, language } = useFeatureText(invoicesText);
  const problemText = useProblemText();
  const [form, setForm] = createStore(invoiceFormOf(props.invoice, props.currency, isoDate(new Date())));
  const [file, setFile] = createSignal<File | null>(null);
  const [removeDocument, setRemoveDocument] = createSignal(false);
  const [problems, setProblems] = createSignal<Partial<Record<InvoiceField, Problem>>>({});
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  const titleId = `invoice-form-${props.invoice?.id ?? 'new'}`;
  let formElement: HTMLFormElement | undefined;
  const problemAt = (field: InvoiceField) => problemText(problems()[field]);

  /** A run brings its currency, and its total when no amount is typed yet. */
  function chooseRun(id: string) {
    setForm('billingRunId', id);
    const run = props.runs?.find((candidate) => candidate.id === id);
    if (!run) return;
    setForm('currency', run.currency);
    if (form.amount.trim() === '') setForm('amount', run.total);
  }

  function chooseFile(chosen: File | null) {
    setFile(chosen);
    const problem = chosen ? documentProblem(chosen) : null;
    setProblems((current) => ({ ...current, document: problem ?? undefined }));
  }

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const checked = invoiceInputOf(unwrap(form));
    const chosen = file();
    const fileProblem = chosen ? documentProblem(chosen) : null;
    if (!checked.ok || fileProblem) {
      setProblems({ ...(checked.ok ? {} : checked.problems), ...(fileProblem ? { document: fileProblem } : {}) });
      return focusFirstProblem(formElement);
    }
    setSaving(true);
    setProblems({});
    setFailure(null);
    const document = chosen ? { name: chosen.name, contentType: chosen.type as InvoiceDocumentType, dataBase64: await base64Of(chosen) } : removeDocument() ? null : undefined;
    const result = props.invoice
      ? await props.api.update(props.invoice.id, { ...checked.input, document })
      : await props.api.create({ customerId: props.customerId, ...checked.input, document });
    setSaving(false);
    if (result.ok) return props.onSaved(result.data);
    const field = fieldOf(result.error, INVOICE_FIELDS);
    if (!field) return setFailure(result.error);
    setProblems({ [field]: result.error });
    focusFirstProblem(formElement);
  }

  return (
    <form class="card form invoice-form" ref={formElement} aria-labelledby={titleId} onSubmit={(event) => void submit(event)} novalidate>
      <h3 id={titleId}>{props.invoice ? t('invoices.form.editTitle', { number: props.invoice.number }) : t('invoices.form.addTitle')}</h3>
      <FormError message={failure()} />
      <div class="form-grid">
        <TextField label={t('invoices.field.number')} name="number" value={form.number} error={problemAt('number')} onInput={(value) => setForm('number', value)} />
        <TextField label={t('invoices.field.issuedOn')} name="issuedOn" type="date" value={form.issuedOn} error={problemAt('issuedOn')} onInput={(value) => setForm('issuedOn', value)} />
        <TextField
          label={t('invoices.field.dueOn')}
          name="dueOn"
          type="date"
          value={form.dueOn}
          hint={t('invoices.field.dueOnHint')}
          error={problemAt('dueOn')}
          onInput={(value) => setForm('dueOn', value)}
        />
        <TextField label={t('invoices.field.amount')} name="amount" inputMode="decimal" value={form.amount} error={problemAt('amount')} onInput={(value) => setForm('amount', value)} />
        <TextField label={t('invoices.field.currency')} name="currency" value={form.currency} error={problemAt('currency')} onInput={(value) => setForm('currency', value.toUpperCase())} />
        <label class="field">
          {t('invoices.field.billingRun')}
          <select name="billingRunId" value={form.billingRunId} aria-invalid={problems().billingRunId ? 'true' : undefined} onChange={(event) => chooseRun(event.currentTarget.value)}>
            <option value="">{t('invoices.field.billingRun.none')}</option>
            <For each={props.runs ?? []}>
              {(run) => (
                <option value={run.id} selected={run.id === form.billingRunId}>
                  {t('invoices.field.billingRun.option', { period: formatPeriod(language(), run.period), total: moneyFormat(language(), run.currency).amount(run.total) })}
                </option>
              )}
            </For>
          </select>
          <Show when={problemAt('billingRunId')}>
            <span class="field-error">{problemAt('billingRunId')}</span>
          </Show>
        </label>
      </div>
      <label class="field">
        {t('invoices.field.document')}
        <input
          type="file"
          name="document"
          accept={INVOICE_DOCUMENT_TYPES.join(',')}
          aria-invalid={problems().document ? 'true' : undefined}
          aria-describedby={`${titleId}-document-note`}
          onChange={(event) => chooseFile(event.currentTarget.files?.[0] ?? null)}
        />
        <small id={`${titleId}-document-note`} class={problemAt('document') ? 'field-error' : 'muted'}>
          {problemAt('document') ?? t('invoices.field.documentHint')}
        </small>
      </label>
      <Show when={props.invoice?.document && !file() ? props.invoice.document : null}>
        {(current) => (
          <label class="check">
            <input type="checkbox" name="removeDocument" checked={removeDocument()} onChange={(event) => setRemoveDocument(event.currentTarget.checked)} />
            {t('invoices.field.removeDocument', { name: current().name })}
          </label>
        )}
      </Show>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={saving()} aria-busy={saving()}>
          {saving() ? t('invoices.saving') : t('invoices.save')}
        </button>
        <button type="button" class="button" disabled={saving()} onClick={() => props.onCancel()}>
          {t('invoices.cancel')}
        </button>
      </div>
    </form>
  );
}

/** An invoice's payments, what remains, and the form adding one more part. */
function Payments(props: { api: InvoicesApi; invoice: Invoice; canEdit: boolean; onChanged: (invoice: Invoice) => void; onGone: () => void; onClose: () => void }) {
  const { t, language } = useFeatureText(invoicesText);
  const [removing, setRemoving] = createSignal<string | null>(null);
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [notice, setNotice] = createSignal<string | null>(null);
  const changed = (invoice: Invoice, message: string) => {
    setFailure(null);
    setNotice(message);
    props.onChanged(invoice);
  };
  const money = () => moneyFormat(language(), props.invoice.currency);
  const titleId = `invoice-${props.invoice.id}-payments`;
  const label = (payment: Invoice['payments'][number]) => ({ date: formatDate(language(), payment.paidOn), amount: money().amount(payment.amount) });

  async function removePayment(payment: Invoice['payments'][number]) {
    if (removing() || !confirm(t('invoices.payment.confirmDelete', label(payment)))) return;
    setRemoving(payment.id);
    setNotice(null);
    const result = await props.api.removePayment(props.invoice.id, payment.id);
    setRemoving(null);
    if (result.ok) return changed(result.data, t('invoices.payment.deleted', label(payment)));
    if (result.error.key === 'payment.not_found' || result.error.key === 'invoice.not_found') return props.onGone();
    setFailure(result.error);
  }

  return (
    <section class="invoice-payments" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('invoices.payments.title', { number: props.invoice.number })}</h3>
      <Show when={notice()}>
        <p class="success" role="status">
          {notice()}
        </p>
      </Show>
      <FormError message={failure()} />
      <Show when={props.invoice.payments.length > 0} fallback={<p class="muted">{t('invoices.payments.empty')}</p>}>
        <ul class="invoice-payments__list">
          <For each={props.invoice.payments}>
            {(payment) => (
              <li>
                <span>{formatDate(language(), payment.paidOn)}</span>
                <strong class="invoice-payments__amount">{money().amount(payment.amount)}</strong>
                <Show when={payment.note}>
                  <span>{payment.note}</span>
                </Show>
                <span class="muted">{t('invoices.payments.recordedBy', { name: payment.recordedBy })}</span>
                <Show when={props.canEdit}>
                  <button
                    type="button"
                    class="button button--quiet"
                    aria-label={t('invoices.payment.deleteLabel', label(payment))}
                    disabled={removing() === payment.id}
                    aria-busy={removing() === payment.id}
                    onClick={() => void removePayment(payment)}
                  >
                    {t('invoices.delete')}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={amount(props.invoice.remaining).gt(0)} fallback={<p class="success">{t('invoices.payments.paidInFull')}</p>}>
        <p>{t('invoices.payments.remaining', { amount: money().amount(props.invoice.remaining) })}</p>
        <Show when={props.canEdit}>
          <PaymentEditor
            api={props.api}
            invoice={props.invoice}
            onSaving={() => setNotice(null)}
            onSaved={(invoice, paid) => changed(invoice, t('invoices.payment.saved', { amount: money().amount(paid) }))}
          />
        </Show>
      </Show>
      <div class="actions">
        <button type="button" class="button" onClick={() => props.onClose()}>
          {t('invoices.close')}
        </button>
      </div>
    </section>
  );
}

const PAYMENT_FIELDS: readonly PaymentField[] = ['paidOn', 'amount', 'note'];

/** One more part of the amount; its id is made once, so sending it again (a retry) records it once. */
function PaymentEditor(props: { api: InvoicesApi; invoice: Invoice; onSaving: () => void; onSaved: (invoice: Invoice, paid: string) => void }) {
  const { t, language } = useFeatureText(invoicesText);
  const problemText = useProblemText();
  const [form, setForm] = createStore(paymentFormOf(props.invoice, isoDate(new Date())));
  const [problems, setProblems] = createSignal<Partial<Record<PaymentField, Problem>>>({});
  const [failure, setFailure] = createSignal<ApiError | null>(null);
  const [saving, setSaving] = createSignal(false);
  const titleId = `invoice-${props.invoice.id}-add-payment`;
  let clientId = randomId();
  let formElement: HTMLFormElement | undefined;
  const problemAt = (field: PaymentField) => problemText(problems()[field]);

  async function submit(event: SubmitEvent) {
    event.preventDefault();
    if (saving()) return;
    const checked = paymentInputOf(unwrap(form), props.invoice, clientId, (value) => moneyFormat(language(), props.invoice.currency).amount(value));
    if (!checked.ok) {
      setProblems(checked.problems);
      return focusFirstProblem(formElement);
    }
    setSaving(true);
    setProblems({});
    setFailure(null);
    props.onSaving();
    const result = await props.api.addPayment(props.invoice.id, checked.input);
    setSaving(false);
    if (result.ok) {
      // The next part is another payment: a new id, and what now remains.
      clientId = randomId();
      setForm(paymentFormOf(result.data, isoDate(new Date())));
      return props.onSaved(result.data, checked.input.amount);
    }
    const field = fieldOf(result.error, PAYMENT_FIELDS);
    if (!field) return setFailure(result.error);
    setProblems({ [field]: result.error });
    focusFirstProblem(formElement);
  }

  return (
    <form class="form invoice-payments__form" ref={formElement} aria-labelledby={titleId} onSubmit={(event) => void submit(event)} novalidate>
      <h4 id={titleId}>{t('invoices.payment.add')}</h4>
      <FormError message={failure()} />
      <div class="form-grid">
        <TextField label={t('invoices.field.paidOn')} name="paidOn" type="date" value={form.paidOn} error={problemAt('paidOn')} onInput={(value) => setForm('paidOn', value)} />
        <TextField
          label={t('invoices.field.paymentAmount', { currency: props.invoice.currency })}
          name="paymentAmount"
          inputMode="decimal"
          value={form.amount}
          error={problemAt('amount')}
          onInput={(value) => setForm('amount', value)}
        />
        <TextField label={t('invoices.field.note')} name="note" value={form.note} error={problemAt('note')} onInput={(value) => setForm('note', value)} />
      </div>
      <div class="actions">
        <button type="submit" class="button button--primary" disabled={saving()} aria-busy={saving()}>
          {saving() ? t('invoices.saving') : t('invoices.payment.save')}
        </button>
      </div>
    </form>
  );
}
