/**
 * parc-agent command line.
 *   parc-agent enroll --server URL --key WTCD-GSAL-RGHJ-QJYS
 *   parc-agent run | inspect | scan | status
 *   parc-agent read --walk FILE | HOST[:PORT] [--json]
 * Every command but `read` takes --config-dir DIR (default: see config/paths.ts).
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { hostname, homedir, platform, release } from 'node:os';
import { parseArgs } from 'node:util';
import { DomainError } from '@parc/shared';
import type { PrinterReading } from '@parc/shared/agents/reading';
import { enroll } from './commands/enroll.ts';
import { scanCommand } from './commands/scan.ts';
import { statusLines } from './commands/status.ts';
import { loadSettings } from './config/agent-config.ts';
import { createFileLogger } from './config/logger.ts';
import { agentPaths, defaultConfigDir } from './config/paths.ts';
import { loadCredential } from './config/store.ts';
import { Daemon } from './daemon/daemon.ts';
import { parseReading } from './readings/read.ts';
import { BUILTIN_RECIPES, parseRecipeSet } from './readings/recipes.ts';
import { readPrinter } from './snmp/read-printer.ts';
import { SnmpFailure, type Credentials } from './snmp/session.ts';
import { BackendClient, createDispatcher } from './upload/client.ts';
import { createSigner } from './upload/signer.ts';
import { AGENT_VERSION } from './version.ts';
import { parseWalk } from './walk/index.ts';

const USAGE = `usage:
  parc-agent enroll --server URL --key WTCD-GSAL-RGHJ-QJYS   exchange a one-time key for this agent's credential
  parc-agent run [--port 161]                                the daemon: schedules from the server, readings pushed
  parc-agent inspect [--port 161]                            read every known printer now, journal and send the readings
  parc-agent scan [--range CIDR]... [--community C]... [--timeout 1000] [--port 161] [--concurrency 64]
                  [--probe-concurrency 512]                  one discovery now (defaults: the server's config)
  parc-agent status                                          enrolled? last contact, journal, last errors
  parc-agent read --walk FILE [--json]
  parc-agent read HOST[:PORT] [--community public] [--version 1|2c|3] [--user U] [--auth-protocol sha] [--auth-key K]
                  [--priv-protocol aes] [--priv-key K] [--context NAME] [--timeout 3000] [--retries 1] [--json]
  common: [--config-dir DIR] (enroll, run, inspect, scan, status)   [--recipes FILE] (read)`;

class UsageError extends Error {}

const EXIT_REVOKED = 3;
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
}

function pathsFrom(configDir: string | undefined) {
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return agentPaths(configDir ?? defaultConfigDir({ os: process.platform, env: process.env, home: homedir(), isRoot }));
}

function integer(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value)) throw new UsageError(`--${name} must be a whole number`);
  return Number(value);
}

/** A client signed with the stored credential, through the configured proxy. */
async function signedClient(paths: ReturnType<typeof agentPaths>) {
  const credential = loadCredential(paths);
  if (!credential) throw new UsageError(`This agent is not enrolled (config folder ${paths.dir}): run parc-agent enroll --server URL --key KEY`);
  const settings = loadSettings(paths);
  return { credential, settings, client: new BackendClient(settings.server ?? credential.server, { signer: await createSigner(credential), dispatcher: createDispatcher(settings) }) };
}

/** The daemon of `run` and `inspect`; `--port` reads printers on another port than 161 (port forwarding, simulators). */
async function daemonFrom(argv: string[]): Promise<Daemon> {
  const { values } = parseArgs({ args: argv, options: { 'config-dir': { type: 'string' }, port: { type: 'string' } } });
  const paths = pathsFrom(values['config-dir']);
  const { settings, client, credential } = await signedClient(paths);
  const logger = createFileLogger({ dir: paths.logs, level: settings.logLevel, now: () => new Date(), echo: err });
  logger.info(`parc-agent ${AGENT_VERSION} for agent ${credential.agentId} on ${settings.server ?? credential.server}, config folder ${paths.dir}`);
  return new Daemon({ paths, client, logger, now: () => new Date(), newId: randomUUID, out: err, snmpPort: integer(values.port, 'port') });
}

async function runCommand(argv: string[]): Promise<number> {
  const daemon = await daemonFrom(argv);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => daemon.stop());
  return (await daemon.run()) === 'revoked' ? EXIT_REVOKED : 0;
}

async function inspectCommand(argv: string[]): Promise<number> {
  const outcome = await (await daemonFrom(argv)).inspectOnce();
  if (outcome === 'revoked') return EXIT_REVOKED;
  if (typeof outcome === 'object') out(`read ${outcome.read} printer(s); ${outcome.journal} reading(s) waiting in the journal`);
  return 0;
}

