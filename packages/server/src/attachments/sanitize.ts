/**
 * Accepts an uploaded file only for what its bytes are (magic numbers, never the name or the declared type),
 * and re-encodes images so EXIF, GPS and other metadata that could identify the sender are gone (domain.md §7).
 */
import { type AttachmentKind, attachmentKindOf } from '@pintu/core';
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';

export class RejectedFile extends Error {
  constructor(
    readonly reason: 'unsupported_type' | 'unreadable_image',
    message: string,
  ) {
    super(message);
  }
}

export type { AttachmentKind };

export interface CleanFile {
  bytes: Buffer;
  mime: string;
  kind: AttachmentKind;
  ext: string;
}

/** Sniffs the bytes, refuses anything that is not an accepted image, PDF or video, and strips image metadata. */
export async function sanitizeUpload(bytes: Buffer): Promise<CleanFile> {
  const type = await fileTypeFromBuffer(bytes);
  const kind = type ? attachmentKindOf(type.mime) : undefined;
  if (!type || !kind) {
    throw new RejectedFile(
      'unsupported_type',
      `Jenis berkas tidak diterima${type ? ` (${type.mime})` : ''}: hanya gambar, PDF atau video.`,
    );
  }
  if (kind !== 'image') return { bytes, mime: type.mime, kind, ext: type.ext };
  try {
    // rotate() bakes the EXIF orientation into the pixels before the metadata is dropped (sharp drops it by default).
    const img = sharp(bytes, { limitInputPixels: 50_000_000, animated: type.mime === 'image/gif' }).rotate();
    if (type.mime === 'image/png')
      return { bytes: await img.png().toBuffer(), mime: 'image/png', kind, ext: 'png' };
    if (type.mime === 'image/webp')
      return { bytes: await img.webp().toBuffer(), mime: 'image/webp', kind, ext: 'webp' };
    if (type.mime === 'image/gif')
      return { bytes: await img.gif().toBuffer(), mime: 'image/gif', kind, ext: 'gif' };
    return {
      bytes: await img.jpeg({ quality: 85, mozjpeg: true }).toBuffer(),
      mime: 'image/jpeg',
      kind,
      ext: 'jpg',
    };
  } catch {
    throw new RejectedFile('unreadable_image', 'Gambar rusak atau tidak dapat dibaca.');
  }
}
