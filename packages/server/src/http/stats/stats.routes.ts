/**
 * The statistics API (domain.md §9): public aggregates (summary, rankings, trends, by category, by region,
 * aspirations, the evaluation PDF) and staff-only oversight lists (overdue, silent institutions). Every list and
 * summary is also a CSV or XLSX download with `format=`.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { statsAspirations } from '../../app/stats/aspirations';
import { statsByCategory, statsByRegion, statsRankings, statsTrends } from '../../app/stats/breakdowns';
import { overdueReports, silentInstitutions } from '../../app/stats/oversight';
import { resolvePeriod, resolveScope } from '../../app/stats/resolve';
import { statsSummary } from '../../app/stats/summary';
import type { AppEnv } from '../context';
import { problemResponse } from '../problem';
import { evaluationPdf } from './evaluation-pdf';
import { type ExportTable, exportResponse } from './export-table';
import * as present from './stats.presenter';
import * as S from './stats.schema';

const downloads = {
  'text/csv': { schema: z.string() },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    schema: z.string().openapi({ format: 'binary' }),
  },
};
const ok = (schema: z.ZodType, description: string) => ({
  200: { content: { 'application/json': { schema }, ...downloads }, description },
  422: problemResponse('Invalid parameter (the field is named)'),
});

const get = (path: string, summary: string, description: string, query: z.ZodObject, schema: z.ZodType) =>
  createRoute({
    method: 'get',
    path,
    tags: ['stats'],
    summary,
    description,
    request: { query },
    responses: ok(schema, summary),
  });

const AGG =
  'Aggregates only: confidential reports count, but no report content or reporter identity is exposed.';

const routes = {
  summary: get(
    '/api/v1/stats/summary',
    'Indicators of a scope and period',
    `Public. No institutionId/regionCode = national. Period by disposition date, default the current year to date. ${AGG}`,
    S.ScopeQuery,
    S.Summary,
  ),
  rankings: get(
    '/api/v1/stats/rankings',
    'Ranking of regional governments or ministries',
    `Public. Each top-level institution summed over its subtree; best completion rate first. ${AGG}`,
    S.RankingsQuery,
    S.Rankings,
  ),
  trends: get(
    '/api/v1/stats/trends',
    'Monthly trend',
    `Public. items: { month, received, resolved, completionRate, followUpRate, averageFollowUpSpeed }. ${AGG}`,
    S.ScopeQuery,
    S.ItemList,
  ),
  byCategory: get(
    '/api/v1/stats/by-category',
    'By category',
    `Public. items: { categoryId, name, received, resolved, completionRate }. ${AGG}`,
    S.ScopeQuery,
    S.ItemList,
  ),
  byRegion: get(
    '/api/v1/stats/by-region',
    'By province of the report location',
    `Public. items: { regionCode, name, received, resolved, completionRate, overdueNow }. ${AGG}`,
    S.ByRegionQuery,
    S.ItemList,
  ),
  aspirations: get(
    '/api/v1/stats/aspirations',
    'Aspirations by topic and region, most frequent terms',
    `Public, for development planning (musrenbang); period by filing date. Terms come from non-confidential aspirations only and must occur in at least 3 reports. ${AGG}`,
    S.AspirationsQuery,
    S.Aspirations,
  ),
  overdue: get(
    '/api/v1/stats/overdue',
    'Reports overdue now',
    'Staff only: national admin and national oversight see all, institution staff their own subtree. items: { trackingId, institutionId, institutionName, stage, dueAt, workingDaysOverdue }; no identity, no title or body.',
    S.OversightQuery,
    S.ItemList,
  ),
  silent: get(
    '/api/v1/stats/silent-institutions',
    'Institutions that never answer',
    'Staff only (as overdue). Institutions that received reports in the period and published no follow-up on any. items: { institutionId, name, kind, connected, received, notFollowedUp }.',
    S.OversightQuery,
    S.ItemList,
  ),
};

const evaluationRoute = createRoute({
  method: 'get',
  path: '/api/v1/stats/institutions/{id}/evaluation.pdf',
  tags: ['stats'],
  summary: 'Printable evaluation report of an institution (with its units) and period',
  description: `Public PDF with the indicators, SLA compliance, backlog and the monthly trend. ${AGG}`,
  request: { params: S.EvaluationParams, query: S.PeriodQuery.omit({ format: true }) },
  responses: {
    200: {
      content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } },
      description: 'PDF',
    },
    422: problemResponse('Invalid parameter'),
  },
});

/** JSON, or the table as a download. */
async function answer(
  c: Context<AppEnv>,
  format: string | undefined,
  body: unknown,
  table: () => ExportTable,
) {
  if (format === 'csv' || format === 'xlsx') return exportResponse(table(), format);
  return c.json(body, 200, { 'cache-control': 'no-store' });
}

