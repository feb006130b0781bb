import type { RecipeSet } from '@parc/shared/agents/recipes';
import type { DiscoveryReport, FailureReason, SnmpCredential } from '@parc/shared/contracts/agents';
import { BUILTIN_RECIPES } from '../readings/recipes.ts';
import { identifyHost, SnmpFailure, toSessionCredentials, type SnmpFailureReason } from '../snmp/index.ts';
import { hostsOf, parseRanges } from './cidr.ts';
import { createLimit } from './limit.ts';
import { PRINTER_PORT, printerPortOpen } from './printer-port.ts';
import { identifyFromVarbinds, identityPlan, PROBE_OIDS, type HostIdentity } from './identify.ts';
import type { DeviceRegistry, KnownDevice } from './registry.ts';

/** Hosts being identified (GETs and small walks) at once. */
export const DEFAULT_CONCURRENCY = 64;
/**
 * Hosts being probed at once. A probe is one small datagram per credential waiting for its answer
 * or its timeout; with 64 in flight a /24 of mostly silent addresses would take 4 timeouts and a
 * /16 over 17 minutes at 1 s, so silent waits overlap much more than the identifications do.
 */
export const DEFAULT_PROBE_CONCURRENCY = 512;
export const SNMP_PORT = 161;

/** Identifies one address; throws SnmpFailure. The SNMP one by default, a fake in unit tests. */
export type HostIdentifier = (ip: string) => Promise<{ credentialIndex: number; identity: HostIdentity }>;

/** `snapshot` builds the report so far, for a console that shows a scan while it runs. */
export type ScanProgress = { probed: number; total: number; found: number; snapshot: () => DiscoveryReport };

export type ScanOptions = {
  ranges: readonly string[];
  credentials: readonly SnmpCredential[];
  timeoutMs: number;
  registry: DeviceRegistry;
  scanId: string;
  now: () => Date;
  concurrency?: number;
  probeConcurrency?: number;
  /** Printers listen on 161; tests serve simulators on a high port. */
  port?: number;
  recipes?: RecipeSet;
  identify?: HostIdentifier;
  onProgress?: (progress: ScanProgress) => void;
};

export type ScanResult = { report: DiscoveryReport; devices: KnownDevice[]; newDevices: KnownDevice[] };

const CONTRACT_REASON: Record<SnmpFailureReason, FailureReason> = {
  timeout: 'timeout',
  wrong_community: 'wrong_community',
  v3_auth_failure: 'v3_auth',
  v3_privacy_failure: 'v3_privacy',
  v3_unknown_user: 'v3_unknown_user',
  missing_context: 'missing_context',
  unknown_model: 'unknown_model',
  snmp_error: 'snmp_error',
};

export function snmpIdentifier(options: Pick<ScanOptions, 'credentials' | 'timeoutMs' | 'port' | 'recipes' | 'concurrency'>): HostIdentifier {
  const gate = createLimit(options.concurrency ?? DEFAULT_CONCURRENCY);
  const credentials = options.credentials.map(toSessionCredentials);
  const recipes = options.recipes ?? BUILTIN_RECIPES;
  return async (ip) => {
    const target = { host: ip, port: options.port ?? SNMP_PORT, timeoutMs: options.timeoutMs, retries: 0 };
    const host = await identifyHost(target, credentials, PROBE_OIDS, (probe) => identityPlan(probe, recipes), gate).catch(async (error: unknown) => {
      // SNMP v1/v2c drops a wrong community without a word; a printer port that answers tells it apart from an empty address.
      if (error instanceof SnmpFailure && error.reason === 'timeout' && (await printerPortOpen(ip, options.timeoutMs)))
        throw new SnmpFailure('wrong_community', `port ${PRINTER_PORT} answers but SNMP stayed silent to ${credentials.length} credential(s): wrong community (or SNMP switched off on the printer)`);
      throw error;
    });
    return { credentialIndex: host.credentialIndex, identity: identifyFromVarbinds(host.varbinds, recipes) };
  };
}

/**
 * One discovery over the ranges: at most `probeConcurrency` hosts probed and `concurrency`
 * identified at once; a silent host costs one timeout, whatever the number of credentials. A silent address is only a failure when a known printer used
 * it; anything that answered but gave no data says why.
 */
export async function scan(options: ScanOptions): Promise<ScanResult> {
  const { ranges, total } = parseRanges(options.ranges);
  const identify = options.identify ?? snmpIdentifier(options);
  const startedAt = options.now().toISOString();
  const found = new Map<string, { device: KnownDevice; isNew: boolean }>();
  const failures: DiscoveryReport['failures'] = [];
  let probed = 0;

  const report = (finishedAt: string | null): DiscoveryReport => ({
    scanId: options.scanId,
    startedAt,
    finishedAt,
    progress: { probed, total },
    found: [...found.values()].map(({ device: { ip, serial, mac, manufacturer, model } }) => ({ ip, serial, mac, manufacturer, model })),
    failures: [...failures],
  });

  const probe = async (ip: string) => {
    try {
      const { credentialIndex, identity } = await identify(ip);
      if (!identity.isPrinter) {
        failures.push({ ip, reason: 'unknown_model', message: `answers SNMP but does not look like a printer: ${identity.sysDescr ?? 'no sysDescr'}` });
        return;
      }
      const sighting = { ...identity, ip, credentialIndex };
      const seen = options.registry.sight(sighting, options.now().toISOString());
      const earlier = found.get(seen.device.deviceKey);
      found.set(seen.device.deviceKey, { device: seen.device, isNew: (earlier?.isNew ?? false) || seen.isNew });
    } catch (error) {
      if (!(error instanceof SnmpFailure)) throw error;
      if (error.reason !== 'timeout' || options.registry.byIp(ip)) failures.push({ ip, reason: CONTRACT_REASON[error.reason], message: error.message });
    } finally {
      probed++;
      options.onProgress?.({ probed, total, found: found.size, snapshot: () => report(null) });
    }
  };

  const hosts = hostsOf(ranges);
  const worker = async () => {
    for (let next = hosts.next(); !next.done; next = hosts.next()) await probe(next.value);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.probeConcurrency ?? DEFAULT_PROBE_CONCURRENCY, total)) }, worker));

  return {
    report: report(options.now().toISOString()),
    devices: [...found.values()].map((entry) => entry.device),
    newDevices: [...found.values()].filter((entry) => entry.isNew).map((entry) => entry.device),
  };
}
