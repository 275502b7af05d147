/**
 * `pintu import` of a 100,000-row SITANGGAP-style export on PostgreSQL (issue 15). Budget: the import under 60 s.
 * Prints the count imported, the count rejected by reason, then a second run (nothing new); then kills a run
 * half-way (SIGKILL of the child process) in a second database, starts it again, and compares a digest of the
 * reports, events, stage clocks, facts, rollups and activity of both databases; last, `stats rebuild` (the rollups
 * recomputed from the reports' event-log projection) must give the rollups the import wrote. Exit 1 on any FAIL.
 *
 *   npm run bench:legacy-import -- [--rows=100000] [--keep]
 *
 * It creates `pintu_bench_import` and `pintu_bench_import_b` through BENCH_PG_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), migrates and seeds them, adds the sample's units under Pemerintah
 * Kota Balikpapan, writes the sample (bench/lib/sitanggap.ts) to a temp directory, and runs the real CLI
 * (`packages/server/src/cli/pintu.ts import run`) as a child process, as an operator would.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { loadCalendar } from '../packages/server/src/app/reference/calendar-source';
import { rebuildFacts, rebuildRollups } from '../packages/server/src/app/stats/rebuild';
import { silentProgress } from '../packages/server/src/cli/progress';
import { openDatabase } from '../packages/server/src/db/open';
import { seedReferenceData } from '../packages/server/src/db/seed/reference';
import { positiveArg } from './lib/args';
import { sitanggapMapping, sitanggapUnitStatements, writeSitanggapCsv } from './lib/sitanggap';

const BUDGET_S = 60;
const { values: args } = parseArgs({
  options: { rows: { type: 'string', default: '100000' }, keep: { type: 'boolean', default: false } },
});
const rows = positiveArg('rows', args.rows);
const base = process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const [A, B] = ['pintu_bench_import', 'pintu_bench_import_b'];
const urlOf = (name: string) => Object.assign(new URL(base), { pathname: `/${name}` }).toString();
const dir = mkdtempSync(join(tmpdir(), 'pintu-bench-import-'));
const csv = join(dir, 'sitanggap-100k.csv');
const mappingFile = join(dir, 'mapping.json');
// One data key for both databases: the tracking ids (and so the event hashes) are derived from it.
const dataKey = Buffer.alloc(32, 7).toString('base64');
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function admin(...queries: string[]) {
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  try {
    for (const q of queries) await c.query(q);
  } finally {
    await c.end();
  }
}

interface Summary {
  rows: number;
  imported: number;
  alreadyImported: number;
  rejected: Record<string, number>;
  byStatus: Record<string, number>;
  awaitingAutoResolve: number;
  /** CPU the import process used (user + system). */
  cpuSeconds: number;
}

/**
 * CPU seconds PostgreSQL's backends spent for `db` while `run` ran: /proc is polled, since a backend's ticks vanish
 * with it when its connection closes. On a shared machine wall time says little; CPU says what the work costs.
 */
async function postgresCpu<T>(db: string, run: () => Promise<T>): Promise<[T, number]> {
  const seen = new Map<string, number>();
  const ours = new RegExp(`^postgres: \\S+ \\S+ ${db} `);
  const poll = () => {
    for (const pid of readdirSync('/proc').filter((p) => /^\d+$/.test(p)))
      try {
        if (!ours.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' '))) continue;
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const f = stat
          .slice(stat.lastIndexOf(')') + 2)
          .split(' ')
          .map(Number);
        seen.set(pid, f[11]! + f[12]!);
      } catch {}
  };
  const timer = setInterval(poll, 200);
  try {
    return [await run(), [...seen.values()].reduce((a, b) => a + b, 0) / 100];
  } finally {
    clearInterval(timer);
  }
}

