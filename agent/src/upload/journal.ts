import { closeSync, existsSync, fsyncSync, openSync, readFileSync, truncateSync, writeSync } from 'node:fs';
import { AgentSampleSchema, type AgentSample } from '@parc/shared/contracts/agents';
import { fitReading } from '@parc/shared/agents/reading';
import { writeFileAtomic } from '../config/files.ts';

export type Rejection = { sample: AgentSample; reason: string; rejectedAt: string };

function appendLines(file: string, lines: readonly string[]): void {
  if (lines.length === 0) return;
  const fd = openSync(file, 'a', 0o600);
  try {
    writeSync(fd, lines.map((line) => `${line}\n`).join(''));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Samples waiting for the server, one JSON line each, oldest first. Appended (and fsynced) before any
 * push; an entry leaves only when the server answered for it. Every operation is synchronous, so
 * appends and removals from the same process never interleave.
 */
export class Journal {
  private constructor(
    readonly file: string,
    readonly rejectedFile: string,
  ) {}

  /** A crash mid-append can leave a torn last line: it is cut off here so the next append starts clean. */
  static open(file: string, rejectedFile: string): Journal {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text.length > 0 && !text.endsWith('\n')) truncateSync(file, Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
    }
    return new Journal(file, rejectedFile);
  }

  /** Readings are cut to what the server takes (READING_LIMITS), so a journaled sample is never refused for its size. */
  append(samples: readonly AgentSample[]): void {
    appendLines(this.file, samples.map((sample) => JSON.stringify({ ...sample, reading: fitReading(sample.reading) })));
  }

  /** Every readable entry in order; unreadable lines (torn by a crash) are skipped, never sent. */
  entries(): AgentSample[] {
    if (!existsSync(this.file)) return [];
    const samples: AgentSample[] = [];
    for (const line of readFileSync(this.file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const raw = JSON.parse(line) as AgentSample;
        // A sample journaled by an older agent may carry more than the server takes now: cut, not lost.
        const parsed = AgentSampleSchema.safeParse(raw);
        const fitted = parsed.success ? parsed : AgentSampleSchema.safeParse({ ...raw, reading: fitReading(raw.reading) });
        if (fitted.success) samples.push(fitted.data);
      } catch {
        // a torn line: its sample was never confirmed as written, so nothing was promised about it
      }
    }
    return samples;
  }

  oldest(count: number): AgentSample[] {
    return this.entries().slice(0, count);
  }

  size(): number {
    return this.entries().length;
  }

  /** Drops the confirmed samples; rejected ones go to the rejected file with the server's reason first. */
  settle(confirmed: ReadonlySet<string>, rejections: readonly Rejection[]): void {
    appendLines(this.rejectedFile, rejections.map((rejection) => JSON.stringify(rejection)));
    const gone = new Set([...confirmed, ...rejections.map((rejection) => rejection.sample.sampleId)]);
    if (gone.size === 0) return;
    const kept = this.entries().filter((sample) => !gone.has(sample.sampleId));
    writeFileAtomic(this.file, kept.map((sample) => `${JSON.stringify(sample)}\n`).join(''), 0o600);
  }
}
