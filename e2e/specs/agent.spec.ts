/**
 * The SNMP agent against the real backend: the real `parc-agent` CLI in child processes, ten real printer
 * walks served by snmpsimd on a /24 of 127.x addresses, and one host whose SNMP community is not ours.
 * Enrollment, discovery into "devices to add", assignment, readings, the backend down and back (journal
 * drained, nothing lost, nothing doubled), revocation and re-enrollment.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perEndpoint, randomPort, snmpsimAvailable, snmpsimSkipReason, startSnmpsim, WALKS_DIR, type Snmpsim } from '../../agent/src/test/snmpsim.ts';
import { tempDir } from '../../agent/src/test/temp-dir.ts';
import { demoAdmin, sessionCookie } from '../support/accounts.ts';
import { startServer, type RunningServer } from '../support/server.ts';

if (!snmpsimAvailable) console.warn(`[agent e2e] SKIPPED: ${snmpsimSkipReason}`);

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
/** The agent as a site gets it: the single-file build, downloaded from the server, run by plain node. */
const site = mkdtempSync(path.join(tmpdir(), 'parc-agent-site-'));
const AGENT_CLI = path.join(site, 'parc-agent.mjs');
const REVOKED = "This agent's credential was revoked by your dealer";

/** Walk file → serial and model as the walks' source projects state them (../shared/snmp-walks/expected.json). */
const PRINTERS = [
  { walk: 'brother_mfc-l2710dw', serial: '000A5J431816', model: 'MFC-L2710DW' },
  { walk: 'dell_s5830dn', serial: '7XQ1R92-132-13', model: 'Dell S5830dn' },
  { walk: 'fujifilm_apeospro-c810', serial: 'TC101630131338', model: 'ApeosPro C810' },
  { walk: 'hp_laserjet-mfp-m129-m134', serial: 'VNCRC48198', model: 'LaserJet MFP M129-M134' },
  { walk: 'ricoh_aficio-mp-c3002', serial: 'W492KB03439', model: 'Aficio MP C3002' },
  { walk: 'utax_p-4532dn', serial: 'R9L0309954', model: 'P-4532DN' },
  { walk: 'brother_hl-l8260cdw', serial: 'U64641E7J134163', model: 'HL-L8260CDW' },
  { walk: 'kyocera_ecosys-pa4000wx', serial: '1AP5407021', model: 'ECOSYS PA4000wx' },
  { walk: 'epson_st-m3000', serial: 'X5UJ001424', model: 'ST-M3000' },
  { walk: 'epson_wf-c17590', serial: 'X59F000014', model: 'WF-C17590' },
];
const ASSIGNED = PRINTERS[4]!; // the Ricoh: total, colour and black counters
const SUBNET = `127.78.${1 + Math.floor(Math.random() * 250)}`;
const ipOf = (index: number) => `${SUBNET}.${index + 1}`;
/** Answers SNMP only to another community, and has its printing port open: "wrong community". */
const STRANGER_IP = `${SUBNET}.20`;
const snmpPort = randomPort();

type Run = { code: number | null; stdout: string; stderr: string };