async function scanCli(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: {
      'config-dir': { type: 'string' }, range: { type: 'string', multiple: true }, community: { type: 'string', multiple: true },
      timeout: { type: 'string' }, port: { type: 'string' }, concurrency: { type: 'string' }, 'probe-concurrency': { type: 'string' },
    },
  });
  const paths = pathsFrom(values['config-dir']);
  const enrolled = loadCredential(paths) ? (await signedClient(paths)).client : undefined;
  return scanCommand({
    paths,
    ranges: values.range ?? [],
    communities: values.community ?? [],
    timeoutMs: integer(values.timeout, 'timeout'),
    port: integer(values.port, 'port'),
    concurrency: integer(values.concurrency, 'concurrency'),
    probeConcurrency: integer(values['probe-concurrency'], 'probe-concurrency'),
    now: () => new Date(),
    newId: randomUUID,
    out,
    progress: err,
    report: enrolled && ((report) => enrolled.reportDiscovery(report)),
  });
}

function summary(reading: PrinterReading): string {
  const counters = Object.entries(reading.counters)
    .filter(([, value]) => value !== null)
    .map(([name, value]) => `  ${name}: ${value}`);
  const supplies = reading.supplies.map((supply) => `  ${supply.description}: ${supply.percent === null ? supply.state : `${supply.percent}%`}`);
  return [
    `${reading.manufacturer ?? 'unknown maker'} ${reading.model ?? 'unknown model'} (serial ${reading.serial ?? '?'}, recipe ${reading.vendor})`,
    'counters:', ...counters, 'supplies:', ...supplies,
    ...reading.warnings.map((warning) => `warning ${warning.code}: ${warning.message}`),
  ].join('\n');
}

async function readCli(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      walk: { type: 'string' }, json: { type: 'boolean' }, recipes: { type: 'string' },
      community: { type: 'string', default: 'public' }, version: { type: 'string', default: '2c' },
      user: { type: 'string' }, 'auth-protocol': { type: 'string' }, 'auth-key': { type: 'string' },
      'priv-protocol': { type: 'string' }, 'priv-key': { type: 'string' }, context: { type: 'string' },
      timeout: { type: 'string', default: '3000' }, retries: { type: 'string', default: '1' },
    },
  });
  const [host] = positionals;
  const recipes = values.recipes ? parseRecipeSet(JSON.parse(readText(values.recipes, 'recipe file'))) : BUILTIN_RECIPES;

  let reading: PrinterReading;
  if (values.walk) {
    const walk = parseWalk(readText(values.walk, 'walk file'));
    for (const skipped of walk.skipped) process.stderr.write(`skipped ${skipped.message}\n`);
    reading = parseReading(walk.varbinds, recipes);
  } else {
    if (!host) throw new UsageError(`give a HOST or --walk FILE\n${USAGE}`);
    const [address = '', port = '161'] = host.split(':');
    const credentials: Credentials =
      values.version === '3'
        ? {
            version: '3',
            user: values.user ?? '',
            authProtocol: values['auth-protocol'] as never,
            authKey: values['auth-key'],
            privProtocol: values['priv-protocol'] as never,
            privKey: values['priv-key'],
            context: values.context,
          }
        : { version: values.version === '1' ? '1' : '2c', community: values.community ?? 'public' };
    if (!['1', '2c', '3'].includes(values.version ?? '')) throw new UsageError('--version must be 1, 2c or 3');
    if (credentials.version === '3' && !credentials.user) throw new UsageError('--version 3 needs --user');
    reading = await readPrinter({ host: address, port: Number(port), timeoutMs: Number(values.timeout), retries: Number(values.retries) }, credentials, recipes);
  }
  out(values.json ? JSON.stringify(reading, null, 2) : summary(reading));
  return 0;
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'read':
      return readCli(rest);
    case 'enroll': {
      const { values } = parseArgs({ args: rest, options: { 'config-dir': { type: 'string' }, server: { type: 'string' }, key: { type: 'string' } } });
      if (!values.server || !values.key) throw new UsageError(`enroll needs --server URL and --key KEY\n${USAGE}`);
      const paths = pathsFrom(values['config-dir']);
      const settings = loadSettings(paths);
      await enroll({
        paths, server: values.server, key: values.key, hostname: hostname(), platform: `${platform()} ${release()}`, version: AGENT_VERSION,
        now: () => new Date(), out, client: (server) => new BackendClient(server, { dispatcher: createDispatcher(settings) }),
      });
      return 0;
    }
    case 'run':
      return runCommand(rest);
    case 'inspect':
      return inspectCommand(rest);
    case 'scan':
      return scanCli(rest);
    case 'status': {
      const { values } = parseArgs({ args: rest, options: { 'config-dir': { type: 'string' } } });
      for (const line of statusLines(pathsFrom(values['config-dir']))) out(line);
      return 0;
    }
    default:
      throw new UsageError(USAGE);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SnmpFailure) err(`read failed (${error.reason}): ${error.message}`);
    else if (error instanceof Error) err(error.message);
    process.exit(error instanceof UsageError || (error instanceof DomainError && error.code === 'bad_request') ? 2 : 1);
  },
);
