import { createHash } from 'node:crypto';
import type { SnmpCredential } from '@parc/shared/contracts/agents';

/** Pure rules of the agent module: keys, status, sample ids, credential secrets. Clock and randomness come in. */

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** Largest multiple of 26 below 256: bytes at or above it are drawn again so every letter is equally likely. */
const UNBIASED_LIMIT = 256 - (256 % LETTERS.length);

export type RandomBytes = (count: number) => Uint8Array;
export const cryptoRandomBytes: RandomBytes = (count) => crypto.getRandomValues(new Uint8Array(count));

/** An enrollment key such as WTCD-GSAL-RGHJ-QJYS: 16 uniform letters from `randomBytes` (a CSPRNG in production). */
export function newEnrollmentKey(randomBytes: RandomBytes = cryptoRandomBytes): string {
  const letters: string[] = [];
  while (letters.length < 16) {
    for (const byte of randomBytes(16 - letters.length)) {
      if (byte < UNBIASED_LIMIT && letters.length < 16) letters.push(LETTERS[byte % LETTERS.length]!);
    }
  }
  return [0, 4, 8, 12].map((start) => letters.slice(start, start + 4).join('')).join('-');
}

/**
 * The reading clientId for one counter of one agent sample: a name-based UUID (version 5 layout over
 * SHA-1), so a sample applied again, or attached later from "devices to add", yields the same ids.
 */
export function sampleCounterClientId(sampleId: string, counter: string): string {
  const hash = createHash('sha1').update(`parc:agent-sample:${sampleId.toLowerCase()}:${counter}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export const AGENT_STATUSES = ['new', 'connected', 'disconnected', 'ambiguous'] as const;
export type AgentStatus = (typeof AGENT_STATUSES)[number];

export const MIN_DISCONNECTED_MINUTES = 30;

/** Silence after which an agent counts as disconnected: the agent's own setting, else twice its alerts interval (at least 30 min). */
export function disconnectedAfterMinutes(agent: { disconnectedAfterMinutes: number | null; alertsMinutes: number; inspectionMinutes: number }): number {
  if (agent.disconnectedAfterMinutes !== null) return agent.disconnectedAfterMinutes;
  // Alerts switched off: the next most frequent schedule says how often the agent should be busy.
  const interval = agent.alertsMinutes || agent.inspectionMinutes;
  return Math.max(MIN_DISCONNECTED_MINUTES, 2 * interval);
}

export interface ContactPeriod {
  firstSeenAt: Date;
  lastSeenAt: Date;
}

export interface StatusInput {
  hasLiveCredential: boolean;
  lastContactAt: Date | null;
  /** Per source address of the live credential: when it was first and last heard from. */
  contacts: readonly ContactPeriod[];
  disconnectedAfterMinutes: number;
  now: Date;
}

/**
 * New: no live credential (never enrolled, or revoked and waiting for a new enrollment).
 * Disconnected: enrolled but silent for longer than the threshold.
 * Ambiguous: two sources used the one credential during overlapping periods within the threshold:
 * two programs (a cloned machine, a copied install) report different views of one logical agent.
 * A source replacing another (DHCP gave the PC a new address) leaves periods one after the other.
 * Connected otherwise.
 */
export function agentStatus(input: StatusInput): AgentStatus {
  if (!input.hasLiveCredential) return 'new';
  const since = input.now.getTime() - input.disconnectedAfterMinutes * 60_000;
  if (!input.lastContactAt || input.lastContactAt.getTime() < since) return 'disconnected';
  const recent = input.contacts.filter((contact) => contact.lastSeenAt.getTime() >= since);
  const overlapping = recent.some((a, i) => recent.some((b, j) => i < j && a.firstSeenAt < b.lastSeenAt && b.firstSeenAt < a.lastSeenAt));
  return overlapping ? 'ambiguous' : 'connected';
}

/** What the console shows of an SNMP credential: v3 secrets only as set / not set. */
export type MaskedSnmpCredential =
  | Extract<SnmpCredential, { version: '1' | '2c' }>
  | (Omit<Extract<SnmpCredential, { version: '3' }>, 'authKey' | 'privKey'> & { authKey: 'set' | 'not set'; privKey: 'set' | 'not set' });

export function maskCredential(credential: SnmpCredential): MaskedSnmpCredential {
  if (credential.version !== '3') return credential;
  const { authKey, privKey, ...rest } = credential;
  return { ...rest, authKey: authKey ? 'set' : 'not set', privKey: privKey ? 'set' : 'not set' };
}

/**
 * A changed credential list as the console sends it back: it never had the v3 secrets, so a v3
 * entry without a key keeps the key stored for the same user and context.
 */
export function mergeCredentials(stored: readonly SnmpCredential[], next: readonly SnmpCredential[]): SnmpCredential[] {
  return next.map((credential) => {
    if (credential.version !== '3') return credential;
    const previous = stored.find(
      (old): old is Extract<SnmpCredential, { version: '3' }> => old.version === '3' && old.user === credential.user && (old.context ?? '') === (credential.context ?? ''),
    );
    return {
      ...credential,
      authKey: credential.authKey ?? previous?.authKey,
      privKey: credential.privKey ?? previous?.privKey,
    };
  });
}

/** Serials compare without case or surrounding spaces: people type "cnb1234" for "CNB1234". */
export const serialKey = (serial: string) => serial.trim().toUpperCase();

/** A MAC as the devices API stores it (00:1B:44:11:3A:B7), or null when it is not one. */
export function normaliseMac(mac: string | null): string | null {
  if (!mac) return null;
  const hex = mac.replace(/[^0-9a-fA-F]/g, '');
  return hex.length === 12 ? hex.toUpperCase().match(/../g)!.join(':') : null;
}
