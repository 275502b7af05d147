/**
 * Fuzzing every route from the server's own OpenAPI document (issue 16 §4): for each operation, fast-check builds
 * requests whose parameters, bodies and headers are valid, broken or hostile, sent anonymously and as the national
 * admin. Never a 5xx; every error is problem+json (RFC 9457); and a rejected write leaves every table as it was.
 * Prints, per route, the requests sent and the 5xx seen.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tableStats } from '../../src/db/postgres-backup';
import { refIds, reportInput } from '../support/fixtures';
import {
  brokenOf,
  deepNesting,
  HOSTILE_STRINGS,
  hostileJson,
  resolveRef,
  type Schema,
  validOf,
} from '../support/openapi-arbitraries';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

const RUNS = Number(process.env.PINTU_FUZZ_RUNS ?? 12);
const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const encodable = (s: string) => {
  try {
    encodeURIComponent(s);
    return true;
  } catch {
    return false;
  }
};
/** Hostile strings a URL can carry: a lone surrogate cannot be percent-encoded at all. */
const IN_URL = HOSTILE_STRINGS.filter((s) => s.length < 5000 && encodable(s));
/** What HTTP lets a header carry at all (RFC 9110 §5.5): a client cannot send anything else. */
const HEADER_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;

/**
 * Routes whose errors follow another standard than RFC 9457, by that standard's text: Open311 GeoReport v2 answers
 * errors as its own `[{code, description}]` list (JSON or XML), and Kannel's sms-service reads plain text.
 */
