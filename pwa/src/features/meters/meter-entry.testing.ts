/** A page like the seed portal's (customer 999999, two Ricoh machines), for tests. */
import type { MeterEntryPage } from '@parc/shared/contracts/meters';

export const ricohMono = '6e0a3c1e-8f43-4c1b-9c55-1a2b3c4d5e6f';
export const ricohColour = '7f1b4d2f-9a54-4d2c-8d66-2b3c4d5e6f70';

export function seedPage(): MeterEntryPage {
  return {
    customerNumber: '999999',
    language: 'fr',
    dealer: { name: 'Devillard', phone: '+41 848 912 912', email: 'bravo@devillard.ch', website: null, logoUrl: null, brandColour: '#e30613' },
    period: '2014-08',
    expiresAt: '2014-09-04T22:00:00.000Z',
    lastValidDay: '2014-09-04',
    timeZone: 'Europe/Zurich',
    machines: [
      {
        deviceId: ricohMono,
        deviceCode: '3.022.790',
        manufacturer: 'Ricoh',
        model: 'MP2550CSP',
        internalNumber: '0002',
        location: 'REZ - COMPTABILITÉ',
        requestedLocation: null,
        serial: '6594501067',
        counters: [{ counter: 'mono', last: { value: 344_805, takenAt: '2014-01-24T09:00:00.000Z' }, entry: { state: 'to_enter' } }],
      },
      {
        deviceId: ricohColour,
        deviceCode: '3.033.923',
        manufacturer: 'Ricoh',
        model: 'MPC2051',
        internalNumber: '0014',
        location: '1ER - COMMERCIAL',
        requestedLocation: null,
        serial: 'V9713800086',
        counters: [
          { counter: 'colour', last: { value: 27_827, takenAt: '2014-01-06T09:00:00.000Z' }, entry: { state: 'to_enter' } },
          { counter: 'mono', last: { value: 44_200, takenAt: '2014-01-06T09:00:00.000Z' }, entry: { state: 'to_enter' } },
        ],
      },
    ],
  };
}
