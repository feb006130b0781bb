import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * One writer: only `modules/readings` may insert into, update or delete from the tables of
 * readings (and their checks, revisions and resets). The demo seed's bulk insert is the one
 * exemption. Tests may still seed histories directly.
 */

const SRC = join(import.meta.dirname, '../..');
const WRITER_DIR = 'modules/readings/';
const EXEMPT = new Set(['demo/seed.ts']);
const TABLES = ['readings', 'readingChecks', 'readingRevisions', 'counterResets'];
const SQL_TABLES = ['readings', 'reading_checks', 'reading_revisions', 'counter_resets'];

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Every write to a readings table in a piece of code, as `insert(readings)` or `update counter_resets`. */
export function readingWrites(code: string): string[] {
  const drizzle = new RegExp(`\\.(insert|update|delete)\\(\\s*(${TABLES.join('|')})\\s*\\)`, 'g');
  const raw = new RegExp(`\\b(insert\\s+into|update|delete\\s+from)\\s+"?(${SQL_TABLES.join('|')})\\b"?`, 'gi');
  return [...code.matchAll(drizzle), ...code.matchAll(raw)].map((match) => match[0]);
}

describe('the one writer of readings', () => {
  it('recognises every way of writing the tables', () => {
    expect(readingWrites('await tx.insert(readings).values(x)')).toEqual(['.insert(readings)']);
    expect(readingWrites('db.update( counterResets ).set({})')).toEqual(['.update( counterResets )']);
    expect(readingWrites('db.delete(readingRevisions)')).toEqual(['.delete(readingRevisions)']);
    expect(readingWrites('sql`UPDATE readings SET value = 1`')).toEqual(['UPDATE readings']);
    expect(readingWrites('sql`insert into "reading_checks" values`')).toEqual(['insert into "reading_checks"']);
    expect(readingWrites('db.select().from(readings)')).toEqual([]);
    expect(readingWrites('tx.insert(readingTransmissions)')).toEqual([]);
  });

  it('no module but modules/readings writes them', () => {
    const offenders = sourceFiles(SRC).flatMap((path) => {
      const file = relative(SRC, path).split('\\').join('/');
      if (file.startsWith(WRITER_DIR) || EXEMPT.has(file)) return [];
      return readingWrites(readFileSync(path, 'utf8')).map((write) => `${file}: ${write}`);
    });
    expect(offenders).toEqual([]);
  });

  it('the scan covers the modules that used to write readings', () => {
    const files = sourceFiles(SRC).map((path) => relative(SRC, path).split('\\').join('/'));
    for (const file of ['modules/links/links.service.ts', 'modules/meters/campaign.job.ts', 'modules/meters/nightly.job.ts', 'modules/tickets/tickets.service.ts', 'modules/agents/samples.apply.ts']) {
      expect(files).toContain(file);
    }
  });
});
