/** Report routes: file a report, read it (public or with the access code), list and search, fetch attachments. */
import { createHash } from 'node:crypto';
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { type FiledReport, fileReport, fileReportWithKey } from '../../app/reports/file-report';
import { readAttachment, viewReport } from '../../app/reports/view-report';
import { decodeCursor, searchPublicReports } from '../../db/postgres-public-reports';
import { requireAppPermission } from '../auth/api-key';
import { clientIp } from '../auth/client-ip';
import { jsonBodyLimit, tooLarge } from '../body-limit';
import { filerOf } from '../citizen/filer';
import type { AppEnv } from '../context';
import { jsonAnswer } from '../idempotency';
import { IDEMPOTENCY_KEY_PARAMETER } from '../idempotency.schema';
import { fieldError } from '../problem';
import { presentPublic } from './reports.presenter';
import {
  AccessCodeHeader,
  ReportCreated,
  ReportInput,
  ReportListQuery,
  ReportPage,
  ReportView,
  TrackingParam,
} from './reports.schema';
import { presentSight } from './sight.presenter';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});

/**
 * The public view of a report changes only when its handling does: shared caches may keep it half a minute and then
 * revalidate by ETag (304, no body). The list holds only public fields, so it may be kept briefly too.
 */
const PUBLIC_REPORT_CACHE = 'public, max-age=30, must-revalidate';
const PUBLIC_LIST_CACHE = 'public, max-age=15';

/** Whether `If-None-Match` names this tag (a list of tags, weak or strong, or `*`: RFC 9110 §13.1.2). */
function ifNoneMatch(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  return header.trim() === '*' || header.split(',').some((t) => t.trim().replace(/^W\//, '') === tag);
}

// A report is at most ~32 KB of text (8,000 characters of up to 4 bytes); anything far beyond is not a report.
const MAX_JSON_BYTES = 64 * 1024;

const createReportRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports',
  tags: ['reports'],
  summary: 'File a report (pengaduan, aspirasi, permintaan informasi)',
  description:
    'With `institutionId` the report goes to that institution’s queue, otherwise to the national queue. ' +
    'The response carries the trackingId and, once only, the access code.',
  parameters: [IDEMPOTENCY_KEY_PARAMETER],
  request: { body: { content: { 'application/json': { schema: ReportInput } }, required: true } },
  // Anonymous (the web form) or a regional app's API key with `reports:file` (ADR 0012).
  security: [{}, { bearerAuth: [] }] as Record<string, string[]>[],
  responses: {
    201: { content: { 'application/json': { schema: ReportCreated } }, description: 'Filed' },
    400: problemResponse('Malformed request, or an `Idempotency-Key` that is empty or over 255 characters'),
    409: problemResponse(
      'API key: this app already filed a report with this externalRef; or a request with this `Idempotency-Key` is still running (retry after `Retry-After`); or the same text came from the same contact, address or account within 24 hours (`reason` `duplicate_submission`, the report already filed in `errors[0].message`)',
    ),
    413: problemResponse('Too large'),
    422: problemResponse(
      'Invalid fields, named in `errors`; or the `Idempotency-Key` was used for another request',
    ),
    429: problemResponse(
      'Too many filings from this contact (e-mail, phone) or account (`reason` `filing_limit`); retry after `Retry-After` seconds (docs/abuse.md)',
    ),
  },
});

const getReportRoute = createRoute({
  method: 'get',
  path: '/api/v1/reports/{trackingId}',
  tags: ['reports'],
  summary:
    'A report: the public view, or the reporter’s full view with the access code (header X-Access-Code)',
  request: { params: TrackingParam, headers: AccessCodeHeader },
  responses: {
    200: {
      content: { 'application/json': { schema: ReportView } },
      description:
        'The report. The public view carries an `ETag` and may be cached (30 s, shared caches only for requests ' +
        'without a cookie, token or access code); the reporter’s and staff views are `no-store`.',
    },
    304: { description: 'Not modified: the public view still has the `If-None-Match` tag' },
    404: problemResponse('No such report'),
  },
});

const listReportsRoute = createRoute({
  method: 'get',
  path: '/api/v1/reports',
  tags: ['reports'],
  summary:
    'Public reports: full-text search (Indonesian), filters and pagination; confidential reports never appear',
  description:
    'Newest first, or by relevance with `q`: a search ranks the newest 1,000 matches. Page on with `cursor` ' +
    '(`nextCursor`); `total` is exact up to 1,000 and estimated beyond (`totalExact`).',
  request: { query: ReportListQuery },
  responses: {
    200: { content: { 'application/json': { schema: ReportPage } }, description: 'A page of reports' },
  },
});

const attachmentRoute = createRoute({
  method: 'get',
  path: '/api/v1/reports/{trackingId}/attachments/{id}',
  tags: ['reports'],
  summary:
    'An attachment of a report (public unless the report is confidential; else the access code is needed)',
  request: {
    params: TrackingParam.extend({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) }),
    headers: AccessCodeHeader,
  },
  responses: { 200: { description: 'The file' }, 404: problemResponse('Not found') },
});

