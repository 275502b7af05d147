/**
 * The one place where errors become HTTP: RFC 9457 problem+json with field-level detail.
 * Domain error codes map to statuses here and nowhere else.
 */
import { z as openapiZ } from '@hono/zod-openapi';
import type { DomainError } from '@pintu/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export interface FieldError {
  field: string;
  code: string;
  message: string;
}

export type ErrorCode =
  | 'VALIDATION'
  | 'MALFORMED'
  | 'TOO_LARGE'
  | 'UNSUPPORTED_MEDIA'
  | 'NOT_FOUND'
  | 'NOT_ALLOWED'
  | 'UNAUTHENTICATED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'CSRF_REJECTED'
  | 'RATE_LIMITED'
  | 'INVALID_TRANSITION'
  | 'CONFLICT'
  | 'PRECONDITION_FAILED'
  | 'PRECONDITION_REQUIRED'
  | 'INTERNAL';

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  VALIDATION: 422,
  MALFORMED: 400,
  TOO_LARGE: 413,
  UNSUPPORTED_MEDIA: 415,
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  UNAUTHENTICATED: 401,
  PASSWORD_CHANGE_REQUIRED: 403,
  CSRF_REJECTED: 403,
  RATE_LIMITED: 429,
  INVALID_TRANSITION: 409,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  INTERNAL: 500,
};

const TITLE: Record<ErrorCode, string> = {
  VALIDATION: 'Data tidak valid / Invalid data',
  MALFORMED: 'Permintaan tidak dapat dibaca / Malformed request',
  TOO_LARGE: 'Data terlalu besar / Payload too large',
  UNSUPPORTED_MEDIA: 'Jenis konten tidak didukung / Unsupported media type',
  NOT_FOUND: 'Tidak ditemukan / Not found',
  NOT_ALLOWED: 'Tidak diizinkan / Not allowed',
  UNAUTHENTICATED: 'Belum masuk / Not signed in',
  PASSWORD_CHANGE_REQUIRED: 'Kata sandi harus diganti / Password change required',
  CSRF_REJECTED: 'Asal permintaan tidak dipercaya / Untrusted origin',
  RATE_LIMITED: 'Terlalu banyak percobaan / Too many requests',
  INVALID_TRANSITION: 'Tindakan tidak dapat dilakukan pada status ini / Invalid transition',
  CONFLICT: 'Konflik / Conflict',
  PRECONDITION_FAILED: 'Versi tidak cocok / Precondition failed',
  PRECONDITION_REQUIRED: 'If-Match diperlukan / Precondition required',
  INTERNAL: 'Kesalahan server / Internal error',
};

/** An error a use case raises to end the request with a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors: FieldError[] = [],
    /** Machine-readable reason within the code, e.g. `hop_limit_reached` (a domain error's `reason`). */
    readonly reason?: string,
    /** RATE_LIMITED: seconds until a retry can succeed, sent as `Retry-After`. */
    readonly retryAfterSeconds?: number,
  ) {
    super(detail);
    this.name = 'ProblemError';
  }
}

/**
 * A core domain error as a problem: NOT_ALLOWED 403, INVALID_TRANSITION 409, VALIDATION 422, NOT_FOUND 404, with
 * the domain code and reason; `fieldNames` renames core payload fields to the API's (e.g. `duplicateOfId`).
 */
export function domainProblem(error: DomainError, fieldNames: Record<string, string> = {}): ProblemError {
  const errors = (error.fields ?? []).map((f) => ({
    field: fieldNames[f.field] ?? f.field,
    code: f.code ?? error.reason ?? 'invalid',
    message: f.message,
  }));
  return new ProblemError(error.code, error.message, errors, error.reason, error.retryAfterSeconds);
}

/** Shorthand for a 422 naming one field. */
export function fieldError(field: string, code: string, message: string): ProblemError {
  return new ProblemError('VALIDATION', message, [{ field, code, message }]);
}

/** Writes a problem+json response. */
export function problem(c: Context, err: ProblemError): Response {
  const status = STATUS[err.code];
  const body = {
    type: `https://pintu.id/problems/${err.code.toLowerCase()}`,
    title: TITLE[err.code],
    status,
    code: err.code,
    detail: err.detail,
    instance: c.req.path,
    ...(err.reason ? { reason: err.reason } : {}),
    ...(err.errors.length ? { errors: err.errors } : {}),
  };
  const headers: Record<string, string> = { 'content-type': 'application/problem+json; charset=utf-8' };
  if (err.retryAfterSeconds !== undefined) headers['retry-after'] = String(err.retryAfterSeconds);
  return c.body(JSON.stringify(body), status, headers);
}

/** Turns zod issues into field errors with Indonesian messages (the UI translates by `code`). */
export function zodFieldErrors(error: z.ZodError, prefix = ''): FieldError[] {
  return error.issues.flatMap((i): FieldError[] => {
    const at = (extra: string[] = []) =>
      [prefix, ...i.path.map(String), ...extra].filter(Boolean).join('.') || 'body';
    // An unknown key is an error of that key itself, so the client can point at it.
    if (i.code === 'unrecognized_keys')
      return i.keys.map((k) => ({ field: at([k]), code: i.code, message: 'Kolom tidak dikenal.' }));
    return [{ field: at(), code: i.code, message: messageOf(i) }];
  });
}

function messageOf(i: z.core.$ZodIssue): string {
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined ? 'Wajib diisi.' : `Tipe tidak sesuai (harus ${i.expected}).`;
    case 'too_small':
      return i.origin === 'string' ? `Minimal ${i.minimum} karakter.` : `Minimal ${i.minimum}.`;
    case 'too_big':
      return i.origin === 'string' ? `Maksimal ${i.maximum} karakter.` : `Maksimal ${i.maximum}.`;
    case 'invalid_value':
      return `Harus salah satu dari: ${i.values.join(', ')}.`;
    case 'invalid_format':
      return `Format tidak valid (${i.format}).`;
    default:
      return i.message;
  }
}

/** The OpenAPI description of a route's problem+json answer (the fields every problem has). */
export const problemResponse = (description: string) => ({
  content: {
    'application/problem+json': {
      schema: openapiZ.object({ title: openapiZ.string(), status: openapiZ.number() }).passthrough(),
    },
  },
  description,
});