/** Registers the statistics routes. */
export function statsRoutes(app: OpenAPIHono<AppEnv>): void {
  const scoped = async (c: Context<AppEnv>, q: S.ScopeParamsIn) => ({
    resolved: await resolveScope(c.get('deps'), q),
    period: resolvePeriod(q, c.get('now')),
  });

  app.openapi(routes.summary, (async (c: Context<AppEnv>) => {
    const q = S.ScopeQuery.parse(c.req.query());
    const { resolved, period } = await scoped(c, q);
    const s = await statsSummary(c.get('deps'), resolved, period, c.get('now'), S.gradeScaleOf(q));
    return answer(c, q.format, s, () => present.summaryTable(s));
  }) as never);
  app.openapi(routes.rankings, (async (c: Context<AppEnv>) => {
    const q = S.RankingsQuery.parse(c.req.query());
    const r = await statsRankings(
      c.get('deps'),
      q.kind,
      resolvePeriod(q, c.get('now')),
      q.limit,
      S.gradeScaleOf(q),
    );
    return answer(c, q.format, r, () => present.rankingsTable(r));
  }) as never);
  app.openapi(routes.trends, (async (c: Context<AppEnv>) => {
    const q = S.ScopeQuery.parse(c.req.query());
    const { resolved, period } = await scoped(c, q);
    const t = await statsTrends(c.get('deps'), resolved.scope, period);
    return answer(c, q.format, t, () => present.trendsTable(t));
  }) as never);
  app.openapi(routes.byCategory, (async (c: Context<AppEnv>) => {
    const q = S.ScopeQuery.parse(c.req.query());
    const { resolved, period } = await scoped(c, q);
    const t = await statsByCategory(c.get('deps'), resolved.scope, period);
    return answer(c, q.format, t, () => present.byCategoryTable(t));
  }) as never);
  app.openapi(routes.byRegion, (async (c: Context<AppEnv>) => {
    const q = S.ByRegionQuery.parse(c.req.query());
    const { resolved, period } = await scoped(c, q);
    const t = await statsByRegion(c.get('deps'), resolved.scope, period, c.get('now'));
    return answer(c, q.format, t, () => present.byRegionTable(t));
  }) as never);
  app.openapi(routes.aspirations, (async (c: Context<AppEnv>) => {
    const q = S.AspirationsQuery.parse(c.req.query());
    const a = await statsAspirations(c.get('deps'), resolvePeriod(q, c.get('now')), q.regionCode);
    return answer(c, q.format, a, () => present.aspirationsTable(a));
  }) as never);
  app.openapi(routes.overdue, (async (c: Context<AppEnv>) => {
    const q = S.OversightQuery.parse(c.req.query());
    const t = await overdueReports(c.get('deps'), c.get('caller'), q);
    return answer(c, q.format, t, () => present.overdueTable(t));
  }) as never);
  app.openapi(routes.silent, (async (c: Context<AppEnv>) => {
    const q = S.OversightQuery.parse(c.req.query());
    const t = await silentInstitutions(c.get('deps'), c.get('caller'), q, resolvePeriod(q, c.get('now')));
    return answer(c, q.format, t, () => present.silentTable(t));
  }) as never);
  app.openapi(evaluationRoute, (async (c: Context<AppEnv>) => {
    const { id } = S.EvaluationParams.parse(c.req.param());
    const q = S.PeriodQuery.parse(c.req.query());
    const resolved = await resolveScope(c.get('deps'), { institutionId: id, subtree: true }, 'id');
    const period = resolvePeriod(q, c.get('now'));
    const s = await statsSummary(c.get('deps'), resolved, period, c.get('now'));
    const t = await statsTrends(c.get('deps'), resolved.scope, period);
    const pdf = await evaluationPdf(s, t, c.get('now'));
    return new Response(pdf, {
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `attachment; filename="evaluasi-${id}-${period.from}-${period.to}.pdf"`,
        'cache-control': 'no-store',
      },
    });
  }) as never);
}
