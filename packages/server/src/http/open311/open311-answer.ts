/**
 * How an Open311 request is answered: the format its extension names, the jurisdiction it names, the api_key it
 * sends, and every failure as the standard's error array with the HTTP status GeoReport v2 gives it — 404 for what
 * does not exist, 403 for a missing or wrong api_key, 400 for anything else that cannot be done.
 */
import { DomainFailure } from '@pintu/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppIdentity } from '../../app/accounts/caller';
import { authenticateKey, type KeyRateLimiter } from '../../app/integration/authenticate-key';
import { isTransientConflict } from '../../db/retry';
import type { AppEnv } from '../context';
import { presentErrors } from './open311.presenter';
import { BadArguments } from './open311.schema';
import { type Doc, type Format, render } from './open311-document';

/** A failure to answer as the standard's error array. */
export class Open311Error extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly descriptions: string[],
    readonly headers: Record<string, string> = {},
  ) {
    super(descriptions.join(' '));
    this.name = 'Open311Error';
  }
}

export const open311Error = (status: ContentfulStatusCode, ...descriptions: string[]) =>
  new Open311Error(status, descriptions);

/**
 * `services.json` → `{ name: 'services', format: 'json' }` (hono has decoded the path parameter); no or another
 * extension is a 400 (in XML).
 */
export function splitFormat(file: string): { name: string; format: Format } {
  const dot = file.lastIndexOf('.');
  const ext = dot < 0 ? '' : file.slice(dot + 1);
  if (ext !== 'xml' && ext !== 'json')
    throw open311Error(
      400,
      `Format tidak dikenal: "${ext}"; pakai .xml atau .json. / Unknown format "${ext}": use .xml or .json.`,
    );
  return { name: file.slice(0, dot), format: ext };
}

/** The format a path asks for, for answering a failure: JSON when it says so, else XML (the required format). */
export const formatOfPath = (path: string): Format => (path.endsWith('.json') ? 'json' : 'xml');

export function answer(
  c: Context<AppEnv>,
  format: Format,
  root: string,
  doc: Doc,
  status: ContentfulStatusCode = 200,
  headers: Record<string, string> = {},
): Response {
  const { body, contentType } = render(format, root, doc);
  return c.body(body, status, { ...headers, 'content-type': contentType });
}

/** This instance's jurisdiction_id: the host of its public address, without `www.` (GeoReport v2 "Definitions"). */
export function jurisdictionOf(baseUrl: string): string {
  return new URL(baseUrl).hostname.toLowerCase().replace(/^www\./, '');
}

/** An endpoint serving one jurisdiction may be sent none; another one is not found here. */
export function checkJurisdiction(given: string | undefined, ours: string): void {
  const id = given
    ?.trim()
    .toLowerCase()
    .replace(/^https?:\/\//, '')
    .replace(/^www\./, '')
    .replace(/\/+$/, '');
  if (id && id !== ours)
    throw open311Error(
      404,
      `jurisdiction_id tidak ditemukan: ${given}; di sini hanya ${ours}. / jurisdiction_id not found: this endpoint serves ${ours} only.`,
    );
}

// `last_used_at` at most once a minute per key, as the integration API's middleware does (http/auth/api-key.ts).
const TOUCH_EVERY_MS = 60_000;

/** The app of a valid api_key that may file, or 403 (429 over the key's rate). */
export async function appOfKey(
  c: Context<AppEnv>,
  presented: string | undefined,
  limiter: KeyRateLimiter,
  touched: Map<string, number>,
): Promise<AppIdentity> {
  if (!presented?.trim())
    throw open311Error(
      403,
      'api_key wajib untuk mengirim laporan. / Missing api_key: required to create a request.',
    );
  const deps = c.get('deps');
  const now = c.get('now');
  const check = await authenticateKey(deps, presented.trim(), now);
  if (!check.ok)
    throw open311Error(
      403,
      "api_key tidak valid (tidak dikenal, kedaluwarsa, atau dicabut). / Invalid api_key received -- can't proceed with create_request.",
    );
  if (!check.app.permissions.includes('reports:file'))
    throw open311Error(
      403,
      'api_key ini tidak memiliki izin reports:file. / This api_key may not file reports.',
    );
  const wait = limiter.take(check.app.keyId, check.rateLimit, now);
  if (wait > 0)
    throw new Open311Error(
      429,
      [`Batas ${check.rateLimit} permintaan per menit terlampaui. / Over the key's rate limit; retry later.`],
      { 'retry-after': String(wait) },
    );
  const last = Math.max(touched.get(check.app.keyId) ?? 0, check.lastUsedAt?.getTime() ?? 0);
  if (now.getTime() - last >= TOUCH_EVERY_MS) {
    touched.set(check.app.keyId, now.getTime());
    await deps.integration.touchKey(check.app.keyId, now);
  }
  return check.app;
}

const STATUS_OF: Record<string, ContentfulStatusCode> = {
  NOT_FOUND: 404,
  NOT_ALLOWED: 403,
  // The filing limits and repeats (docs/abuse.md): a refusal says when to retry, a repeat names the report.
  RATE_LIMITED: 429,
  CONFLICT: 409,
};

/** Any error of an Open311 handler as the standard's error array. */
export function failure(c: Context<AppEnv>, format: Format, err: unknown): Response {
  let e: Open311Error;
  if (err instanceof Open311Error) e = err;
  else if (err instanceof BadArguments)
    e = new Open311Error(
      400,
      err.problems.map((p) => `${p.field}: ${p.message}`),
    );
  else if (err instanceof DomainFailure) {
    const { code, message, fields = [], retryAfterSeconds } = err.error;
    // A 404 names what was not found; a 400 says, per argument, what is wrong with it.
    const descriptions =
      code === 'NOT_FOUND'
        ? [[message, ...fields.map((f) => f.message)].join(': ')]
        : fields.length && code !== 'CONFLICT'
          ? fields.map((f) => `${f.field}: ${f.message}`)
          : [message];
    const headers: Record<string, string> =
      retryAfterSeconds === undefined ? {} : { 'retry-after': String(retryAfterSeconds) };
    e = new Open311Error(STATUS_OF[code] ?? 400, descriptions, headers);
  } else {
    if (!isTransientConflict(err)) console.error(`[${c.req.method} ${c.req.path}]`, err);
    // GeoReport v2 answers any failure while processing as a 400 "General Service Error".
    e = open311Error(
      400,
      'Kesalahan layanan; silakan coba lagi. / General service error: please try again, and tell us if it persists.',
    );
  }
  const errors = e.descriptions.map((description) => ({ code: e.status as number, description }));
  return answer(c, format, 'errors', presentErrors(errors), e.status, e.headers);
}
