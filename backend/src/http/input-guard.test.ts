import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/app.ts';
import { partnerWithDevice, type Caller, type Json } from '../modules/customers/test-client.ts';
import { badText, bodyLimitFor, DEFAULT_BODY_BYTES, MAX_TEXT_LENGTH } from './input-guard.ts';

describe('badText', () => {
  it.each([
    ['plain text', { name: 'Genève 2e étage 🖨️' }, null],
    ['a NUL', { name: 'a\u0000b' }, { field: 'name', problem: 'bad_text' }],
    ['a lone high surrogate', { list: ['ok', 'x\uD800'] }, { field: 'list.1', problem: 'bad_text' }],
    ['a lone low surrogate', { deep: { note: '\uDC00' } }, { field: 'deep.note', problem: 'bad_text' }],
    ['a NUL in a key', { ['k\u0000']: 1 }, { field: '', problem: 'bad_text' }],
    ['text longer than any field', { serial: 'x'.repeat(MAX_TEXT_LENGTH + 1) }, { field: 'serial', problem: 'too_long' }],
    ['a file’s base64', { dataBase64: 'A'.repeat(MAX_TEXT_LENGTH + 1) }, null],
  ])('%s', (_case, value, expected) => expect(badText(value)).toEqual(expected));

  it('gives file routes room for a 5 MB file and ordinary routes 1 MB', () => {
    expect(bodyLimitFor('/api/auth/login')).toBe(DEFAULT_BODY_BYTES);
    expect(bodyLimitFor('/api/requests/4b1d/attachments')).toBeGreaterThan((5 * 1024 * 1024 * 4) / 3);
    expect(bodyLimitFor('/api/invoices')).toBeGreaterThan((5 * 1024 * 1024 * 4) / 3);
  });
});

describe('input refused at the edge', () => {
  let t: TestApp;
  let admin: Caller;
  let customer: Json;
  let device: Json;
  beforeAll(async () => {
    t = await createTestApp();
    ({ admin, customer, device } = await partnerWithDevice(t));
  });
  afterAll(() => t.close());

  it.each([
    ['a NUL', 'Rue\u0000 1', 'validation.bad_text'],
    ['a lone surrogate', 'Rue \uD83D', 'validation.bad_text'],
    ['a megabyte of text', 'x'.repeat(MAX_TEXT_LENGTH + 1), 'validation.too_big'],
  ])('answers 400 naming the field for %s, and changes nothing', async (_case, address, key) => {
    const response = await admin.request('PATCH', `/customers/${customer.id}`, { address });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ key, field: 'address' });
    expect((await admin.request('GET', `/customers/${customer.id}`)).body.address).not.toBe(address);
  });

  it('refuses a NUL on public and agent routes too', async () => {
    const login = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'a\u0000@b.test', password: 'x' }) });
    expect(login.status).toBe(400);
    expect(await login.json()).toMatchObject({ key: 'validation.bad_text', field: 'email' });
    const enroll = await t.app.request('/api/agent/enroll', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ key: 'WTCD-GSAL-RGHJ-QJY\u0000' }) });
    expect(enroll.status).toBe(400);
    expect(await enroll.json()).toMatchObject({ key: 'validation.bad_text', field: 'key' });
  });

  it('refuses a NUL in the query', async () => {
    const response = await admin.request('GET', `/devices?search=${encodeURIComponent('a\u0000')}`);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ key: 'validation.bad_text', field: 'search.0' });
    expect((await admin.request('GET', `/devices/${device.id}`)).status).toBe(200);
  });

  it('refuses an oversized body before reading it, announced or streamed', async () => {
    const big = JSON.stringify({ email: 'x@y.test', password: 'p'.repeat(DEFAULT_BODY_BYTES) });
    const announced = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(big.length) }, body: big });
    expect(announced.status).toBe(413);
    expect(await announced.json()).toMatchObject({ code: 'too_large', key: 'request.too_large', params: { maximum: DEFAULT_BODY_BYTES } });
    const chunks = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let sent = 0; sent <= DEFAULT_BODY_BYTES; sent += 64 * 1024) controller.enqueue(new Uint8Array(64 * 1024).fill(0x61));
        controller.close();
      },
    });
    const streamed = await t.app.request('/api/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
  });
});
