/**
 * For the authorization matrix: a body each scoped change ACCEPTS, so a probe on another place's
 * resource gets past validation and is stopped by scope alone (a 400 would hide a leak).
 * Keyed by "METHOD path"; built from the ids of the place probed, so every id in it belongs there.
 */
import { randomUUID } from 'node:crypto';
import { emptyPriceList } from '@parc/shared/billing/price-list';

/** The ids of one place's resources, by kind. */
export type Ids = Partial<Record<string, string>>;
/** A body that is not JSON (a file, a CSV), with the query it travels with. */
export interface RawBody {
  raw: string | Uint8Array;
  type: string;
  query: string;
}
export type ProbeBody = { json: unknown } | RawBody;

export const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const PNG_BASE64 = Buffer.from(PNG).toString('base64');
const json = (body: unknown): ProbeBody => ({ json: body });
const breaks = [{ counter: 'total', finalValue: 100, startValue: 0 }];

export const VALID_BODIES: Record<string, (ids: Ids) => ProbeBody> = {
  'PATCH /api/agents/{id}': () => json({ name: 'Probe' }),
  'PATCH /api/coordinators/{id}': () => json({ name: 'Probe' }),
  'PUT /api/customers/{customerId}/order-config': () => json({ proactiveDays: 10 }),
  'POST /api/customers/{customerId}/coordinators': () => json({ name: 'Probe' }),
  'POST /api/customers/{customerId}/sites': () => json({ name: 'Probe' }),
  'POST /api/customers/{customerId}/sites/import': () => ({ raw: 'name\nImported\n', type: 'text/csv', query: 'mode=commit' }),
  'POST /api/customers/{customerId}/devices/import': () => ({ raw: 'serial,manufacturer,model\nPROBE-IMPORT,HP,LaserJet M611dn\n', type: 'text/csv', query: 'mode=commit' }),
  'PATCH /api/customers/{id}': () => json({ name: 'Probe' }),
  'POST /api/customers/{id}/agent-instructions': () => json({ agentKey: 'WTCD-GSAL-RGHJ-QJYS' }),
  'POST /api/customers/{id}/agents': () => json({ name: 'Probe' }),
  'PUT /api/customers/{id}/campaign': () => json({ schedule: null, sendDay: null, lastValidDay: null, timeZone: null, enabled: false }),
  'POST /api/customers/{id}/campaign/contacts': () => json({ email: 'probe@customer.test' }),
  'POST /api/customers/{id}/floorplans': () => ({ raw: PNG, type: 'image/png', query: 'name=Probe&floor=9' }),
  'PUT /api/customers/{id}/parameters': (ids) => json({ values: [{ parameterId: ids.parameter, value: 'Probe' }] }),
  'PUT /api/customers/{id}/prices': () => json(emptyPriceList('EUR')),
  'PUT /api/devices/{deviceId}/order-config': () => json({ proactiveDays: 10 }),
  'POST /api/devices/{deviceId}/counters': () => json({ kind: 'colour' }),
  'POST /api/devices/{deviceId}/readings': (ids) => json({ counterId: ids.counter, value: 150, takenAt: '2026-11-19T09:00:00Z' }),
  'POST /api/devices/{deviceId}/resets': () => json({ kind: 'counter_reset', at: '2026-11-19T10:00:00Z', counters: breaks, clientId: randomUUID() }),
  'PATCH /api/devices/{id}': () => json({ model: 'Probe' }),
  'PUT /api/devices/{id}/parameters': (ids) => json({ values: [{ parameterId: ids.parameter, value: 'Probe' }] }),
  'PATCH /api/devices/{id}/settings': () => json({ includedInReports: false }),
  'POST /api/devices/{id}/swap': () => json({ serial: 'PROBE', at: '2026-11-19T10:00:00Z', counters: breaks }),
  'PUT /api/floorplans/{id}/devices': (ids) => json({ devices: [{ deviceId: ids.device, x: 10, y: 10 }] }),
  'PUT /api/invoices/{id}': () => json({ number: 'PROBE', issuedOn: '2026-11-02', amount: '1', currency: 'EUR' }),
  'POST /api/invoices/{id}/payments': () => json({ clientId: randomUUID(), paidOn: '2026-11-03', amount: '1' }),
  'PATCH /api/parameters/{id}': () => json({ name: 'Probe' }),
  'PATCH /api/profiles/{id}': () => json({ name: 'Probe' }),
  'DELETE /api/readings/{id}': () => json({ note: 'Probe' }),
  'PATCH /api/readings/{id}': () => json({ note: 'Probe' }),
  'POST /api/readings/{id}/accept': () => json({}),
  'POST /api/readings/{id}/correct': () => json({ value: 150, note: 'Probe' }),
  'PATCH /api/requests/{id}': () => json({ subject: 'Probe' }),
  'POST /api/requests/{id}/attachments': () => json({ id: randomUUID(), fileName: 'probe.png', contentType: 'image/png', dataBase64: PNG_BASE64 }),
  'POST /api/requests/{id}/notes': () => json({ comment: 'Probe' }),
  'POST /api/requests/{id}/transition': () => json({ to: 'in_progress', comment: 'Probe' }),
  'PATCH /api/sites/{id}': () => json({ name: 'Probe' }),
  // Bodies naming nothing else (no supplier, no carrier): a refusal can only come from the resource the path names.
  'PATCH /api/supplies/carriers/{id}': () => json({ name: 'Probe', trackingUrl: 'https://probe.test/{tracking}' }),
  'PATCH /api/supplies/models/{id}': () => json({ ratedYield: 1000, dealerReference: 'PROBE', price: '1.00' }),
  'PATCH /api/supplies/orders/{id}': () => json({ action: 'cancel', note: 'Probe' }),
  'PUT /api/supplies/routes/{id}': () => json({ name: 'Probe', filters: {}, recipients: [{ kind: 'address', address: 'probe@dealer.test' }] }),
  'PATCH /api/supplies/suppliers/{id}': () => json({ name: 'Probe' }),
  'PATCH /api/supplies/stocks/{id}': () => json({ name: 'Probe' }),
  'PUT /api/supplies/stocks/{id}/items/{supplyModelId}': () => json({ minimum: 0, target: 5 }),
  'POST /api/supplies/stocks/{id}/replenishments': (ids) => json({ lines: [{ supplyModelId: ids.supplyModel, quantity: 1 }] }),
  'PATCH /api/supplies/replenishments/{id}': () => json({ note: 'Probe' }),
  'PATCH /api/users/{id}': () => json({ name: 'Probe' }),
  'PUT /api/users/{id}/profile': (ids) => json({ profileId: ids.profile }),
};