function agentCli(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [AGENT_CLI, ...args], { cwd: site, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 40_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out after ${timeoutMs / 1000}s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type Pending = { id: string; serial: string; model: string | null; agentId: string | null; latestCounters: Record<string, number | null> | null };
type Reading = { counterKind: string; value: number; takenAt: string; source: string; enteredBy: string };

describe.skipIf(!snmpsimAvailable)('parc-agent against the real backend', () => {
  let server: RunningServer;
  let snmpsim: Snmpsim | undefined;
  let printerPort: Server | undefined;
  let cookie = '';

  async function api<T>(route: string, init: { method?: string; body?: unknown } = {}, expected = 200): Promise<T> {
    const response = await fetch(`${server.baseURL}/api${route}`, {
      method: init.method ?? 'GET',
      headers: { cookie, ...(init.body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    });
    const text = await response.text();
    if (response.status !== expected) throw new Error(`${init.method ?? 'GET'} ${route} answered ${response.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  beforeAll(async () => {
    execFileSync('npm', ['run', 'build', '-w', '@parc/agent'], { cwd: repoRoot, stdio: 'pipe' });
    server = await startServer();
    const download = await fetch(`${server.baseURL}/downloads/parc-agent.mjs`);
    expect(download.status).toBe(200);
    writeFileSync(AGENT_CLI, Buffer.from(await download.arrayBuffer()));
    const endpoints = [...PRINTERS.map((_, index) => `${ipOf(index)}:${snmpPort}`), `${STRANGER_IP}:${snmpPort}`];
    snmpsim = await startSnmpsim({
      endpoints,
      files: {
        ...Object.fromEntries(PRINTERS.map((printer, index) => [perEndpoint('public', index), path.join(WALKS_DIR, `${printer.walk}.snmprec`)])),
        [perEndpoint('not-yours', PRINTERS.length)]: path.join(WALKS_DIR, `${PRINTERS[0]!.walk}.snmprec`),
      },
      ready: async () => {
        const run = await agentCli(['read', `${ipOf(0)}:${snmpPort}`, '--timeout', '500', '--retries', '0', '--json']);
        if (run.code !== 0) throw new Error(run.stderr);
      },
    });
    printerPort = createServer((socket) => socket.end());
    await new Promise<void>((resolve) => printerPort!.listen(9100, STRANGER_IP, resolve));
    cookie = await sessionCookie(server.baseURL, demoAdmin);
  }, 120_000);

  afterAll(async () => {
    snmpsim?.stop();
    printerPort?.close();
    await server?.stop();
    rmSync(site, { recursive: true, force: true });
  });

  it('enrolls, finds and reads the printers, survives the backend going away, and obeys a revocation', async () => {
    const configDir = tempDir('parc-agent-e2e-');
    const { items: customers } = await api<{ items: { id: string; name: string }[] }>('/customers?pageSize=5');
    const customer = customers[0]!;
    const agent = await api<{ id: string; key: string }>(`/customers/${customer.id}/agents`, { method: 'POST', body: { name: 'Site agent (e2e)' } }, 201);
    expect(agent.key).toMatch(/^[A-Z]{4}-[A-Z]{4}-[A-Z]{4}-[A-Z]{4}$/);
    await api(`/agents/${agent.id}`, { method: 'PATCH', body: { ranges: [`${SUBNET}.0/24`], credentials: [{ version: '2c', community: 'public' }], timeoutMs: 700 } });

    const enrolled = await agentCli(['enroll', '--server', server.baseURL, '--key', agent.key, '--config-dir', configDir]);
    expect(enrolled, enrolled.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining(`as agent ${agent.id}`) });

    // The daemon: "scan on first connection", then the printers it found are read at once.
    const daemon = spawn(process.execPath, [AGENT_CLI, 'run', '--config-dir', configDir, '--port', String(snmpPort)], { cwd: site, stdio: ['ignore', 'pipe', 'pipe'] });
    let daemonOutput = '';
    daemon.stdout.on('data', (chunk: Buffer) => (daemonOutput += chunk.toString()));
    daemon.stderr.on('data', (chunk: Buffer) => (daemonOutput += chunk.toString()));
    const daemonExit = new Promise<number | null>((resolve) => daemon.once('exit', resolve));
    let pending: Pending[];
    try {
      pending = await until('every printer in "devices to add" with the counters of a first inspection', async () => {
        const { items } = await api<{ items: Pending[] }>(`/devices/pending?customerId=${customer.id}`);
        const ours = items.filter((item) => item.agentId === agent.id);
        return ours.length === PRINTERS.length && ours.every((item) => item.latestCounters !== null) && ours;
      });
    } catch (error) {
      throw new Error(`${(error as Error).message}\nagent output:\n${daemonOutput}`);
    } finally {
      daemon.kill('SIGTERM');
    }
    expect(await daemonExit).toBe(0);
    expect(pending.map(({ serial, model }) => ({ serial, model })).sort((a, b) => a.serial.localeCompare(b.serial))).toEqual(
      PRINTERS.map(({ serial, model }) => ({ serial, model })).sort((a, b) => a.serial.localeCompare(b.serial)),
    );

    // "Why no data?" reaches the console.
    const { items: runs } = await api<{ items: { finishedAt: string | null; found: unknown[]; failures: { ip: string; reason: string }[] }[] }>(`/agents/${agent.id}/discovery`);
    const finished = runs.find((run) => run.finishedAt !== null);
    expect(finished?.found).toHaveLength(PRINTERS.length);
    expect(finished?.failures).toEqual([expect.objectContaining({ ip: STRANGER_IP, reason: expect.stringMatching(/^(wrong_community|timeout)$/) })]);

    // Assigned, the Ricoh becomes a device with the counters the agent read.
    const ricoh = pending.find((item) => item.serial === ASSIGNED.serial)!;
    const device = await api<{ id: string }>(`/devices/pending/${ricoh.id}/assign`, { method: 'POST', body: {} }, 201);
    const readings = async () => (await api<{ items: Reading[]; total: number }>(`/devices/${device.id}/readings?pageSize=200`)).items;
    const first = await readings();
    expect(first.length).toBeGreaterThan(0);
    expect(first.every((reading) => reading.source === 'agent')).toBe(true);
    expect(first.find((reading) => reading.counterKind === 'total')?.value).toBe(ricoh.latestCounters?.total);

    const inspect = () => agentCli(['inspect', '--config-dir', configDir, '--port', String(snmpPort)]);
    const online = await inspect();
    expect(online, online.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining(`read ${PRINTERS.length} printer(s); 0 reading(s) waiting`) });

    // The backend goes away; the agent keeps inspecting into its journal.
    await server.halt();
    for (const round of [1, 2, 3]) {
      const offline = await inspect();
      expect(offline, offline.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining(`${round * PRINTERS.length} reading(s) waiting`) });
    }
    expect((await agentCli(['status', '--config-dir', configDir])).stdout).toContain(`journal: ${3 * PRINTERS.length} sample(s) waiting`);

    // Back on the same data: the journal drains, oldest first, each sample applied once.
    await server.resume();
    const drained = await inspect();
    expect(drained, drained.stderr).toMatchObject({ code: 0, stdout: expect.stringContaining('0 reading(s) waiting') });
    const after = await readings();
    const inspections = new Set(after.map((reading) => reading.takenAt));
    expect(inspections.size).toBe(1 + 1 + 3 + 1); // assignment, online, three offline, drain round
    const perInspection = new Set(after.map((reading) => `${reading.counterKind}@${reading.takenAt}`));
    expect(perInspection.size).toBe(after.length); // nothing doubled
    expect(after.length).toBe(inspections.size * first.length); // nothing lost

    // Revoked: refused at the next call, says so, stops; the old key is dead, the new one enrolls.
    const revoked = await api<{ key: string }>(`/agents/${agent.id}/revoke`, { method: 'POST' });
    expect(revoked.key).not.toBe(agent.key);
    const refused = await inspect();
    expect(refused.code).toBe(3);
    expect(refused.stdout + refused.stderr).toContain(REVOKED);
    expect((await agentCli(['run', '--config-dir', configDir])).code).toBe(3); // refuses to start until enrolled again
    const oldKey = await agentCli(['enroll', '--server', server.baseURL, '--key', agent.key, '--config-dir', configDir]);
    expect(oldKey.code).not.toBe(0);
    expect(oldKey.stderr).toContain('unknown to the server');
    const again = await agentCli(['enroll', '--server', server.baseURL, '--key', revoked.key, '--config-dir', configDir]);
    expect(again, again.stderr).toMatchObject({ code: 0 });
    expect((await inspect()).code).toBe(0);
    expect((await api<{ keyInUse: boolean }>(`/agents/${agent.id}`)).keyInUse).toBe(true);
  }, 150_000);
});
