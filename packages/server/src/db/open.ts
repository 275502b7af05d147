/** Opens the database: PostgreSQL when a URL is given, otherwise embedded PGlite under the data directory. */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzleLite } from 'drizzle-orm/pglite';
import { migrate as migrateLite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { lockDataDir } from './lock';
import { useNamedStatements } from './named-statements';
import * as schema from './schema';

/** The one app-facing database type; the PGlite driver is cast to it (both speak the same SQL). */
export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  db: Db;
  engine: 'postgres' | 'pglite';
  /** The embedded engine itself, when that is what runs (for dumps in tests and backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

// int8 and numeric come back as strings from node-postgres but as numbers from PGlite: make them agree.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => Number(v));

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for PGlite's files and lock; `memory` for a throw-away in-memory database (tests). */
  dataDir?: string;
  poolSize?: number;
  /** A PGlite data-directory dump to start from (tests start from a seeded template). */
  pgliteTemplate?: Blob;
  /** `transaction`: the URL goes through PgBouncer in transaction mode, so statements go unnamed (prepared.ts). */
  pooler?: 'none' | 'transaction';
}

/** Opens and migrates the database. With PGlite, a second process on the same directory gets a clear error. */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.pooler) useNamedStatements(opts.pooler === 'none');
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const db = drizzlePg(pool, { schema });
    await migratePg(db, { migrationsFolder });
    return { db, engine: 'postgres', close: () => pool.end() };
  }
  const dir = opts.dataDir ?? './data';
  const inMemory = dir === 'memory';
  const unlock = inMemory ? () => {} : lockDataDir(dir);
  try {
    // The same extensions must be passed on every open, or pg_trgm indexes fail on reopen.
    const client = await PGlite.create(inMemory ? undefined : join(dir, 'pglite'), {
      extensions: { pg_trgm },
      ...(opts.pgliteTemplate ? { loadDataDir: opts.pgliteTemplate } : {}),
    });
    const db = drizzleLite(client, { schema });
    await migrateLite(db, { migrationsFolder });
    return {
      db: db as unknown as Db,
      engine: 'pglite',
      pglite: client,
      close: async () => {
        await client.close();
        unlock();
      },
    };
  } catch (err) {
    unlock();
    throw err;
  }
}

/**
 * How many statements of one kind are worth running at once before batching them (db/intake-batch.ts): a tenth of the
 * PostgreSQL pool (2 of the default 20). Fewer, larger batches cost the database less per report: on the 2-core
 * machine 2 in flight beat 5 by 4× in database CPU per report (bench/README.md). PGlite runs one at a time anyway.
 */
export function statementConcurrency(db: Db): number {
  const client = (db as unknown as { $client: unknown }).$client;
  return client instanceof pg.Pool ? Math.max(1, Math.floor((client.options.max ?? 10) / 10)) : 1;
}
