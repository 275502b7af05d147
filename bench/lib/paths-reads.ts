/**
 * The read paths of bench/paths.ts: the public report page (throughput, against pgbench), public search, the
 * filtered lists and the staff inbox (latency, against the same SQL straight on PostgreSQL). Each path's SQL is
 * what the server sent for the very requests measured, read through its SQL tap.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INBOX_QUEUES } from '@pintu/core';
import pg from 'pg';
import { signIn } from './http-session';
import { brief, captureStatements, type Statement, waves } from './paths-capture';
import { busyNote, meter, ms, type PathsContext, per, type Row, times, withCpu } from './paths-common';
import { type HttpRequest, httpLoad, sqlLoad } from './paths-load';
import { runPgbench } from './paths-pgbench';

const PAGE = { rate: 5000, p99: 20, ofRaw: 0.8 };
const SEARCH_P95 = 100;
const LIST_P95 = 50;

async function query<T>(url: string, text: string, values: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query(text, values)).rows as T[];
  } finally {
    await c.end();
  }
}

const fetchOk = async (ctx: PathsContext, r: HttpRequest, headers: Record<string, string> = {}) => {
  const res = await fetch(`${ctx.server.url}${r.path}`, { headers: { ...r.headers, ...headers } });
  if (!res.ok) throw new Error(`GET ${r.path}: ${res.status} ${(await res.text()).slice(0, 200)}`);
  await res.arrayBuffer();
};

/** The statements of each request variant, as the server sent them. */
async function captureAll(ctx: PathsContext, variants: HttpRequest[]) {
  const out: Statement[][][] = [];
  const others = new Set<string>();
  for (const v of variants) {
    const got = await captureStatements(ctx.tap, (h) => fetchOk(ctx, v, h));
    if (!got.data.length) throw new Error(`${v.path}: no statement reading the reports was captured`);
    out.push(waves(got.data));
    for (const s of got.all) if (!got.data.includes(s)) others.add(brief(s));
  }
  const notes = out[0]!.flatMap((wave, i) => wave.map((s) => `SQL (wave ${i + 1}): ${brief(s)}`));
  if (others.size)
    notes.push(`also sent per request (not replayed): ${[...others].join(' ; ').slice(0, 300)}`);
  return { variants: out, notes };
}

/** The public report page: req/s and p99 at `connections`, against pgbench running its SELECT. */
export async function pagePath(ctx: PathsContext): Promise<Row[]> {
  const ids = (
    await query<{ id: string }>(
      ctx.g.databaseUrl,
      `select tracking_id as id from reports tablesample system (5)
       where not is_confidential and not moderation_hidden limit 20000`,
    )
  ).map((r) => r.id);
  const req = (id: string): HttpRequest => ({ path: `/api/v1/reports/${id}` });
  const captured = await captureStatements(ctx.tap, (h) => fetchOk(ctx, req(ids[0]!), h));
  if (!captured.data.length) throw new Error('page: no statement reading the reports was captured');
  // The same statements for 32 other reports: the captured id's parameter replaced.
  const variants = ids
    .slice(0, 32)
    .map((id) => captured.data.map((s) => ({ ...s, values: s.values.map((v) => (v === ids[0] ? id : v)) })));
  let i = 0;
  const next = () => {
    i = (i + 7919) % ids.length;
    return req(ids[i]!);
  };
  await httpLoad({ url: ctx.server.url, connections: ctx.connections, seconds: ctx.warmup, next });
  const { value: pintu, cpu } = await withCpu(ctx, () =>
    httpLoad({ url: ctx.server.url, connections: ctx.connections, seconds: ctx.seconds, next }),
  );
  const raw = await runPgbench(ctx.g.databaseUrl, variants, {
    clients: ctx.connections,
    threads: 2,
    seconds: ctx.seconds,
    skip: 3,
    meter: meter(ctx),
  });
  const ratio = pintu.rate / raw.tps;
  const bare = await bareCeiling(ctx, ids[0]!);
  return [
    {
      path: `GET /api/v1/reports/{id}, ${ctx.connections} conn`,
      pintu: `${per(pintu.rate)}, p99 ${ms(pintu.p99)}`,
      budget: `≥ ${per(PAGE.rate)}, p99 < ${PAGE.p99} ms, ≥ ${PAGE.ofRaw}× raw`,
      raw: `pgbench -M prepared: ${per(raw.tps)}, p99 ${ms(raw.p99)}`,
      ratio: times(ratio),
      pass: pintu.rate >= PAGE.rate && pintu.p99 < PAGE.p99 && ratio >= PAGE.ofRaw && !pintu.failures,
      cpu,
      notes: [
        ...captured.data.map((s) => `SQL: ${brief(s)}`),
        `Pintu: ${ids.length.toLocaleString('en')} random public reports, p50 ${ms(pintu.p50)}, ${pintu.failures} non-2xx/errors ${pintu.sample}`,
        `pgbench: -c ${ctx.connections} -j 2, ${raw.script}, p50 ${ms(raw.p50)}, ${raw.count.toLocaleString('en')} transactions`,
        ...busyNote('during pgbench', raw.cpu),
      ],
    },
    {
      path: 'the same page from a bare node:http server',
      pintu: `${per(bare.rate)}, p99 ${ms(bare.p99)}`,
      budget: 'the ceiling of any Node server here',
      raw: 'no framework, no database: one body from memory',
      ratio: times(pintu.rate / bare.rate),
      pass: null,
      // Its own process is the "other" of the CPU meter: no machine-busy flag for this row.
      cpu: null,
      notes: ['ratio: Pintu’s page against this ceiling, same autocannon load, same run'],
    },
  ];
}

