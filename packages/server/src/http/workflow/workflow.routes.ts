/** Workflow routes: lifecycle actions, the timeline per audience, identity reveal and its log. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { Caller } from '../../app/accounts/caller';
import { actOnReport } from '../../app/workflow/act-on-report';
import { NoCredentials } from '../../app/workflow/action-context';
import { readTimeline } from '../../app/workflow/read-timeline';
import { listIdentityReveals, revealIdentity } from '../../app/workflow/reveal-identity';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import { ProblemError } from '../problem';
import { AccessCodeHeader, TrackingParam } from '../reports/reports.schema';
import { presentTimelineView } from './timeline.presenter';
import { presentActionResult, presentRevealLog } from './workflow.presenter';
import {
  ActionInput,
  ActionResult,
  RevealInput,
  RevealLog,
  RevealLogQuery,
  RevealResult,
  Timeline,
} from './workflow.schema';

/** The signed-in caller, or 401: what only HTTP knows. */
function signedIn(caller: Caller | null): Caller {
  if (!caller) throw new ProblemError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. / Please sign in.');
  return caller;
}

/** An action needs a caller or an access code; the use case says when it had neither (after 404 and 403). */
const actorRequired = (err: unknown): never => {
  if (err instanceof NoCredentials)
    throw new ProblemError(
      'UNAUTHENTICATED',
      'Masuk, atau sertakan kode akses laporan ini (X-Access-Code). / Sign in, or give the access code.',
    );
  throw err;
};

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: z
        .object({ title: z.string(), status: z.number(), code: z.string(), reason: z.string().optional() })
        .passthrough(),
    },
  },
  description,
});

// A follow-up is at most 8,000 characters (≤ 32 KB); anything far beyond is not an action.
const MAX_JSON_BYTES = 64 * 1024;

const actionRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports/{trackingId}/actions',
  tags: ['workflow'],
  summary:
    'Take a lifecycle action on a report (verify, dispose down, acknowledge, follow up, reply, accept…)',
  description:
    'Signed-in staff act through the role grant the lifecycle allows; a guest reporter acts with the header ' +
    '`X-Access-Code`. A refused action changes nothing: 403 NOT_ALLOWED, 409 INVALID_TRANSITION, 422 VALIDATION, ' +
    '409 CONFLICT when the report changed meanwhile; the problem carries the domain `code` and `reason`.',
  request: {
    params: TrackingParam,
    headers: AccessCodeHeader,
    body: { content: { 'application/json': { schema: ActionInput } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: ActionResult } }, description: 'Done' },
    403: problemResponse('Not allowed for this caller'),
    404: problemResponse('No such report'),
    409: problemResponse('Not possible in this status, or the report changed meanwhile'),
    422: problemResponse('Invalid payload, named in `errors`'),
  },
});

const eventsRoute = createRoute({
  method: 'get',
  path: '/api/v1/reports/{trackingId}/events',
  tags: ['workflow'],
  summary: 'The timeline of a report, as the caller may see it (public, reporter, staff or oversight)',
  request: { params: TrackingParam, headers: AccessCodeHeader },
  responses: {
    200: { content: { 'application/json': { schema: Timeline } }, description: 'The events' },
    404: problemResponse('No such report, or a confidential one for the public'),
  },
});

const revealRoute = createRoute({
  method: 'post',
  path: '/api/v1/reports/{trackingId}/reveal-identity',
  tags: ['workflow'],
  summary: 'Reveal an anonymous reporter’s identity (national role with the reveal permission; logged)',
  request: {
    params: TrackingParam,
    body: { content: { 'application/json': { schema: RevealInput } }, required: true },
  },
  responses: {
    200: { content: { 'application/json': { schema: RevealResult } }, description: 'The identity' },
    403: problemResponse('Not allowed'),
    404: problemResponse('No such report'),
    422: problemResponse('A reason of at least 20 characters is required'),
  },
});

const revealLogRoute = createRoute({
  method: 'get',
  path: '/api/v1/oversight/identity-reveals',
  tags: ['workflow'],
  summary: 'The log of identity reveals, for oversight and the national admin',
  request: { query: RevealLogQuery },
  responses: {
    200: { content: { 'application/json': { schema: RevealLog } }, description: 'Reveals, newest first' },
    403: problemResponse('Not allowed'),
  },
});

/** Registers the workflow routes. */
export function workflowRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on('POST', '/api/v1/reports/:trackingId/actions', jsonBodyLimit(MAX_JSON_BYTES));
  app.openapi(actionRoute, async (c) => {
    const outcome = await actOnReport(c.get('deps'), c.req.valid('param').trackingId, c.req.valid('json'), {
      caller: c.get('caller'),
      accessCode: c.req.valid('header')['x-access-code'],
    }).catch(actorRequired);
    return c.json(presentActionResult(outcome), 200, { 'cache-control': 'no-store' });
  });
  app.openapi(eventsRoute, async (c) => {
    const timeline = await readTimeline(c.get('deps'), c.req.valid('param').trackingId, {
      caller: c.get('caller'),
      accessCode: c.req.valid('header')['x-access-code'],
    });
    return c.json(presentTimelineView(timeline), 200, { 'cache-control': 'no-store' });
  });
  app.openapi(revealRoute, async (c) => {
    const caller = signedIn(c.get('caller'));
    const revealed = await revealIdentity(
      c.get('deps'),
      c.req.valid('param').trackingId,
      c.req.valid('json').reason,
      caller,
    );
    return c.json(revealed, 200, { 'cache-control': 'no-store' });
  });
  app.openapi(revealLogRoute, async (c) => {
    const caller = signedIn(c.get('caller'));
    const page = c.req.valid('query');
    const log = await listIdentityReveals(c.get('deps'), caller, page);
    return c.json(presentRevealLog(log, page), 200, { 'cache-control': 'no-store' });
  });
}
