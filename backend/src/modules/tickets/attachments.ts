import { DomainError } from '@parc/shared';
import { MAX_ATTACHMENT_BYTES, type AttachmentType, type AttachmentUpload } from '@parc/shared/contracts/tickets';

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) => signature.every((byte, index) => bytes[offset + index] === byte);

/** What the bytes really are, from their magic numbers: a declared type that lies is refused. */
export function detectImageType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  // RIFF....WEBP
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/** The decoded bytes of an upload whose content matches its declared image type and size limit. */
export function checkedAttachment(upload: AttachmentUpload): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(upload.dataBase64, 'base64'));
  if (bytes.length === 0) throw new DomainError('attachment.empty', { field: 'dataBase64' });
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('attachment.too_large', { field: 'dataBase64' });
  const type = detectImageType(bytes);
  if (!type) throw new DomainError('attachment.not_a_photo', { field: 'contentType' });
  if (type !== upload.contentType) throw new DomainError('attachment.type_mismatch', { actual: type, declared: upload.contentType, field: 'contentType' });
  return bytes;
}