const OWN_ERROR_FORMAT = [/^\/open311\//, /^\/api\/v1\/sms\//];

/**
 * Tables a rejected request may still write, and why: a failed sign-in is audited and counted for lockout; a
 * refused or throttled request is counted against its limit; the answer to a request with an Idempotency-Key is
 * kept for 24 h, errors included, so that its retry gets the same answer (ADR 0012).
 */
const BOOKKEEPING = new Set([
  'public.login_audit',
  'public.rate_limits',
  'public.sessions',
  'public.idempotency_keys',
]);

interface RouteStat {
  requests: number;
  fiveXx: number;
  statuses: Map<number, number>;
}

describe('fuzzing every route from its OpenAPI schema', () => {
  let t: TestApp;
  let admin: SignedIn;
  let doc: Schema;
  const known: Record<string, string[]> = {};
  const stats = new Map<string, RouteStat>();

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signInAs(t, { role: 'national_admin' });
    const ids = await refIds(t.deps.db);
    const filed = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
    doc = await (await t.get('/api/openapi.json')).json();
    // Real values for path parameters, so that some requests reach past the lookup.
    known.trackingId = [filed.trackingId];
    known.id = [String(ids.samarinda), String(ids.kaltim), '1'];
    known.institutionId = [String(ids.samarinda)];
    known.code = ['pemda-64.72', 'fcpf-cf-kaltim'];
    known.year = ['2024', '2026'];
  }, 120_000);

  afterAll(async () => {
    const rows = [...stats.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
    const total = rows.reduce((n, [, s]) => n + s.requests, 0);
    const lines = rows.map(
      ([route, s]) =>
        `${route.padEnd(72)} ${String(s.requests).padStart(4)} ${String(s.fiveXx).padStart(3)}  ${[
          ...s.statuses,
        ]
          .sort(([a], [b]) => a - b)
          .map(([c, n]) => `${c}×${n}`)
          .join(' ')}`,
    );
    console.log(
      `route${' '.repeat(68)}reqs 5xx statuses\n${lines.join('\n')}\n${rows.length} routes, ${total} requests`,
    );
    await t?.close();
  });

  const paramArb = (p: Schema) => {
    const schema = resolveRef(doc, p.schema ?? {});
    return fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...(known[p.name] ?? ['1'])) },
      { weight: 2, arbitrary: validOf(doc, schema).map((v) => String(v)) },
      { weight: 2, arbitrary: fc.constantFrom(...IN_URL) },
      { weight: 1, arbitrary: fc.string() },
    );
  };

  it('answers every request without a 5xx, with problem+json errors, and leaves no trace of a rejected write', async () => {
    const operations: { method: (typeof METHODS)[number]; path: string; op: Schema }[] = [];
    for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>))
      for (const method of METHODS) if (item[method]) operations.push({ method, path, op: item[method] });
    expect(operations.length).toBeGreaterThan(80);

    for (const { method, path, op } of operations) {
      const params: Schema[] = (op.parameters ?? []).map((p: Schema) => resolveRef(doc, p));
      const pathParams = params.filter((p) => p.in === 'path');
      const query = params.filter((p) => p.in === 'query');
      const bodySchema = op.requestBody?.content?.['application/json']?.schema;
      const body: fc.Arbitrary<unknown> = bodySchema
        ? fc.oneof(
            { weight: 3, arbitrary: validOf(doc, bodySchema) },
            { weight: 3, arbitrary: brokenOf(doc, bodySchema) },
            { weight: 2, arbitrary: hostileJson },
            { weight: 1, arbitrary: deepNesting },
          )
        : fc.option(hostileJson, { nil: undefined });
      const request = fc.record({
        path: fc.tuple(...pathParams.map(paramArb)),
        query: fc.tuple(...query.map((p) => fc.option(paramArb(p), { nil: undefined }))),
        body,
        raw: fc.option(fc.constantFrom('{', '[1,', '\u0000', 'null', '{"a":1}{"b":2}', 'x'.repeat(200_000)), {
          freq: 6,
          nil: undefined,
        }),
        idempotencyKey: fc.option(
          fc.oneof(
            fc.uuid(),
            fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 300 && HEADER_VALUE.test(s))),
          ),
          {
            freq: 3,
            nil: undefined,
          },
        ),
        contentType: fc.constantFrom(
          'application/json',
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
        ),
        asAdmin: fc.boolean(),
      });

      const key = `${method.toUpperCase()} ${path}`;
      const stat: RouteStat = { requests: 0, fiveXx: 0, statuses: new Map() };
      stats.set(key, stat);
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          let url = path;
          pathParams.forEach((p, i) => {
            url = url.replace(`{${p.name}}`, encodeURIComponent(r.path[i]!));
          });
          const qs = new URLSearchParams();
          query.forEach((p, i) => {
            if (r.query[i] !== undefined) qs.set(p.name, r.query[i]!);
          });
          if (qs.size) url += `?${qs}`;
          const headers: Record<string, string> = {
            origin: t.publicUrl,
            ...(r.asAdmin ? admin.headers : {}),
          };
          if (r.idempotencyKey) headers['idempotency-key'] = r.idempotencyKey;
          const write = method !== 'get';
          let payload: string | undefined;
          if (write) {
            headers['content-type'] = r.contentType;
            payload = r.raw ?? JSON.stringify(r.body ?? null);
          }
          const before = write ? await tableStats(t.deps.db) : null;
          const res = await t.app.request(url, { method: method.toUpperCase(), headers, body: payload });
          const text = await res.text();
          stat.requests++;
          stat.statuses.set(res.status, (stat.statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) stat.fiveXx++;
          expect(res.status, `${key} → ${url}: ${text.slice(0, 300)}`).toBeLessThan(500);
          if (res.status >= 400 && !OWN_ERROR_FORMAT.some((re) => re.test(path))) {
            expect(res.headers.get('content-type') ?? '', `${key} → ${res.status}`).toContain(
              'application/problem+json',
            );
            expect(JSON.parse(text), `${key} → ${res.status}`).toHaveProperty('status', res.status);
          }
          if (before && res.status >= 400) {
            const after = new Map((await tableStats(t.deps.db)).map((s) => [s.table, s.rows]));
            const changed = before.filter((s) => !BOOKKEEPING.has(s.table) && after.get(s.table) !== s.rows);
            expect(
              changed.map((s) => `${s.table} ${s.rows}→${after.get(s.table)}`),
              `${key} → ${res.status}`,
            ).toEqual([]);
          }
        }),
        { numRuns: RUNS, seed: Number(process.env.PINTU_FUZZ_SEED ?? 20261207) },
      );
    }
  }, 900_000);

  it('does the same for the routes outside the OpenAPI document (hostile input only)', async () => {
    const documented = new Set<string>();
    for (const [path, item] of Object.entries(doc.paths as Record<string, Schema>))
      for (const method of METHODS)
        if (item[method]) documented.add(`${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`);
    // better-auth's own endpoints (`/api/auth/*`) are its library's; the web app's fallback serves files.
    const extra = [
      ...new Set(
        t.app.routes
          .filter((r) => METHODS.includes(r.method.toLowerCase() as never) && !r.path.includes('*'))
          .map((r) => `${r.method} ${r.path}`),
      ),
    ].filter((k) => !documented.has(k));
    const request = fc.record({
      param: fc.constantFrom(...IN_URL, 'LPR-AAAA-AAAA', '1'),
      body: fc.oneof(hostileJson, deepNesting),
      raw: fc.option(fc.constantFrom('{', '\u0000', 'x'.repeat(200_000)), { freq: 3, nil: undefined }),
      contentType: fc.constantFrom(
        'application/json',
        'text/plain',
        'multipart/form-data; boundary=x',
        'text/xml',
      ),
      asAdmin: fc.boolean(),
    });
    for (const key of extra) {
      const [method, path] = key.split(' ') as [string, string];
      const stat: RouteStat = { requests: 0, fiveXx: 0, statuses: new Map() };
      stats.set(`${key} (undocumented)`, stat);
      await fc.assert(
        fc.asyncProperty(request, async (r) => {
          const url = path.replace(/:\w+(\{[^}]*\})?/g, encodeURIComponent(r.param));
          const headers: Record<string, string> = {
            origin: t.publicUrl,
            ...(r.asAdmin ? admin.headers : {}),
          };
          const write = method !== 'GET';
          if (write) headers['content-type'] = r.contentType;
          const res = await t.app.request(url, {
            method,
            headers,
            body: write ? (r.raw ?? JSON.stringify(r.body)) : undefined,
          });
          const text = await res.text();
          stat.requests++;
          stat.statuses.set(res.status, (stat.statuses.get(res.status) ?? 0) + 1);
          if (res.status >= 500) stat.fiveXx++;
          expect(res.status, `${key} → ${url}: ${text.slice(0, 300)}`).toBeLessThan(500);
        }),
        { numRuns: RUNS, seed: Number(process.env.PINTU_FUZZ_SEED ?? 20261207) },
      );
    }
    expect(extra.length).toBeGreaterThan(0);
  }, 600_000);
});
