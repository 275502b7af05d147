/**
 * What an attachment may be (domain.md §4, §7): an image, a PDF or a video, recognised by its bytes, at most
 * REPORT_LIMITS.attachmentBytesMax, never empty, stored under a harmless file name.
 */
import type { DomainError } from '../errors';
import { REPORT_LIMITS } from '../report/report';

export type AttachmentKind = 'image' | 'pdf' | 'video';

/** The accepted media types (as sniffed from the bytes, never as declared) and their kind. */
export const ACCEPTED_ATTACHMENT_TYPES: Readonly<Record<string, AttachmentKind>> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'image/gif': 'image',
  'image/avif': 'image',
  'image/heic': 'image',
  'application/pdf': 'pdf',
  'video/mp4': 'video',
  'video/webm': 'video',
  'video/quicktime': 'video',
  'video/3gpp': 'video',
};

/** The kind of an accepted media type, or undefined when the type is not accepted. */
export function attachmentKindOf(mime: string): AttachmentKind | undefined {
  return Object.hasOwn(ACCEPTED_ATTACHMENT_TYPES, mime) ? ACCEPTED_ATTACHMENT_TYPES[mime] : undefined;
}

const MB = REPORT_LIMITS.attachmentBytesMax / 1024 / 1024;

/** Why a file of this size cannot be an attachment (too large, or empty), or null. */
export function attachmentSizeError(size: number): DomainError | null {
  if (size > REPORT_LIMITS.attachmentBytesMax)
    return {
      code: 'TOO_LARGE',
      message: `Berkas melebihi ${MB} MB.`,
      fields: [{ field: 'file', code: 'too_big', message: `Ukuran berkas maksimal ${MB} MB.` }],
    };
  if (size === 0)
    return {
      code: 'VALIDATION',
      message: 'Berkas kosong.',
      fields: [{ field: 'file', code: 'empty', message: 'Berkas kosong.' }],
    };
  return null;
}

/** The name an attachment is stored and served under: letters, digits, `._ -` only, at most 120 characters. */
export function attachmentFilename(given: string, ext: string): string {
  return (given || `berkas.${ext}`).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
}
