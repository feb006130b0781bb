/** The invoice endpoints the Billing tab uses, typed by the shared contracts (shared/src/contracts/billing.ts). */
import type { Invoice, InvoiceCreate, InvoiceInput, PaymentInput } from '@parc/shared/contracts/billing';
import { createApiClient, type ApiClient, type ApiResult } from '../../api/client.ts';

export function createInvoicesApi(client: ApiClient = createApiClient()) {
  return {
    /** One customer's invoices, newest first, each with its payments, amount paid, remaining and status. */
    list: (customerId: string): Promise<ApiResult<{ items: Invoice[] }>> => client.request('GET', `/api/invoices?customerId=${encodeURIComponent(customerId)}`),
    create: (input: InvoiceCreate): Promise<ApiResult<Invoice>> => client.request('POST', '/api/invoices', input),
    /** `document` absent keeps the file, null removes it. */
    update: (id: string, input: InvoiceInput): Promise<ApiResult<Invoice>> => client.request('PUT', `/api/invoices/${id}`, input),
    /** The invoice and its payments. */
    remove: (id: string): Promise<ApiResult<void>> => client.request('DELETE', `/api/invoices/${id}`),
    /** One part of the amount; sent again with the same `clientId` (a double tap, a retry), it is recorded once. */
    addPayment: (id: string, input: PaymentInput): Promise<ApiResult<Invoice>> => client.request('POST', `/api/invoices/${id}/payments`, input),
    removePayment: (id: string, paymentId: string): Promise<ApiResult<Invoice>> => client.request('DELETE', `/api/invoices/${id}/payments/${paymentId}`),
  };
}

export type InvoicesApi = ReturnType<typeof createInvoicesApi>;

/** Where an invoice's document opens from (a plain link: the browser shows or saves it). */
export function documentUrl(invoiceId: string): string {
  return `/api/invoices/${invoiceId}/document`;
}