/** The CLI as a child process on `db`; `onStart` sees it (to kill it). Resolves with its summary or its exit code. */
function runCli(db: string, onStart?: (child: ChildProcess) => void): Promise<Summary | { killed: true }> {
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', 'import', 'run', csv, `--mapping=${mappingFile}`,
        `--errors=${join(dir, `${db}.errors.csv`)}`, '--json'],
      { env: { ...process.env, DATABASE_URL: urlOf(db), PINTU_DATA_KEY: dataKey }, stdio: ['ignore', 'pipe', 'inherit'] },
    ); // biome-ignore format: the command line
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
    });
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') return done({ killed: true });
      if (code !== 0) return fail(new Error(`import exited with ${code}`));
      done(JSON.parse(out.trim().split('\n').at(-1)!) as Summary);
    });
    onStart?.(child);
  });
}

const DIGESTS: Record<string, string> = {
  reports: `select r.tracking_id, r.type, r.title, r.body, r.incident_date, r.region_code, r.category_id,
    r.requested_institution_id, r.institution_id, r.status, r.due_at, r.lifecycle, r.is_anonymous, r.is_confidential,
    r.channel, r.created_at, r.updated_at, r.legacy_source, r.legacy_id from reports r order by r.tracking_id`,
  events: `select r.tracking_id, e.seq, e.action, e.actor_id, e.actor_role, e.institution_id, e.at, e.from_status,
    e.to_status, e.payload, e.prev_hash, e.hash from events e join reports r on r.id = e.report_id order by 1, 2`,
  stage_clocks: `select r.tracking_id, c.stage, c.started_at, c.holder_institution_id, c.due_at, c.anchor_at,
    c.anchor_days, c.paused_at, c.remaining_days, c.paused_ms, c.breached_at, c.completed_at, c.next_at
    from sla_stage_clocks c join reports r on r.id = c.report_id order by 1, 3, 2`,
  facts: `select r.tracking_id, f.institution_id, f.disposition_date, f.bucket, f.follow_up_days, f.verify_met,
    f.verify_breached, f.acknowledge_met, f.acknowledge_breached, f.follow_up_met, f.follow_up_breached, f.due_at
    from stats_report_facts f join reports r on r.id = f.report_id order by 1`,
  stats_daily: 'select * from stats_daily order by 1, 2, 3, 4',
  stats_monthly: 'select * from stats_monthly order by 1, 2',
  stats_monthly_national: 'select * from stats_monthly_national order by 1, 2, 3',
  stats_activity: 'select * from stats_activity order by 1, 2, 3, 4',
};

async function digests(db: string, only?: string[]): Promise<Record<string, string>> {
  const c = new pg.Client({ connectionString: urlOf(db) });
  await c.connect();
  const out: Record<string, string> = {};
  try {
    for (const [name, q] of Object.entries(DIGESTS)) {
      if (only && !only.includes(name)) continue;
      const res = await c.query(`select count(*)::int as n, md5(coalesce(string_agg(t::text, '|'), '')) as d
        from (${q}) t`);
      out[name] = `${res.rows[0].n} rows ${res.rows[0].d}`;
    }
  } finally {
    await c.end();
  }
  return out;
}

let failed = false;
const verdict = (ok: boolean) => {
  failed ||= !ok;
  return ok ? 'PASS' : 'FAIL';
};

