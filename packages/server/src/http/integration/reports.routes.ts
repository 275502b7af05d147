/**
 * The app's report routes (ADR 0012): list, read (with `ETag`) and act (with `If-Match`) on reports, with an API
 * key. A report outside the app's subtree is 404, the same as an unknown one.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { DomainFailure, type IntegrationReportRow } from '@pintu/core';
import { actForApp, listAppReports, viewAppReport } from '../../app/integration/app-reports';
import { requireAppPermission } from '../auth/api-key';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';
import { TrackingParam } from '../reports/reports.schema';
import { presentSight } from '../reports/sight.presenter';
import { presentTimelineView } from '../workflow/timeline.presenter';
import { presentActionResult } from '../workflow/workflow.presenter';
import { ActionInput, ActionResult } from '../workflow/workflow.schema';
import { IfMatchHeader, IntegrationReportPage, ReportsQuery } from './integration.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z.object({ title: z.string(), status: z.number(), code: z.string() }).passthrough(),
    },
  },
  description,
});
const keyErrors = {
  401: problemResponse('Missing, malformed, unknown, expired or revoked key (`WWW-Authenticate: Bearer`)'),
  403: problemResponse('The key lacks the permission, named in `errors`'),
  404: problemResponse('No such report in the app’s scope'),
  429: problemResponse('Over the key’s rate limit (`Retry-After`)'),
};
const security = [{ bearerAuth: [] }] as Record<string, string[]>[];
const tags = ['integration: app'];

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/integration/reports',
  tags,
  security,
  summary:
    'Reports the app filed (`scope=filed`) or its subtree holds (`held`), by (updatedAt, id), with a cursor',
  request: { query: ReportsQuery },
  responses: {
    200: { content: { 'application/json': { schema: IntegrationReportPage } }, description: 'A page' },
    422: problemResponse('A bad query value, named in `errors`'),
    ...keyErrors,
  },
});
const getRoute = createRoute({
  method: 'get',
  path: '/api/v1/integration/reports/{trackingId}',
  tags,
  security,
  summary:
    'One report as a liaison officer of the app’s institution sees it, with externalRef, version and ETag',
  request: { params: TrackingParam },
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({}).passthrough() } },
      description: 'The report',
    },
    ...keyErrors,
  },
});
const actRoute = createRoute({
  method: 'post',
  path: '/api/v1/integration/reports/{trackingId}/actions',
  tags,
  security,
  summary: 'Acknowledge, follow up, hold or return not-our-authority, as staff would; `If-Match` required',
  request: {
    params: TrackingParam,
    headers: IfMatchHeader,
    body: { content: { 'application/json': { schema: ActionInput } }, required: true },
  },
  responses: {
    200: {
      content: { 'application/json': { schema: ActionResult } },
      description: 'Done; `ETag` is the new version',
    },
    409: problemResponse('Not possible in this status'),
    412: problemResponse('The report changed since the version in `If-Match`'),
    422: problemResponse('Invalid payload, named in `errors`'),
    428: problemResponse('`If-Match` missing'),
    ...keyErrors,
  },
});

function presentRow(r: IntegrationReportRow) {
  return {
    trackingId: r.trackingId,
    title: r.title,
    status: r.status as z.infer<typeof IntegrationReportPage>['items'][number]['status'],
    institutionId: r.institutionId,
    channel: r.channel,
    externalRef: r.externalRef,
    dueAt: r.dueAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}

/** The version an `If-Match` names: `"12"`, `W/"12"` or `12`; null when there is none (428), NaN when malformed. */
function versionOf(ifMatch: string | undefined): number | null {
  if (ifMatch === undefined || ifMatch.trim() === '') return null;
  const m = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
  return m ? Number(m[1]) : Number.NaN;
}

const etag = (version: number) => `"${version}"`;

/** Registers the app's report routes. */
export function integrationReportRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A Pintu API key: `pintu_<prefix>_<secret>` (ADR 0012).',
  });
  app.openapi(listRoute, async (c) => {
    const caller = requireAppPermission(c, 'reports:read');
    const page = await listAppReports(c.get('deps'), caller.app, c.req.valid('query'));
    return c.json({ items: page.items.map(presentRow), nextCursor: page.nextCursor }, 200, {
      'cache-control': 'no-store',
    });
  });
  app.openapi(getRoute, async (c) => {
    const caller = requireAppPermission(c, 'reports:read');
    const view = await viewAppReport(c.get('deps'), caller, c.req.valid('param').trackingId);
    const body = {
      ...presentSight(view.sight),
      externalRef: view.externalRef,
      version: view.version,
      timeline: presentTimelineView(view.timeline).events,
    };
    return c.json(body, 200, { etag: etag(view.version), 'cache-control': 'no-store' });
  });
  app.on('POST', '/api/v1/integration/reports/:trackingId/actions', jsonBodyLimit(64 * 1024));
  app.openapi(actRoute, async (c) => {
    const caller = requireAppPermission(c, 'reports:act');
    const version = versionOf(c.req.valid('header')['if-match']);
    if (version === null)
      throw new ProblemError(
        'PRECONDITION_REQUIRED',
        'Sertakan If-Match dengan versi laporan (ETag terakhir).',
        [{ field: 'If-Match', code: 'required', message: 'If-Match wajib diisi.' }],
      );
    if (Number.isNaN(version))
      throw new ProblemError(
        'PRECONDITION_FAILED',
        'If-Match tidak dikenali; pakai ETag laporan, mis. "12".',
        [{ field: 'If-Match', code: 'invalid', message: 'If-Match tidak valid.' }],
      );
    try {
      const { outcome, version: now } = await actForApp(
        c.get('deps'),
        caller,
        c.req.valid('param').trackingId,
        version,
        c.req.valid('json'),
      );
      return c.json(presentActionResult(outcome), 200, { etag: etag(now), 'cache-control': 'no-store' });
    } catch (err) {
      if (err instanceof DomainFailure && err.error.code === 'CONFLICT' && err.error.reason === 'stale')
        throw new ProblemError('PRECONDITION_FAILED', err.error.message, [], 'precondition_failed');
      throw err;
    }
  });
}
