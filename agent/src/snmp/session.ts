import snmp, { type RawVarbind, type Session } from 'net-snmp';
import type { Varbind } from '../walk/varbind.ts';

/** How to reach a printer. */
export type Target = { host: string; port: number; timeoutMs: number; retries: number };

export type Credentials =
  | { version: '1' | '2c'; community: string }
  | {
      version: '3';
      user: string;
      authProtocol?: 'md5' | 'sha' | 'sha224' | 'sha256' | 'sha384' | 'sha512';
      authKey?: string;
      privProtocol?: 'des' | 'aes' | 'aes256b' | 'aes256r';
      privKey?: string;
      context?: string;
    };

/**
 * Why a read failed, for the person looking at the console. A v1/v2c agent drops requests with
 * the wrong community without a word, so "wrong community" cannot be told apart from "nothing
 * there": both come back as `timeout` (the message says so).
 */
/** `wrong_community`: silent to every credential while a printer port answers (decided by discovery, not by a session). */
export type SnmpFailureReason = 'timeout' | 'wrong_community' | 'v3_auth_failure' | 'v3_privacy_failure' | 'v3_unknown_user' | 'missing_context' | 'unknown_model' | 'snmp_error';

export class SnmpFailure extends Error {
  constructor(
    readonly reason: SnmpFailureReason,
    message: string,
  ) {
    super(message);
    this.name = 'SnmpFailure';
  }
}

/**
 * `engineKnown`: the v3 engine discovery was answered, so something SNMPv3 listens there. A request
 * that then goes unanswered with the right password was dropped for its context: RFC 3413 agents
 * answer an unknown context with a snmpUnknownContexts report, others (snmpsim, some printers) say nothing.
 */
export function classifyError(error: Error, credentials: Credentials, engineKnown = false): SnmpFailure {
  const text = `${error.name} ${error.message}`;
  if (/RequestTimedOut/i.test(text) && credentials.version === '3' && engineKnown)
    return new SnmpFailure(
      'missing_context',
      `the printer answers SNMPv3 but ignored the request in context "${credentials.context ?? ''}": the context name is missing or wrong (or the privacy password is)`,
    );
  if (/RequestTimedOut/i.test(text))
    return new SnmpFailure(
      'timeout',
      credentials.version === '3'
        ? 'no answer: host down, SNMP disabled, or a firewall'
        : 'no answer: host down, SNMP disabled, a firewall, or a wrong community (v1/v2c agents ignore those silently)',
    );
  // A usmStatsWrongDigests report, or an answer signed with a key our password does not give.
  if (/Wrong Digest|does not match digest/i.test(text)) return new SnmpFailure('v3_auth_failure', 'SNMPv3 authentication failed: wrong auth password or protocol');
  if (/Decryption Error/i.test(text)) return new SnmpFailure('v3_privacy_failure', 'SNMPv3 privacy failed: wrong privacy password or protocol');
  if (/Unknown User Name/i.test(text)) return new SnmpFailure('v3_unknown_user', 'SNMPv3 user unknown to the printer');
  if (/Unsupported Security Level/i.test(text)) return new SnmpFailure('v3_auth_failure', 'SNMPv3 security level not accepted for this user');
  // snmpUnknownContexts comes back as a report net-snmp does not name.
  if (credentials.version === '3' && /Unexpected Report/i.test(text))
    return new SnmpFailure('missing_context', 'SNMPv3 request refused: the context name is missing or wrong');
  return new SnmpFailure('snmp_error', error.message);
}

export function openSession(target: Target, credentials: Credentials): Session {
  const options = { port: target.port, timeout: target.timeoutMs, retries: target.retries };
  if (credentials.version !== '3')
    return snmp.createSession(target.host, credentials.community, {
      ...options,
      version: credentials.version === '1' ? snmp.Version1 : snmp.Version2c,
    });
  const level = credentials.privKey ? snmp.SecurityLevel.authPriv : credentials.authKey ? snmp.SecurityLevel.authNoPriv : snmp.SecurityLevel.noAuthNoPriv;
  return snmp.createV3Session(
    target.host,
    {
      name: credentials.user,
      level,
      authProtocol: snmp.AuthProtocols[credentials.authProtocol ?? 'sha'],
      authKey: credentials.authKey,
      privProtocol: snmp.PrivProtocols[credentials.privProtocol ?? 'aes'],
      privKey: credentials.privKey,
    },
    { ...options, context: credentials.context ?? '' },
  );
}

/** Whether a v3 session has learnt the printer's engine ID (net-snmp keeps it after discovery). */
function engineKnown(session: Session): boolean {
  return (session.msgSecurityParameters?.msgAuthoritativeEngineID?.length ?? 0) > 0;
}

/** net-snmp varbind → our Varbind; error varbinds (noSuchObject…) are dropped. */
export function toVarbind(raw: RawVarbind): Varbind | undefined {
  if (snmp.isVarbindError(raw)) return undefined;
  const oid = raw.oid;
  const types = snmp.ObjectType;
  switch (raw.type) {
    case types.Integer:
      return { oid, type: 'integer', value: Number(raw.value) };
    case types.Counter:
      return { oid, type: 'counter32', value: Number(raw.value) };
    case types.Gauge:
      return { oid, type: 'gauge32', value: Number(raw.value) };
    case types.TimeTicks:
      return { oid, type: 'timeticks', value: Number(raw.value) };
    case types.Counter64:
      return { oid, type: 'counter64', value: bufferToNumber(raw.value) };
    case types.OctetString:
    case types.Opaque:
      return { oid, type: 'octets', value: new Uint8Array(raw.value as Buffer) };
    case types.OID:
      return { oid, type: 'oid', value: String(raw.value) };
    case types.IpAddress:
      return { oid, type: 'ip', value: String(raw.value) };
    default:
      return { oid, type: 'null', value: null };
  }
}

function bufferToNumber(value: unknown): number {
  if (typeof value === 'number' || typeof value === 'bigint') return Number(value);
  return [...(value as Buffer)].reduce((total, byte) => total * 256 + byte, 0);
}

export function get(session: Session, oids: string[], credentials: Credentials): Promise<Varbind[]> {
  return new Promise((resolve, reject) =>
    session.get(oids, (error, varbinds) => {
      if (error) reject(classifyError(error, credentials, engineKnown(session)));
      else resolve(varbinds.map(toVarbind).filter((varbind): varbind is Varbind => varbind !== undefined));
    }),
  );
}

export function getNext(session: Session, oids: string[], credentials: Credentials): Promise<Varbind[]> {
  return new Promise((resolve, reject) =>
    session.getNext(oids, (error, varbinds) => {
      if (error) reject(classifyError(error, credentials, engineKnown(session)));
      else resolve(varbinds.map(toVarbind).filter((varbind): varbind is Varbind => varbind !== undefined));
    }),
  );
}

export function walkSubtree(session: Session, oid: string, credentials: Credentials): Promise<Varbind[]> {
  const collected: Varbind[] = [];
  return new Promise((resolve, reject) =>
    session.subtree(
      oid,
      20,
      (varbinds) => {
        for (const raw of varbinds) {
          const varbind = toVarbind(raw);
          if (varbind) collected.push(varbind);
        }
      },
      (error) => (error ? reject(classifyError(error, credentials, engineKnown(session))) : resolve(collected)),
    ),
  );
}
