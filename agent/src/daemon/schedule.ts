import type { AgentConfig } from '@parc/shared/contracts/agents';

/** A task every `everyMinutes` (0 = off) is due when it never ran or ran that long ago. */
export function isDue(everyMinutes: number, lastAt: Date | null, now: Date): boolean {
  if (everyMinutes === 0) return false;
  return lastAt === null || now.getTime() - lastAt.getTime() >= everyMinutes * 60_000;
}

/**
 * "Scan now": the console's scanRequestedAt differs from the last request the agent acted on.
 * Compared by value, not against the agent's clock, so a clock behind the server's cannot
 * re-trigger the same request every minute.
 */
export function scanRequested(config: Pick<AgentConfig, 'scanRequestedAt'>, lastHandledRequest: string | null): boolean {
  return config.scanRequestedAt !== null && config.scanRequestedAt !== lastHandledRequest;
}
