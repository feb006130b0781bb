
import { randomUUID } from 'node:crypto';
import type { AgentConfig } from '@parc/shared/contracts/agents';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Logger } from '../config/logger.ts';
import { agentPaths } from '../config/paths.ts';
import { loadCredential, loadState, saveDevices } from '../config/store.ts';
import { enroll } from '../commands/enroll.ts';
import { statusLines } from '../commands/status.ts';
import type { KnownDevice } from '../discovery/registry.ts';
import { parseReading } from '../readings/read.ts';
import { FakeBackend } from '../test/fake-backend.ts';
import { AGENT_ROUTES, BackendClient } from '../upload/client.ts';
import { Journal } from '../upload/journal.ts';
import { createSigner } from '../upload/signer.ts';
import { Daemon, REVOKED_MESSAGE, type DaemonOptions } from './daemon.ts';
import { tempDir } from '../test/temp-dir.ts';

const KEY = 'WTCD-GSAL-RGHJ-QJYS';
/** Agent time runs 600× faster than the wall clock: a scheduled minute passes every 100 ms. */
const SPEED = 600;
const READING = parseReading([]);

let backend: FakeBackend;
let debug = () => '';
beforeEach(async () => {
  backend = await new FakeBackend().start();
  backend.keys.set(KEY, 'unused');
});
afterEach(() => backend.stop());

const device = (n: number): KnownDevice => ({
  deviceKey: `device-${n}`,
  serial: `SER${n}`,
  mac: null,
  ip: `10.0.0.${n}`,
  ips: [`10.0.0.${n}`],
  credentialIndex: 0,
  vendor: 'hp',
  manufacturer: 'HP',
  model: 'M1',
  firstSeenAt: '2026-01-01T00:00:00.000Z',
  lastSeenAt: '2026-01-01T00:00:00.000Z',
});

async function enrolledAgent(config: Partial<AgentConfig> = {}, devices = [device(1), device(2), device(3)]) {
  backend.configFor = (agentId) => ({
    agentId,
    schedules: { inspectionMinutes: 1, alertsMinutes: 0, scanMinutes: 0 },
    ranges: [],
    credentials: [{ version: '2c', community: 'public' }],
    timeoutMs: 1000,
    scanRequestedAt: null,
    ...config,
  });
  const paths = agentPaths(tempDir('parc-daemon-'));
  const started = Date.now();
  const now = () => new Date(Date.UTC(2026, 2, 1) + (Date.now() - started) * SPEED);
  await enroll({ paths, server: backend.url, key: KEY, hostname: 'h', platform: 'linux', version: '0.1.0', now, out: () => undefined });
  saveDevices(paths, devices);
  const produced: string[] = [];
  const out: string[] = [];
  const logs: string[] = [];
  const log = (level: string) => (message: string) => logs.push(`${level} ${message}`);
  const logger: Logger = { error: log('error'), warn: log('warn'), info: log('info'), debug: log('debug') };
  debug = () => JSON.stringify({ logs: logs.slice(-5), calls: backend.calls.slice(-5), pushes: backend.pushes });
  const signer = await createSigner(loadCredential(paths)!); // real clock: the server checks exp against its own
  const daemonFor = (overrides: Partial<DaemonOptions> = {}) =>
    new Daemon({
      paths,
      client: new BackendClient(backend.url, { signer }),
      logger,
      now,
      newId: () => {
        const id = randomUUID();
        produced.push(id);
        return id;
      },
      out: (line) => out.push(line),
      tickMs: 10,
      retryDelay: () => 20 * SPEED,
      readDevice: async () => READING,
      ...overrides,
    });
  return { paths, daemon: daemonFor(), daemonFor, produced, out, logs, journalSize: () => Journal.open(paths.journal, paths.rejected).size() };
}

