/** A day bundle with one request on one device, for the sync engine's tests. */
import type { MaintenanceRequest, TechBundle } from '@parc/shared/contracts/tickets';

export const requestId = '11111111-1111-4111-8111-111111111111';
export const deviceId = '22222222-2222-4222-8222-222222222222';

export function sampleRequest(overrides: Partial<MaintenanceRequest> = {}): MaintenanceRequest {
  return {
    id: requestId,
    device: { id: deviceId, deviceCode: '3.022.790', manufacturer: 'Ricoh', model: 'MP2550', location: 'REZ', customerId: '33333333-3333-4333-8333-333333333333', customerName: 'Fiduciaire' },
    alertId: null,
    subject: 'Bourrage',
    description: '',
    technicianId: '44444444-4444-4444-8444-444444444444',
    technicianName: 'Yannick',
    userCanFix: false,
    steps: [],
    complexity: 'technician',
    state: 'unresolved',
    version: 1,
    createdBy: 'admin',
    createdAt: '2026-03-01T08:00:00.000Z',
    updatedAt: '2026-03-01T08:00:00.000Z',
    events: [],
    attachments: [],
    ...overrides,
  };
}

export function sampleBundle(): TechBundle {
  const request = sampleRequest();
  return {
    generatedAt: '2026-03-02T07:00:00.000Z',
    technician: { id: '44444444-4444-4444-8444-444444444444', name: 'Yannick' },
    requests: [request],
    devices: [
      {
        ...request.device,
        serial: 'S1',
        ip: null,
        siteId: null,
        siteName: 'Sion',
        counters: [{ kind: 'mono', lastValue: 1000, lastTakenAt: '2026-02-01T08:00:00.000Z' }],
        supplies: [],
        openErrors: [],
        history: [],
      },
    ],
  };
}
