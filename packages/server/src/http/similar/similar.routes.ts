/** The similar-reports route: duplicate candidates for a report, for staff who handle it. */
import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import { findSimilar } from '../../app/reports/find-similar';
import type { AppEnv } from '../context';
import { problemResponse } from '../problem';
import { TrackingParam } from '../reports/reports.schema';
import { SimilarPage, SimilarQuery } from './similar.schema';

const similarRoute = createRoute({
  method: 'get',
  path: '/api/v1/reports/{trackingId}/similar',
  tags: ['workflow'],
  summary: 'Reports that look like this one, in your scope (duplicate candidates for archiving)',
  description:
    'Without `q`: reports whose title is trigram-similar to this report’s, ranked by title and opening-body ' +
    'similarity. With `q`: reports whose title or body matches the words, or the exact trackingId. Only reports ' +
    'in the caller’s scope; never the reporter’s identity. 404 unless the caller is staff of this report.',
  request: { params: TrackingParam, query: SimilarQuery },
  responses: {
    200: { content: { 'application/json': { schema: SimilarPage } }, description: 'Candidates, best first' },
    401: problemResponse('Not signed in'),
    404: problemResponse('No such report, or not yours to handle'),
    422: problemResponse('Invalid query'),
  },
});

/** Registers the similar-reports route. */
export function similarRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(similarRoute, async (c) => {
    const { trackingId } = c.req.valid('param');
    const page = await findSimilar(c.get('deps'), c.get('caller'), trackingId, c.req.valid('query'));
    return c.json(page, 200, { 'cache-control': 'no-store' });
  });
}
