/**
 * The national admin's federation routes (ADR 0013): this instance's identity and fingerprint, the trusted peers and
 * the authority map, trusting a peer. The same steps as `npm run pintu -- federation …`.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { identityOfInstance, trustPeerAsAdmin, viewFederation } from '../../app/federation/manage-federation';
import { requireCaller } from '../auth/require';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import { problemResponse as problem } from '../problem';

const errors = {
  401: problem('Not signed in'),
  403: problem('Not the national admin'),
  409: problem('The instance has no identity set up, or an institution is handled by another peer'),
  422: problem('Invalid fields, named in `errors`'),
};
const tags = ['federation'];

const Peer = z
  .object({
    slug: z.string(),
    name: z.string(),
    baseUrl: z.string(),
    state: z.string(),
    fingerprint: z.string().openapi({ description: 'SHA-256 of the public key, read out between operators' }),
    trustedAt: z.string(),
    backlog: z
      .object({
        queued: z.number().int().openapi({ description: 'Messages not yet delivered to this peer' }),
        oldestQueuedAt: z
          .string()
          .nullable()
          .openapi({ description: 'When the oldest undelivered one was written' }),
        lastError: z.string().nullable(),
        lastErrorAt: z.string().nullable(),
        lastDeliveredAt: z.string().nullable(),
      })
      .openapi('FederationBacklog'),
  })
  .openapi('FederationPeer');
const View = z
  .object({
    self: z.object({ slug: z.string(), name: z.string(), baseUrl: z.string(), fingerprint: z.string() }),
    peers: z.array(Peer),
    authority: z.array(z.object({ institutionCode: z.string(), instance: z.string() })),
  })
  .openapi('FederationView');
const TrustInput = z
  .object({
    document: z
      .string()
      .min(1)
      .max(64 * 1024)
      .openapi({ description: "The peer's identity document, as printed" }),
    fingerprint: z
      .string()
      .min(1)
      .max(200)
      .openapi({ description: "The fingerprint the peer's operator read out" }),
  })
  .openapi('FederationTrustInput');

const viewRoute = createRoute({
  method: 'get',
  path: '/api/v1/federation',
  tags,
  summary: "This instance's fingerprint, the trusted peers and who handles which institution",
  responses: {
    200: { content: { 'application/json': { schema: View } }, description: 'The federation' },
    ...errors,
  },
});
const identityRoute = createRoute({
  method: 'get',
  path: '/api/v1/federation/identity',
  tags,
  summary: "This instance's signed identity document, to hand to a peer's operator",
  responses: {
    200: {
      content: { 'application/json': { schema: z.object({}).passthrough() } },
      description: 'The document',
    },
    ...errors,
  },
});
const trustRoute = createRoute({
  method: 'post',
  path: '/api/v1/federation/peers',
  tags,
  summary: 'Trust a peer from its identity document and the fingerprint its operator read out',
  request: { body: { content: { 'application/json': { schema: TrustInput } }, required: true } },
  responses: {
    201: { content: { 'application/json': { schema: Peer } }, description: 'Trusted' },
    ...errors,
  },
});

/** Registers the federation routes. */
export function federationRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on('POST', '/api/v1/federation/peers', jsonBodyLimit(96 * 1024));
  app.openapi(viewRoute, async (c) => c.json(await viewFederation(c.get('deps'), requireCaller(c)), 200));
  app.openapi(identityRoute, async (c) => {
    const document = await identityOfInstance(c.get('deps'), requireCaller(c));
    return c.body(document, 200, { 'content-type': 'application/json' }) as never;
  });
  app.openapi(trustRoute, async (c) => {
    const peer = await trustPeerAsAdmin(c.get('deps'), requireCaller(c), c.req.valid('json'));
    return c.json(peer, 201, { location: `/api/v1/federation/peers/${peer.slug}` });
  });
}
