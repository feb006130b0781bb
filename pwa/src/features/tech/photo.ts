/**
 * A photo from the camera as the server takes it: JPEG, PNG or WebP under 5 MB. A phone's photo
 * that is too large or in another format (HEIC) is redrawn as a JPEG at most 2048 px wide.
 */
import { ATTACHMENT_TYPES, MAX_ATTACHMENT_BYTES, type AttachmentType } from '@parc/shared/contracts/tickets';

export type PreparedPhoto = { ok: true; blob: Blob; contentType: AttachmentType; fileName: string } | { ok: false; reason: 'unsupported' | 'too_large' };

const MAX_SIDE = 2048;

const isAttachmentType = (type: string): type is AttachmentType => (ATTACHMENT_TYPES as readonly string[]).includes(type);

async function redrawAsJpeg(file: Blob): Promise<Blob | null> {
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d')?.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    bitmap.close();
    return await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  } catch {
    return null;
  }
}

export async function preparePhoto(file: File): Promise<PreparedPhoto> {
  if (isAttachmentType(file.type) && file.size <= MAX_ATTACHMENT_BYTES) return { ok: true, blob: file, contentType: file.type, fileName: file.name || 'photo' };
  const jpeg = await redrawAsJpeg(file);
  if (!jpeg) return { ok: false, reason: 'unsupported' };
  if (jpeg.size > MAX_ATTACHMENT_BYTES) return { ok: false, reason: 'too_large' };
  return { ok: true, blob: jpeg, contentType: 'image/jpeg', fileName: `${(file.name || 'photo').replace(/\.[^.]*$/, '')}.jpg` };
}
