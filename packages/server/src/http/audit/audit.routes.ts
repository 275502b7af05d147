/**
 * The audit (issue 16, docs/audit.md): the signed daily checkpoints, public so that anyone can keep a copy, and the
 * full check of every report's chain for national oversight and the national admin.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { publishedCheckpoints, verifyAuditAsAuditor } from '../../app/audit/audit-access';
import { requireCaller } from '../auth/require';
import type { AppEnv } from '../context';
import { problemResponse as problem } from '../problem';

const tags = ['audit'];

const Checkpoint = z
  .object({
    seq: z.number().int(),
    at: z.string(),
    reports: z.number().int().openapi({ description: 'Reports (leaves) the root covers' }),
    events: z.number().int().openapi({ description: 'Events up to those heads' }),
    root: z.string().openapi({ description: 'Hex SHA-256 Merkle tree hash (RFC 6962) over the chain heads' }),
    prevRoot: z.string().nullable(),
    publicKey: z.string(),
    signature: z.string().openapi({ description: 'Base64 Ed25519 signature over the canonical statement' }),
  })
  .openapi('AuditCheckpoint');
const History = z
  .object({
    instance: z.string(),
    publicKey: z.string(),
    fingerprint: z.string(),
    checkpoints: z.array(Checkpoint),
  })
  .openapi('AuditCheckpoints');
const Report = z
  .object({
    ok: z.boolean(),
    reports: z.number().int(),
    events: z.number().int(),
    listed: z.number().int(),
    findings: z.array(
      z.object({
        reportId: z.number().int(),
        trackingId: z.string().nullable(),
        fault: z.enum([
          'no_events',
          'edited',
          'deleted',
          'reordered',
          'inserted',
          'rewritten_since_checkpoint',
        ]),
        seq: z.number().int(),
      }),
    ),
    checkpoints: z.object({
      count: z.number().int(),
      latest: z.number().int().nullable(),
      problems: z.array(z.object({ seq: z.number().int(), problem: z.string() })),
    }),
  })
  .openapi('AuditReport');

const historyRoute = createRoute({
  method: 'get',
  path: '/api/v1/audit/checkpoints',
  tags,
  summary: 'The signed audit checkpoints, oldest first, and the key that verifies them (public)',
  responses: {
    200: { content: { 'application/json': { schema: History } }, description: 'The history' },
    409: problem('The instance has no identity set up'),
  },
});
const verifyRoute = createRoute({
  method: 'post',
  path: '/api/v1/audit/verify',
  tags,
  summary: "Check every report's event chain and the checkpoints (national oversight, national admin)",
  responses: {
    200: {
      content: { 'application/json': { schema: Report } },
      description: 'The result; `ok` false names each report',
    },
    401: problem('Not signed in'),
    403: problem('Not national oversight or the national admin'),
    409: problem('The instance has no identity set up'),
  },
});

export function auditRoutes(app: OpenAPIHono<AppEnv>): void {
  app.openapi(historyRoute, async (c) => {
    c.header('cache-control', 'public, max-age=300');
    return c.json(await publishedCheckpoints(c.get('deps')), 200);
  });
  app.openapi(verifyRoute, async (c) =>
    c.json(await verifyAuditAsAuditor(c.get('deps'), requireCaller(c)), 200),
  );
}
