/** A citizen's own data: `/api/v1/me/reports`, `/api/v1/me/data` (download) and `/api/v1/me/erase` (UU PDP). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { eraseIdentity } from '../../app/citizen/erase-identity';
import { exportMyData } from '../../app/citizen/export-my-data';
import { listMyReports } from '../../app/citizen/my-reports';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { problemResponse as problem } from '../problem';
import { presentMyData } from './my-data.presenter';

const MyReport = z
  .object({
    trackingId: z.string(),
    type: z.string(),
    title: z.string(),
    status: z.string(),
    isAnonymous: z.boolean(),
    isConfidential: z.boolean(),
    institution: z.object({ id: z.number(), name: z.string() }).nullable(),
    createdAt: z.string(),
  })
  .openapi('MyReport');

const myReportsRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/reports',
  tags: ['citizen'],
  summary: 'My reports: the reports the signed-in citizen filed from this account, newest first',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ items: z.array(MyReport) }) } },
      description: 'Reports',
    },
    401: problem('Not signed in'),
  },
});

const myDataRoute = createRoute({
  method: 'get',
  path: '/api/v1/me/data',
  tags: ['citizen'],
  summary:
    'Download my data: the account, grants, notifications and every report filed with its timeline (JSON)',
  responses: {
    200: { content: { 'application/json': { schema: z.object({}).passthrough() } }, description: 'The data' },
    401: problem('Not signed in'),
  },
});

const EraseInput = z
  .object({ password: z.string().min(1).max(200) })
  .strict()
  .openapi('EraseInput');

const eraseRoute = createRoute({
  method: 'post',
  path: '/api/v1/me/erase',
  tags: ['citizen'],
  summary: 'Erase my identity: reports stay, pseudonymised; the account and its personal data are destroyed',
  request: { body: { content: { 'application/json': { schema: EraseInput } }, required: true } },
  responses: {
    200: {
      content: {
        'application/json': {
          schema: z.object({ erased: z.literal(true), reportsPseudonymised: z.number() }),
        },
      },
      description: 'Erased; the session ends',
    },
    401: problem('Not signed in'),
    403: problem('A staff account'),
    422: problem('Wrong password'),
  },
});

export function citizenRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(myReportsRoute, async (c) => {
    const p = requireCaller(c);
    return c.json({ items: await listMyReports(c.get('deps'), p.userId) }, 200, {
      'cache-control': 'no-store',
    });
  });
  app.openapi(myDataRoute, async (c) => {
    const p = requireCaller(c);
    const data = presentMyData(await exportMyData(c.get('deps'), p));
    return c.json(data, 200, {
      'cache-control': 'no-store',
      'content-disposition': `attachment; filename="pintu-data-saya-${c.get('now').toISOString().slice(0, 10)}.json"`,
    });
  });
  app.openapi(eraseRoute, async (c) => {
    const p = requireCaller(c);
    const out = await eraseIdentity(c.get('deps'), p, c.req.valid('json').password);
    return c.json(out, 200);
  });
}