try {
  await admin(`drop database if exists ${B}`, `drop database if exists ${A}`, `create database ${A}`);
  let t0 = Date.now();
  const database = await openDatabase({ databaseUrl: urlOf(A), poolSize: 2 });
  await seedReferenceData(database.db, silentProgress);
  for (const s of sitanggapUnitStatements()) await database.db.execute(sql.raw(s));
  await database.close();
  await admin(`create database ${B} template ${A}`);
  console.log(`databases ${A}, ${B}: migrated, seeded, units added in ${secs(Date.now() - t0)}`);
  t0 = Date.now();
  await writeSitanggapCsv(csv, { rows });
  writeFileSync(mappingFile, JSON.stringify(sitanggapMapping(), null, 2));
  console.log(`${rows.toLocaleString('en')} legacy rows written to ${csv} in ${secs(Date.now() - t0)}`);

  console.log(
    `\n1. import into ${A} (load average before: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')})`,
  );
  t0 = Date.now();
  const [first, pgCpu] = (await postgresCpu(A, () => runCli(A))) as [Summary, number];
  const ms = Date.now() - t0;
  const rejectedTotal = Object.values(first.rejected).reduce((a, b) => a + b, 0);
  console.log(
    `   ${first.rows.toLocaleString('en')} rows in ${secs(ms)}: ${Math.round(first.rows / (ms / 1000)).toLocaleString('en')} rows/s`,
  );
  console.log(
    `   imported ${first.imported.toLocaleString('en')}, rejected ${rejectedTotal.toLocaleString('en')}:`,
  );
  for (const [code, n] of Object.entries(first.rejected).sort((a, b) => b[1] - a[1]))
    console.log(`     ${code.padEnd(22)} ${n.toLocaleString('en')}`);
  console.log(
    `   by end state: ${Object.entries(first.byStatus)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  console.log(
    `   CPU: import process ${first.cpuSeconds.toFixed(1)} s, PostgreSQL ${pgCpu.toFixed(1)} s` +
      ` (${Math.round((first.cpuSeconds * 1e6) / first.rows)} + ${Math.round((pgCpu * 1e6) / first.rows)} µs a row);` +
      ` load average after: ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}`,
  );
  console.log(`   budget: under ${BUDGET_S} s — ${verdict(ms < BUDGET_S * 1000 && first.imported > 0)}`);

  console.log(`\n2. the same file again into ${A}`);
  t0 = Date.now();
  const second = (await runCli(A)) as Summary;
  console.log(
    `   imported ${second.imported}, already imported ${second.alreadyImported.toLocaleString('en')} in ${secs(Date.now() - t0)}` +
      ` — ${verdict(second.imported === 0 && second.alreadyImported === first.imported)}`,
  );

  console.log(`\n3. import into ${B}, SIGKILLed half-way, then started again`);
  const half = Math.floor(first.imported / 2);
  const watch = new pg.Client({ connectionString: urlOf(B) });
  await watch.connect();
  let stored = 0;
  const killed = await runCli(B, (c) => {
    const poll = setInterval(async () => {
      stored = Number((await watch.query('select count(*)::int as n from reports')).rows[0].n);
      if (stored >= half) {
        clearInterval(poll);
        c.kill('SIGKILL');
      }
    }, 100);
    c.on('exit', () => clearInterval(poll));
  });
  await watch.end();
  // The batch in flight may still commit: its statement is its own transaction, which PostgreSQL finishes.
  console.log(
    `   ${'killed' in killed ? 'SIGKILLed' : 'NOT killed (it finished first)'} once ${stored.toLocaleString('en')} reports were stored`,
  );
  const resumed = (await runCli(B)) as Summary;
  console.log(
    `   started again: imported ${resumed.imported.toLocaleString('en')}, already imported ${resumed.alreadyImported.toLocaleString('en')}`,
  );
  const [da, db] = await Promise.all([digests(A), digests(B)]);
  for (const name of Object.keys(DIGESTS))
    console.log(`   ${name.padEnd(24)} ${da[name]}  ${da[name] === db[name] ? '=' : `≠ ${db[name]}`}`);
  console.log(
    `   killed and resumed = one clean run — ${verdict('killed' in killed && JSON.stringify(da) === JSON.stringify(db))}`,
  );

  console.log(`\n4. stats rebuild on ${A}: rollups recomputed from the reports' events`);
  const rollups = ['stats_daily', 'stats_monthly', 'stats_monthly_national'];
  const d = await openDatabase({ databaseUrl: urlOf(A), poolSize: 2 });
  t0 = Date.now();
  await rebuildFacts(d.db, (await loadCalendar(d.db)).get());
  await rebuildRollups(d.db);
  await d.close();
  const rebuilt = await digests(A, rollups);
  console.log(
    `   rebuilt in ${secs(Date.now() - t0)}; equal to the imported rollups — ${verdict(rollups.every((r) => rebuilt[r] === da[r]))}`,
  );
} finally {
  if (!args.keep) await admin(`drop database if exists ${B}`, `drop database if exists ${A}`).catch(() => {});
  rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${failed ? 'FAIL' : 'PASS'}`);
process.exit(failed ? 1 : 0);
