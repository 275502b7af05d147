/**
 * Open data (issue 15, docs/open-data.md): the public reports page by page, the aggregates by the small-count
 * rule, the index of the daily files (`/api/v1/open-data/*`), the files themselves (`/open-data/<file>`, in
 * open-data-files.ts), and a handler's switch that withholds an attachment from publication. Open data is meant
 * for other sites: every read allows any origin (CORS, and Cross-Origin-Resource-Policy in app.ts).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DomainFailure } from '@pintu/core';
import type { Context, Next } from 'hono';
import { DICTIONARY } from '../../app/open-data/dictionary';
import { listOpenReports } from '../../app/open-data/list-open-reports';
import { openAggregates } from '../../app/open-data/open-aggregates';
import { LICENCE, SMALL_COUNT_RULE } from '../../app/open-data/publication';
import { setAttachmentPublication } from '../../app/open-data/withhold-attachment';
import { readManifest } from '../../open-data/files';
import type { AppEnv, Deps } from '../context';
import { ProblemError, problemResponse, zodFieldErrors } from '../problem';
import { TrackingParam } from '../reports/reports.schema';
import {
  OpenAggregates,
  OpenAggregatesQuery,
  OpenDataIndex,
  OpenReportPage,
  OpenReportsQuery,
  PublicationInput,
  PublicationState,
} from './open-data.schema';
import { openDataFileRoutes } from './open-data-files';

const PUBLIC_CACHE = { 'cache-control': 'public, max-age=300' };

/**
 * Open-data queries answer 400 (not the API's usual 422): they are query strings of a GET, not a submitted entity.
 * One entry per field, from the schema or from the use case's own checks.
 */
const badQuery = (fields: { field: string; code: string; message: string }[]) =>
  new ProblemError('MALFORMED', 'Parameter data terbuka tidak valid. / Invalid open-data query.', fields);

// Typed loosely on purpose: hono's Hook type is per route, and this one only ever throws.
// biome-ignore lint/suspicious/noExplicitAny: see above
const queryHook = (result: { success: boolean; error?: unknown }): any => {
  if (!result.success) throw badQuery(zodFieldErrors(result.error as z.ZodError, 'query'));
};

async function asBadQuery<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    if (err instanceof DomainFailure && err.error.code === 'VALIDATION')
      throw badQuery(
        (err.error.fields ?? []).map((f) => ({ ...f, field: `query.${f.field}`, code: f.code ?? 'invalid' })),
      );
    throw err;
  }
}

/** Any origin may read open data (no cookies ride on it: credentials are never allowed). */
export async function openCors(c: Context, next: Next) {
  if (c.req.method === 'OPTIONS')
    return c.body(null, 204, {
      'access-control-allow-origin': '*',
      'access-control-allow-methods': 'GET, HEAD, OPTIONS',
      'access-control-allow-headers': 'if-none-match, if-modified-since',
      'access-control-max-age': '86400',
    });
  await next();
  c.header('access-control-allow-origin', '*');
  c.header('access-control-expose-headers', 'etag, last-modified, content-length');
}

const reportsRoute = createRoute({
  method: 'get',
  path: '/api/v1/open-data/reports',
  tags: ['open data'],
  summary: 'Public reports as open data, page by page (keyset: follow `next`)',
  description:
    'Never a confidential report, nothing about the reporter, no free text, the place at regency level at most. ' +
    'A page past the end is empty with `next: null`; an unknown cursor or a bad filter is 400 with one entry per field.',
  request: { query: OpenReportsQuery },
  responses: {
    200: { content: { 'application/json': { schema: OpenReportPage } }, description: 'A page' },
    400: problemResponse('Bad filter or cursor'),
  },
});

const aggregatesRoute = createRoute({
  method: 'get',
  path: '/api/v1/open-data/aggregates',
  tags: ['open data'],
  summary: 'Report counts by month × province × regency × topic × status, and province-month totals',
  description: `Confidential reports count here. ${SMALL_COUNT_RULE.en}`,
  request: { query: OpenAggregatesQuery },
  responses: {
    200: { content: { 'application/json': { schema: OpenAggregates } }, description: 'Counts' },
    400: problemResponse('Bad filter'),
    404: problemResponse('Open data is not set up on this instance'),
  },
});

const indexRoute = createRoute({
  method: 'get',
  path: '/api/v1/open-data',
  tags: ['open data'],
  summary: 'The open-data files (sizes, dates, hashes), the licence, the small-count rule and the dictionary',
  responses: { 200: { content: { 'application/json': { schema: OpenDataIndex } }, description: 'Index' } },
});

const publicationRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports/{trackingId}/attachments/{id}/publication',
  tags: ['workflow'],
  summary: 'Withhold an attachment from publication (public view, Open311, open data), or publish it again',
  request: {
    params: TrackingParam.extend({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    body: { content: { 'application/json': { schema: PublicationInput } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: PublicationState } }, description: 'Done' },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such attachment, or not yours to handle'),
  },
});

/** Registers the open-data routes; `deps` as createApp has them (the files are served outside /api). */
export function openDataRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  for (const path of ['/api/v1/open-data', '/api/v1/open-data/*', '/open-data/*']) app.use(path, openCors);
  const baseUrl = () => (deps.instance?.baseUrl ?? '').replace(/\/+$/, '');

  app.openapi(
    reportsRoute,
    async (c) => {
      const page = await asBadQuery(() => listOpenReports(c.get('deps'), c.req.valid('query'), baseUrl()));
      return c.json(page, 200, PUBLIC_CACHE);
    },
    queryHook,
  );
  app.openapi(
    aggregatesRoute,
    async (c) => {
      const config = deps.openDataConfig;
      if (!config)
        throw new ProblemError('NOT_FOUND', 'Data terbuka belum diatur. / Open data is not set up.');
      const q = c.req.valid('query');
      const found = await asBadQuery(() =>
        openAggregates(c.get('deps'), q, c.get('now'), config.cellKeySecret),
      );
      return c.json(Object.assign({ rule: SMALL_COUNT_RULE }, found), 200, PUBLIC_CACHE);
    },
    queryHook,
  );
  app.openapi(indexRoute, async (c) => {
    const manifest = deps.openDataConfig ? await readManifest(deps.openDataConfig.dir) : null;
    return c.json(
      {
        generatedAt: manifest?.generatedAt ?? null,
        licence: LICENCE,
        rule: SMALL_COUNT_RULE,
        temporal: manifest?.temporal ?? null,
        files: manifest?.files ?? [],
        dictionary: [...DICTIONARY],
      },
      200,
      PUBLIC_CACHE,
    );
  });
  app.openapi(publicationRoute, async (c) => {
    const { trackingId, id } = c.req.valid('param');
    const state = await setAttachmentPublication(
      c.get('deps'),
      c.get('caller'),
      trackingId,
      id,
      c.req.valid('json').withheld,
    );
    return c.json(state, 200);
  });
  openDataFileRoutes(app, deps);
}
