import { DomainError } from '@parc/shared';
import type { PrinterReading } from '@parc/shared/agents/reading';
import type { AgentConfig, SnmpCredential } from '@parc/shared/contracts/agents';
import type { Logger } from '../config/logger.ts';
import type { AgentPaths } from '../config/paths.ts';
import { loadDevices, loadState, recordError, saveDevices, updateState } from '../config/store.ts';
import { createLimit } from '../discovery/limit.ts';
import { DeviceRegistry } from '../discovery/registry.ts';
import { scan, SNMP_PORT, type HostIdentifier } from '../discovery/scan.ts';
import { readPrinter, toSessionCredentials } from '../snmp/index.ts';
import { BackendUnavailable, type BackendClient } from '../upload/client.ts';
import { drainJournal, retryDelayMs } from '../upload/drain.ts';
import { Journal } from '../upload/journal.ts';
import { isDue, scanRequested } from './schedule.ts';

export const REVOKED_MESSAGE = "This agent's credential was revoked by your dealer; enroll again with a new key (parc-agent enroll --server URL --key KEY).";
const PRINTERS_READ_AT_ONCE = 16;
const PROGRESS_EVERY_MS = 5_000;

export type ReadDevice = (ip: string, credential: SnmpCredential, timeoutMs: number) => Promise<PrinterReading>;

export type DaemonOptions = {
  paths: AgentPaths;
  client: BackendClient;
  logger: Logger;
  now: () => Date;
  newId: () => string;
  /** Where a person reads what matters (the terminal). */
  out: (line: string) => void;
  tickMs?: number;
  configEveryMs?: number;
  retryDelay?: (consecutiveFailures: number) => number;
  snmpPort?: number;
  readDevice?: ReadDevice;
  identify?: HostIdentifier;
};

export type DaemonEnd = 'stopped' | 'revoked';

/**
 * The agent's loop: fetches its config every minute, runs inspections, alert reads and scans on the
 * backend's schedules (and "scan now"), journals every reading before pushing it, and drains the
 * journal with backoff while the server is away. Stops for good when its credential is revoked.
 */
