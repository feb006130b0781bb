import { appendFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { READING_LIMITS } from '@parc/shared/agents/reading';
import { AGENT_LIMITS, PushSamplesRequestSchema, type AgentSample, type SampleResult } from '@parc/shared/contracts/agents';
import { describe, expect, it } from 'vitest';
import { parseReading } from '../readings/read.ts';
import { drainJournal, retryDelayMs } from './drain.ts';
import { Journal } from './journal.ts';
import { tempDir } from '../test/temp-dir.ts';

const READING = parseReading([]);
const sample = (n: number): AgentSample => ({
  sampleId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  takenAt: new Date(Date.UTC(2026, 0, 1, 0, n)).toISOString(),
  ip: '10.0.0.5',
  reading: READING,
});
const ids = (samples: readonly AgentSample[]) => samples.map((entry) => Number(entry.sampleId.slice(-12)));
const now = () => new Date('2026-02-01T00:00:00Z');

function freshJournal() {
  const dir = tempDir('parc-journal-');
  return { dir, open: () => Journal.open(path.join(dir, 'journal.ndjson'), path.join(dir, 'rejected.ndjson')) };
}

describe('Journal', () => {
  it('keeps appended samples across a restart, oldest first', () => {
    const { open } = freshJournal();
    open().append([sample(1), sample(2)]);
    open().append([sample(3)]);
    expect(ids(open().entries())).toEqual([1, 2, 3]);
    expect(ids(open().oldest(2))).toEqual([1, 2]);
  });

  it('ignores a line torn by a crash and appends cleanly after it', () => {
    const { open } = freshJournal();
    const journal = open();
    journal.append([sample(1)]);
    appendFileSync(journal.file, JSON.stringify(sample(2)).slice(0, 40));
    expect(ids(journal.entries())).toEqual([1]);
    const reopened = open();
    reopened.append([sample(3)]);
    expect(ids(reopened.entries())).toEqual([1, 3]);
    expect(readFileSync(journal.file, 'utf8').split('\n').filter(Boolean)).toHaveLength(2);
  });
});

describe('drainJournal', () => {
  const answer =
    (statusOf: (n: number) => SampleResult['status'] | undefined) =>
    async (batch: readonly AgentSample[]): Promise<SampleResult[]> =>
      batch.flatMap((entry) => {
        const status = statusOf(Number(entry.sampleId.slice(-12)));
        return status ? [{ sampleId: entry.sampleId, status, ...(status === 'rejected' ? { message: 'unknown counter' } : {}) }] : [];
      });

  it('sends oldest first in batches and removes everything confirmed', async () => {
    const { open } = freshJournal();
    const journal = open();
    journal.append([1, 2, 3, 4, 5].map(sample));
    const batches: number[][] = [];
    const outcome = await drainJournal(journal, async (batch) => (batches.push(ids(batch)), answer(() => 'accepted')(batch)), now, 2);
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(outcome).toEqual({ confirmed: 5, rejected: 0, remaining: 0 });
  });

  it.each<[string, (n: number) => SampleResult['status'] | undefined, number[], number[]]>([
    ['keeps samples the server did not answer for', (n) => (n % 2 ? 'accepted' : undefined), [2, 4], []],
    ['treats duplicate and pending_device as confirmed', (n) => (n === 1 ? 'duplicate' : n === 2 ? 'pending_device' : undefined), [3, 4], []],
    ['moves rejected samples aside with the reason', (n) => (n === 3 ? 'rejected' : 'accepted'), [], [3]],
  ])('%s', async (_case, statusOf, remaining, rejected) => {
    const { open } = freshJournal();
    const journal = open();
    journal.append([1, 2, 3, 4].map(sample));
    await drainJournal(journal, answer(statusOf), now, 10);
    expect(ids(open().entries())).toEqual(remaining);
    const rejectedLines = readFileSync(journal.rejectedFile, { encoding: 'utf8', flag: 'a+' }).split('\n').filter(Boolean).map((line) => JSON.parse(line));
    expect(rejectedLines.map((line: { sample: AgentSample }) => Number(line.sample.sampleId.slice(-12)))).toEqual(rejected);
    if (rejected.length) expect(rejectedLines[0]).toMatchObject({ reason: 'unknown counter', rejectedAt: '2026-02-01T00:00:00.000Z' });
  });

  it('keeps the whole journal when the push fails', async () => {
    const { open } = freshJournal();
    const journal = open();
    journal.append([sample(1), sample(2)]);
    await expect(drainJournal(journal, () => Promise.reject(new Error('ECONNREFUSED')), now)).rejects.toThrow('ECONNREFUSED');
    expect(ids(open().entries())).toEqual([1, 2]);
  });
});

describe('retryDelayMs', () => {
  it.each([
    [1, 5_000],
    [2, 10_000],
    [4, 40_000],
    [20, 300_000],
  ])('after %i failures waits %i ms', (failures, delay) => {
    expect(retryDelayMs(failures)).toBe(delay);
  });
});

describe('drainJournal within the server limits', () => {
  it('sends a reading with more supplies and alerts than the server takes cut to the limits, so it is never refused forever', async () => {
    const { open } = freshJournal();
    const journal = open();
    const supply = { index: '1.1', description: 'Toner', type: 'toner', colour: 'black', level: 1, max: 1, percent: 100, state: 'measured' as const, source: 'printer_mib' as const };
    const crowded: AgentSample = {
      ...sample(1),
      reading: {
        ...READING,
        supplies: Array.from({ length: READING_LIMITS.supplies + 50 }, (_, n) => ({ ...supply, index: `1.${n}` })),
        alerts: Array.from({ length: READING_LIMITS.alerts + 1 }, (_, n) => ({ severity: 'warning' as const, group: 'other', code: `c${n}`, description: '' })),
      },
    };
    journal.append([crowded]);
    // As an older agent wrote it, uncut: read back cut, not dropped.
    appendFileSync(journal.file, `${JSON.stringify({ ...crowded, sampleId: sample(2).sampleId })}\n`);
    expect(journal.size()).toBe(2);
    const pushed: AgentSample[] = [];
    await drainJournal(journal, async (batch) => {
      pushed.push(...batch);
      return batch.map((entry) => ({ sampleId: entry.sampleId, status: 'accepted' as const }));
    }, now);
    expect(PushSamplesRequestSchema.safeParse({ samples: pushed }).error?.issues ?? []).toEqual([]);
    expect(pushed[0]!.reading.supplies.map((entry) => entry.index)).toEqual(crowded.reading.supplies.slice(0, READING_LIMITS.supplies).map((entry) => entry.index));
    expect(pushed[0]!.reading.alerts).toHaveLength(READING_LIMITS.alerts);
    expect(journal.size()).toBe(0);
  });

  it('never sends more samples in one request than the server takes', async () => {
    const { open } = freshJournal();
    const journal = open();
    journal.append(Array.from({ length: AGENT_LIMITS.samplesPerBatch + 10 }, (_, n) => sample(n)));
    const sizes: number[] = [];
    await drainJournal(journal, async (batch) => {
      sizes.push(batch.length);
      return batch.map((entry) => ({ sampleId: entry.sampleId, status: 'accepted' as const }));
    }, now, 10_000);
    expect(Math.max(...sizes)).toBe(AGENT_LIMITS.samplesPerBatch);
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBe(AGENT_LIMITS.samplesPerBatch + 10);
  });
});

describe('drainJournal within the server body limit', () => {
  it('sends large readings in smaller batches so no request goes over half the body limit', async () => {
    const { open } = freshJournal();
    const journal = open();
    const supply = { description: 'x'.repeat(2_000), type: 'toner', colour: 'black', level: 1, max: 1, percent: 100, state: 'measured' as const, source: 'printer_mib' as const };
    const heavy = (n: number): AgentSample => ({ ...sample(n), reading: { ...READING, supplies: Array.from({ length: READING_LIMITS.supplies }, (_, i) => ({ ...supply, index: `1.${i}` })) } });
    journal.append(Array.from({ length: 12 }, (_, n) => heavy(n)));
    const bodies: number[] = [];
    await drainJournal(journal, async (batch) => {
      bodies.push(Buffer.byteLength(JSON.stringify({ samples: batch })));
      return batch.map((entry) => ({ sampleId: entry.sampleId, status: 'accepted' as const }));
    }, now);
    expect(bodies.length).toBeGreaterThan(1);
    expect(Math.max(...bodies)).toBeLessThanOrEqual(AGENT_LIMITS.requestBytes / 2 + 100);
    expect(journal.size()).toBe(0);
  });
});
