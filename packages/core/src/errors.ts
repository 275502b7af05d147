/** Typed domain errors of the core; the server maps each code to an HTTP status in exactly one file. */

/** Every domain error code (architecture.md "Conventions"). */
export const DOMAIN_ERROR_CODES = [
  'INVALID_TRANSITION',
  'NOT_ALLOWED',
  'NOT_FOUND',
  'VALIDATION',
  /** Someone else changed it first, or it already exists. */
  'CONFLICT',
  /** An upload or payload beyond what the domain accepts (attachment size). */
  'TOO_LARGE',
  /** An upload whose content is not an accepted kind (attachment type). */
  'UNSUPPORTED_MEDIA',
  /** Over a limit on how often (filings per contact or account, docs/abuse.md); `retryAfterSeconds` says when. */
  'RATE_LIMITED',
] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One field-level problem of a `VALIDATION` error, e.g. `{ field: 'rating', message: 'must be 1–5' }`. */
export interface FieldError {
  field: string;
  message: string;
  /** Machine-readable code of this field's problem, e.g. `unknown`, `future`; the UI translates by it. */
  code?: string;
}

/** A domain error: a plain, serialisable object, returned (never thrown) by the core's use-case functions. */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** Machine-readable reason within the code, e.g. `hop_limit_reached` or `reopen_window_closed`. */
  reason?: string;
  /** Field-level detail for `VALIDATION` errors (RFC 9457 problem+json `errors`). */
  fields?: FieldError[];
  /** For `RATE_LIMITED`: how long until the limit lets the caller through (HTTP `Retry-After`). */
  retryAfterSeconds?: number;
}

/** Builds a domain error with an optional machine-readable reason. */
export function domainError(code: DomainErrorCode, message: string, reason?: string): DomainError {
  return reason === undefined ? { code, message } : { code, message, reason };
}

/** Builds a `VALIDATION` error from field-level problems. */
export function validationError(fields: FieldError[]): DomainError {
  const message = fields.map((f) => `${f.field}: ${f.message}`).join('; ');
  return { code: 'VALIDATION', message, fields };
}

/** Whether a value is a domain error (for code that receives `unknown`). */
export function isDomainError(value: unknown): value is DomainError {
  if (typeof value !== 'object' || value === null) return false;
  const code = (value as { code?: unknown }).code;
  return typeof code === 'string' && (DOMAIN_ERROR_CODES as readonly string[]).includes(code);
}

/**
 * A domain error thrown by a use case (the server's `app/` layer) to end the request: `http/problem.ts` maps its
 * code to a status. Use cases never import the HTTP layer; this is their one way out.
 */
export class DomainFailure extends Error {
  constructor(readonly error: DomainError) {
    super(error.message);
    this.name = 'DomainFailure';
  }
}

/** Throws a domain failure: `fail('NOT_FOUND', 'Laporan tidak ditemukan.')`. */
export function fail(code: DomainErrorCode, message: string, fields?: FieldError[], reason?: string): never {
  throw new DomainFailure({
    code,
    message,
    ...(reason === undefined ? {} : { reason }),
    ...(fields?.length ? { fields } : {}),
  });
}

/** Throws a `RATE_LIMITED` failure that says how long to wait. */
export function failRateLimited(message: string, retryAfterSeconds: number, reason: string): never {
  throw new DomainFailure({ code: 'RATE_LIMITED', message, reason, retryAfterSeconds });
}

/** Throws a `VALIDATION` failure naming one field. */
export function failField(field: string, code: string, message: string): never {
  return fail('VALIDATION', message, [{ field, code, message }]);
}
