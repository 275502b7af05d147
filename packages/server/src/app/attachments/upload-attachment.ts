/** Upload of an attachment before filing: sniffed, size-limited, images stripped of metadata, stored whole or not. */
import { createHash, randomUUID } from 'node:crypto';
import { attachmentFilename, attachmentSizeError, DomainFailure, failField } from '@pintu/core';
import { type CleanFile, RejectedFile, sanitizeUpload } from '../../attachments/sanitize';
import type { AppDeps } from '../deps';

/** A file as it arrived (the web's from multipart/form-data). */
export interface UploadedFile {
  bytes: Buffer;
  /** The name the sender gave, if any: kept only in a harmless form. */
  name: string;
}

export interface StoredAttachment {
  id: string;
  kind: string;
  mime: string;
  size: number;
  filename: string;
}

/** Turns received bytes into what may be stored (the sanitiser; tests may pass their own). */
export type Sanitize = (bytes: Buffer) => Promise<CleanFile>;

/** Refuses what an attachment may not be (size, type, unreadable image), then stores the bytes and the record. */
export async function uploadAttachment(
  deps: Pick<AppDeps, 'attachments' | 'blobs'> & { now: Date },
  file: UploadedFile,
  sanitize: Sanitize = sanitizeUpload,
): Promise<StoredAttachment> {
  const sizeError = attachmentSizeError(file.bytes.length);
  if (sizeError) throw new DomainFailure(sizeError);
  let clean: CleanFile;
  try {
    clean = await sanitize(file.bytes);
  } catch (err) {
    if (err instanceof RejectedFile) failField('file', err.reason, err.message);
    throw err;
  }
  const id = randomUUID();
  const filename = attachmentFilename(file.name, clean.ext);
  await deps.blobs.put(id, clean.bytes);
  try {
    await deps.attachments.record({
      id,
      filename,
      mime: clean.mime,
      kind: clean.kind,
      size: clean.bytes.length,
      sha256: createHash('sha256').update(clean.bytes).digest('hex'),
      createdAt: deps.now,
    });
  } catch (err) {
    await deps.blobs.remove(id); // nothing partial: no row, no orphan file
    throw err;
  }
  return { id, kind: clean.kind, mime: clean.mime, size: clean.bytes.length, filename };
}
