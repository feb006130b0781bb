/** How net-snmp's errors become the reasons a scan reports (the real exchanges are in v3.integration.test.ts). */
import { describe, expect, it } from 'vitest';
import { classifyError, type Credentials } from './session.ts';

const V2C: Credentials = { version: '2c', community: 'public' };
const V3: Credentials = { version: '3', user: 'parc', authProtocol: 'sha', authKey: 'auth-secret', privProtocol: 'aes', privKey: 'priv-secret', context: 'printer' };
const error = (name: string, message: string) => Object.assign(new Error(message), { name });
const TIMEOUT = error('RequestTimedOutError', 'Request timed out');

describe('classifyError', () => {
  it.each([
    ['v2c silence', TIMEOUT, V2C, false, 'timeout'],
    ['v3 silence before any engine discovery answer', TIMEOUT, V3, false, 'timeout'],
    ['v3 silence after the engine discovery was answered', TIMEOUT, V3, true, 'missing_context'],
    ['a usmStatsWrongDigests report', error('ResponseInvalidError', 'Wrong Digest (incorrect password, community or key)'), V3, true, 'v3_auth_failure'],
    ['a report signed with a key our password does not give', error('ResponseInvalidError', 'Authentication digest 1eee received in message does not match digest 3027 calculated for message'), V3, true, 'v3_auth_failure'],
    ['a usmStatsDecryptionErrors report', error('ResponseInvalidError', 'Decryption Error'), V3, true, 'v3_privacy_failure'],
    ['a usmStatsUnknownUserNames report', error('ResponseInvalidError', 'Unknown User Name'), V3, true, 'v3_unknown_user'],
    ['a snmpUnknownContexts report', error('ResponseInvalidError', 'Unexpected Report PDU'), V3, true, 'missing_context'],
    ['anything else', error('RequestFailedError', 'genErr'), V3, true, 'snmp_error'],
  ] as const)('%s → %s', (_case, raw, credentials, engineKnown, reason) => {
    expect(classifyError(raw, credentials, engineKnown).reason).toBe(reason);
  });
});
