import { fitReading } from '@parc/shared/agents/reading';
import { AGENT_LIMITS, type AgentSample, type SampleResult } from '@parc/shared/contracts/agents';
import type { Journal, Rejection } from './journal.ts';

/** Samples per request: well under the server's AGENT_LIMITS.samplesPerBatch. */
export const BATCH_SIZE = Math.min(100, AGENT_LIMITS.samplesPerBatch);
const CONFIRMED: ReadonlySet<SampleResult['status']> = new Set(['accepted', 'duplicate', 'pending_device']);

export type Push = (samples: readonly AgentSample[]) => Promise<SampleResult[]>;
export type DrainOutcome = { confirmed: number; rejected: number; remaining: number };

/**
 * Sends the journal oldest first, batch by batch, and forgets only what the server answered for.
 * A sample without an answer stays and goes again next time (the server dedupes by sampleId).
 * Errors from `push` (server away, credential revoked) propagate with the journal intact.
 */
export async function drainJournal(journal: Journal, push: Push, now: () => Date, batchSize = BATCH_SIZE): Promise<DrainOutcome> {
  let confirmed = 0;
  let rejected = 0;
  const size = Math.min(batchSize, AGENT_LIMITS.samplesPerBatch);
  for (;;) {
    // A reading longer than the server accepts (a printer with hundreds of supplies) is trimmed, never refused forever.
    const batch = withinBytes(journal.oldest(size).map((sample) => ({ ...sample, reading: fitReading(sample.reading) })));
    if (batch.length === 0) break;
    const bySampleId = new Map(batch.map((sample) => [sample.sampleId, sample]));
    const results = await push(batch);
    const done = new Set<string>();
    const rejections: Rejection[] = [];
    for (const result of results) {
      const sample = bySampleId.get(result.sampleId);
      if (!sample) continue;
      if (CONFIRMED.has(result.status)) done.add(result.sampleId);
      else rejections.push({ sample, reason: result.message ?? 'rejected without a reason', rejectedAt: now().toISOString() });
    }
    journal.settle(done, rejections);
    confirmed += done.size;
    rejected += rejections.length;
    // The server answered for none of them: going on would loop on the same batch.
    if (done.size + rejections.length === 0) break;
  }
  return { confirmed, rejected, remaining: journal.size() };
}

/** The oldest samples whose JSON stays within half the server's body limit (always at least one). */
function withinBytes(samples: AgentSample[]): AgentSample[] {
  let bytes = 0;
  const budget = AGENT_LIMITS.requestBytes / 2;
  const kept = samples.findIndex((sample) => (bytes += Buffer.byteLength(JSON.stringify(sample))) > budget);
  return kept === -1 ? samples : samples.slice(0, Math.max(1, kept));
}

/** 5 s, 10 s, 20 s… up to 5 minutes between attempts while the server is away. */
export function retryDelayMs(consecutiveFailures: number): number {
  return Math.min(5 * 60_000, 5_000 * 2 ** Math.max(0, consecutiveFailures - 1));
}
