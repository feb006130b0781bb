import { describe, expect, it } from 'vitest';
import {
  MAX_ENTRIES_PER_SUBMISSION,
  meterEntryPageSchema,
  meterEntryResultSchema,
  meterEntrySchema,
  meterEntrySubmissionSchema,
} from './meters.ts';

const deviceId = '6e0a3c1e-8f43-4c1b-9c55-1a2b3c4d5e6f';
const clientId = 'b3c1d2e4-5f60-4a7b-8c9d-0e1f2a3b4c5d';

/** The seed portal's first machine. */
const page = {
  customerNumber: '999999',
  language: 'fr',
  dealer: {
    name: 'Devillard',
    phone: '+41 848 912 912',
    email: 'bravo@devillard.ch',
    website: null,
    logoUrl: null,
    brandColour: '#e30613',
  },
  period: '2014-08',
  expiresAt: '2014-09-04T22:00:00.000Z',
  lastValidDay: '2014-09-04',
  timeZone: 'Europe/Zurich',
  machines: [
    {
      deviceId,
      deviceCode: 'DEV-3022790',
      manufacturer: 'Ricoh',
      model: 'MP2550CSP',
      internalNumber: '0002',
      location: 'REZ - COMPTABILITÉ',
      requestedLocation: null,
      serial: '6594501067',
      counters: [
        { counter: 'mono', last: { value: 344_805, takenAt: '2014-01-24T09:00:00.000Z' }, entry: { state: 'to_enter' } },
        {
          counter: 'colour',
          last: null,
          entry: {
            state: 'to_check',
            value: 68_523,
            enteredAt: '2014-09-06T08:12:00+02:00',
            reason: { code: 'first_reading', params: {} },
          },
        },
      ],
    },
  ],
};

describe('meterEntryPageSchema', () => {
  it('accepts the seed page', () => {
    expect(meterEntryPageSchema.parse(page)).toEqual(page);
  });

  it.each([
    ['a customer name on the page', { ...page, customerName: 'Devillard SA' }],
    ['a language Parc does not speak', { ...page, language: 'es' }],
    ['a person on the dealer', { ...page, dealer: { ...page.dealer, contactName: 'M. Dupont' } }],
    ['a contact on a machine', { ...page, machines: [{ ...page.machines[0], contactName: 'M. Dupont' }] }],
    ['an entered counter without its date', { ...page, machines: [{ ...page.machines[0], counters: [{ counter: 'mono', last: null, entry: { state: 'entered', value: 1 } }] }] }],
    ['an unknown counter', { ...page, machines: [{ ...page.machines[0], counters: [{ counter: 'cyan', last: null, entry: { state: 'to_enter' } }] }] }],
    ['a machine without counters', { ...page, machines: [{ ...page.machines[0], counters: [] }] }],
  ])('rejects %s', (_name, candidate) => {
    expect(meterEntryPageSchema.safeParse(candidate).success).toBe(false);
  });
});

describe('submissions', () => {
  const entry = { clientId, deviceId, counter: 'mono', value: 358_965 };

  it.each([
    ['a normal entry', entry, true],
    ['a decimal value (the domain gives the reason)', { ...entry, value: 12.5 }, true],
    ['a value as a string', { ...entry, value: '358965' }, false],
    ['a client id that is not a uuid', { ...entry, clientId: 'abc' }, false],
    ['no counter', { clientId, deviceId, value: 1 }, false],
  ])('%s: valid = %s', (_name, candidate, valid) => {
    expect(meterEntrySchema.safeParse(candidate).success).toBe(valid);
  });

  it.each([
    [0, false],
    [1, true],
    [MAX_ENTRIES_PER_SUBMISSION, true],
    [MAX_ENTRIES_PER_SUBMISSION + 1, false],
  ])('a batch of %i entries: valid = %s', (size, valid) => {
    expect(meterEntrySubmissionSchema.safeParse({ entries: Array.from({ length: size }, () => entry) }).success).toBe(valid);
  });

  it.each([
    [{ clientId, status: 'saved', entry: { state: 'entered', value: 358_965, enteredAt: '2014-09-08T10:00:00Z' } }, true],
    [{ clientId, status: 'refused', reason: { code: 'below_last', params: { lastValue: 344_805, lastDate: '2014-01-24', otherCounter: 'colour' } } }, true],
    [{ clientId, status: 'refused', reason: { code: 'below_last', params: {} } }, false],
    [{ clientId, status: 'rejected', error: { code: 'not_found', message: 'unknown device' } }, true],
    [{ clientId, status: 'saved' }, false],
  ])('result %o: valid = %s', (result, valid) => {
    expect(meterEntryResultSchema.safeParse(result).success).toBe(valid);
  });
});