/** The bare `node:http` ceiling (bare-http.mjs) for one report's public body, at the page's connections. */
async function bareCeiling(ctx: PathsContext, id: string) {
  const res = await fetch(`${ctx.server.url}/api/v1/reports/${id}`);
  const file = join(tmpdir(), `pintu-bare-${process.pid}.json`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  const child = spawn(process.execPath, [join(import.meta.dirname, 'bare-http.mjs'), file], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  try {
    const port = await new Promise<string>((resolve, reject) => {
      child.stdout!.once('data', (d: Buffer) => resolve(d.toString().trim()));
      child.once('exit', (code) => reject(new Error(`bare-http.mjs exited (${code})`)));
    });
    const url = `http://127.0.0.1:${port}`;
    const next = () => ({ path: `/api/v1/reports/${id}` });
    await httpLoad({ url, connections: ctx.connections, seconds: ctx.warmup, next });
    return await httpLoad({ url, connections: ctx.connections, seconds: ctx.seconds, next });
  } finally {
    child.kill();
  }
}

/** One latency row: `variants` requests in turn against the same statements straight on PostgreSQL. */
async function latencyRow(
  ctx: PathsContext,
  label: string,
  variants: HttpRequest[],
  budget: number,
): Promise<Row> {
  const { variants: sql, notes } = await captureAll(ctx, variants);
  let i = 0;
  let j = 0;
  const next = () => variants[i++ % variants.length]!;
  const load = (seconds: number) =>
    httpLoad({ url: ctx.server.url, connections: ctx.latencyConnections, seconds, next });
  await load(ctx.warmup);
  const { value: pintu, cpu } = await withCpu(ctx, () => load(ctx.seconds));
  const rawLoad = (seconds: number) =>
    sqlLoad({
      url: ctx.g.databaseUrl,
      connections: ctx.latencyConnections,
      seconds,
      next: () => sql[j++ % sql.length]!,
      meter: meter(ctx),
    });
  await rawLoad(ctx.warmup);
  const raw = await rawLoad(ctx.seconds);
  return {
    path: label,
    pintu: `p95 ${ms(pintu.p95)} (${per(pintu.rate)})`,
    budget: `p95 < ${budget} ms`,
    raw: `p95 ${ms(raw.p95)} (${per(raw.rate)})`,
    ratio: times(pintu.p95 / raw.p95),
    pass: pintu.p95 < budget && !pintu.failures,
    cpu,
    notes: [
      ...notes,
      `Pintu p50 ${ms(pintu.p50)} p99 ${ms(pintu.p99)}; raw p50 ${ms(raw.p50)} p99 ${ms(raw.p99)}; ${ctx.latencyConnections} connections each` +
        (pintu.failures ? `; ${pintu.failures} non-2xx/errors: ${pintu.sample}` : '') +
        (raw.failures ? `; raw errors: ${raw.sample}` : ''),
      ...busyNote('during the raw run', raw.cpu),
    ],
  };
}

export async function searchPaths(ctx: PathsContext): Promise<Row[]> {
  const q = (w: string): HttpRequest => ({ path: `/api/v1/reports?q=${encodeURIComponent(w)}` });
  return [
    await latencyRow(ctx, 'search ?q=jalan', [q('jalan')], SEARCH_P95),
    await latencyRow(
      ctx,
      'search ?q=sampah|air|listrik|sekolah|puskesmas',
      ['sampah', 'air', 'listrik', 'sekolah', 'puskesmas'].map(q),
      SEARCH_P95,
    ),
  ];
}

export async function listPaths(ctx: PathsContext): Promise<Row[]> {
  const [cat] = await query<{ id: number }>(
    ctx.g.databaseUrl,
    `select category_id as id from reports group by 1 order by count(*) desc limit 1`,
  );
  const [big] = await query<{ region: string }>(
    ctx.g.databaseUrl,
    'select region_code as region from institutions where id = $1',
    [ctx.g.bigId],
  );
  const list = (query: string): HttpRequest => ({ path: `/api/v1/reports?${query}` });
  const rows: Row[] = [];
  for (const [label, qs] of [
    ['status=in_progress', 'status=in_progress'],
    ['type=aspiration', 'type=aspiration'],
    [`categoryId=${cat!.id} (busiest)`, `categoryId=${cat!.id}`],
    [`regionCode=${big!.region.slice(0, 2)} (province)`, `regionCode=${big!.region.slice(0, 2)}`],
    [`regionCode=${big!.region} (regency)`, `regionCode=${big!.region}`],
    [`institutionId=${ctx.g.bigId} (with units)`, `institutionId=${ctx.g.bigId}`],
  ] as const)
    rows.push(await latencyRow(ctx, `list ?${label}`, [list(qs)], LIST_P95));
  return rows;
}

export async function inboxPaths(ctx: PathsContext): Promise<Row[]> {
  const { accounts, password } = ctx.g;
  const admin = await signIn(ctx.server.url, accounts.admin.email, password);
  const coordinator = await signIn(ctx.server.url, accounts.big.coordinator.email, password);
  const inbox = (headers: Record<string, string>, queue?: string): HttpRequest => ({
    path: `/api/v1/inbox${queue ? `?queue=${queue}` : ''}`,
    headers,
  });
  const rows = [await latencyRow(ctx, 'inbox, national admin (to_verify)', [inbox(admin.headers)], LIST_P95)];
  for (const queue of INBOX_QUEUES)
    rows.push(
      await latencyRow(
        ctx,
        `inbox, big regency coordinator: ${queue}`,
        [inbox(coordinator.headers, queue)],
        LIST_P95,
      ),
    );
  return rows;
}
