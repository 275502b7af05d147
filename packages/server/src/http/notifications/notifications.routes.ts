/** In-app notifications of the signed-in account: `GET /api/v1/notifications`, mark one or all read. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listNotifications, markAllRead, markRead } from '../../app/notifications/in-app';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { problemResponse } from '../problem';

const Notification = z
  .object({
    id: z.number(),
    trackingId: z.string(),
    template: z.string(),
    title: z.string(),
    body: z.string(),
    createdAt: z.string(),
    readAt: z.string().nullable(),
  })
  .openapi('Notification');

const NotificationPage = z
  .object({ items: z.array(Notification), unread: z.number() })
  .openapi('NotificationPage');

const listRoute = createRoute({
  method: 'get',
  path: '/api/v1/notifications',
  tags: ['notifications'],
  summary: 'Your in-app notifications, newest first, with the number unread',
  request: {
    query: z.object({
      limit: z.coerce.number().int().min(1).max(100).default(30),
      before: z.coerce.number().int().positive().optional(),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: NotificationPage } }, description: 'A page' },
    401: problemResponse('Not signed in'),
  },
});

const IdParam = z.object({
  id: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'id', in: 'path' } }),
});

const readRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/{id}/read',
  tags: ['notifications'],
  summary: 'Marks one of your notifications read',
  request: { params: IdParam },
  responses: {
    200: { content: { 'application/json': { schema: z.object({ ok: z.boolean() }) } }, description: 'Read' },
    401: problemResponse('Not signed in'),
    404: problemResponse('Not one of your notifications'),
  },
});

const readAllRoute = createRoute({
  method: 'post',
  path: '/api/v1/notifications/read-all',
  tags: ['notifications'],
  summary: 'Marks all your notifications read',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ marked: z.number() }) } },
      description: 'How many were unread',
    },
    401: problemResponse('Not signed in'),
  },
});

/** Registers the notification routes. */
export function notificationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(listRoute, async (c) => {
    const p = requireCaller(c);
    const page = await listNotifications(c.get('deps'), p.userId, c.req.valid('query'));
    return c.json(page, 200, { 'cache-control': 'no-store' });
  });
  app.openapi(readAllRoute, async (c) => {
    const p = requireCaller(c);
    return c.json({ marked: await markAllRead(c.get('deps'), p.userId, c.get('now')) }, 200);
  });
  app.openapi(readRoute, async (c) => {
    const p = requireCaller(c);
    await markRead(c.get('deps'), p.userId, c.req.valid('param').id, c.get('now'));
    return c.json({ ok: true }, 200);
  });
}
