/**
 * The one data generator of the benchmarks (issue 17 §4): a database of `reports` reports as the server itself
 * would hold them, loaded with COPY. See bench/README.md, "generate.ts".
 *
 * Steps: recreate the database, migrate and seed the reference data (openDatabase, seedReferenceData), add 2,000
 * units and the SKs, choose the data directory and its key (the server must start with the same one), create the
 * staff accounts, drop the bulk tables' indexes, generate and COPY reports, events, stage clocks and the sweep's
 * notices (gen-load.ts), the staff activity, build the indexes again, check, build the statistics facts and rollups
 * (rebuildFacts/rebuildRollups), `vacuum analyze`, and record what the benchmarks need in `bench_meta`.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import pg from 'pg';
import { loadCalendar } from '../../packages/server/src/app/reference/calendar-source';
import { rebuildFacts, rebuildRollups } from '../../packages/server/src/app/stats/rebuild';
import { silentProgress } from '../../packages/server/src/cli/progress';
import { checkDataKey } from '../../packages/server/src/data-key/data-key';
import { openDatabase } from '../../packages/server/src/db/open';
import { seedReferenceData } from '../../packages/server/src/db/seed/reference';
import { loadDataKey } from '../../packages/server/src/security/seal';
import { BENCH_PASSWORD, type BenchAccounts, createAccounts } from './gen-accounts';
import { BULK_TABLES, createIndexes, dropIndexes } from './gen-indexes';
import { loadReports } from './gen-load';
import { BENCH_ACCESS_CODE } from './gen-plan';
import { addUnits, connectInstitutions, loadReference } from './gen-reference';

export interface GenerateOptions {
  db: string;
  reports: number;
  seed?: number;
  /** Days before `now` the filings are spread over. */
  spanDays?: number;
  /** The generation's "now": histories (and the sweep) run up to it. Default: the wall clock. */
  now?: Date;
  dataDir?: string;
  workers?: number;
  chunk?: number;
  /** Share no histories between reports (every report through the core on its own: slow, for checking). */
  exact?: boolean;
  log?: (line: string) => void;
}

/** What the benchmarks read back from `bench_meta`. */
export interface Generated {
  db: string;
  databaseUrl: string;
  dataDir: string;
  reports: number;
  seed: number;
  now: string;
  bigId: number;
  accounts: BenchAccounts;
  password: string;
  accessCode: string;
  seconds: number;
  phases: Record<string, number>;
}

export const adminUrl = () => process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function databaseUrlOf(db: string): string {
  if (!/^[a-z_][a-z0-9_]{0,40}$/.test(db)) throw new Error(`--db: not a plain database name: ${db}`);
  const url = new URL(adminUrl());
  url.pathname = `/${db}`;
  return url.toString();
}

async function admin(q: string): Promise<pg.QueryResult> {
  const c = new pg.Client({ connectionString: adminUrl() });
  await c.connect();
  try {
    return await c.query(q);
  } finally {
    await c.end();
  }
}

/** The generated database's record, or null when the database or its record is missing. */
export async function readGenerated(db: string): Promise<Generated | null> {
  const exists = await admin(`select 1 from pg_database where datname = '${db}'`);
  if (!exists.rows.length) return null;
  const c = new pg.Client({ connectionString: databaseUrlOf(db) });
  await c.connect();
  try {
    const res = await c.query(`select value from bench_meta where key = 'generated'`).catch(() => null);
    const g = (res?.rows[0]?.value as Generated | undefined) ?? null;
    // Reached the way this run reaches PostgreSQL (BENCH_PG_URL: TCP or the Unix socket), not as when generated.
    return g && { ...g, databaseUrl: databaseUrlOf(db) };
  } finally {
    await c.end();
  }
}

/**
 * Why the database no longer matches this tree's migrations (the server would try to migrate it again), or null.
 * A generated database belongs to the schema it was made with: regenerate it after a migration changes.
 */
export async function staleSchema(databaseUrl: string): Promise<string | null> {
  const files = readMigrationFiles({
    migrationsFolder: join(import.meta.dirname, '../../packages/server/src/db/migrations'),
  });
  const c = new pg.Client({ connectionString: databaseUrl });
  await c.connect();
  try {
    const rows = (await c.query<{ hash: string }>('select hash from drizzle.__drizzle_migrations')).rows;
    const have = new Set(rows.map((r) => r.hash));
    const missing = files.filter((f) => !have.has(f.hash)).length;
    return missing || rows.length !== files.length
      ? `its schema is not this tree's (${missing} of ${files.length} migrations differ or are missing)`
      : null;
  } finally {
    await c.end();
  }
}

/** The environment to start the server on a generated database with. */
export const serverEnv = (g: Pick<Generated, 'databaseUrl' | 'dataDir'>) => ({
  DATABASE_URL: g.databaseUrl,
  DATA_DIR: g.dataDir,
});

