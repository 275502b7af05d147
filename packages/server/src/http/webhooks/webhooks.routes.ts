/**
 * Webhook endpoints of an integration app and their delivery log (issue 12 §5, ADR 0012), for a signed-in
 * developer of the app's institution: register (the secret is shown once), list, read, change, delete, rotate the
 * secret, send a test event, read the log newest first, replay a delivery.
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import type { WebhookDeliveryRecord, WebhookEndpointRecord } from '@pintu/core';
import {
  deleteWebhookEndpoint,
  rotateWebhookSecret,
  updateWebhookEndpoint,
} from '../../app/webhooks/change-webhook-endpoint';
import { getWebhookEndpoint, listWebhookEndpoints } from '../../app/webhooks/list-webhook-endpoints';
import { registerWebhookEndpoint } from '../../app/webhooks/register-webhook-endpoint';
import {
  listWebhookDeliveries,
  replayWebhookDelivery,
  sendTestEvent,
} from '../../app/webhooks/webhook-deliveries';
import { requireCaller } from '../auth/require';
import { jsonBodyLimit } from '../body-limit';
import type { AppEnv } from '../context';
import {
  AppIdParam,
  Delivery,
  DeliveryIdParam,
  DeliveryPage,
  DeliveryQuery,
  Endpoint,
  EndpointIdParam,
  EndpointInput,
  EndpointPatch,
  EndpointWithSecret,
  RotatedSecret,
} from './webhooks.schema';

const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': { schema: z.object({ title: z.string(), status: z.number() }).passthrough() },
  },
  description,
});
const errors = {
  401: problemResponse('Not signed in'),
  404: problemResponse('No such app, endpoint or delivery among those you manage'),
  422: problemResponse(
    'Invalid fields, named in `errors` (a URL that is not https or reaches a private address)',
  ),
};
const tags = ['webhooks'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description,
});
const body = <T extends z.ZodType>(schema: T) => ({
  body: { content: { 'application/json': { schema } }, required: true },
});
const BASE = '/api/v1/integration';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const presentEndpoint = (e: WebhookEndpointRecord) => ({
  ...e,
  disabledAt: iso(e.disabledAt),
  failingSince: iso(e.failingSince),
  previousSecretUntil: iso(e.previousSecretUntil),
  createdAt: e.createdAt.toISOString(),
});
const presentDelivery = (d: WebhookDeliveryRecord) => ({
  ...d,
  status: d.status as 'pending',
  nextAttemptAt: iso(d.nextAttemptAt),
  createdAt: d.createdAt.toISOString(),
  deliveredAt: iso(d.deliveredAt),
});

const createRoute_ = createRoute({
  method: 'post',
  path: `${BASE}/apps/{appId}/webhooks`,
  tags,
  summary: 'Register a webhook endpoint; the answer carries its secret, shown only this once',
  request: { params: AppIdParam, ...body(EndpointInput) },
  responses: { 201: json(EndpointWithSecret, 'Registered'), ...errors },
});
const listRoute = createRoute({
  method: 'get',
  path: `${BASE}/apps/{appId}/webhooks`,
  tags,
  summary: "The app's webhook endpoints",
  request: { params: AppIdParam },
  responses: { 200: json(z.object({ items: z.array(Endpoint) }), 'The endpoints'), ...errors },
});
const getRoute = createRoute({
  method: 'get',
  path: `${BASE}/webhooks/{endpointId}`,
  tags,
  summary: 'One webhook endpoint',
  request: { params: EndpointIdParam },
  responses: { 200: json(Endpoint, 'The endpoint'), ...errors },
});
const patchRoute = createRoute({
  method: 'patch',
  path: `${BASE}/webhooks/{endpointId}`,
  tags,
  summary: 'Change the URL, event types, description, or enable/disable the endpoint',
  request: { params: EndpointIdParam, ...body(EndpointPatch) },
  responses: { 200: json(Endpoint, 'Changed'), ...errors },
});
const deleteRoute = createRoute({
  method: 'delete',
  path: `${BASE}/webhooks/{endpointId}`,
  tags,
  summary: 'Delete the endpoint; its pending deliveries are cancelled',
  request: { params: EndpointIdParam },
  responses: { 200: json(z.object({ ok: z.boolean() }), 'Deleted'), ...errors },
});
const rotateRoute = createRoute({
  method: 'post',
  path: `${BASE}/webhooks/{endpointId}/rotate-secret`,
  tags,
  summary: 'A new secret (shown once); the old one also signs for 24 hours',
  request: { params: EndpointIdParam },
  responses: { 201: json(RotatedSecret, 'Rotated'), ...errors },
});
const testRoute = createRoute({
  method: 'post',
  path: `${BASE}/webhooks/{endpointId}/test`,
  tags,
  summary: 'Queue a `webhook.test` delivery, sent and logged like any other',
  request: { params: EndpointIdParam },
  responses: { 202: json(Delivery, 'Queued'), ...errors },
});
const deliveriesRoute = createRoute({
  method: 'get',
  path: `${BASE}/webhooks/{endpointId}/deliveries`,
  tags,
  summary: "The endpoint's delivery log, newest first",
  request: { params: EndpointIdParam, query: DeliveryQuery },
  responses: { 200: json(DeliveryPage, 'A page'), ...errors },
});
const replayRoute = createRoute({
  method: 'post',
  path: `${BASE}/deliveries/{deliveryId}/replay`,
  tags,
  summary: 'Send a delivery again: a new delivery with the same payload and webhook-id',
  request: { params: DeliveryIdParam },
  responses: { 202: json(Delivery, 'Queued'), ...errors },
});

/** Registers the webhook routes. */
export function webhookRoutes(app: OpenAPIHono<AppEnv>): void {
  app.on('POST', `${BASE}/apps/:appId/webhooks`, jsonBodyLimit(16 * 1024));
  app.on('PATCH', `${BASE}/webhooks/:endpointId`, jsonBodyLimit(16 * 1024));
  app.openapi(createRoute_, async (c) => {
    const { appId } = c.req.valid('param');
    const out = await registerWebhookEndpoint(
      c.get('deps'),
      requireCaller(c),
      appId,
      c.req.valid('json'),
      c.get('now'),
    );
    return c.json({ ...presentEndpoint(out.endpoint), secret: out.secret }, 201, {
      location: `${BASE}/webhooks/${out.endpoint.id}`,
    });
  });
  app.openapi(listRoute, async (c) => {
    const items = await listWebhookEndpoints(c.get('deps'), requireCaller(c), c.req.valid('param').appId);
    return c.json({ items: items.map(presentEndpoint) }, 200);
  });
  app.openapi(getRoute, async (c) => {
    const endpoint = await getWebhookEndpoint(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').endpointId,
    );
    return c.json(presentEndpoint(endpoint), 200);
  });
  app.openapi(patchRoute, async (c) => {
    const id = c.req.valid('param').endpointId;
    const out = await updateWebhookEndpoint(
      c.get('deps'),
      requireCaller(c),
      id,
      c.req.valid('json'),
      c.get('now'),
    );
    return c.json(presentEndpoint(out), 200);
  });
  app.openapi(deleteRoute, async (c) => {
    await deleteWebhookEndpoint(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').endpointId,
      c.get('now'),
    );
    return c.json({ ok: true }, 200);
  });
  app.openapi(rotateRoute, async (c) => {
    const id = c.req.valid('param').endpointId;
    const out = await rotateWebhookSecret(c.get('deps'), requireCaller(c), id, c.get('now'));
    return c.json({ secret: out.secret, previousSecretUntil: out.previousSecretUntil.toISOString() }, 201);
  });
  app.openapi(testRoute, async (c) => {
    const out = await sendTestEvent(
      c.get('deps'),
      requireCaller(c),
      c.req.valid('param').endpointId,
      c.get('now'),
    );
    return c.json(presentDelivery(out), 202);
  });
  app.openapi(deliveriesRoute, async (c) => {
    const { cursor, limit } = c.req.valid('query');
    const id = c.req.valid('param').endpointId;
    const page = await listWebhookDeliveries(
      c.get('deps'),
      requireCaller(c),
      id,
      cursor ? Number(cursor) : null,
      limit,
    );
    return c.json(
      {
        items: page.items.map(presentDelivery),
        nextCursor: page.nextCursor === null ? null : String(page.nextCursor),
      },
      200,
    );
  });
  app.openapi(replayRoute, async (c) => {
    const id = c.req.valid('param').deliveryId;
    const out = await replayWebhookDelivery(c.get('deps'), requireCaller(c), id, c.get('now'));
    return c.json(presentDelivery(out), 202);
  });
}
