/** Upload of attachments before filing: the multipart form here, the rules and storage in the use case. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { REPORT_LIMITS } from '@pintu/core';
import { bodyLimit } from 'hono/body-limit';
import { uploadAttachment } from '../../app/attachments/upload-attachment';
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
    // Over the limit: refused before the bytes are copied (the use case checks the size again for other channels).
    if (file.size > MAX) throw tooLarge();
    const stored = await uploadAttachment(c.get('deps'), {
      bytes: Buffer.from(await file.arrayBuffer()),
      name: file.name,
    });
    return c.json(stored, 201);
  });
}