export async function generate(o: GenerateOptions): Promise<Generated> {
  const log = o.log ?? ((line: string) => console.error(line));
  const started = Date.now();
  const phases: Record<string, number> = {};
  let t = Date.now();
  const phase = (name: string) => {
    phases[name] = (Date.now() - t) / 1000;
    log(`  ${name}: ${phases[name]!.toFixed(1)} s`);
    t = Date.now();
  };
  const seed = o.seed ?? 2026;
  const now = o.now ?? new Date(Math.floor(Date.now() / 60_000) * 60_000);
  const databaseUrl = databaseUrlOf(o.db);
  const dataDir = o.dataDir ?? join(tmpdir(), 'pintu-bench', o.db);

  log(`generating ${o.reports.toLocaleString('en')} reports into ${o.db} (now = ${now.toISOString()})`);
  await admin(`drop database if exists ${o.db} with (force)`);
  await admin(`create database ${o.db}`);
  const database = await openDatabase({ databaseUrl, poolSize: 4 });
  const db = database.db;
  try {
    await seedReferenceData(db, silentProgress);
    await addUnits(db, 2000);
    await connectInstitutions(db);
    // The data key lives in the data directory, as the server keeps it; the check row marks the database as its.
    rmSync(dataDir, { recursive: true, force: true });
    mkdirSync(dataDir, { recursive: true });
    const dataKey = await checkDataKey(db, loadDataKey(undefined, dataDir), { dataDir, fromFile: true });
    const ref = await loadReference(db);
    const accounts = await createAccounts(databaseUrl, dataKey, ref.bigId);
    phase('schema, reference data, units, accounts');

    const indexes = await dropIndexes(databaseUrl, BULK_TABLES);
    const loaded = await loadReports(
      databaseUrl,
      {
        ref,
        total: o.reports,
        now: now.getTime(),
        spanDays: o.spanDays ?? 330,
        seed,
        dataKey: dataKey.toString('base64'),
        exact: o.exact ?? false,
      },
      { workers: o.workers ?? 2, chunk: o.chunk ?? 2000 },
    );
    const cpu = loaded.cpu;
    if (cpu)
      log(
        `  CPU during the load (% of one core, 200 = both): generator ${cpu.bench.toFixed(0)}, PostgreSQL ` +
          `${cpu.postgres.toFixed(0)}, other processes ${cpu.other.toFixed(0)}` +
          (cpu.other > 20 ? ' — the machine was shared: this took longer than it would alone' : ''),
      );
    log(`  rows: ${JSON.stringify(loaded.rows)}`);
    log(`  statuses: ${JSON.stringify(loaded.statuses)}`);
    const sh = loaded.shared;
    log(
      `  ${sh.templates.toLocaleString('en')} shared histories (classes), ${sh.unshared.toLocaleString('en')} reports ` +
        `computed on their own; ${sh.verified.toLocaleString('en')} shared ones recomputed on their own: ` +
        `${sh.mismatches.length ? `${sh.mismatches.length} DIFFER` : 'all identical'}`,
    );
    for (const m of sh.mismatches) log(`  DIFFERS: ${m}`);
    for (const r of loaded.refused) log(`  REFUSED (plan bug): ${r}`);
    if (sh.mismatches.length) throw new Error('a shared history differs from the report computed on its own');
    phase('generate and COPY');

    const took = await createIndexes(databaseUrl, indexes);
    log(`  ${took.map((x) => `${x.name} ${x.seconds.toFixed(0)} s`).join(', ')}`);
    for (const table of BULK_TABLES)
      await db.execute(
        sql.raw(`select setval(pg_get_serial_sequence('${table}', 'id'),
        greatest((select max(id) from ${table}), 1))`),
      );
    phase('indexes');

    // The one rule the skipped events trigger enforces (migration 0017), checked once over everything.
    const bad = await db.execute(sql`select count(*)::int as n from events e where e.from_status is not null
      and not exists (select 1 from lifecycle_status_pairs p where p.from_status = e.from_status
        and p.to_status = e.to_status)`);
    if ((bad.rows[0] as { n: number }).n)
      throw new Error(`${(bad.rows[0] as { n: number }).n} events break the lifecycle`);
    const calendar = (await loadCalendar(db)).get();
    await rebuildFacts(db, calendar);
    await rebuildRollups(db);
    phase('statistics facts and rollups');
    await db.execute(sql`vacuum analyze`);
    phase('vacuum analyze');

    const g: Generated = {
      db: o.db,
      databaseUrl,
      dataDir,
      reports: o.reports,
      seed,
      now: now.toISOString(),
      bigId: ref.bigId,
      accounts,
      password: BENCH_PASSWORD,
      accessCode: BENCH_ACCESS_CODE,
      seconds: (Date.now() - started) / 1000,
      phases,
    };
    await db.execute(sql`create table bench_meta (key text primary key, value jsonb not null)`);
    await db.execute(sql`insert into bench_meta values ('generated', ${JSON.stringify(g)}::jsonb)`);
    return g;
  } finally {
    await database.close();
  }
}
