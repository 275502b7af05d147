/** Upload of attachments before filing: sniffed, size-limited, images stripped of metadata. */
import { createHash, randomUUID } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { REPORT_LIMITS } from '@pintu/core';
import { bodyLimit } from 'hono/body-limit';
import { RejectedFile, sanitizeUpload } from '../../attachments/sanitize';
import { attachments } from '../../db/schema';
import type { AppEnv } from '../context';
import { fieldError, ProblemError } from '../problem';

const MAX = REPORT_LIMITS.attachmentBytesMax;
const tooLarge = () =>
  new ProblemError('TOO_LARGE', `Berkas melebihi ${MAX / 1024 / 1024} MB.`, [
    { field: 'file', code: 'too_big', message: `Ukuran berkas maksimal ${MAX / 1024 / 1024} MB.` },
  ]);

const Uploaded = z
  .object({
    id: z.string().uuid(),
    kind: z.string(),
    mime: z.string(),
    size: z.number(),
    filename: z.string(),
  })
  .openapi('Attachment');

const uploadRoute = createRoute({
  method: 'post',
  path: '/api/v1/attachments',
  tags: ['reports'],
  summary:
    'Upload one file (image, PDF or video, ≤ 10 MB); returns the id to list in the report’s attachmentIds',
  request: {
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({ file: z.any().openapi({ type: 'string', format: 'binary' }) }),
        },
      },
      required: true,
    },
  },
  responses: { 201: { content: { 'application/json': { schema: Uploaded } }, description: 'Stored' } },
});

/** Registers the upload route. */
export function attachmentRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on(
    'POST',
    '/api/v1/attachments',
    bodyLimit({
      maxSize: MAX + 64 * 1024,
      onError: () => {
        throw tooLarge();
      },
    }),
  );
  app.openapi(uploadRoute, async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new ProblemError('MALFORMED', 'Isi permintaan bukan multipart/form-data yang valid.', [
        {
          field: 'file',
          code: 'malformed',
          message: 'Kirim berkas sebagai multipart/form-data, kolom "file".',
        },
      ]);
    });
    const file = form.file;
    if (!(file instanceof File))
      throw fieldError('file', 'required', 'Wajib melampirkan satu berkas pada kolom "file".');
    if (file.size > MAX) throw tooLarge();
    if (file.size === 0) throw fieldError('file', 'empty', 'Berkas kosong.');
    let clean: Awaited<ReturnType<typeof sanitizeUpload>>;
    try {
      clean = await sanitizeUpload(Buffer.from(await file.arrayBuffer()));
    } catch (err) {
      if (err instanceof RejectedFile) throw fieldError('file', err.reason, err.message);
      throw err;
    }
    const id = randomUUID();
    const filename = (file.name || `berkas.${clean.ext}`).replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
    await c.var.blobs.put(id, clean.bytes);
    try {
      await c.var.db.insert(attachments).values({
        id,
        filename,
        mime: clean.mime,
        kind: clean.kind,
        size: clean.bytes.length,
        sha256: createHash('sha256').update(clean.bytes).digest('hex'),
        createdAt: c.var.now,
      });
    } catch (err) {
      await c.var.blobs.remove(id); // nothing partial: no row, no orphan file
      throw err;
    }
    return c.json({ id, kind: clean.kind, mime: clean.mime, size: clean.bytes.length, filename }, 201);
  });
}
