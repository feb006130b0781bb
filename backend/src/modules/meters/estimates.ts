import { createHash } from 'node:crypto';
import type { EstimateBasis, PeriodKey } from '@parc/shared';

/**
 * The reading's client id for the estimate of a counter in a period: the same every run, so the
 * unique client id makes estimating idempotent. A UUID (version 8: custom) from a SHA-256.
 */
export function estimateClientId(counterId: string, period: PeriodKey): string {
  const bytes = createHash('sha256').update(`estimate:${counterId}:${period}`).digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x80;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** What the partner reads beside the value: it is an estimate, and from what. */
export function estimateNote(basis: EstimateBasis): string {
  return `Estimate: ${basis.lastValue} on ${basis.lastDate} + ${basis.workingDays} working days × ${basis.pagesPerWorkingDay} pages/day`;
}