export class Daemon {
  private readonly journal: Journal;
  private readonly registry: DeviceRegistry;
  private readonly readDevice: ReadDevice;
  private config: AgentConfig | null;
  private lastConfigFetch: Date | null = null;
  private lastInspection: Date | null = null;
  private lastAlerts: Date | null = null;
  private lastScan: Date | null;
  private lastHandledScanRequest: string | null;
  private drainFailures = 0;
  private nextDrainAt = 0;
  private readonly running = new Map<'scan' | 'read' | 'drain', Promise<void>>();
  private end: DaemonEnd | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly options: DaemonOptions) {
    this.journal = Journal.open(options.paths.journal, options.paths.rejected);
    this.registry = new DeviceRegistry(loadDevices(options.paths), options.newId);
    const state = loadState(options.paths);
    this.config = state.config;
    this.lastScan = state.lastScanAt ? new Date(state.lastScanAt) : null;
    this.lastHandledScanRequest = state.scanRequestHandled;
    const port = options.snmpPort ?? SNMP_PORT;
    this.readDevice =
      options.readDevice ?? ((ip, credential, timeoutMs) => readPrinter({ host: ip, port, timeoutMs, retries: 1 }, toSessionCredentials(credential)));
  }

  /** Runs until stop() or a revocation; resolves with why it ended. */
  async run(): Promise<DaemonEnd> {
    if (loadState(this.options.paths).revokedAt) return this.revoked();
    this.options.logger.info(`agent started, journal holds ${this.journal.size()} sample(s)`);
    while (this.end === null) {
      await this.tick();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.tickMs ?? 1_000);
        this.wake = () => (clearTimeout(timer), resolve());
      });
    }
    await Promise.allSettled(this.running.values());
    this.options.logger.info(`agent stopped (${this.end})`);
    return this.end;
  }

  /** One inspection now (`parc-agent inspect`): fresh config if the server answers, every known printer read and journaled, then one drain. */
  async inspectOnce(): Promise<DaemonEnd | { read: number; journal: number }> {
    if (loadState(this.options.paths).revokedAt) return this.revoked();
    await this.fetchConfig(this.options.now());
    if (this.end !== null) return this.end;
    if (this.config) await this.readAll(this.config, 'inspection');
    await this.drain();
    return this.end ?? { read: this.registry.list().length, journal: this.journal.size() };
  }

  stop(): void {
    this.end ??= 'stopped';
    this.wake?.();
  }

  private async tick(): Promise<void> {
    const now = this.options.now();
    if (this.lastConfigFetch === null || now.getTime() - this.lastConfigFetch.getTime() >= (this.options.configEveryMs ?? 60_000)) {
      this.lastConfigFetch = now;
      await this.fetchConfig(now);
    }
    const config = this.config;
    if (this.end !== null || config === null) return;

    const requested = scanRequested(config, this.lastHandledScanRequest);
    if ((requested || isDue(config.schedules.scanMinutes, this.lastScan, now)) && !this.running.has('scan'))
      this.start('scan', () => this.scan(config, requested ? config.scanRequestedAt : this.lastHandledScanRequest));

    const inspection = isDue(config.schedules.inspectionMinutes, this.lastInspection, now);
    if ((inspection || isDue(config.schedules.alertsMinutes, this.lastAlerts, now)) && !this.running.has('read')) {
      // A full read carries status and alerts too: an inspection counts as an alerts round.
      if (inspection) this.lastInspection = now;
      this.lastAlerts = now;
      this.start('read', () => this.readAll(config, inspection ? 'inspection' : 'alerts'));
    }

    if (now.getTime() >= this.nextDrainAt && !this.running.has('drain') && this.journal.size() > 0) this.start('drain', () => this.drain());
  }

  private async fetchConfig(now: Date): Promise<void> {
    await this.guard('fetching the config', async () => {
      this.config = await this.options.client.fetchConfig();
      updateState(this.options.paths, () => ({ config: this.config, lastContactAt: now.toISOString() }));
    });
  }

  private start(task: 'scan' | 'read' | 'drain', work: () => Promise<void>): void {
    this.running.set(task, work().finally(() => this.running.delete(task)));
  }

  private async scan(config: AgentConfig, request: string | null): Promise<void> {
    const startedAt = this.options.now();
    this.lastScan = startedAt;
    this.lastHandledScanRequest = request;
    updateState(this.options.paths, () => ({ lastScanAt: startedAt.toISOString(), scanRequestHandled: request }));
    if (config.ranges.length === 0) {
      this.options.logger.info('scan skipped: no network ranges set in the console');
      return;
    }
    this.options.logger.info(`scan of ${config.ranges.join(', ')} started`);
    let lastProgress = startedAt.getTime();
    await this.guard('scanning', async () => {
      const result = await scan({
        ranges: config.ranges,
        credentials: config.credentials,
        timeoutMs: config.timeoutMs,
        registry: this.registry,
        scanId: this.options.newId(),
        now: this.options.now,
        port: this.options.snmpPort,
        identify: this.options.identify,
        onProgress: ({ snapshot }) => {
          if (this.options.now().getTime() - lastProgress < PROGRESS_EVERY_MS) return;
          lastProgress = this.options.now().getTime();
          void this.guard('reporting scan progress', () => this.options.client.reportDiscovery(snapshot()));
        },
      });
      saveDevices(this.options.paths, this.registry.list());
      // New printers are read at the next tick, not at the next inspection hours away.
      if (result.newDevices.length > 0) this.lastInspection = null;
      for (const device of result.newDevices) this.options.logger.info(`new printer ${device.manufacturer ?? '?'} ${device.model ?? '?'} serial ${device.serial ?? '?'} at ${device.ip}`);
      for (const failure of result.report.failures) this.options.logger.warn(`no data from ${failure.ip}: ${failure.reason}: ${failure.message}`);
      this.options.logger.info(`scan done: ${result.devices.length} printer(s), ${result.newDevices.length} new, ${result.report.failures.length} failure(s)`);
      await this.guard('reporting the scan', () => this.options.client.reportDiscovery(result.report));
    });
  }

  private async readAll(config: AgentConfig, why: 'inspection' | 'alerts'): Promise<void> {
    const limit = createLimit(PRINTERS_READ_AT_ONCE);
    const devices = this.registry.list();
    await Promise.all(
      devices.map((device) =>
        limit(async () => {
          const credential = config.credentials[device.credentialIndex] ?? config.credentials[0];
          if (!credential) return;
          try {
            const reading = await this.readDevice(device.ip, credential, config.timeoutMs);
            this.journal.append([{ sampleId: this.options.newId(), takenAt: this.options.now().toISOString(), ip: device.ip, reading }]);
          } catch (error) {
            this.options.logger.warn(`${why}: no data from ${device.ip} (serial ${device.serial ?? '?'}): ${(error as Error).message}`);
          }
        }),
      ),
    );
    this.options.logger.info(`${why}: read ${devices.length} printer(s), journal holds ${this.journal.size()}`);
  }

  private async drain(): Promise<void> {
    const outcome = await this.guard('sending readings', async () => {
      const result = await drainJournal(this.journal, (samples) => this.options.client.pushSamples(samples), this.options.now);
      updateState(this.options.paths, () => ({ lastContactAt: this.options.now().toISOString() }));
      return result;
    });
    if (outcome) {
      if (this.drainFailures > 0) this.options.logger.info('server reachable again');
      this.drainFailures = 0;
      this.nextDrainAt = 0;
      if (outcome.confirmed + outcome.rejected > 0) this.options.logger.info(`sent: ${outcome.confirmed} confirmed, ${outcome.rejected} rejected, ${outcome.remaining} waiting`);
    } else if (this.end === null) {
      this.drainFailures++;
      this.nextDrainAt = this.options.now().getTime() + (this.options.retryDelay ?? retryDelayMs)(this.drainFailures);
    }
  }

  /** Runs one call to the server; logs and records failures; a revocation ends the daemon. Undefined when it failed. */
  private async guard<T>(what: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof DomainError && error.code === 'agent_revoked') {
        this.revoked();
        return undefined;
      }
      const message = `${what}: ${(error as Error).message}`;
      if (error instanceof BackendUnavailable) this.options.logger.warn(message);
      else this.options.logger.error(message);
      recordError(this.options.paths, this.options.now(), message);
      return undefined;
    }
  }

  private revoked(): DaemonEnd {
    if (this.end !== 'revoked') {
      this.end = 'revoked';
      this.options.logger.error(REVOKED_MESSAGE);
      this.options.out(REVOKED_MESSAGE);
      updateState(this.options.paths, (state) => ({ revokedAt: state.revokedAt ?? this.options.now().toISOString() }));
      this.wake?.();
    }
    return 'revoked';
  }
}
