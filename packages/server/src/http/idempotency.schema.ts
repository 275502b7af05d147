/** The `Idempotency-Key` request header as the OpenAPI document describes it (http/idempotency.ts enforces it). */

/**
 * Add to a POST route's `parameters` so that integrators see the header in the API document. Documentation only:
 * the middleware checks the header, and a zod header schema on the route would read every header of every request
 * (measurable on intake's hot path).
 */
export const IDEMPOTENCY_KEY_PARAMETER = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  description:
    'Optional (IETF draft-ietf-httpapi-idempotency-key-header), 1–255 characters, e.g. a UUID, quoted or not. ' +
    'The same key with the same request returns the first answer (same status and body, header ' +
    '`Idempotent-Replayed: true`) for at least 24 hours, also while the first is still running or after a ' +
    'restart; with another request it is a 422 `idempotency_key_mismatch`.',
  schema: { type: 'string' as const, minLength: 1, maxLength: 257 },
  example: '"8e03978e-40d5-43e8-bc93-6894a57f9324"',
};
