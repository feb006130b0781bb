import type { Session } from 'net-snmp';
import type { Varbind } from '../walk/varbind.ts';
import { get, getNext, openSession, SnmpFailure, walkSubtree, type Credentials, type Target } from './session.ts';

/** What to ask a host that answered the probe (decided by the caller from the probe's answer). */
export type IdentityPlan = { get: string[]; next: string[]; walk: string[] };

export type IdentifiedHost = { credentialIndex: number; varbinds: Varbind[] };

/** Runs the identification requests of a host that answered; lets the caller bound how many run at once. */
export type Gate = <T>(work: () => Promise<T>) => Promise<T>;
const OPEN_GATE: Gate = (work) => work();

type ProbeOutcome = { ok: true; varbinds: Varbind[] } | { ok: false; failure: SnmpFailure };

/**
 * Identifies one host without a full read. Every credential is probed at once (one small GET each),
 * so a dead host or a wrong community costs one timeout however long the list is; the answer kept
 * is still the first credential in list order that works. Throws the most telling SnmpFailure.
 */
export async function identifyHost(
  target: Target,
  credentialsList: readonly Credentials[],
  probeOids: string[],
  plan: (probe: Varbind[]) => IdentityPlan,
  gate: Gate = OPEN_GATE,
): Promise<IdentifiedHost> {
  const sessions = credentialsList.map((credentials) => {
    const session = openSession(target, credentials);
    session.on('error', () => undefined); // socket errors surface through the request callbacks
    return session;
  });
  const open = new Set(sessions);
  const close = (session: Session) => {
    if (open.delete(session)) session.close();
  };
  try {
    const probes = sessions.map((session, i) =>
      get(session, probeOids, credentialsList[i] as Credentials).then(
        (varbinds): ProbeOutcome => ({ ok: true, varbinds }),
        (failure: SnmpFailure): ProbeOutcome => ({ ok: false, failure }),
      ),
    );
    const failures: SnmpFailure[] = [];
    for (const [credentialIndex, probe] of probes.entries()) {
      const outcome = await probe;
      if (!outcome.ok) {
        failures.push(outcome.failure);
        continue;
      }
      if (outcome.varbinds.length === 0) {
        failures.push(new SnmpFailure('snmp_error', 'the device answers but has no sysDescr/sysObjectID'));
        continue;
      }
      const session = sessions[credentialIndex] as Session;
      const credentials = credentialsList[credentialIndex] as Credentials;
      for (const other of sessions) if (other !== session) close(other);
      const identityVarbinds = await gate(() => askPlan(session, credentials, plan(outcome.varbinds)));
      return { credentialIndex, varbinds: [...outcome.varbinds, ...identityVarbinds] };
    }
    throw failures.find((failure) => failure.reason !== 'timeout') ?? failures[0] ?? new SnmpFailure('snmp_error', 'no credentials to try');
  } finally {
    for (const session of sessions) close(session);
  }
}

async function askPlan(session: Session, credentials: Credentials, identityPlan: IdentityPlan): Promise<Varbind[]> {
  const varbinds: Varbind[] = [];
  if (identityPlan.get.length > 0) varbinds.push(...(await getTolerant(session, identityPlan.get, credentials)));
  // GETNEXT past the end of the MIB is an error in v1: absence, not failure.
  for (const oid of identityPlan.next) varbinds.push(...(await getNext(session, [oid], credentials).catch(() => [])));
  for (const oid of identityPlan.walk) varbinds.push(...(await walkSubtree(session, oid, credentials)));
  return varbinds;
}

/** v1 fails a whole GET when one OID is missing (noSuchName): ask those one by one. */
async function getTolerant(session: Session, oids: string[], credentials: Credentials): Promise<Varbind[]> {
  try {
    return await get(session, oids, credentials);
  } catch (error) {
    if (credentials.version !== '1' || (error as SnmpFailure).reason !== 'snmp_error') throw error;
    const each = await Promise.all(oids.map((oid) => get(session, [oid], credentials).catch(() => [])));
    return each.flat();
  }
}
