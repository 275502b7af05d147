/**
 * `Idempotency-Key` on every POST under /api/ (IETF httpapi draft "The Idempotency-Key HTTP Header Field"; ADR
 * 0012): the first request with a key runs and its answer is stored before it is sent; a retry with the same key
 * and the same request gets that answer again (`Idempotent-Replayed: true`), waiting for it while the first still
 * runs; the same key with another request is a 422. Without the header nothing changes and nothing is written.
 *
 * A filing (POST /api/v1/reports) stores its answer in its own statement instead, with the report (KeyInStatement):
 * no row exists while it runs, a retry racing it waits inside the database, and a crash leaves neither half.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { IdempotencyKeys, IdempotencyLease, StoredAnswer } from '@pintu/core';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { AppEnv, KeyInStatement } from './context';
import { ProblemError } from './problem';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
const MAX_KEY_LENGTH = 255;
/** The largest body fingerprinted: above every route's own limit (attachments: 10 MB), so no route is narrowed. */
const MAX_BODY_BYTES = 32 * 1024 * 1024;
/**
 * Answers that say "try again" are not kept, so the retry runs again: 5xx, and 401/403 (fix the key or its
 * permission, then retry), 408, 409 (busy or a transient conflict here), 425, 429.
 */
const NOT_STORED = new Set([401, 403, 408, 409, 425, 429]);
const REPLAYED_HEADERS = ['content-type', 'location', 'etag'] as const;
/** Statuses whose response may carry no body at all (a Response with one, even empty, is refused). */
const NULL_BODY = new Set([204, 205, 304]);

/** Routes (POST) whose own statement stores the answer with what it writes (db/intake-statements.ts). */
const ANSWERED_IN_STATEMENT = new Set(['/api/v1/reports']);

/**
 * A JSON answer of a route that stores it in its own statement: the stored form (sealed: it may hold an access code
 * shown once) and the response, built from the same text.
 */
export function jsonAnswer(
  c: Context<AppEnv>,
  status: ContentfulStatusCode,
  value: unknown,
  extra: Record<string, string> = {},
): { stored: StoredAnswer; send: () => Response } {
  const text = JSON.stringify(value);
  const headers = { 'content-type': 'application/json', ...extra };
  return {
    stored: { status, headers, body: c.get('deps').sealer.seal({ t: text }) },
    send: () => c.body(text, status, headers),
  };
}

export interface IdempotencyOptions {
  /** How long a running request holds its key before a retry may take it over (its process presumed dead). */
  leaseMs?: number;
  /** How long a retry waits for a running first request before answering 409 (the draft's "still processing"). */
  waitMs?: number;
}

const sha256 = (s: string | Uint8Array) => createHash('sha256').update(s).digest('hex');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const keyProblem = (code: string, message: string, status: 'MALFORMED' | 'VALIDATION' | 'CONFLICT') =>
  new ProblemError(status, message, [{ field: IDEMPOTENCY_HEADER, code, message }], code);

const mismatch = () =>
  keyProblem(
    'idempotency_key_mismatch',
    'Idempotency-Key ini sudah dipakai untuk permintaan lain; gunakan kunci baru.',
    'VALIDATION',
  );
const inProgress = () =>
  keyProblem(
    'idempotency_key_in_progress',
    'Permintaan dengan Idempotency-Key ini masih diproses; coba lagi sebentar lagi.',
    'CONFLICT',
  );

