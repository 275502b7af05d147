/**
 * Asking one route of the table (authz-routes.ts) with every caller, and for a report route about every report kind:
 * each answer against the route's rule (authz-rules.ts), no answer carrying what its audience may not see, and the
 * refusals of a write leaving every table as it was (refusals go first, all together, between two snapshots).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Db } from '../../src/db/open';
import { tableStats } from '../../src/db/postgres-backup';
import { ROUTES } from './authz-routes';
import { type Ctx, type Expected, expectedFor, forbiddenFor, type Req, type RouteEntry } from './authz-rules';
import { type AuthzCaller, REPORT_KINDS, setUpWorld, type World, type WorldReport } from './authz-world';

/**
 * Tables a refused request may still write, and why (as the fuzzer): sign-in attempts are audited and counted, a
 * session is extended when due, an `Idempotency-Key`'s answer is kept, errors included.
 */
const BOOKKEEPING = new Set([
  'public.login_audit',
  'public.rate_limits',
  'public.sessions',
  'public.idempotency_keys',
]);
/** Reference data no route writes, too big to digest for every write route: counted only. */
const COUNTED = new Set(['public.regions']);

/** Every table's row count and the digest of its rows, in one round trip. */
export async function snapshot(db: Db): Promise<Record<string, string>> {
  const tables = (await tableStats(db)).map((s) => s.table).filter((t) => !BOOKKEEPING.has(t));
  const quoted = (t: string) =>
    t
      .split('.')
      .map((p) => `"${p}"`)
      .join('.');
  const parts = tables.map((t) =>
    COUNTED.has(t)
      ? `select '${t}' as t, count(*)::text as d from ${quoted(t)}`
      : `select '${t}' as t, count(*) || ':' || md5(coalesce(string_agg(x::text, ',' order by x::text), '')) as d from ${quoted(t)} x`,
  );
  const res = await db.execute(sql.raw(parts.join(' union all ')));
  return Object.fromEntries(res.rows.map((r) => [String(r.t), String(r.d)]));
}

export interface Tally {
  requests: number;
  allowed: number;
  refused: number;
}

interface Case {
  caller: AuthzCaller;
  report?: WorldReport;
  want: Expected;
}

async function sendAs(w: World, caller: AuthzCaller, req: Req) {
  const headers: Record<string, string> = { origin: w.t.publicUrl, ...caller.headers, ...req.headers };
  let body: RequestInit['body'];
  if (req.form instanceof URLSearchParams) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = req.form.toString();
  } else if (req.form) body = req.form;
  else if (req.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.body);
  }
  const res = await w.t.app.request(req.path, { method: req.method, headers, body });
  // Bytes as Latin-1: a PDF or a photo is searched for the same ASCII secrets as JSON.
  return { status: res.status, text: Buffer.from(await res.arrayBuffer()).toString('latin1') };
}

