/** The `Idempotency-Key` request header as the OpenAPI document describes it (http/idempotency.ts enforces it). */
import { z } from '@hono/zod-openapi';

/** Add to a POST route's `request.headers` so that integrators see the header in the API document. */
export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .max(257)
    .optional()
    .openapi({
      description:
        'Optional (IETF draft-ietf-httpapi-idempotency-key-header), 1–255 characters, e.g. a UUID, quoted or not. ' +
        'The same key with the same request returns the first answer (same status and body, header ' +
        '`Idempotent-Replayed: true`) for at least 24 hours, also while the first is still running or after a ' +
        'restart; with another request it is a 422 `idempotency_key_mismatch`.',
      example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
    }),
});
