/**
 * The SLA sweep's due-item query over 1 million open stages, on PostgreSQL. Budget: every measured run under
 * 50 ms (issue 4). Prints the latency of several runs (p50, max) and the `EXPLAIN (ANALYZE, BUFFERS)` plan; exits
 * 1 when over budget.
 *
 *   npm run bench:sla-sweep -- [--rows=1000000] [--runs=20] [--batch=200] [--keep]
 *
 * It recreates the database `pintu_bench_sla` through BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates it, fills `sla_stage_clocks` with `generate_series` —
 * open stages whose next instant is spread over 60 days around "now" (so half of them are due, the worst case for
 * the sweep), plus as many completed stages (outside the partial index) — and runs the exact query `sweep` runs.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { dueItemsQuery } from '../packages/server/src/app/sla/sweep';
import { openDatabase } from '../packages/server/src/db/open';

const BUDGET_MS = 50;
const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '1000000' },
    runs: { type: 'string', default: '20' },
    batch: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
  },
});
const rows = Number(args.rows);
const runs = Number(args.runs);
const batch = Number(args.batch);
const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = 'pintu_bench_sla';

async function admin(q: string) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    await c.query(q);
  } finally {
    await c.end();
  }
}

const now = new Date('2025-06-02T03:00:00Z');
await admin(`drop database if exists ${name}`);
await admin(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
const database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
const db = database.db;
let failed = false;
try {
  const t0 = Date.now();
  // Open stages: deadlines spread over ±30 days around now; next_at is the reminder or the breach.
  await db.execute(sql`insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, started_at,
      working_days, anchor_at, anchor_days, due_at, escalation_level, next_at)
    select g, (array['verify','acknowledge','follow_up','reporter_response','hold_response'])[1 + g % 5],
      1 + g % 1000, (array['Asia/Jakarta','Asia/Makassar','Asia/Jayapura'])[1 + g % 3],
      d - interval '5 days', 3, d - interval '5 days', 3, d, 0, d - interval '1 day' + interval '1 millisecond'
    from generate_series(1, ${rows}) g,
      lateral (select ${now.toISOString()}::timestamptz + (random() * 60 - 30) * interval '1 day' + g * interval '0 microseconds' as d) x`);
  // As many completed stages: history, outside the partial index.
  await db.execute(sql`insert into sla_stage_clocks (report_id, stage, time_zone, started_at, working_days,
      anchor_at, anchor_days, due_at, completed_at, next_at)
    select ${rows} + g, 'verify', 'Asia/Jakarta', t - interval '3 days', 3, t - interval '3 days', 3, t, t, null
    from generate_series(1, ${rows}) g,
      lateral (select ${now.toISOString()}::timestamptz - (random() * 365) * interval '1 day' + g * interval '0 microseconds' as t) x`);
  await db.execute(sql`vacuum analyze sla_stage_clocks`);
  const fill = Date.now() - t0;
  const count = await db.execute(sql`select count(*) filter (where next_at is not null)::int as open,
      count(*) filter (where next_at <= ${now.toISOString()}::timestamptz)::int as due,
      pg_size_pretty(pg_relation_size('sla_stage_clocks_next_idx')) as index_size from sla_stage_clocks`);
  console.log(`filled in ${(fill / 1000).toFixed(1)} s:`, count.rows[0]);

  const query = dueItemsQuery(now, batch);
  for (let i = 0; i < 3; i += 1) await db.execute(query); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const s = process.hrtime.bigint();
    const res = await db.execute(query);
    times.push(Number(process.hrtime.bigint() - s) / 1e6);
    if (res.rows.length !== batch) throw new Error(`expected ${batch} due items, got ${res.rows.length}`);
  }
  times.sort((a, b) => a - b);
  const p50 = times[Math.floor(times.length / 2)]!;
  const max = times.at(-1)!;
  const { sql: text, params } = new PgDialect().sqlToQuery(query);
  const pool = new pg.Client({ connectionString: url.toString() });
  await pool.connect();
  const plan = await pool.query(`explain (analyze, buffers) ${text}`, params);
  await pool.end();
  console.log(
    `\ndue-item query (limit ${batch}) over ${rows.toLocaleString('en')} open stages, ${runs} runs:`,
  );
  console.log(`  p50 ${p50.toFixed(2)} ms, max ${max.toFixed(2)} ms (budget < ${BUDGET_MS} ms)\n`);
  console.log((plan.rows as { 'QUERY PLAN': string }[]).map((r) => r['QUERY PLAN']).join('\n'));
  failed = max >= BUDGET_MS;
  console.log(failed ? '\nOVER BUDGET' : '\nwithin budget');
} finally {
  await database.close();
  if (!args.keep) await admin(`drop database if exists ${name}`);
}
process.exit(failed ? 1 : 0);
