/**
 * Intake load test: `POST /api/v1/reports` against the real server on a fresh database, per engine.
 * Budget (PostgreSQL, 2-core machine): at least 1,000 reports/s with p99 under 50 ms, no errors, no non-2xx.
 * PGlite has no budget; its numbers are printed for information.
 *
 *   npm run bench:intake -- [--engine=postgres|pglite|both] [--duration=15] [--connections=50] [--warmup=3]
 *                           [--cpu-prof]
 *
 * The connections send as fast as answers come (saturation), so p99 is mostly queueing: with 50 connections the
 * mean latency is 50 / throughput. (autocannon's rate limit is no way around that: it sends each second's quota
 * in a burst.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { positiveArg } from './lib/args';
import { type CpuShares, cpuSample, cpuShares } from './lib/cpu';
import { fetchReference, MIX, reportBodies } from './lib/report-bodies';
import {
  type Engine,
  type FreshDatabase,
  freshDatabase,
  type RunningServer,
  startServer,
} from './lib/server-process';

const BUDGET = { reportsPerSecond: 1000, p99Ms: 50 } as const;

const { values: args } = parseArgs({
  options: {
    engine: { type: 'string', default: 'both' },
    duration: { type: 'string', default: '15' },
    connections: { type: 'string', default: '50' },
    warmup: { type: 'string', default: '3' },
    'cpu-prof': { type: 'boolean', default: false },
  },
});
if (!['both', 'postgres', 'pglite'].includes(args.engine)) {
  console.error(`--engine must be postgres, pglite or both (got ${args.engine})`);
  process.exit(2);
}
const engines: Engine[] = args.engine === 'both' ? ['postgres', 'pglite'] : [args.engine as Engine];

const duration = positiveArg('duration', args.duration);
const connections = Math.round(positiveArg('connections', args.connections));
const warmup = positiveArg('warmup', args.warmup);
const profileDir = args['cpu-prof'] ? mkdtempSync(join(tmpdir(), 'pintu-bench-prof-')) : null;

interface Outcome {
  engine: Engine;
  startSeconds: number;
  reportsPerSecond: number;
  p50: number;
  p99: number;
  ok2xx: number;
  non2xx: number;
  errors: number;
  statusCodes: string;
  /** 2xx of warm-up and measured run together, and the requests that never got an answer. */
  total2xx: number;
  unanswered: number;
  rows: number;
  /** Where the CPU went during the measured run, in shares of one core. */
  cpu: CpuShares | null;
  errorSamples: string[];
}

/** Runs autocannon in this process (it shares the 2 cores with the server and PostgreSQL). */
function cannon(url: string, nextBody: () => string, seconds: number, errorSamples: string[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        requests: [
          {
            method: 'POST',
            path: '/api/v1/reports',
            headers: { 'content-type': 'application/json' },
            setupRequest: (req) => ({ ...req, body: nextBody() }),
          },
        ],
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    instance.on('reqError', (err) => {
      if (errorSamples.length < 3) errorSamples.push(String(err));
    });
  });
}

/**
 * Requests written but never answered: in flight when autocannon hung up at the end, or timed out. The server may
 * still have written those reports.
 */
const unansweredOf = (r: autocannon.Result) => r.requests.sent - r['2xx'] - r.non2xx;

let interrupted = false;
/** What to stop and remove if the bench is interrupted. */
const active: { server: RunningServer | null; fresh: FreshDatabase | null } = { server: null, fresh: null };

async function benchEngine(engine: Engine): Promise<Outcome> {
  const fresh = await freshDatabase(engine);
  active.fresh = fresh;
  let server: RunningServer | null = null;
  try {
    console.log(`\n[${engine}] starting the server on a fresh database (seeding reference data)…`);
    server = await startServer({
      env: fresh.env,
      nodeFlags: profileDir
        ? // One file per thread (Node's default names): a fixed name let tsx's loader thread overwrite the server's.
          ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]
        : [],
    });
    active.server = server;
    console.log(`[${engine}] ready in ${server.startSeconds.toFixed(1)} s at ${server.url}`);
    const ref = await fetchReference(server.url);
    console.log(
      `[${engine}] ${ref.categoryIds.length} categories, ${ref.institutions.length} regency governments, ` +
        `${ref.regionCodes.length} regions; warm-up ${warmup} s, then ${duration} s with ${connections} connections`,
    );
    const nextBody = reportBodies(ref);
    const errorSamples: string[] = [];
    const warm = await cannon(server.url, nextBody, warmup, errorSamples);
    const before = cpuSample(server.pid, fresh.database);
    const run = await cannon(server.url, nextBody, duration, errorSamples);
    const cpu = cpuShares(before, cpuSample(server.pid, fresh.database), run.duration);
    if (!server.running()) throw new Error('the server exited during the run');
    await server.stop();
    const rows = await fresh.countReports();
    return {
      engine,
      startSeconds: server.startSeconds,
      reportsPerSecond: run['2xx'] / run.duration,
      p50: run.latency.p50,
      p99: run.latency.p99,
      ok2xx: run['2xx'],
      non2xx: run.non2xx,
      errors: run.errors,
      statusCodes: Object.entries(run.statusCodeStats ?? {})
        .map(([code, s]) => `${code}×${s.count ?? 0}`)
        .join(' '),
      total2xx: warm['2xx'] + run['2xx'],
      unanswered: unansweredOf(warm) + unansweredOf(run),
      rows,
      cpu,
      errorSamples,
    };
  } catch (err) {
    if (server && !interrupted) console.error(`[${engine}] server log:\n${server.logTail()}`);
    throw err;
  } finally {
    await server?.stop();
    await fresh.cleanup();
    active.server = null;
    active.fresh = null;
  }
}

