// The SNMP agent against snmpsimd (Debian's snmpsim) serving real printer walks on loopback:
//  1. reading one printer fully: the agent's readPrinter against `snmpbulkwalk -v2c` of the same subtrees
//     (one snmpbulkwalk per subtree, as a person would run them), same printer, same run;
//  2. scanning a /24 holding 30 printers at a 1 s timeout (FMAudit's formula: about 13 s);
//  3. scanning a /16 with a few printers at 1 s (FMAudit: 54 min), with the agent's peak memory (VmHWM).
// Scans run the single-file build (dist/parc-agent.mjs) as a child process, as a site would.
// BENCH_QUICK=1 skips the /16 (about 2 minutes).
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseWalk } from '../agent/src/walk/index.ts';
import { readPrinter, STANDARD_SUBTREES } from '../agent/src/snmp/read-printer.ts';
import { BUILTIN_RECIPES, detectVendor } from '../agent/src/readings/recipes.ts';
import { VarbindIndex } from '../agent/src/readings/varbind-index.ts';
import { liveAgentWalks, perEndpoint, randomPort, snmpsimAvailable, snmpsimSkipReason, startSnmpsim, WALKS_DIR } from '../agent/src/test/snmpsim.ts';

if (!snmpsimAvailable) {
  console.log(`agent bench SKIPPED: ${snmpsimSkipReason}`);
  process.exit(0);
}
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const AGENT = path.join(repoRoot, 'agent/dist/parc-agent.mjs');
const port = randomPort();
/** An unenrolled agent's folder: the scans use the command line's range and community only. */
const configDir = mkdtempSync(path.join(tmpdir(), 'parc-agent-bench-'));
process.on('exit', () => rmSync(configDir, { recursive: true, force: true }));
const READ_ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const ms = (started: number) => performance.now() - started;

execFileSync('npm', ['run', 'build', '-w', '@parc/agent'], { cwd: repoRoot, stdio: 'ignore' });
const walks = liveAgentWalks();

// --- 1. One printer, agent vs snmpbulkwalk -------------------------------------------------------------
const READ_WALKS = ['ricoh_aficio-mp-c3002.snmprec', 'kyocera_ecosys-pa4000wx.snmprec', 'epson_wf-c17590.snmprec'];
const readHost = (index: number) => `127.79.0.${index + 1}`;
const readSim = await startSnmpsim({
  endpoints: READ_WALKS.map((_, index) => `${readHost(index)}:${port}`),
  files: Object.fromEntries(READ_WALKS.map((walk, index) => [perEndpoint('public', index), path.join(WALKS_DIR, walk)])),
  ready: () => readPrinter({ host: readHost(0), port, timeoutMs: 300, retries: 0 }, { version: '2c', community: 'public' }),
});
const readRows = [];
for (const [index, walk] of READ_WALKS.entries()) {
  const target = { host: readHost(index), port, timeoutMs: 3000, retries: 1 };
  const vendor = detectVendor(new VarbindIndex(parseWalk(readFileSync(path.join(WALKS_DIR, walk), 'utf8')).varbinds), BUILTIN_RECIPES);
  const subtrees = [...STANDARD_SUBTREES, ...BUILTIN_RECIPES.standard.subtrees, ...(vendor?.subtrees ?? [])];
  const agentTimes: number[] = [];
  const bulkTimes: number[] = [];
  let lines = 0;
  for (let round = 0; round < READ_ROUNDS; round++) {
    let started = performance.now();
    await readPrinter(target, { version: '2c', community: 'public' });
    agentTimes.push(ms(started));
    started = performance.now();
    lines = 0;
    for (const subtree of subtrees)
      lines += execFileSync('snmpbulkwalk', ['-v2c', '-c', 'public', '-On', '-t', '3', '-r', '1', `${target.host}:${port}`, subtree], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    bulkTimes.push(ms(started));
  }
  readRows.push({
    printer: walk.replace('.snmprec', ''),
    subtrees: subtrees.length,
    'OIDs (snmpbulkwalk)': lines,
    'agent ms (median)': Math.round(median(agentTimes)),
    'snmpbulkwalk ms (median)': Math.round(median(bulkTimes)),
  });
}
readSim.stop();
console.log(`\n1. Reading one printer fully, median of ${READ_ROUNDS} (agent in-process; snmpbulkwalk: one process per subtree)`);
console.table(readRows);

// --- 2 and 3. Scans with the built agent ---------------------------------------------------------------
type ScanRun = { seconds: number; printers: number; peakRssMb: number };

/** Runs `parc-agent scan` and samples the child's VmHWM (peak resident memory) from /proc until it exits. */
async function scanWithAgent(range: string, timeoutMs: number): Promise<ScanRun> {
  const child = spawn(process.execPath, [AGENT, 'scan', '--range', range, '--community', 'public', '--timeout', String(timeoutMs), '--port', String(port), '--config-dir', configDir], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let peakKb = 0;
  const sampler = setInterval(() => {
    try {
      const hwm = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1];
      if (hwm) peakKb = Math.max(peakKb, Number(hwm));
    } catch {
      // exited between two samples
    }
  }, 100);
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  clearInterval(sampler);
  const summary = /^(\d+) printer\(s\) in ([\d.]+) s/m.exec(output);
  if (code !== 0 || !summary) throw new Error(`scan of ${range} failed (${code}):\n${output}`);
  return { printers: Number(summary[1]), seconds: Number(summary[2]), peakRssMb: Math.round(peakKb / 1024) };
}

async function scanBench(label: string, subnetPrefix: string, range: string, printerHosts: string[]): Promise<ScanRun> {
  const sim = await startSnmpsim({
    endpoints: printerHosts.map((host) => `${host}:${port}`),
    files: Object.fromEntries(printerHosts.map((_, index) => [perEndpoint('public', index), path.join(WALKS_DIR, walks[index % walks.length]!)])),
    ready: () => readPrinter({ host: printerHosts[0]!, port, timeoutMs: 300, retries: 0 }, { version: '2c', community: 'public' }),
  });
  try {
    const run = await scanWithAgent(range, 1000);
    console.log(`${label}: ${run.printers} printer(s) (of ${printerHosts.length} hosts, distinct by serial/MAC) in ${run.seconds.toFixed(2)} s, peak RSS ${run.peakRssMb} MB [${subnetPrefix}]`);
    return run;
  } finally {
    sim.stop();
  }
}

console.log('\n2. /24 with 30 simulated printers, 1 s timeout (FMAudit formula ≈ 13 s; target < 3 s)');
await scanBench('/24', '127.80.0.x', '127.80.0.0/24', Array.from({ length: 30 }, (_, index) => `127.80.0.${10 + index}`));

if (process.env.BENCH_QUICK === '1') {
  console.log('\n3. /16 skipped (BENCH_QUICK=1)');
} else {
  console.log('\n3. /16 with 5 simulated printers, 1 s timeout (FMAudit: 54 min; target < 5 min)');
  await scanBench('/16', '127.81.x.x', '127.81.0.0/16', ['127.81.0.5', '127.81.40.17', '127.81.128.2', '127.81.200.99', '127.81.255.250']);
}
