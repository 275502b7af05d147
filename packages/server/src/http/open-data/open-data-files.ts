/**
 * The daily files at `/open-data/<file>` (issue 15): only names the last dump's manifest lists, with their media
 * type, a strong ETag (the file's SHA-256) and Last-Modified (the dump's time), answering 304 to a conditional GET
 * — harvesters fetch every day and most days nothing changed. Streamed, never read whole.
 */
import { Readable } from 'node:stream';
import type { OpenAPIHono } from '@hono/zod-openapi';
import { openDumpFile } from '../../open-data/files';
import type { AppEnv, Deps } from '../context';

const TEXT_TYPES = new Set(['text/csv', 'application/json', 'application/ld+json', 'application/x-ndjson']);

export function openDataFileRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  app.on(['GET', 'HEAD'], '/open-data/:file', async (c) => {
    const dir = deps.openDataConfig?.dir;
    const found = dir ? await openDumpFile(dir, c.req.param('file')) : null;
    if (!found) return c.text('Berkas data terbuka tidak ada. / No such open-data file.', 404);
    const { entry, generatedAt } = found;
    const etag = `"${entry.sha256}"`;
    const modified = new Date(generatedAt);
    modified.setUTCMilliseconds(0);
    const headers: Record<string, string> = {
      'content-type': TEXT_TYPES.has(entry.mediaType) ? `${entry.mediaType}; charset=utf-8` : entry.mediaType,
      etag,
      'last-modified': modified.toUTCString(),
      'cache-control': 'public, max-age=3600',
      'x-content-type-options': 'nosniff',
    };
    const match = c.req.header('if-none-match');
    const since = c.req.header('if-modified-since');
    const unchanged = match
      ? match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag || t.trim() === '*')
      : since !== undefined && !Number.isNaN(Date.parse(since)) && Date.parse(since) >= modified.getTime();
    if (unchanged) return c.body(null, 304, headers);
    headers['content-length'] = String(entry.bytes);
    if (c.req.method === 'HEAD') return c.body(null, 200, headers);
    const body = Readable.toWeb(found.stream()) as unknown as ReadableStream<Uint8Array>;
    return c.body(body, 200, headers);
  });
}
