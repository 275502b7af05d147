/** The attachments port: an uploaded file's record, before a report (or an SK) claims it. */
import type { AttachmentKind } from '../intake/attachment-rules';

export interface NewAttachment {
  id: string;
  filename: string;
  mime: string;
  kind: AttachmentKind;
  size: number;
  /** Hex SHA-256 of the stored bytes. */
  sha256: string;
  createdAt: Date;
}

export interface Attachments {
  /** Records an upload whose bytes are already stored. */
  record(attachment: NewAttachment): Promise<void>;
}
