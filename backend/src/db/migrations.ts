import journal from '../../drizzle/meta/_journal.json' with { type: 'json' };

interface JournalEntry {
  idx: number;
  tag: string;
}

/** The migrations this build knows, in order. Imported rather than read so the Workers bundle carries it too. */
export function readMigrationJournal(): JournalEntry[] {
  return (journal as { entries: JournalEntry[] }).entries;
}
