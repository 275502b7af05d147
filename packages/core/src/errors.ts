/** Typed domain errors of the core; the server maps each code to an HTTP status in exactly one file. */

/** Every domain error code (architecture.md "Conventions"). */
export const DOMAIN_ERROR_CODES = ['INVALID_TRANSITION', 'NOT_ALLOWED', 'NOT_FOUND', 'VALIDATION'] as const;
export type DomainErrorCode = (typeof DOMAIN_ERROR_CODES)[number];

/** One field-level problem of a `VALIDATION` error, e.g. `{ field: 'rating', message: 'must be 1–5' }`. */
export interface FieldError {
  field: string;
  message: string;
}

/** A domain error: a plain, serialisable object, returned (never thrown) by the core's use-case functions. */
export interface DomainError {
  code: DomainErrorCode;
  message: string;
  /** Machine-readable reason within the code, e.g. `hop_limit_reached` or `reopen_window_closed`. */
  reason?: string;
  /** Field-level detail for `VALIDATION` errors (RFC 9457 problem+json `errors`). */
  fields?: FieldError[];
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
