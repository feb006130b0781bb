import { DomainError } from '@parc/shared';
import { MAX_FLOOR_PLAN_BYTES, type FloorPlanType } from '@parc/shared/contracts/floorplans';

const startsWith = (bytes: Uint8Array, signature: number[]) => signature.every((byte, index) => bytes[index] === byte);

/**
 * What the uploaded bytes really are, from their first bytes rather than the declared type: a
 * renamed file or a declared type that lies is refused, and nothing else is ever served back.
 */
export function detectPlanType(bytes: Uint8Array): FloorPlanType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(head)) return 'image/svg+xml';
  return null;
}

/** The plan's type, or a bad_request saying what is accepted. */
export function checkedPlanImage(bytes: Uint8Array): FloorPlanType {
  if (bytes.length === 0) throw new DomainError('plan.empty', { field: 'image' });
  if (bytes.length > MAX_FLOOR_PLAN_BYTES) throw new DomainError('plan.too_large', { maximum: MAX_FLOOR_PLAN_BYTES, field: 'image' });
  const type = detectPlanType(bytes);
  if (!type) throw new DomainError('plan.wrong_type', { field: 'image' });
  return type;
}
