import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

interface JournalEntry {
  idx: number;
  tag: string;
}

const JOURNAL = fileURLToPath(new URL('../../drizzle/meta/_journal.json', import.meta.url));

export function readMigrationJournal(): JournalEntry[] {
  return (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: JournalEntry[] }).entries;
}
