import type { DiscoveryReport, SnmpCredential } from '@parc/shared/contracts/agents';
import { DeviceRegistry } from '../discovery/registry.ts';
import { scan, type ScanOptions } from '../discovery/scan.ts';
import type { AgentPaths } from '../config/paths.ts';
import { loadDevices, loadState } from '../config/store.ts';

export type ScanCommandOptions = {
  paths: AgentPaths;
  ranges: string[];
  communities: string[];
  timeoutMs?: number;
  port?: number;
  concurrency?: number;
  probeConcurrency?: number;
  now: () => Date;
  newId: () => string;
  out: (line: string) => void;
  progress: (line: string) => void;
  report?: (report: DiscoveryReport) => Promise<void>;
};

const PROGRESS_EVERY_MS = 1_000;

/**
 * One discovery now, printed. Ranges and credentials come from the command line, else from the
 * config the server last gave. devices.json is left to the daemon (the only writer); "new" here
 * means unknown to it.
 */
export async function scanCommand(options: ScanCommandOptions): Promise<number> {
  const config = loadState(options.paths).config;
  const ranges = options.ranges.length > 0 ? options.ranges : (config?.ranges ?? []);
  const credentials: SnmpCredential[] =
    options.communities.length > 0 ? options.communities.map((community) => ({ version: '2c', community })) : (config?.credentials ?? [{ version: '2c', community: 'public' }]);
  if (ranges.length === 0) {
    options.out('No range to scan: give --range 192.168.1.0/24 (or set ranges in the console and let the agent fetch them).');
    return 2;
  }
  const registry = new DeviceRegistry(loadDevices(options.paths), options.newId);
  let lastProgress = 0;
  const started = performance.now();
  const scanOptions: ScanOptions = {
    ranges,
    credentials,
    timeoutMs: options.timeoutMs ?? config?.timeoutMs ?? 1000,
    registry,
    scanId: options.newId(),
    now: options.now,
    port: options.port,
    concurrency: options.concurrency,
    probeConcurrency: options.probeConcurrency,
    onProgress: ({ probed, total, found }) => {
      if (probed < total && performance.now() - lastProgress < PROGRESS_EVERY_MS) return;
      lastProgress = performance.now();
      options.progress(`probed ${probed}/${total} hosts, ${found} printer(s) so far`);
    },
  };
  const { report, devices, newDevices } = await scan(scanOptions);
  const newKeys = new Set(newDevices.map((device) => device.deviceKey));
  options.out(`${devices.length} printer(s) in ${((performance.now() - started) / 1000).toFixed(1)} s on ${ranges.join(', ')}:`);
  for (const device of devices)
    options.out(
      `  ${device.ips.join(', ').padEnd(16)} ${`${device.manufacturer ?? '?'} ${device.model ?? '?'}`.padEnd(32)} serial ${device.serial ?? '?'}  mac ${device.mac ?? '?'}${newKeys.has(device.deviceKey) ? '  (new)' : ''}`,
    );
  if (report.failures.length > 0) {
    options.out('no data from:');
    for (const failure of report.failures) options.out(`  ${failure.ip.padEnd(16)} ${failure.reason}: ${failure.message}`);
  }
  if (options.report)
    await options.report(report).then(
      () => options.out('Reported to the server.'),
      (error: Error) => options.out(`Not reported to the server: ${error.message}`),
    );
  return 0;
}
