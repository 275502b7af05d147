/** `POST /api/v1/admin/backups`: a backup of the running server (national admin; docs/backup.md). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { backupNow } from '../../app/backup/backup-now';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { problemResponse as problem } from '../problem';

const Made = z
  .object({
    path: z.string().openapi({ description: 'The backup folder on the server' }),
    engine: z.enum(['postgres', 'pglite']),
    createdAt: z.string(),
    dataKey: z.string().openapi({ description: 'Fingerprint of the data key a restore needs (not the key)' }),
    tables: z.number().int(),
    rows: z.number().int(),
    files: z.number().int(),
  })
  .openapi('BackupMade');

const route = createRoute({
  method: 'post',
  path: '/api/v1/admin/backups',
  tags: ['admin'],
  summary: 'Back up the database and attachments now, without the data key',
  responses: {
    201: { content: { 'application/json': { schema: Made } }, description: 'Made' },
    401: problem('Not signed in'),
    403: problem('Not the national admin'),
    409: problem('Backups are not available in this process'),
  },
});

export function backupRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(route, async (c) =>
    c.json(await backupNow(c.get('deps'), requireCaller(c), c.get('now')), 201),
  );
}
