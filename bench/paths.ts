/**
 * A benchmark per path (issue 17 §5): against a generated database (bench/lib/generate.ts; generated when missing),
 * the real server is started and each path measured, with the raw PostgreSQL figure of the same SQL (read from the
 * server itself through its SQL tap) measured in the same run, and printed against its budget:
 *
 *   page       GET /api/v1/reports/{trackingId}: ≥ 5,000 req/s, p99 < 20 ms, ≥ 0.8× pgbench (its SELECT)
 *   search     GET /api/v1/reports?q=…: p95 < 100 ms
 *   lists      GET /api/v1/reports?status|type|categoryId|regionCode|institutionId=…: p95 < 50 ms each
 *   inbox      GET /api/v1/inbox, national admin and the big regency government's queues: p95 < 50 ms
 *   lifecycle  file → verify → acknowledge → follow up → accept, 12 workers over 12 institutions (≥ 150/s) and all
 *              at one (≥ 60/s), against the same rows written by plain SQL transactions
 *   intake     POST /api/v1/reports: ≥ 0.85× a plain one-filing-per-transaction insert of the same rows
 *
 *   npm run bench:paths -- [--db=pintu_bench_1m] [--reports=1000000] [--duration=10] [--warmup=2]
 *                          [--connections=16] [--latency-connections=4] [--only=page,search,lists,inbox,lifecycle,intake]
 *                          [--cpu-prof=DIR]
 *
 * Exit code 1 when a budget fails. A benchmark, not a test: see bench/README.md.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { positiveArg } from './lib/args';
import { BENCH_SERVER_ENV } from './lib/gen-check';
import { generate, readGenerated, serverEnv, staleSchema } from './lib/generate';
import { type PathsContext, printTable, type Row, waitIdle } from './lib/paths-common';
import { intakePath } from './lib/paths-intake';
import { lifecyclePaths } from './lib/paths-lifecycle';
import { inboxPaths, listPaths, pagePath, searchPaths } from './lib/paths-reads';
import { type RunningServer, startServer } from './lib/server-process';

const SECTIONS = ['page', 'search', 'lists', 'inbox', 'lifecycle', 'intake'] as const;
const { values: args } = parseArgs({
  options: {
    db: { type: 'string', default: 'pintu_bench_1m' },
    reports: { type: 'string', default: '1000000' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    connections: { type: 'string', default: '16' },
    'latency-connections': { type: 'string', default: '4' },
    only: { type: 'string', default: SECTIONS.join(',') },
    // The server's V8 profile, one file per thread, written to DIR when it stops.
    'cpu-prof': { type: 'string' },
  },
});
const only = args.only.split(',').map((s) => s.trim());
for (const s of only)
  if (!(SECTIONS as readonly string[]).includes(s)) {
    console.error(`--only: unknown section ${s} (one of ${SECTIONS.join(', ')})`);
    process.exit(2);
  }
const log = (line: string) => console.log(line);

let g = await readGenerated(args.db);
const stale = g && (await staleSchema(g.databaseUrl));
if (!g || stale) {
  log(`${args.db}: ${stale ?? 'not a generated database'}: generating it (npm run bench:generate)`);
  g = await generate({
    db: args.db,
    reports: g?.reports ?? Math.round(positiveArg('reports', args.reports)),
    ...(g ? { seed: g.seed } : {}),
  });
}
log(`${g.db}: ${g.reports.toLocaleString('en')} reports generated ${g.now} (seed ${g.seed})`);
const tap = join(tmpdir(), `pintu-sql-tap-${process.pid}.json`);
let server: RunningServer | null = null;
const stop = async () => {
  await server?.stop();
  rmSync(tap, { force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => void stop().finally(() => process.exit(130)));

let failed = false;
try {
  server = await startServer({
    env: { ...serverEnv(g), ...BENCH_SERVER_ENV, PINTU_BENCH_SQL_TAP: tap },
    nodeFlags: [
      '--import',
      join(import.meta.dirname, 'lib/sql-tap.mjs'),
      ...(args['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${args['cpu-prof']}`] : []),
    ],
  });
  log(`server ready in ${server.startSeconds.toFixed(1)} s at ${server.url}; waiting for its start-up jobs…`);
  const ctx: PathsContext = {
    g,
    server,
    tap,
    seconds: positiveArg('duration', args.duration),
    warmup: positiveArg('warmup', args.warmup),
    connections: Math.round(positiveArg('connections', args.connections)),
    latencyConnections: Math.round(positiveArg('latency-connections', args['latency-connections'])),
    log,
  };
  await waitIdle(ctx);
  const rows: Row[] = [];
  const sections: Record<(typeof SECTIONS)[number], (c: PathsContext) => Promise<Row[]>> = {
    page: pagePath,
    search: searchPaths,
    lists: listPaths,
    inbox: inboxPaths,
    lifecycle: lifecyclePaths,
    intake: intakePath,
  };
  for (const s of SECTIONS) {
    if (!only.includes(s)) continue;
    log(`\n[${s}]`);
    try {
      const got = await sections[s](ctx);
      for (const r of got)
        log(
          `  ${r.path}: ${r.pintu} | raw ${r.raw} | ${r.pass === null ? 'info' : r.pass ? 'PASS' : 'FAIL'}`,
        );
      rows.push(...got);
    } catch (err) {
      log(`  ${s} FAILED to run: ${err instanceof Error ? err.stack : String(err)}`);
      rows.push({
        path: s,
        pintu: 'error',
        budget: '',
        raw: '',
        ratio: '',
        pass: false,
        cpu: null,
        notes: [String(err)],
      });
    }
    if (!server.running()) throw new Error(`the server exited:\n${server.logTail()}`);
  }
  log(
    `\n${g.reports.toLocaleString('en')} reports; ${ctx.seconds} s per figure after ${ctx.warmup} s of warm-up.\n`,
  );
  printTable(rows, log);
  failed = rows.some((r) => r.pass === false);
  log(failed ? '\nSOME BUDGETS FAIL' : '\nALL BUDGETS MET');
} finally {
  await stop();
}
process.exit(failed ? 1 : 0);
