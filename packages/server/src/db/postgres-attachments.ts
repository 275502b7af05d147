/** The attachments port over PostgreSQL: an upload's row (its bytes are in the blob store). */
import type { Attachments } from '@pintu/core';
import type { Db } from './open';
import { attachments } from './schema';

export function postgresAttachments(db: Db): Attachments {
  return {
    async record(a) {
      await db.insert(attachments).values({
        id: a.id,
        filename: a.filename,
        mime: a.mime,
        kind: a.kind,
        size: a.size,
        sha256: a.sha256,
        createdAt: a.createdAt,
      });
    },
  };
}
