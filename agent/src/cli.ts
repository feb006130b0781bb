/**
 * parc-agent command line.
 *   parc-agent read --walk FILE [--recipes FILE] [--json]
 *   parc-agent read HOST[:PORT] [--version 1|2c|3] [--community C] [--user U --auth-protocol P --auth-key K
 *                   --priv-protocol P --priv-key K --context NAME] [--timeout MS] [--retries N] [--recipes FILE] [--json]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PrinterReading } from '@parc/shared/agents/reading';
import { parseReading } from './readings/read.ts';
import { BUILTIN_RECIPES, parseRecipeSet } from './readings/recipes.ts';
import { readPrinter } from './snmp/read-printer.ts';
import { SnmpFailure, type Credentials } from './snmp/session.ts';
import { parseWalk } from './walk/index.ts';

const USAGE = `usage:
  parc-agent read --walk FILE [--json]
  parc-agent read HOST[:PORT] [--community public] [--version 1|2c|3] [--user U] [--auth-protocol sha] [--auth-key K]
                  [--priv-protocol aes] [--priv-key K] [--context NAME] [--timeout 3000] [--retries 1] [--json]
  common: [--recipes FILE]  recipe set JSON replacing the built-in one`;

class UsageError extends Error {}

function readText(file: string, what: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `${what} not found: ${file}` : `cannot read ${what} ${file}: ${(error as Error).message}`);
  }
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

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      walk: { type: 'string' }, json: { type: 'boolean' }, recipes: { type: 'string' },
      community: { type: 'string', default: 'public' }, version: { type: 'string', default: '2c' },
      user: { type: 'string' }, 'auth-protocol': { type: 'string' }, 'auth-key': { type: 'string' },
      'priv-protocol': { type: 'string' }, 'priv-key': { type: 'string' }, context: { type: 'string' },
      timeout: { type: 'string', default: '3000' }, retries: { type: 'string', default: '1' }, help: { type: 'boolean' },
    },
  });
  const [command, host] = positionals;
  if (values.help || command !== 'read') throw new UsageError(USAGE);
  const recipes = values.recipes ? parseRecipeSet(JSON.parse(readText(values.recipes, 'recipe file'))) : BUILTIN_RECIPES;

  let reading: PrinterReading;
  if (values.walk) {
    const walk = parseWalk(readText(values.walk, 'walk file'));
    for (const skipped of walk.skipped) process.stderr.write(`skipped ${skipped.message}\n`);
    reading = parseReading(walk.varbinds, recipes);
  } else {
    if (!host) throw new UsageError(`give a HOST or --walk FILE\n${USAGE}`);
    const [hostname = '', port = '161'] = host.split(':');
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
    reading = await readPrinter({ host: hostname, port: Number(port), timeoutMs: Number(values.timeout), retries: Number(values.retries) }, credentials, recipes);
  }
  process.stdout.write(`${values.json ? JSON.stringify(reading, null, 2) : summary(reading)}\n`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof SnmpFailure) process.stderr.write(`read failed (${error.reason}): ${error.message}\n`);
    else if (error instanceof Error) process.stderr.write(`${error.message}\n`);
    process.exit(error instanceof UsageError ? 2 : 1);
  },
);
