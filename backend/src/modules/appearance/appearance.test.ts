import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/app.ts';
import { signedIn, type Caller } from '../customers/test-client.ts';
import { decodeLogo } from './appearance.service.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ffa1b8a5d10000000049454e44ae426082', 'hex');

describe('appearance API', () => {
  let t: TestApp;
  let admin: Caller;
  let partnerId: string;
  beforeAll(async () => {
    t = await createTestApp();
    partnerId = (await t.createPartner('Copie Plus SA')).id;
    admin = await signedIn(t, partnerId, 'partner_admin');
  });
  afterAll(() => t.close());

  it('changes colour, sender, language and contacts, and refuses a bad colour', async () => {
    const changed = await admin.request('PATCH', '/appearance', { brandColour: '#AA3300', senderEmail: 'Service@CopiePlus.test', defaultLanguage: 'de', phone: '+41 21 000 00 00' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ name: 'Copie Plus SA', brandColour: '#aa3300', senderEmail: 'service@copieplus.test', defaultLanguage: 'de', phone: '+41 21 000 00 00' });
    expect((await admin.request('PATCH', '/appearance', { brandColour: 'red' })).body).toMatchObject({ code: 'bad_request', field: 'brandColour' });
  });

  it('stores an uploaded logo, serves it publicly, and puts its URL in the emails', async () => {
    const uploaded = await admin.request('PUT', '/appearance/logo', { contentType: 'image/png', dataBase64: PNG.toString('base64') });
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.logoUrl).toMatch(new RegExp(`^http://parc.test/api/public/logos/${partnerId}\\?v=\\d+$`));
    const served = await t.app.request(new URL(uploaded.body.logoUrl).pathname);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer()).equals(PNG)).toBe(true);
    await admin.request('POST', '/users', { email: 'new@copieplus.test', name: 'New', role: 'partner_staff' });
    expect(t.mailer.sent.at(-1)!.html).toContain(`/api/public/logos/${partnerId}`);
    await admin.request('DELETE', '/appearance/logo');
    expect((await t.app.request(`/api/public/logos/${partnerId}`)).status).toBe(404);
  });

  it('keeps each partner to its own appearance and settings editors only', async () => {
    const other = await signedIn(t, (await t.createPartner('Other')).id, 'partner_admin');
    expect((await other.request('GET', '/appearance')).body.name).toBe('Other');
    const viewer = (await admin.request('POST', '/profiles', { name: 'V', permissions: { dashboard: 'view', customers: 'view', devices: 'view', readings: 'view', billing: 'view', agents: 'view', users: 'view', settings: 'view' } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: viewer.id });
    expect((await staff.request('GET', '/appearance')).status).toBe(200);
    expect((await staff.request('PATCH', '/appearance', { brandColour: '#000000' })).status).toBe(403);
    expect((await staff.request('PUT', '/appearance/logo', { contentType: 'image/png', dataBase64: PNG.toString('base64') })).status).toBe(403);
  });

  it("gives every console user the dealer's brand, and the rest of the settings only to those who may see them", async () => {
    const blind = (await admin.request('POST', '/profiles', { name: 'Nothing', permissions: { dashboard: 'none', customers: 'none', devices: 'none', readings: 'none', billing: 'none', agents: 'none', users: 'none', settings: 'none' } })).body;
    const staff = await signedIn(t, partnerId, 'partner_staff');
    await admin.request('PUT', `/users/${staff.userId}/profile`, { profileId: blind.id });
    const brand = await staff.request('GET', '/appearance/brand');
    expect(brand.status).toBe(200);
    expect(brand.body).toEqual({ name: 'Copie Plus SA', brandColour: expect.stringMatching(/^#[0-9a-f]{6}$/), logoUrl: null });
    expect((await staff.request('GET', '/appearance')).status).toBe(403);
    const coordinator = await signedIn(t, partnerId, 'coordinator');
    expect((await coordinator.request('GET', '/appearance/brand')).status).toBe(403);
  });
});

describe('logo checks', () => {
  it.each([
    ['image/png', PNG, true],
    ['image/jpeg', PNG, false],
    ['image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>'), true],
    ['image/svg+xml', Buffer.from('<html></html>'), false],
  ] as const)('%s with given bytes accepted: %s', (contentType, bytes, accepted) => {
    const decode = () => decodeLogo({ contentType, dataBase64: bytes.toString('base64') });
    if (accepted) expect(decode()).toHaveLength(bytes.length);
    else expect(decode).toThrow();
  });
});