/** The key of the header: an RFC 8941 string (`"…"`, as the draft writes it) or, leniently, the bare token. */
function keyOf(header: string): string {
  const v = header.trim();
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"'))
    return v.slice(1, -1).replace(/\\(["\\])/g, '$1');
  return v;
}

/** JSON with its object keys sorted and no whitespace: a retry re-serialised by another library still matches. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The request's canonical body: sorted JSON for a JSON body that parses, its raw bytes otherwise. */
async function canonicalBody(c: Context<AppEnv>): Promise<string | Uint8Array> {
  const declared = c.req.header('content-length');
  if (declared !== undefined && Number(declared) > MAX_BODY_BYTES)
    throw new ProblemError('TOO_LARGE', 'Isi permintaan terlalu besar.', [
      { field: 'body', code: 'too_big', message: `Permintaan maksimal ${MAX_BODY_BYTES / 1024 / 1024} MB.` },
    ]);
  if (/^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    // Read and decoded once: hono's json() gets the parsed body from its cache.
    const text = await c.req.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return text;
    }
    // The route's validator reads this parse instead of decoding the text again through a new Response.
    c.req.bodyCache.json = Promise.resolve(parsed);
    return canonicalJson(parsed);
  }
  if (/^multipart\/form-data\b/i.test(c.req.header('content-type') ?? '')) {
    // Its boundary is random per serialisation: the parts are the request. hono caches the form for the route.
    const form = await c.req.formData().catch(() => null);
    if (form) return canonicalForm(form);
  }
  return new Uint8Array(await c.req.arrayBuffer());
}

/** A form as its parts in order: name and value, or name, file name, type and SHA-256 of a file's bytes. */
async function canonicalForm(form: FormData): Promise<string> {
  const parts: string[] = [];
  for (const [name, value] of form.entries()) {
    if (typeof value === 'string') parts.push(JSON.stringify(['s', name, value]));
    else {
      const digest = sha256(new Uint8Array(await value.arrayBuffer()));
      parts.push(JSON.stringify(['f', name, value.name, value.type, digest]));
    }
  }
  return parts.join('\n');
}

/**
 * Reads the body within MAX_BODY_BYTES even when it arrives without a Content-Length; the request is then rebuilt
 * with the bytes read and their length, so that the route's own limit still sees its real size.
 */
async function boundedCanonicalBody(c: Context<AppEnv>): Promise<string | Uint8Array> {
  if (c.req.header('content-length') !== undefined) return canonicalBody(c);
  let body: string | Uint8Array = '';
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new ProblemError('TOO_LARGE', 'Isi permintaan terlalu besar.');
    },
  });
  await limit(c, async () => {
    body = await canonicalBody(c);
  });
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const headers = new Headers(c.req.raw.headers);
  headers.set('content-length', String(bytes.byteLength));
  c.req.raw = new Request(c.req.url, { method: c.req.method, headers, body: bytes });
  return body;
}

/** Who the key belongs to: the API key (by its id), the signed-in account, or for a guest the route alone. */
function scopeOf(c: Context<AppEnv>): string {
  const caller = c.get('caller');
  // A bearer key was resolved by apiKeyMiddleware before this runs (a bad one never gets here).
  if (caller?.app) return `key:${caller.app.keyId}`;
  if (caller) return `user:${caller.userId}`;
  return `anon:${c.req.path}`;
}

/** The stored answer as a response, marked as a replay. */
function replay(c: Context<AppEnv>, answer: StoredAnswer): Response {
  const headers = { ...answer.headers, 'idempotent-replayed': 'true' };
  if (NULL_BODY.has(answer.status)) return new Response(null, { status: answer.status, headers });
  const opened = c.get('deps').sealer.open<{ t?: string; b?: string }>(answer.body);
  const body = opened.t ?? Buffer.from(opened.b ?? '', 'base64');
  return c.body(body as string, answer.status as ContentfulStatusCode, headers);
}

