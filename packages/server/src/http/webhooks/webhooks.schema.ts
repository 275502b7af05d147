/** Request and answer shapes of the webhook routes (ADR 0012), with their OpenAPI names. */
import { z } from '@hono/zod-openapi';
import { WEBHOOK_EVENT_TYPES } from '@pintu/core';

const EventType = z.enum(WEBHOOK_EVENT_TYPES);

export const EndpointInput = z
  .object({
    url: z
      .string()
      .min(1)
      .max(2000)
      .openapi({ example: 'https://lapor-wal.kaltimprov.go.id/pintu/webhooks' }),
    description: z.string().max(500).optional(),
    eventTypes: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length),
  })
  .strict()
  .openapi('WebhookEndpointInput');

export const EndpointPatch = z
  .object({
    url: z.string().min(1).max(2000).optional(),
    description: z.string().max(500).optional(),
    eventTypes: z.array(EventType).min(1).max(WEBHOOK_EVENT_TYPES.length).optional(),
    enabled: z.boolean().optional(),
  })
  .strict()
  .openapi('WebhookEndpointPatch');

export const Endpoint = z
  .object({
    id: z.string(),
    appId: z.string(),
    url: z.string(),
    description: z.string(),
    eventTypes: z.array(z.string()),
    enabled: z.boolean(),
    disabledAt: z.string().nullable(),
    disabledReason: z.string().nullable(),
    failingSince: z.string().nullable(),
    previousSecretUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('WebhookEndpoint');

export const EndpointWithSecret = Endpoint.extend({
  secret: z.string().openapi({ description: 'whsec_…: shown only in this answer' }),
}).openapi('WebhookEndpointCreated');

export const RotatedSecret = z
  .object({ secret: z.string(), previousSecretUntil: z.string() })
  .openapi('WebhookSecretRotated');

export const Delivery = z
  .object({
    id: z.number(),
    endpointId: z.string(),
    messageId: z.string(),
    eventType: z.string(),
    trackingId: z.string().nullable(),
    payload: z.unknown(),
    status: z.enum(['pending', 'sending', 'delivered', 'failed', 'cancelled']),
    attempts: z.number(),
    nextAttemptAt: z.string().nullable(),
    lastStatusCode: z.number().nullable(),
    lastError: z.string().nullable(),
    responseMs: z.number().nullable(),
    replayOf: z.number().nullable(),
    createdAt: z.string(),
    deliveredAt: z.string().nullable(),
  })
  .openapi('WebhookDelivery');

export const DeliveryPage = z
  .object({ items: z.array(Delivery), nextCursor: z.string().nullable() })
  .openapi('WebhookDeliveryPage');

export const AppIdParam = z.object({
  appId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'appId', in: 'path' } }),
});
export const EndpointIdParam = z.object({
  endpointId: z
    .string()
    .max(100)
    .openapi({ param: { name: 'endpointId', in: 'path' } }),
});
export const DeliveryIdParam = z.object({
  deliveryId: z.coerce
    .number()
    .int()
    .positive()
    .openapi({ param: { name: 'deliveryId', in: 'path' } }),
});
export const DeliveryQuery = z.object({
  cursor: z
    .string()
    .regex(/^[1-9][0-9]{0,15}$/)
    .optional()
    .openapi({ description: 'nextCursor of the previous page' }),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
