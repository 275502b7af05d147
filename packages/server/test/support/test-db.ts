/**
 * Fresh, seeded databases for tests: PGlite always, PostgreSQL when the run found one (vitest.config.ts and
 * find-postgres.ts set TEST_DATABASE_URL, or it was given).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/open';

export type Engine = 'pglite' | 'postgres';

/** The engines this run can test: PGlite, and PostgreSQL when the run has a URL. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** True when this run has no PostgreSQL: the PostgreSQL-only suites are skipped. */
export const NO_POSTGRES = !process.env.TEST_DATABASE_URL;

/**
 * A PostgreSQL-only suite's title: when it is skipped, the report says why (rather than the suite vanishing or
 * failing with no test in it).
 */
export const postgresOnly = (title: string) =>
  NO_POSTGRES ? `${title} — skipped: ${process.env.PINTU_TEST_PG_MISSING ?? 'no TEST_DATABASE_URL'}` : title;

/** A new database holding all reference data; `close()` drops it. */
export async function openTestDatabase(engine: Engine = 'pglite', dataDir = 'memory'): Promise<Database> {
  if (engine === 'pglite') {
    const file = process.env.PINTU_PGLITE_TEMPLATE;
    if (!file) throw new Error('global setup did not run');
    // `memory` unless a test needs the files on disk (a backup of the data directory).
    return openDatabase({ dataDir, pgliteTemplate: new Blob([readFileSync(file)]) });
  }
  const url = process.env.TEST_DATABASE_URL!;
  const name = `pintu_test_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  const d = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  return {
    ...d,
    close: async () => {
      await d.close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name}`);
      await a.end();
    },
  };
}