async function until(condition: () => boolean, what: string, timeoutMs = 2_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}; ${debug()}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('Daemon', () => {
  it('keeps readings while the server is down and sends each exactly once when it returns', async () => {
    const agent = await enrolledAgent();
    const running = agent.daemon.run();
    await until(() => backend.samples.size >= 3, 'a first inspection to arrive');

    await backend.stop();
    // Two more scheduled inspections while away: kept in the journal.
    await until(() => agent.journalSize() >= 6, 'two inspections journaled while the server is down');
    const waiting = agent.journalSize();

    backend.loseResponses = 1; // the first push after the return is stored but its answer is lost
    await backend.start();
    await until(() => agent.journalSize() === 0 && backend.pushes.length >= 2, 'the journal to drain');
    agent.daemon.stop();
    expect(await running).toBe('stopped');

    // Scans are off: every id the agent made is a sample. All arrived (nothing lost), each stored once (nothing twice).
    expect(agent.produced.length).toBeGreaterThanOrEqual(waiting + 3);
    expect(agent.produced.filter((id) => !backend.samples.has(id))).toEqual([]);
    expect(backend.samples.size).toBe(agent.produced.length);
    expect(backend.duplicates).toBeGreaterThan(0); // the lost answer's batch came again and was recognised
    expect(agent.logs.some((line) => line.startsWith('warn sending readings: cannot reach'))).toBe(true);
    expect(loadState(agent.paths).lastErrors.map((error) => error.message)).toContainEqual(expect.stringMatching(/ECONNREFUSED/));
    expect(backend.loseResponses).toBe(0);
  });

  it('stops and says so when its credential is revoked, and refuses to start again', async () => {
    const agent = await enrolledAgent();
    const running = agent.daemon.run();
    await until(() => backend.samples.size >= 3, 'a first inspection to arrive');
    backend.revoke(loadCredential(agent.paths)!.agentId);

    expect(await running).toBe('revoked');
    expect(agent.out).toEqual([REVOKED_MESSAGE]);
    expect(agent.logs).toContain(`error ${REVOKED_MESSAGE}`);
    // The daemon returned: nothing of it runs any more, and a new start makes no call either.
    const callsAtRevocation = backend.calls.length;
    expect(statusLines(agent.paths).join('\n')).toContain("REVOKED at");

    expect(await agent.daemonFor().run()).toBe('revoked');
    expect(backend.calls.length).toBe(callsAtRevocation);
  });

  it('scans when the console asks ("scan now") and reports what it found', async () => {
    const requestedAt = '2026-03-01T09:00:00.000Z';
    const agent = await enrolledAgent({ ranges: ['10.9.0.0/30'], scanRequestedAt: requestedAt, schedules: { inspectionMinutes: 0, alertsMinutes: 0, scanMinutes: 0 } }, []);
    const identify = async () => ({
      credentialIndex: 0,
      identity: { isPrinter: true, vendor: 'hp', manufacturer: 'HP', model: 'M1', serial: 'SAME', mac: null, firmware: null, sysDescr: 'HP' },
    });
    const daemon = agent.daemonFor({ identify });
    const running = daemon.run();
    await until(() => backend.reports.some((report) => report.finishedAt !== null), 'the scan report');
    // Two more config fetches still carrying the same request: no second scan.
    const configFetches = () => backend.calls.filter((call) => call === `GET ${AGENT_ROUTES.config}`).length;
    const fetchedAtReport = configFetches();
    await until(() => configFetches() >= fetchedAtReport + 2, 'two more config fetches');
    daemon.stop();
    await running;
    const finished = backend.reports.filter((report) => report.finishedAt !== null);
    expect(finished).toHaveLength(1);
    expect(finished[0]?.found).toEqual([{ ip: '10.9.0.2', serial: 'SAME', mac: null, manufacturer: 'HP', model: 'M1' }]);
    expect(finished[0]?.progress).toEqual({ probed: 2, total: 2 });
    expect(loadState(agent.paths).scanRequestHandled).toBe(requestedAt);
  });

  it('reads the printers a scan finds at once, not at the next inspection hours later', async () => {
    const agent = await enrolledAgent({ ranges: ['10.9.0.0/30'], schedules: { inspectionMinutes: 240, alertsMinutes: 0, scanMinutes: 1440 } }, []);
    const identify = async (ip: string) => ({
      credentialIndex: 0,
      identity: { isPrinter: true, vendor: 'hp', manufacturer: 'HP', model: 'M1', serial: `S-${ip}`, mac: null, firmware: null, sysDescr: 'HP' },
    });
    const read: string[] = [];
    const daemon = agent.daemonFor({ identify, readDevice: async (ip) => (read.push(ip), READING) });
    const running = daemon.run();
    await until(() => backend.samples.size >= 2, 'the new printers to be read', 1_000); // 1 s here is 10 agent hours
    daemon.stop();
    await running;
    expect(read.sort()).toEqual(['10.9.0.1', '10.9.0.2']);
  });

  it('inspects once on demand: journals while the server is away, sends when it is back, stops when revoked', async () => {
    const agent = await enrolledAgent();
    await backend.stop();
    expect(await agent.daemonFor().inspectOnce()).toEqual({ read: 3, journal: 3 });
    expect(await agent.daemonFor().inspectOnce()).toEqual({ read: 3, journal: 6 });
    await backend.start();
    expect(await agent.daemonFor().inspectOnce()).toEqual({ read: 3, journal: 0 });
    expect(backend.samples.size).toBe(9);
    backend.revoke(loadCredential(agent.paths)!.agentId);
    const revoked = agent.daemonFor();
    expect(await revoked.inspectOnce()).toBe('revoked');
    expect(agent.out).toEqual([REVOKED_MESSAGE]);
  });
});
