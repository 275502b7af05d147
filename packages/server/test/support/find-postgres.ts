/**
 * Which PostgreSQL the db and api suites also run on, decided once per Vitest run (vitest.config.ts) so that
 * `npm test` needs no environment: TEST_DATABASE_URL when set; otherwise the local server on the usual port
 * when it answers and lets us create databases (the suites clone a template per test file); otherwise none, and
 * the PostgreSQL-only suites are skipped with that reason. `PINTU_TEST_PG=0` keeps a run on PGlite only.
 */
import pg from 'pg';

export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestPostgres {
  url: string | null;
  /** Where the URL came from, or why there is none. */
  why: string;
}

/** The URL without its password, for the log. */
export const shownUrl = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

/** Connects and asks whether this role may create databases; null when it may, otherwise the reason. */
async function refusal(url: string, timeoutMs: number): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    const res = await client.query(
      'select rolcreatedb or rolsuper as ok from pg_roles where rolname = current_user',
    );
    return res.rows[0]?.ok ? null : 'its role may not create databases';
  } catch (err) {
    return `it does not answer (${err instanceof Error ? err.message : String(err)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function findTestPostgres(env = process.env): Promise<TestPostgres> {
  if (env.TEST_DATABASE_URL) return { url: env.TEST_DATABASE_URL, why: 'TEST_DATABASE_URL' };
  if (env.PINTU_TEST_PG === '0') return { url: null, why: 'PINTU_TEST_PG=0' };
  const refused = await refusal(LOCAL_POSTGRES_URL, 1_500);
  if (refused) return { url: null, why: `no local PostgreSQL on 127.0.0.1:5432: ${refused}` };
  return { url: LOCAL_POSTGRES_URL, why: 'found on 127.0.0.1:5432' };
}

/** The one line a run prints about its engines. */
export const enginesLine = (p: TestPostgres) =>
  p.url
    ? `db engines: PGlite + PostgreSQL (${shownUrl(p.url)}, ${p.why})`
    : `db engines: PGlite only (${p.why})`;
