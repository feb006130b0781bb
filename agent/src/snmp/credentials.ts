import type { SnmpCredential } from '@parc/shared/contracts/agents';
import type { Credentials } from './session.ts';

/** The console's credential (protocols may be "none") → what a session needs. */
export function toSessionCredentials(credential: SnmpCredential): Credentials {
  if (credential.version !== '3') return credential;
  const auth = credential.authProtocol === 'none' ? undefined : credential.authProtocol;
  const priv = auth && credential.privProtocol !== 'none' ? credential.privProtocol : undefined;
  return {
    version: '3',
    user: credential.user,
    authProtocol: auth,
    authKey: auth ? credential.authKey : undefined,
    privProtocol: priv,
    privKey: priv ? credential.privKey : undefined,
    context: credential.context,
  };
}
