/** The staff inbox route. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listInbox } from '../../app/institutions/list-inbox';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { presentInboxItem } from './inbox.presenter';
import { InboxPage, InboxQuery } from './inbox.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});

const inboxRoute = createRoute({
  method: 'get',
  path: '/api/v1/inbox',
  tags: ['inbox'],
  summary: 'The staff inbox: one queue of open reports in your scope, with the counts of every queue',
  description:
    'Queues: `to_verify`, `to_acknowledge`, `in_progress`, `awaiting_reporter`, `on_hold`, `overdue` (a verify, ' +
    'acknowledge or follow-up deadline has passed). Sorted by deadline (default) or newest. Items never carry ' +
    'the reporter’s identity.',
  request: { query: InboxQuery },
  responses: {
    200: { content: { 'application/json': { schema: InboxPage } }, description: 'A page of the queue' },
    403: problemResponse('Not staff'),
    422: problemResponse('Invalid query'),
  },
});

/** Registers the inbox route. */
export function inboxRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(inboxRoute, async (c) => {
    const { now, calendar } = c.get('deps');
    const { rows, actors, ...page } = await listInbox(c.get('deps'), requireCaller(c), c.req.valid('query'));
    const ctx = { actors, calendar: calendar.get(), decreedYears: calendar.decreedYears(), now };
    const items = rows.map((row) => presentInboxItem(row, ctx));
    return c.json(
      {
        queue: page.queue,
        counts: page.counts,
        countsExact: page.countsExact,
        items,
        page: page.page,
        pageSize: page.pageSize,
        total: page.total,
      },
      200,
      { 'cache-control': 'no-store' },
    );
  });
}
