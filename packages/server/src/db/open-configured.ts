/** The database as the configuration names it, for every process that opens one (API, delivery worker, CLI). */
import { resolve } from 'node:path';
import type { Config } from '../config';
import { openDatabase } from './open';

type DatabaseConfig = Pick<Config, 'DATABASE_URL' | 'DATABASE_POOLER' | 'DATA_DIR'>;

/** Opens DATABASE_URL (through its pooler, DATABASE_POOLER) or PGlite under DATA_DIR, with `poolSize` connections. */
export function openConfiguredDatabase(config: DatabaseConfig, poolSize: number) {
  return openDatabase({
    databaseUrl: config.DATABASE_URL,
    pooler: config.DATABASE_POOLER,
    dataDir: resolve(config.DATA_DIR),
    poolSize,
  });
}
