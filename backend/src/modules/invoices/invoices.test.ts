import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { emptyPriceList } from '@parc/shared/billing/price-list';
import { MAX_INVOICE_DOCUMENT_BYTES } from '@parc/shared/contracts/billing';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { customerInput, partnerWithDevice, signedIn, type Caller, type Json } from '../customers/test-client.ts';

const PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const document = (bytes: Buffer, contentType = 'application/pdf', name = 'F-2026-001.pdf') => ({ name, contentType, dataBase64: bytes.toString('base64') });

describe('invoices and payments', () => {
  let t: TestApp;
  let admin: Caller;
  let other: Caller;
  let customer: Json;
  let device: Json;
  let numbers = 0;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, customer, device } = await partnerWithDevice(t));
    other = await signedIn(t, (await t.createPartner()).id, 'partner_admin');
  });
  afterAll(() => t.close());

  const input = (overrides: Record<string, unknown> = {}) => ({ customerId: customer.id, number: `F-2026-${++numbers}`, issuedOn: '2026-11-02', dueOn: '2026-11-30', amount: '1000.00', currency: 'CHF', ...overrides });
  const pay = (invoiceId: string, amount: string, paidOn = '2026-11-10', clientId: string = crypto.randomUUID()) => admin.request('POST', `/invoices/${invoiceId}/payments`, { clientId, paidOn, amount });

  it('adds an invoice with its PDF, serves the document as sent, and lists it open', async () => {
    const created = await admin.request('POST', '/invoices', input({ document: document(PDF) }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ customerNumber: customer.customerNumber, amount: '1000.00', paid: '0.00', remaining: '1000.00', status: 'open', lastPaymentOn: null, document: { name: 'F-2026-001.pdf', contentType: 'application/pdf', bytes: PDF.length } });
    const file = await t.app.request(`/api/invoices/${created.body.id}/document`, { headers: { cookie: admin.cookie } });
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe("inline; filename*=UTF-8''F-2026-001.pdf");
    expect(file.headers.get('x-content-type-options')).toBe('nosniff');
    expect(file.headers.get('content-security-policy')).toContain('sandbox');
    expect(Buffer.from(await file.arrayBuffer())).toEqual(PDF);
    const listed = await admin.request('GET', `/invoices?customerId=${customer.id}`);
    expect(listed.body.items.map((item: Json) => item.id)).toContain(created.body.id);
  });

  it.each([
    ['a PDF that is really a PNG', document(PNG)],
    ['a text file called PDF', document(Buffer.from('just text'))],
    ['an empty file', document(Buffer.alloc(0))],
  ])('refuses %s, storing nothing', async (_case, upload) => {
    const refused = await admin.request('POST', '/invoices', input({ number: 'REFUSED-1', document: upload }));
    expect(refused).toMatchObject({ status: 400, body: { key: 'invoice.document_type', field: 'document' } });
    expect((await admin.request('GET', `/invoices?customerId=${customer.id}`)).body.items.some((item: Json) => item.number === 'REFUSED-1')).toBe(false);
  });

  it('refuses a document over 5 MB, even a real PDF', async () => {
    const large = Buffer.concat([PDF, Buffer.alloc(MAX_INVOICE_DOCUMENT_BYTES + 1 - PDF.length)]);
    expect(await admin.request('POST', '/invoices', input({ document: document(large) }))).toMatchObject({ status: 400, body: { key: 'invoice.document_too_large', field: 'document' } });
  });

  it('takes payments in several parts: partly paid, then paid; never more than remains; a double tap records once', async () => {
    const invoice = (await admin.request('POST', '/invoices', input())).body;
    const clientId = crypto.randomUUID();
    const first = await pay(invoice.id, '400.10', '2026-11-05', clientId);
    expect(first).toMatchObject({ status: 201, body: { paid: '400.10', remaining: '599.90', status: 'partly_paid', lastPaymentOn: '2026-11-05' } });
    expect((await pay(invoice.id, '400.10', '2026-11-05', clientId)).body).toMatchObject({ paid: '400.10', payments: [expect.anything()] });
    expect(await pay(invoice.id, '600.00')).toMatchObject({ status: 409, body: { key: 'payment.above_remaining', params: { remaining: 'CHF 599.90' } } });
    expect(await pay(invoice.id, '10.005')).toMatchObject({ status: 400, body: { key: 'invoice.amount_digits' } });
    const second = await pay(invoice.id, '599.90', '2026-11-12');
    expect(second.body).toMatchObject({ paid: '1000.00', remaining: '0.00', status: 'paid', lastPaymentOn: '2026-11-12' });
    expect(await admin.request('PUT', `/invoices/${invoice.id}`, { ...input({ number: invoice.number, amount: '900' }), customerId: undefined })).toMatchObject({ status: 409, body: { key: 'invoice.below_paid' } });
    expect(await admin.request('PUT', `/invoices/${invoice.id}`, { ...input({ number: invoice.number, currency: 'EUR' }), customerId: undefined })).toMatchObject({ status: 409, body: { key: 'invoice.currency_paid', field: 'currency' } });
    const removed = await admin.request('DELETE', `/invoices/${invoice.id}/payments/${second.body.payments[1].id}`);
    expect(removed.body).toMatchObject({ paid: '400.10', status: 'partly_paid' });
  });

  it('is overdue after its due date until paid', async () => {
    const invoice = (await admin.request('POST', '/invoices', input({ dueOn: '2026-11-19' }))).body;
    expect(invoice.status).toBe('overdue');
    expect((await pay(invoice.id, '1000')).body.status).toBe('paid');
  });

  it('keeps numbers unique per dealer', async () => {
    await admin.request('POST', '/invoices', input({ number: 'DUP-1' }));
    expect(await admin.request('POST', '/invoices', input({ number: 'DUP-1' }))).toMatchObject({ status: 409, body: { key: 'invoice.number_taken', field: 'number' } });
  });

  it('links to a billing run of the same customer and currency only', async () => {
    t.setNow(new Date('2026-10-05T08:00:00Z'));
    await admin.request('PUT', `/customers/${customer.id}/prices`, { ...emptyPriceList('CHF'), defaults: { prices: { mono: '0.01', colour: null, scan: null }, included: { mono: 0, colour: 0, scan: 0 }, fixedFee: '0' } });
    t.setNow(new Date('2026-11-20T08:00:00Z'));
    const counterId = (await admin.request('GET', `/devices/${device.id}/counters`)).body.items.find((counter: Json) => counter.kind === 'total').id;
    for (const [value, takenAt] of [[1_000, '2026-09-30T10:00:00Z'], [3_000, '2026-10-31T10:00:00Z']] as const) {
      expect((await admin.request('POST', `/devices/${device.id}/readings`, { counterId, value, takenAt })).status).toBe(201);
    }
    const run = (await admin.request('POST', '/billing-runs', { period: '2026-10', customerId: customer.id })).body.runs[0];
    expect(run).toMatchObject({ total: '20.00', currency: 'CHF' });
    const linked = await admin.request('POST', '/invoices', input({ amount: run.total, billingRunId: run.id }));
    expect(linked.body).toMatchObject({ billingRunId: run.id, billingPeriod: '2026-10' });
    expect(await admin.request('POST', '/invoices', input({ currency: 'EUR', billingRunId: run.id }))).toMatchObject({ status: 400, body: { key: 'invoice.run_mismatch' } });
    const stranger = (await admin.request('POST', '/customers', customerInput())).body;
    expect(await admin.request('POST', '/invoices', input({ customerId: stranger.id, billingRunId: run.id }))).toMatchObject({ status: 400, body: { key: 'invoice.run_mismatch' } });
  });

  it('deletes an invoice with its payments', async () => {
    const invoice = (await admin.request('POST', '/invoices', input())).body;
    await pay(invoice.id, '10');
    expect((await admin.request('DELETE', `/invoices/${invoice.id}`)).status).toBe(204);
    expect((await admin.request('GET', `/invoices/${invoice.id}`)).status).toBe(404);
  });

  it("hides another dealer's invoices, and refuses staff whose profile has no billing", async () => {
    const invoice = (await admin.request('POST', '/invoices', input())).body;
    for (const [method, path, body] of [
      ['GET', `/invoices/${invoice.id}`],
      ['GET', `/invoices/${invoice.id}/document`],
      ['PUT', `/invoices/${invoice.id}`, { ...input(), customerId: undefined }],
      ['DELETE', `/invoices/${invoice.id}`],
      ['POST', `/invoices/${invoice.id}/payments`, { clientId: crypto.randomUUID(), paidOn: '2026-11-10', amount: '1' }],
    ] as const) {
      expect({ method, path, status: (await other.request(method, path, body)).status }).toEqual({ method, path, status: 404 });
    }
    expect((await other.request('POST', '/invoices', input())).status).toBe(404);
    expect((await other.request('GET', '/invoices')).body.items).toEqual([]);

    const noBilling = (await admin.request('POST', '/profiles', { name: 'No billing', permissions: { dashboard: 'view', customers: 'edit', devices: 'edit', readings: 'edit', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    const staff = await signedIn(t, customer.partnerId ?? (await admin.request('GET', '/auth/me')).body.user.partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: noBilling.id });
    expect((await staff.request('GET', '/invoices')).status).toBe(403);
    expect((await staff.request('POST', `/invoices/${invoice.id}/payments`, { clientId: crypto.randomUUID(), paidOn: '2026-11-10', amount: '1' })).status).toBe(403);
  });
});
