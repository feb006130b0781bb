/**
 * Test helper: serves snmprec files over real SNMP with Debian's snmpsimd.
 * snmpsimd picks the data file from the community and the endpoint it was asked on:
 * `<community>.snmprec` answers everywhere, `<community>/1.3.6.1.6.1.1.<n>.snmprec` only on the n-th endpoint
 * (that choice by endpoint needs snmpsimd's v2c architecture, which then serves v1/v2c only).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const WALKS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..', '../shared/snmp-walks/walks');
const hasSnmpsim = spawnSync('sh', ['-c', 'command -v snmpsimd'], { encoding: 'utf8' }).status === 0;
/**
 * In CI the walks (../shared beside the clone) and snmpsimd must be there: a test over them then
 * fails instead of skipping, so a missing folder or package cannot pass as green.
 */
export const WALKS_REQUIRED = Boolean(process.env.CI);
export const snmpsimAvailable = hasSnmpsim && existsSync(WALKS_DIR);
/** Skip only outside CI: in CI a missing walk folder or snmpsimd makes the tests fail. */
export const skipWithoutSnmpsim = !snmpsimAvailable && !WALKS_REQUIRED;
export const snmpsimSkipReason = hasSnmpsim ? `no walks at ${WALKS_DIR}` : 'snmpsimd not installed (apt-get install snmpsim)';

const SYS_DESCR_LINE = /^1\.3\.6\.1\.2\.1\.1\.1\.0\|/m;

/**
 * The walk files (relative to WALKS_DIR) of whole agents: a few Brother fixtures hold only the vendor
 * OIDs, no system group, and no real printer answers like that.
 */
export function liveAgentWalks(extra: readonly string[] = []): string[] {
  if (!existsSync(WALKS_DIR)) return [];
  return [...readdirSync(WALKS_DIR), ...extra].filter((file) => file.endsWith('.snmprec') && SYS_DESCR_LINE.test(readFileSync(path.join(WALKS_DIR, file), 'utf8')));
}

export function randomPort(): number {
  return 20000 + Math.floor(Math.random() * 20000);
}

/** Data file path (below the data dir, without .snmprec) that answers `community` only on endpoint `endpointIndex`. */
export function perEndpoint(community: string, endpointIndex: number): string {
  return `${community}/1.3.6.1.6.1.1.${endpointIndex}`;
}

export type SnmpsimOptions = {
  /** host:port, in order: the n-th one is endpoint n. */
  endpoints: string[];
  /** data file path (without .snmprec) → snmprec file to copy there, or `{ text }` to write. */
  files: Record<string, string | { text: string }>;
  /** Resolves once snmpsimd answers (it indexes its files first); polled for up to 20 s. */
  ready: () => Promise<unknown>;
  /** More snmpsimd options, e.g. an SNMPv3 user (`--v3-user`, `--v3-auth-key`…). */
  args?: string[];
};

export type Snmpsim = { stop: () => void };

export async function startSnmpsim(options: SnmpsimOptions): Promise<Snmpsim> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'parc-snmpsim-'));
  // snmpsimd drops to `nobody`: folders (mkdtemp makes them 0700) and files must be world-readable.
  chmodSync(dataDir, 0o755);
  for (const [name, source] of Object.entries(options.files)) {
    const target = path.join(dataDir, `${name}.snmprec`);
    for (let dir = path.dirname(target); dir !== dataDir && !existsSync(dir); dir = path.dirname(dir)) mkdirSync(dir, { recursive: true, mode: 0o755 });
    if (typeof source === 'string') copyFileSync(source, target);
    else writeFileSync(target, source.text);
    chmodSync(target, 0o644);
  }
  const server: ChildProcess = spawn(
    'snmpsimd',
    [
      ...(Object.keys(options.files).some((name) => name.includes('/')) ? ['--v2c-arch'] : []),
      `--data-dir=${dataDir}`,
      ...options.endpoints.map((endpoint) => `--agent-udpv4-endpoint=${endpoint}`), '--process-user=nobody',
      '--process-group=nogroup',
      ...(options.args ?? []),
    ],
    { stdio: 'ignore' },
  );
  const stop = () => {
    server.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const started = Date.now();
  for (;;) {
    try {
      await options.ready();
      break;
    } catch (error) {
      if (Date.now() - started > 20_000) {
        stop();
        throw new Error(`snmpsimd not ready after 20 s: ${(error as Error).message}`);
      }
    }
  }
  console.log(`[snmpsim] ready after ${Date.now() - started} ms`);
  return { stop };
}
