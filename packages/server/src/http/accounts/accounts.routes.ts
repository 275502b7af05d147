/** Account routes: `/api/v1/me`, and staff accounts (`/api/v1/staff`) for the national admin and coordinators. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { viewMe } from '../../app/accounts/me';
import { createStaff, deactivateStaff, listStaff } from '../../app/accounts/staff';
import { addStaffGrant, removeStaffGrant } from '../../app/accounts/staff-grants';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import {
  GrantInput,
  GrantParam,
  Me,
  StaffInput,
  StaffMember,
  StaffPage,
  StaffQuery,
  UserParam,
} from './accounts.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});

const meRoute = createRoute({
  method: 'get',
  path: '/api/v1/me',
  tags: ['accounts'],
  summary: 'The signed-in account: profile, role grants with institution names, password and TOTP state',
  responses: {
    200: { content: { 'application/json': { schema: Me } }, description: 'The account' },
    401: problemResponse('Not signed in'),
  },
});

const createStaffRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff',
  tags: ['accounts'],
  summary: 'Create a staff account (national admin; or a coordinator for its subtree)',
  description:
    'A one-time password is e-mailed to the new account, which must change it at the first sign-in. ' +
    'A coordinator creates staff of its institution (not another coordinator of it) and of the units below.',
  request: { body: { content: { 'application/json': { schema: StaffInput } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: StaffMember } }, description: 'Created' },
    401: problemResponse('Not signed in'),
    403: problemResponse('Outside the caller’s scope'),
    409: problemResponse('E-mail already in use'),
    422: problemResponse('Invalid fields'),
  },
});

const listStaffRoute = createRoute({
  method: 'get',
  path: '/api/v1/staff',
  tags: ['accounts'],
  summary: 'Staff accounts of an institution’s subtree (default: every subtree the caller manages)',
  request: { query: StaffQuery },
  responses: {
    200: { content: { 'application/json': { schema: StaffPage } }, description: 'A page of staff' },
    401: problemResponse('Not signed in'),
    403: problemResponse('Outside the caller’s scope'),
  },
});

const deactivateStaffRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/{userId}',
  tags: ['accounts'],
  summary: 'Deactivate a staff account: no more sign-ins, sessions end',
  request: { params: UserParam },
  responses: {
    204: { description: 'Deactivated' },
    401: problemResponse('Not signed in'),
    403: problemResponse('Outside the caller’s scope'),
    404: problemResponse('No such staff account'),
  },
});

const addGrantRoute = createRoute({
  method: 'post',
  path: '/api/v1/staff/{userId}/grants',
  tags: ['accounts'],
  summary: 'Give a staff account one more role (same reach as creating staff)',
  request: {
    params: UserParam,
    body: { content: { 'application/json': { schema: GrantInput } }, required: true },
  },
  responses: {
    201: {
      content: { 'application/json': { schema: z.object({ id: z.number().int() }) } },
      description: 'Granted',
    },
    401: problemResponse('Not signed in'),
    403: problemResponse('Outside the caller’s scope'),
    404: problemResponse('No such staff account in the caller’s scope'),
    409: problemResponse('The account already holds this role there'),
    422: problemResponse('Invalid fields'),
  },
});

const removeGrantRoute = createRoute({
  method: 'delete',
  path: '/api/v1/staff/{userId}/grants/{grantId}',
  tags: ['accounts'],
  summary: 'Take one role away from a staff account (not its last: deactivate instead)',
  request: { params: GrantParam },
  responses: {
    204: { description: 'Taken away' },
    401: problemResponse('Not signed in'),
    403: problemResponse('Outside the caller’s scope'),
    404: problemResponse('No such account or grant in the caller’s scope'),
    409: problemResponse('The account’s last role'),
  },
});

/** Registers the account routes. */
export function accountRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(meRoute, async (c) => {
    const me = await viewMe(c.get('deps'), requireCaller(c));
    return c.json(me, 200, { 'cache-control': 'no-store' });
  });
  app.openapi(createStaffRoute, async (c) => {
    const created = await createStaff(c.get('deps'), requireCaller(c), c.req.valid('json'));
    return c.json(created, 201);
  });
  app.openapi(listStaffRoute, async (c) => {
    const q = c.req.valid('query');
    const { items, total } = await listStaff(c.get('deps'), requireCaller(c), {
      institutionId: q.institutionId,
      limit: q.pageSize,
      offset: (q.page - 1) * q.pageSize,
    });
    return c.json({ items, page: q.page, pageSize: q.pageSize, total }, 200, { 'cache-control': 'no-store' });
  });
  app.openapi(addGrantRoute, async (c) => {
    const { userId } = c.req.valid('param');
    const id = await addStaffGrant(c.get('deps'), requireCaller(c), userId, c.req.valid('json'));
    return c.json({ id }, 201);
  });
  app.openapi(removeGrantRoute, async (c) => {
    const { userId, grantId } = c.req.valid('param');
    await removeStaffGrant(c.get('deps'), requireCaller(c), userId, grantId);
    return c.body(null, 204);
  });
  app.openapi(deactivateStaffRoute, async (c) => {
    await deactivateStaff(c.get('deps'), requireCaller(c), c.req.valid('param').userId);
    return c.body(null, 204);
  });
}