/** Registers the report routes. */
export function reportRoutes(app: OpenAPIHono<AppEnv>): void {
  const streamLimit = jsonBodyLimit(MAX_JSON_BYTES);
  // With a Content-Length the check needs no body: Node's HTTP parser never reads past the declared length, and
  // skipping bodyLimit spares @hono/node-server from building a web Request per POST (≈ ⅓ of intake CPU).
  app.on('POST', '/api/v1/reports', async (c, next) => {
    const declared = c.req.header('content-length');
    if (declared === undefined || !/^\d+$/.test(declared)) return streamLimit(c, next);
    if (Number(declared) > MAX_JSON_BYTES) throw tooLarge(MAX_JSON_BYTES);
    await next();
  });
  app.openapi(createReportRoute, async (c) => {
    const { externalRef, website, ...fields } = c.req.valid('json');
    // Assigned, not spread: a property added after a spread costs ~1 µs on intake's hot path.
    const input = website ? Object.assign(fields, { honeypot: true }) : fields;
    if (c.get('caller')?.app) requireAppPermission(c, 'reports:file');
    else if (externalRef !== undefined)
      throw fieldError(
        'externalRef',
        'api_key_only',
        'externalRef hanya untuk aplikasi yang memakai kunci API.',
      );
    const filer = filerOf(c.get('caller'), externalRef, clientIp(c, c.get('deps').auth.trustProxy));
    let last: { created: FiledReport; answer: ReturnType<typeof jsonAnswer> } | undefined;
    // Built once per report drafted (the stored form is sealed): the one stored is the one sent.
    const answer = (created: FiledReport) => {
      if (last?.created !== created)
        last = {
          created,
          answer: jsonAnswer(c, 201, created, { location: `/api/v1/reports/${created.trackingId}` }),
        };
      return last.answer;
    };
    const keyed = c.get('idempotency');
    if (!keyed) {
      const created = await fileReport(c.get('deps'), input, filer);
      return c.json(created, 201, { location: `/api/v1/reports/${created.trackingId}` });
    }
    // The answer is stored with the report (http/idempotency.ts): what is sent is exactly what a retry gets.
    const created = await fileReportWithKey(c.get('deps'), input, filer, {
      lease: keyed.lease,
      fingerprint: keyed.fingerprint,
      answerOf: (filed) => answer(filed).stored,
    });
    keyed.outcome = created ? 'stored' : 'taken';
    // Taken: the middleware replays the answer stored first in place of this one.
    return created ? (answer(created).send() as never) : (c.body(null, 204) as never);
  });
  app.openapi(getReportRoute, async (c) => {
    // The caller rides along explicitly: since intake's one-variable deps (bad0052) it is no longer in c.get('deps').
    const sight = await viewReport(
      Object.assign({}, c.get('deps'), { caller: c.get('caller') }),
      c.req.valid('param').trackingId,
      c.req.valid('header')['x-access-code'],
    );
    const view = presentSight(sight);
    // Only the public view may be cached, and by a shared cache only when the request carried nothing personal.
    if (view.view !== 'public') return c.json(view, 200, { 'cache-control': 'no-store' });
    const body = JSON.stringify(view);
    const tag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    const personal = ['cookie', 'authorization', 'x-access-code'].some((h) => c.req.header(h) !== undefined);
    const headers = {
      etag: tag,
      'cache-control': personal ? 'private, no-cache' : PUBLIC_REPORT_CACHE,
      vary: 'Cookie, Authorization, X-Access-Code',
    };
    if (ifNoneMatch(c.req.header('if-none-match'), tag)) return c.body(null, 304, headers) as never;
    return c.body(body, 200, { ...headers, 'content-type': 'application/json' }) as never;
  });
  app.openapi(listReportsRoute, async (c) => {
    const q = c.req.valid('query');
    if (q.cursor && !decodeCursor(q.cursor))
      throw fieldError(
        'cursor',
        'invalid',
        'Kursor halaman tidak dikenal: gunakan nextCursor dari halaman sebelumnya.',
      );
    const { rows, total, totalExact, nextCursor } = await searchPublicReports(c.get('deps').db, q);
    return c.json(
      { items: rows.map(presentPublic), page: q.page, pageSize: q.pageSize, total, totalExact, nextCursor },
      200,
      { 'cache-control': PUBLIC_LIST_CACHE },
    );
  });
  app.openapi(attachmentRoute, async (c) => {
    const { trackingId, id } = c.req.valid('param');
    const file = await readAttachment(
      Object.assign({}, c.get('deps'), { caller: c.get('caller') }),
      trackingId,
      id,
      c.req.valid('header')['x-access-code'],
    );
    return c.body(new Uint8Array(file.bytes), 200, {
      'content-type': file.mime,
      'content-disposition': `inline; filename="${encodeURIComponent(file.filename)}"`,
      'x-content-type-options': 'nosniff',
      'cache-control': 'private, max-age=300',
    });
  });
}