/** Asks the route; returns what went wrong (empty when every answer is the rule's), and counts into `tally`. */
export async function askRoute(w: World, e: RouteEntry, tally: Tally): Promise<string[]> {
  const request = e.request;
  if (!request) return [];
  const cases: Case[] = w.callers.flatMap((caller) =>
    (e.perReport ? REPORT_KINDS.map((k) => w.reports[k]) : [undefined]).map((report) => ({
      caller,
      report,
      want: expectedFor(w, e, caller, report),
    })),
  );
  const problems: string[] = [];
  const shared = new Map<string, Promise<unknown>>();
  const ctx = (c: Case): Ctx => ({ w, caller: c.caller, report: c.report, allowed: c.want.allowed, shared });
  const check = (c: Case, req: Req, got: { status: number; text: string }) => {
    const where = `${e.key}${c.report ? ` [${c.report.kind}]` : ''} as ${c.caller.label}`;
    const okStatus = c.want.allowed
      ? e.ok
        ? e.ok.includes(got.status)
        : got.status >= 200 && got.status < 300
      : got.status === c.want.status;
    if (!okStatus)
      problems.push(
        `${where}: ${c.want.allowed ? `allowed (${e.ok?.join('/') ?? '2xx'})` : `refused ${c.want.status}`} expected, ` +
          `got ${got.status} ${got.text.slice(0, 160)}`,
      );
    for (const secret of forbiddenFor(w, e, c.caller, c.report, c.want.allowed))
      if (got.text.includes(secret)) problems.push(`${where}: ${req.method} ${req.path} shows "${secret}"`);
  };
  const refusals = cases.filter((c) => !c.want.allowed);
  const allowed = cases.filter((c) => c.want.allowed);
  const method = e.key.split(' ')[0]!;
  const write = !['GET', 'HEAD', 'OPTIONS'].includes(method);

  // Refusals: their requests built first (shared targets exist before the snapshot), then sent together.
  const refusedReqs = await Promise.all(refusals.map(async (c) => ({ c, req: await request(ctx(c)) })));
  const before = write ? await snapshot(w.t.deps.db) : null;
  const answers = await Promise.all(refusedReqs.map(({ c, req }) => sendAs(w, c.caller, req)));
  for (const [i, { c, req }] of refusedReqs.entries()) check(c, req, answers[i]!);
  if (before) {
    const after = await snapshot(w.t.deps.db);
    const changed = Object.keys(before).filter((t) => before[t] !== after[t]);
    if (changed.length) problems.push(`${e.key}: refused requests changed ${changed.join(', ')}`);
  }
  // Allowed writes one at a time, each on its own target; reads together.
  const askAllowed = async (c: Case) => {
    const req = await request(ctx(c));
    check(c, req, await sendAs(w, c.caller, req));
  };
  if (write) for (const c of allowed) await askAllowed(c);
  else await Promise.all(allowed.map(askAllowed));

  tally.requests += cases.length;
  tally.allowed += allowed.length;
  tally.refused += refusals.length;
  return problems;
}

/** The routes of one test file. */
export const routesOf = (group: RouteEntry['group']) => ROUTES.filter((e) => e.group === group);

/** The summary line of each route and the totals, printed at the end of a file like the fuzzer's. */
export function summary(group: string, callers: number, tallies: Map<string, Tally>): string {
  const rows = [...tallies.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const total = { routes: rows.length, requests: 0, allowed: 0, refused: 0 };
  const lines = rows.map(([key, t]) => {
    total.requests += t.requests;
    total.allowed += t.allowed;
    total.refused += t.refused;
    return `${key.padEnd(66)} ${String(t.requests).padStart(4)} ${String(t.allowed).padStart(4)} ${String(t.refused).padStart(4)}`;
  });
  return (
    `authorization matrix ${group}\n${'route'.padEnd(66)} reqs  allw  refd\n${lines.join('\n')}\n` +
    `${total.routes} routes × ${callers} callers (report routes × 3 report kinds): ${total.requests} requests, ` +
    `${total.allowed} allowed, ${total.refused} refused`
  );
}

/**
 * The suite of one test file: the world set up once, one test per route of the group (every answer its rule's),
 * and the summary printed at the end. `more` adds the file's own tests over the same world.
 */
export function matrixSuite(group: RouteEntry['group'], more?: (world: () => World) => void): void {
  let w: World;
  const tallies = new Map<string, Tally>();
  beforeAll(async () => {
    w = await setUpWorld();
  }, 180_000);
  afterAll(async () => {
    if (tallies.size) console.log(summary(group, w.callers.length, tallies));
    await w?.t.close();
  });
  const asked = routesOf(group).filter((e) => e.request);
  it.each(asked.map((e) => [e.key, e] as const))(
    "%s: every caller gets its rule's answer",
    async (key, e) => {
      const tally: Tally = { requests: 0, allowed: 0, refused: 0 };
      tallies.set(key, tally);
      expect(await askRoute(w, e, tally)).toEqual([]);
    },
  );
  more?.(() => w);
}
