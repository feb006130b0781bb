import { afterEach, describe, expect, it } from 'vitest';
import { errorMessage } from '@parc/shared/errors';
import type { ApiError } from '../api/client.ts';
import { apiErrorText } from './api-error.ts';
import { enablePseudoLocale } from './pseudo.ts';

const serialTaken: ApiError = {
  code: 'conflict',
  key: 'device.serial_taken',
  params: { serial: 'X1234', deviceCode: 'DF-12', field: 'serial' },
  message: 'The serial number X1234 is already used by the active device DF-12; deactivate that device first if the machine moved.',
  field: 'serial',
};

describe('apiErrorText', () => {
  afterEach(() => enablePseudoLocale(false));

  it.each([
    ['de', 'Die Seriennummer X1234 wird bereits vom aktiven Gerät DF-12 verwendet; deaktivieren Sie zuerst jenes Gerät, falls die Maschine umgezogen ist.'],
    ['fr', 'Le numéro de série X1234 est déjà utilisé par l’appareil actif DF-12 ; désactivez d’abord cet appareil si la machine a déménagé.'],
  ] as const)('words a known key in %s, whatever language the server wrote', (language, expected) => {
    expect(apiErrorText(serialTaken, language)).toBe(expected);
  });

  it('words a validation error with its bounds', () => {
    const error: ApiError = { code: 'bad_request', key: 'validation.too_big', params: { field: 'name', origin: 'string', maximum: 80, inclusive: true, exact: false }, message: '…' };
    expect(apiErrorText(error, 'it')).toBe('«name»: al massimo 80 caratteri.');
  });

  it('words a refused reading from its reason', () => {
    const reason = { code: 'below_last', params: { lastValue: 5000, lastDate: '2026-01-31', otherCounter: null } } as const;
    const error: ApiError = { code: 'reading_refused', key: 'reading.refused', params: { reason, field: 'value' }, message: '…' };
    expect(apiErrorText(error, 'de')).toBe(errorMessage('reading.refused', { reason }, 'de'));
  });

  it.each<[string, ApiError]>([
    ['a key this client does not know (a newer server)', { code: 'conflict', key: 'device.teleported', params: {}, message: 'Das Gerät wurde teleportiert.' }],
    ['no key (an older server)', { code: 'conflict', message: 'Das Gerät wurde teleportiert.' }],
    ['parameters it cannot word', { code: 'reading_refused', key: 'reading.refused', params: {}, message: 'Das Gerät wurde teleportiert.' }],
  ])('shows the server’s message for %s', (_case, error) => {
    expect(apiErrorText(error, 'fr')).toBe('Das Gerät wurde teleportiert.');
  });

  it('says a lost connection in the person’s language, not the browser’s', () => {
    expect(apiErrorText({ code: 'offline', message: 'Failed to fetch' }, 'it')).toBe('Nessuna connessione al server. Controlla la rete.');
  });

  it('words a failure on the server’s side that came without a key (a proxy’s 502)', () => {
    expect(apiErrorText({ code: 'internal', message: 'HTTP 502' }, 'de')).toBe(errorMessage('server.internal', {}, 'de'));
  });

  it('marks catalogue texts for the pseudo-locale, and only those', () => {
    enablePseudoLocale(true);
    expect(apiErrorText(serialTaken, 'en')).toBe(`⟦${serialTaken.message}⟧`);
    expect(apiErrorText({ code: 'conflict', message: 'raw' }, 'en')).toBe('raw');
  });
});
