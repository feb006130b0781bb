/**
 * The technician's queued changes as kept on the phone. They are the contract's sync ops, except
 * that a photo is kept as a Blob (IndexedDB stores it as is) and becomes base64 only when sent.
 */
import type { AttachmentType, SyncOp } from '@parc/shared/contracts/tickets';
import { base64Of } from '../platform/base64.ts';

type AttachmentOp = Extract<SyncOp, { kind: 'request.attachment' }>;

export interface LocalPhoto {
  id: string;
  fileName: string;
  contentType: AttachmentType;
  blob: Blob;
}

export type LocalOp = Exclude<SyncOp, AttachmentOp> | (Omit<AttachmentOp, 'attachment'> & { attachment: LocalPhoto });

/** Whether the op changes or adds to a request (its state, fields, notes, photos), rather than a device. */
export function isRequestOp(op: LocalOp): op is Extract<LocalOp, { kind: `request.${string}` }> {
  return op.kind.startsWith('request.');
}

/** The outbox kind of the technician's ops. */
export const TECH_OP_KIND = 'tech.op';

/** The op as the server takes it: a photo's bytes in base64. */
export async function toWireOp(op: LocalOp): Promise<SyncOp> {
  if (op.kind !== 'request.attachment') return op;
  const { blob, ...meta } = op.attachment;
  return { ...op, attachment: { ...meta, dataBase64: await base64Of(blob) } };
}
