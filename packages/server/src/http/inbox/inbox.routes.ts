/** The staff inbox route. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listInbox } from '../../app/institutions/list-inbox';
import type { AppEnv } from '../context';
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
    const page = await listInbox(c.var, c.var.principal, c.req.valid('query'));
    return c.json(page, 200, { 'cache-control': 'no-store' });
  });
}