/**
 * Every 2xx must have written a row, and nothing else may have: rows = 2xx, plus at most the requests that never
 * got an answer (in flight when a run ended, or timed out: the server may finish those, nobody counts them).
 */
/** Above this share of a core used by other processes, a run is flagged as disturbed. */
const NOISY_OTHER = 20;

const perReport = (coreShare: number, o: Outcome) =>
  `${((coreShare / 100 / Math.max(o.reportsPerSecond, 1)) * 1e6).toFixed(0)} µs`;

const rowsAgree = (o: Outcome) => o.rows >= o.total2xx && o.rows <= o.total2xx + o.unanswered;

/** PostgreSQL is held to the budget; PGlite only to correctness (rows), its numbers being for information. */
function verdict(o: Outcome): { pass: boolean; text: string } {
  const problems: string[] = [];
  if (!rowsAgree(o)) problems.push('rows≠2xx');
  if (o.engine === 'postgres') {
    if (o.non2xx || o.errors) problems.push('non-2xx/errors');
    if (o.reportsPerSecond < BUDGET.reportsPerSecond) problems.push(`<${BUDGET.reportsPerSecond}/s`);
    if (o.p99 >= BUDGET.p99Ms) problems.push(`p99≥${BUDGET.p99Ms}ms`);
  }
  if (problems.length) return { pass: false, text: `FAIL (${problems.join(', ')})` };
  if (o.engine === 'postgres') return { pass: true, text: 'PASS' };
  return { pass: true, text: o.non2xx || o.errors ? 'info (has non-2xx/errors)' : 'info (no budget)' };
}

function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r
      .map((c, i) => (i === 0 || i === r.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

async function main(): Promise<number> {
  // Ctrl-C, `timeout` and a closed terminal alike: stop the server and remove the database before leaving.
  const interrupt = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    console.error(`\n${signal}: stopping the server and removing the bench database`);
    const { server, fresh } = active;
    void (async () => {
      await server?.stop().catch(() => {});
      await fresh?.cleanup().catch(() => {});
    })().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, interrupt);
  const outcomes: Outcome[] = [];
  const failures: string[] = [];
  for (const engine of engines) {
    try {
      outcomes.push(await benchEngine(engine));
    } catch (err) {
      failures.push(`${engine}: ${err instanceof Error ? err.message : String(err)}`);
    }
    if (interrupted) return 130; // the signal handler cleans up and exits
  }

  console.log(
    `\nPOST /api/v1/reports — ${duration} s, ${connections} connections` +
      ` as fast as answered, after a ${warmup} s warm-up. ` +
      `Mix: ${MIX.withInstitution * 100}% to an institution, ${MIX.anonymous * 100}% anonymous, ` +
      `${MIX.confidential * 100}% confidential.`,
  );
  console.log(
    `Budget (PostgreSQL): ≥ ${BUDGET.reportsPerSecond} reports/s and p99 < ${BUDGET.p99Ms} ms, no non-2xx, no errors.\n`,
  );
  let failed = failures.length > 0;
  const header = [
    'engine',
    'reports/s',
    'p50 ms',
    'p99 ms',
    '2xx',
    'non-2xx',
    'errors',
    'rows/2xx',
    'budget',
  ];
  const body = outcomes.map((o) => {
    const v = verdict(o);
    if (!v.pass) failed = true;
    return [
      o.engine,
      o.reportsPerSecond.toFixed(0),
      String(o.p50),
      String(o.p99),
      String(o.ok2xx),
      String(o.non2xx),
      String(o.errors),
      `${o.rows}/${o.total2xx}`,
      v.text,
    ];
  });
  console.log(table([header, ...body]));
  for (const o of outcomes) {
    console.log(
      `\n${o.engine}: rows in reports ${o.rows}, 2xx (warm-up + measured) ${o.total2xx}, ` +
        `${o.unanswered} never answered (in flight at the end or timed out; the server may still write those) — ` +
        `${rowsAgree(o) ? 'agrees' : 'DOES NOT AGREE'}. Status codes: ${o.statusCodes || 'none'}. ` +
        `Start-up with seed: ${o.startSeconds.toFixed(1)} s.`,
    );
    if (o.cpu) {
      const c = o.cpu;
      console.log(
        `  CPU during the run (% of one core, 200 = both): server ${c.server.toFixed(0)}, ` +
          `PostgreSQL ${c.postgres.toFixed(0)}, autocannon ${c.bench.toFixed(0)}, other ${c.other.toFixed(0)}; ` +
          `server ${perReport(c.server, o)} and PostgreSQL ${perReport(c.postgres, o)} of CPU per report.`,
      );
      if (c.other > NOISY_OTHER)
        console.log(
          `  WARNING: other processes used ${c.other.toFixed(0)}% of a core during the run: the machine was ` +
            'shared, these numbers are low. Run again when it is quiet.',
        );
    }
    for (const e of o.errorSamples) console.log(`  request error: ${e}`);
  }
  for (const f of failures) console.error(`\nFAILED ${f}`);
  if (profileDir) console.log(`\nCPU profiles of the server: ${profileDir}`);
  return failed ? 1 : 0;
}

process.exitCode = await main();
