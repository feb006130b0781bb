import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isErrorKey } from '@parc/shared';

/**
 * Every error the server throws names its text in the shared catalogue, so clients can word it in
 * their user's language: `new DomainError('device.not_found')`, never `new DomainError('not_found',
 * 'No such device.')`, and never a key the scan cannot read (a variable).
 */

const SRC = join(import.meta.dirname, '..');

/**
 * The one keyless throw: a meter link that fails verification. Its message is a diagnostic for the
 * logs (which check failed); the person sees the invalid-link page, worded from the code alone.
 */
const NOT_CONVERTED_YET = ['modules/links/links.tokens.ts'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** The throws in a piece of code whose first argument is not a literal catalogue key, as written. */
export function keylessThrows(code: string): string[] {
  return [...code.matchAll(/new DomainError\(\s*([^,)]*)/g)]
    .filter((match) => {
      const literal = /^(['"`])([^'"`$]+)\1$/.exec(match[1]!.trim());
      return !literal || !isErrorKey(literal[2]);
    })
    .map((match) => match[0]);
}

const relativeFiles = () => sourceFiles(SRC).map((path) => ({ path, file: relative(SRC, path).split('\\').join('/') }));

describe('errors carry catalogue keys', () => {
  it('recognises a throw without a key', () => {
    expect(keylessThrows("throw new DomainError('device.not_found');")).toEqual([]);
    expect(keylessThrows("new DomainError(\n  'device.serial_taken', { serial, deviceCode, field: 'serial' })")).toEqual([]);
    expect(keylessThrows("throw new DomainError('not_found', 'No such device.');")).toEqual(["new DomainError('not_found'"]);
    expect(keylessThrows('throw new DomainError(`bad_request`, message)')).toEqual(['new DomainError(`bad_request`']);
    expect(keylessThrows('throw new DomainError(verdict.code, verdict.reason)')).toEqual(['new DomainError(verdict.code']);
    expect(keylessThrows("new DomainError('device.unheard_of')")).toEqual(["new DomainError('device.unheard_of'"]);
  });

  it('every DomainError outside the folders not converted yet names its key', () => {
    const offenders = relativeFiles().flatMap(({ path, file }) => {
      if (NOT_CONVERTED_YET.some((folder) => file.startsWith(folder))) return [];
      return keylessThrows(readFileSync(path, 'utf8')).map((call) => `${file}: ${call}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the scan covers the throwing modules and the edge', () => {
    const files = relativeFiles().map(({ file }) => file);
    for (const file of ['http/errors.ts', 'http/rate-limit.ts', 'modules/readings/readings.writer.ts', 'modules/devices/devices.service.ts', 'modules/auth/access.ts']) {
      expect(files).toContain(file);
    }
  });
});
