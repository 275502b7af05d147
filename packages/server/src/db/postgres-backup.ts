/**
 * What a backup needs to know of the database (issue 16 §2): every table with its row count and, for the
 * round-trip check, a digest of all its rows in a stable order; and whether a database is empty (a restore does
 * not overwrite data unless told to).
 */
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './open';

export interface TableStat {
  table: string;
  rows: number;
  /** md5 over the rows' text forms, sorted; only when asked (it reads every row). */
  digest?: string;
}

/** The application's tables (`public`) and the job queue's (`pgboss`), schema-qualified. */
async function tablesOf(db: Db): Promise<string[]> {
  const res =
    await db.execute(sql`select table_schema || '.' || table_name as name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema in ('public', 'pgboss', 'drizzle') order by 1`);
  return res.rows.map((r) => String(r.name));
}

const quoted = (name: string) =>
  name
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');

export async function tableStats(db: Db, opts: { digest?: boolean } = {}): Promise<TableStat[]> {
  const out: TableStat[] = [];
  for (const table of await tablesOf(db)) {
    const q = opts.digest
      ? `select count(*)::bigint as rows, md5(coalesce(string_agg(t::text, E'\\n' order by t::text), '')) as digest
           from ${quoted(table)} t`
      : `select count(*)::bigint as rows from ${quoted(table)}`;
    const r = (await db.execute(sql.raw(q))).rows[0]!;
    out.push({ table, rows: Number(r.rows), ...(opts.digest ? { digest: String(r.digest) } : {}) });
  }
  return out;
}

/** True when the database holds no report, account or institution beyond what migrations and the seed add. */
export async function holdsReports(db: Db): Promise<boolean> {
  const exists = await db.execute(sql`select to_regclass('public.reports') is not null as ok`);
  if (!exists.rows[0]?.ok) return false;
  const res = await db.execute(sql`select exists (select 1 from reports) as any`);
  return Boolean(res.rows[0]?.any);
}

/** Whether the PostgreSQL database at `url` has any table of ours yet (a restore goes into an empty one). */
export async function postgresHasTables(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query(`select exists (select 1 from information_schema.tables
      where table_schema in ('public', 'pgboss', 'drizzle')) as any`);
    return Boolean(res.rows[0]?.any);
  } finally {
    await client.end();
  }
}

/** Empties the PostgreSQL database at `url` for a forced restore: our schemas dropped and `public` made anew. */
export async function wipePostgres(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`drop schema if exists pgboss cascade; drop schema if exists drizzle cascade;
      drop schema public cascade; create schema public`);
  } finally {
    await client.end();
  }
}

/**
 * Runs `fn` with a snapshot of the database exported (REPEATABLE READ, `pg_export_snapshot`): `pg_dump --snapshot`
 * then sees exactly the rows `stats` were counted from, however busy the server is.
 */
export async function withExportedSnapshot<T>(
  url: string,
  fn: (snapshot: string, stats: TableStat[]) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read read only');
    const snapshot = String((await client.query('select pg_export_snapshot() as s')).rows[0].s);
    const db = drizzlePg(client) as unknown as Db;
    const stats = await tableStats(db);
    const out = await fn(snapshot, stats);
    await client.query('commit');
    return out;
  } finally {
    await client.end();
  }
}
