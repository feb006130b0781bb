import { DomainError } from '@parc/shared';
import { MAX_ATTACHMENT_BYTES, type AttachmentUpload } from '@parc/shared/contracts/tickets';
import { detectFileType } from '../../http/file-type.ts';

/** The decoded bytes of an upload whose content matches its declared image type and size limit. */
export function checkedAttachment(upload: AttachmentUpload): Uint8Array {
  const bytes = new Uint8Array(Buffer.from(upload.dataBase64, 'base64'));
  if (bytes.length === 0) throw new DomainError('attachment.empty', { field: 'dataBase64' });
  if (bytes.length > MAX_ATTACHMENT_BYTES) throw new DomainError('attachment.too_large', { field: 'dataBase64' });
  const type = detectFileType(bytes);
  if (!type || type === 'application/pdf') throw new DomainError('attachment.not_a_photo', { field: 'contentType' });
  if (type !== upload.contentType) throw new DomainError('attachment.type_mismatch', { actual: type, declared: upload.contentType, field: 'contentType' });
  return bytes;
}