/** Takes the handler's answer apart to store it, and puts it back as the response. */
async function keep(c: Context<AppEnv>): Promise<StoredAnswer> {
  const res = c.res;
  const headers: Record<string, string> = {};
  for (const name of REPLAYED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  if (NULL_BODY.has(res.status))
    return { status: res.status, headers, body: c.get('deps').sealer.seal({ t: '' }) };
  const textual = /json|text/i.test(headers['content-type'] ?? '');
  const text = textual ? await res.text() : null;
  const bytes = text === null ? new Uint8Array(await res.arrayBuffer()) : null;
  c.res = new Response(text ?? bytes, { status: res.status, headers: res.headers });
  const sealed = c
    .get('deps')
    .sealer.seal(text !== null ? { t: text } : { b: Buffer.from(bytes!).toString('base64') });
  return { status: res.status, headers, body: sealed };
}

/** The middleware; `opts` shortens the lease and the wait in tests. */
export function idempotencyMiddleware(opts: IdempotencyOptions = {}): MiddlewareHandler<AppEnv> {
  const leaseMs = opts.leaseMs ?? 60_000;
  const waitMs = opts.waitMs ?? 30_000;
  return async (c, next) => {
    if (c.req.method !== 'POST' || c.req.path.startsWith('/api/auth/')) return next();
    const header = c.req.header(IDEMPOTENCY_HEADER);
    if (header === undefined) return next();
    const key = keyOf(header);
    if (key.length === 0)
      throw keyProblem('idempotency_key_empty', 'Idempotency-Key tidak boleh kosong.', 'MALFORMED');
    if (key.length > MAX_KEY_LENGTH)
      throw keyProblem(
        'idempotency_key_too_long',
        `Idempotency-Key maksimal ${MAX_KEY_LENGTH} karakter.`,
        'MALFORMED',
      );

    const url = new URL(c.req.url);
    const body = await boundedCanonicalBody(c);
    const fingerprint = createHash('sha256')
      .update(`${c.req.method} ${url.pathname}${url.search}\n`)
      .update(body)
      .digest('hex');
    const scope = scopeOf(c);
    const port = c.get('deps').idempotencyKeys;
    const lease: IdempotencyLease = { scope, key, owner: randomUUID() };
    if (ANSWERED_IN_STATEMENT.has(c.req.path)) return inStatement(c, next, port, lease, fingerprint);

    const deadline = Date.now() + waitMs;
    for (let attempt = 0; ; attempt++) {
      if (await port.begin(lease, fingerprint, leaseMs)) break;
      const row = await port.find(scope, key);
      // Released (a "try again" answer) or forgotten meanwhile: begin anew.
      if (row === null && Date.now() < deadline) continue;
      if (row !== null && row.fingerprint !== fingerprint) throw mismatch();
      if (row?.state === 'done') return replay(c, row.answer);
      if (row?.leaseExpired && (await port.takeOver(lease, fingerprint, leaseMs))) break;
      if (Date.now() >= deadline) {
        c.header('retry-after', '1');
        throw inProgress();
      }
      // Backoff from 20 ms up to 1 s: a filing takes milliseconds, a slow one should not be polled hard.
      await sleep(Math.min(1000, 20 * 2 ** attempt, Math.max(0, deadline - Date.now())));
    }

    try {
      await next();
    } catch (err) {
      await port.release(lease);
      throw err;
    }
    if (c.res.status >= 500 || NOT_STORED.has(c.res.status)) return port.release(lease);
    // Stored before it is sent: an answer nobody stored was never seen (file-report.ts relies on it).
    await port.complete(lease, await keep(c));
  };
}

/** A keyed request on a route that stores its answer in its own statement (see KeyInStatement). */
async function inStatement(
  c: Context<AppEnv>,
  next: () => Promise<void>,
  port: IdempotencyKeys,
  lease: IdempotencyLease,
  fingerprint: string,
): Promise<void> {
  const state: KeyInStatement = { lease, fingerprint };
  c.set('idempotency', state);
  await next();
  if (state.outcome === 'stored') return;
  if (state.outcome === 'taken') {
    // The other request committed its answer (the database made this one wait for it): that answer is the one.
    const row = await port.find(lease.scope, lease.key);
    if (row !== null && row.fingerprint !== fingerprint) throw mismatch();
    if (row?.state === 'done') {
      c.res = replay(c, row.answer);
      return;
    }
    // Forgotten meanwhile, or held by a request of another kind: nothing was written; the client may try again.
    c.header('retry-after', '1');
    throw inProgress();
  }
  // Answered without writing (a 422, say): kept like any route's answer, unless it says "try again".
  if (c.res.status >= 500 || NOT_STORED.has(c.res.status)) return;
  await port.store(lease, fingerprint, await keep(c));
}
