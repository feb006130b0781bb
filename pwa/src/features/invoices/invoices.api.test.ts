import { describe, expect, it } from 'vitest';
import type { ApiClient, ApiResult, HttpMethod } from '../../api/client.ts';
import { createInvoicesApi, documentUrl } from './invoices.api.ts';

/** A client recording each call and answering nothing in particular. */
function recordingClient() {
  const calls: { method: HttpMethod; path: string; body?: unknown }[] = [];
  const client = {
    request: async (method: HttpMethod, path: string, body?: unknown): Promise<ApiResult<unknown>> => {
      calls.push(body === undefined ? { method, path } : { method, path, body });
      return { ok: true, data: {} };
    },
    send: async () => ({ ok: true, data: {} }),
  } as unknown as ApiClient;
  return { client, calls };
}

describe('the invoices API', () => {
  it('calls the invoice endpoints', async () => {
    const { client, calls } = recordingClient();
    const api = createInvoicesApi(client);
    const customerId = '8f1c5a52-6f4e-4a8e-9d1e-0c7a3b2f4d10';
    const invoice = { number: 'F-1', issuedOn: '2026-11-02', amount: '10', currency: 'CHF' };
    const payment = { clientId: 'c0ffee00-0000-4000-8000-000000000001', paidOn: '2026-11-05', amount: '4' };
    await api.list(customerId);
    await api.create({ customerId, ...invoice });
    await api.update('i1', { ...invoice, document: null });
    await api.addPayment('i1', payment);
    await api.removePayment('i1', 'p1');
    await api.remove('i1');
    expect(calls).toEqual([
      { method: 'GET', path: `/api/invoices?customerId=${customerId}` },
      { method: 'POST', path: '/api/invoices', body: { customerId, ...invoice } },
      { method: 'PUT', path: '/api/invoices/i1', body: { ...invoice, document: null } },
      { method: 'POST', path: '/api/invoices/i1/payments', body: payment },
      { method: 'DELETE', path: '/api/invoices/i1/payments/p1' },
      { method: 'DELETE', path: '/api/invoices/i1' },
    ]);
    expect(documentUrl('i1')).toBe('/api/invoices/i1/document');
  });
});
