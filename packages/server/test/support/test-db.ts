/** Fresh, seeded databases for tests: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { type Database, openDatabase } from '../../src/db/open';

export type Engine = 'pglite' | 'postgres';

/** The engines this run can test: PGlite, and PostgreSQL when CI gives a URL. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** A new database holding all reference data; `close()` drops it. */
export async function openTestDatabase(engine: Engine = 'pglite'): Promise<Database> {
  if (engine === 'pglite') {
    const file = process.env.PINTU_PGLITE_TEMPLATE;
    if (!file) throw new Error('global setup did not run');
    return openDatabase({ dataDir: 'memory', pgliteTemplate: new Blob([readFileSync(file)]) });
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
