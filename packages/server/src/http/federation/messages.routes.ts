/**
 * The federation's inbound door (ADR 0013, docs/federation.md §2): `POST /api/v1/federation/messages`, signed by a
 * trusted peer with Standard Webhooks' asymmetric `v1a` signature. No session and no API key: the signature is the
 * authentication, checked over the raw body before anything in it is read.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { receiveMessage } from '../../app/federation/receive-message';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import { ProblemError, problem, problemResponse } from '../problem';

/** A forwarded report carries its whole timeline and its files (5 × 10 MB, base64): room for both. */
const MAX_MESSAGE_BYTES = 80 * 1024 * 1024;

const route = createRoute({
  method: 'post',
  path: '/api/v1/federation/messages',
  tags: ['federation'],
  summary:
    "A peer instance's message (forwarded report, copy, events, reporter command), applied once and in order",
  description:
    'Headers `webhook-id: fed_<sender>_<trackingId>_<seq>`, `webhook-timestamp`, `webhook-signature: v1a,<Ed25519>`. ' +
    'Body `{ type, trackingId, seq, data }`. See docs/federation.md.',
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({ result: z.unknown() }) } },
      description:
        'Applied, or already applied before (`duplicate`); a command answers whether it was applied',
    },
    400: problemResponse('Not a federation message'),
    401: problemResponse('Not signed by a trusted peer, or the timestamp is older than 5 minutes'),
    409: {
      content: { 'application/json': { schema: z.object({ expectedSeq: z.number().int() }) } },
      description: 'A gap in the stream: the sender resends from `expectedSeq`',
    },
    422: problemResponse(
      'Refused: it would break this copy (chain, reference data, not a copy of the sender)',
    ),
  },
});

const CODES = { 400: 'MALFORMED', 401: 'UNAUTHENTICATED', 422: 'VALIDATION' } as const;

export function federationMessageRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on('POST', '/api/v1/federation/messages', jsonBodyLimit(MAX_MESSAGE_BYTES));
  app.openapi(route, async (c) => {
    const deps = c.get('deps');
    const raw = await c.req.text();
    const headers = {
      id: c.req.header('webhook-id') ?? '',
      timestamp: c.req.header('webhook-timestamp') ?? '',
      signature: c.req.header('webhook-signature') ?? '',
    };
    const got = await receiveMessage(deps, headers, raw);
    if (got.status === 200 || got.status === 409) return c.json(got.body as never, got.status);
    return problem(c, new ProblemError(CODES[got.status], got.detail)) as never;
  });
}
