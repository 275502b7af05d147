/**
 * Builds seeded template databases once per run, so every test file starts from fresh, fully seeded data in
 * about a second: a PGlite data-dir dump (cached in the temp dir by content hash), and on PostgreSQL a template
 * database cloned per test file.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { silentProgress } from '../../src/cli/progress';
import { openDatabase } from '../../src/db/open';
import { seedReferenceData } from '../../src/db/seed/reference';

const root = join(import.meta.dirname, '../../..');

function hashTree(paths: string[]): string {
  const h = createHash('sha256');
  const walk = (p: string) => {
    if (statSync(p).isDirectory()) for (const f of readdirSync(p).sort()) walk(join(p, f));
    else h.update(p).update(readFileSync(p));
  };
  for (const p of paths) walk(p);
  return h.digest('hex').slice(0, 16);
}

export const TEMPLATE_DB = 'pintu_template';

export default async function setup(): Promise<void> {
  const key = hashTree([
    join(root, 'server/src/db/migrations'),
    join(root, 'server/src/db/seed'),
    join(root, 'core/reference'),
  ]);
  const file = join(tmpdir(), `pintu-template-${key}.tar.gz`);
  process.env.PINTU_PGLITE_TEMPLATE = file;
  if (!existsSync(file)) {
    const d = await openDatabase({ dataDir: 'memory' });
    await seedReferenceData(d.db, silentProgress);
    const dump = await d.pglite!.dumpDataDir('gzip');
    writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
    await d.close();
  }
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    const found = await admin.query('select 1 from pg_database where datname = $1', [
      `${TEMPLATE_DB}_${key}`,
    ]);
    if (!found.rowCount) {
      await admin.query(`drop database if exists ${TEMPLATE_DB}_${key}_build`);
      await admin.query(`create database ${TEMPLATE_DB}_${key}_build`);
      const target = new URL(url);
      target.pathname = `/${TEMPLATE_DB}_${key}_build`;
      const d = await openDatabase({ databaseUrl: target.toString(), poolSize: 2 });
      await seedReferenceData(d.db, silentProgress);
      await d.close();
      await admin.query(`alter database ${TEMPLATE_DB}_${key}_build rename to ${TEMPLATE_DB}_${key}`);
    }
    await admin.end();
    process.env.PINTU_PG_TEMPLATE = `${TEMPLATE_DB}_${key}`;
  }
}
