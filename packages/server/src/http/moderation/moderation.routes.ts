/**
 * The moderation queue (docs/abuse.md): GET for the national admin. Its decisions are lifecycle actions on
 * POST /api/v1/reports/{trackingId}/actions (`release_flag`, `confirm_flag`), recorded in the report's history.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { FLAG_RULES, MODERATION_REASONS, type ModerationItem } from '@pintu/core';
import { listModerationQueue } from '../../app/moderation/moderation-queue';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { paging } from '../fields';
import { problemResponse as problem } from '../problem';

const Institution = z.object({ id: z.number(), name: z.string() }).nullable();

const ModerationQueue = z
  .object({
    items: z.array(
      z
        .object({
          trackingId: z.string(),
          title: z.string(),
          body: z.string(),
          status: z.string(),
          channel: z.string(),
          reason: z.enum(MODERATION_REASONS),
          source: z
            .enum(['rule', 'staff'])
            .openapi({ description: '`rule`: flagged at intake (see `rules`); `staff`: by its holder' }),
          rules: z.array(z.enum(FLAG_RULES)),
          flaggedAt: z.string(),
          note: z.string().nullable().openapi({ description: 'The staff note with the flag' }),
          institution: Institution.openapi({ description: 'The holder now; null: the national queue' }),
          requestedInstitution: Institution.openapi({ description: 'The institution the reporter chose' }),
          createdAt: z.string(),
        })
        .openapi('ModerationItem'),
    ),
    page: z.number(),
    pageSize: z.number(),
    total: z.number(),
  })
  .openapi('ModerationQueue');

const queueRoute = createRoute({
  method: 'get',
  path: '/api/v1/moderation/reports',
  tags: ['moderation'],
  summary: 'Reports flagged as spam or abusive that wait for the national admin (oldest flag first)',
  description:
    'Release a flag (back into normal handling) or confirm it (archived as `abusive`, hidden from the public, out ' +
    'of every evaluation) with the actions `release_flag` and `confirm_flag` on POST /api/v1/reports/{trackingId}/actions.',
  request: { query: z.object(paging) },
  responses: {
    200: { content: { 'application/json': { schema: ModerationQueue } }, description: 'A page of the queue' },
    401: problem('Not signed in'),
    403: problem('Not the national admin'),
  },
});

const present = (i: ModerationItem) => ({
  ...i,
  flaggedAt: i.flaggedAt.toISOString(),
  createdAt: i.createdAt.toISOString(),
});

/** Registers the moderation route. */
export function moderationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(queueRoute, async (c) => {
    const { page, pageSize } = c.req.valid('query');
    const queue = await listModerationQueue(c.get('deps'), requireCaller(c), page, pageSize);
    return c.json({ items: queue.items.map(present), page, pageSize, total: queue.total }, 200);
  });
}
