/**
 * `pintu restore <folder>` (issue 16 §2, docs/backup.md): checks the backup and the data key first and refuses
 * before touching anything; puts the database back (pg_restore into an empty PostgreSQL database, or the PGlite data
 * directory from its dump) and the attachments; then counts every table against the manifest.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { lockDataDir } from '../db/lock';
import { openDatabase } from '../db/open';
import { postgresHasTables, type TableStat, tableStats, wipePostgres } from '../db/postgres-backup';
import { type BackupManifest, checkBackup, RestoreRefused, restoreAttachments, runTool } from './backup';

export interface RestoreOptions {
  dir: string;
  databaseUrl?: string | undefined;
  dataDir: string;
  /** The data key the restored instance will run with; null when none is configured. */
  dataKey: Buffer | null;
  /** Replace a database that already holds data. */
  force: boolean;
}

export async function restoreBackup(
  o: RestoreOptions,
): Promise<{ manifest: BackupManifest; tables: TableStat[] }> {
  const manifest = await checkBackup(o.dir, o.dataKey);
  const engine = o.databaseUrl ? 'postgres' : 'pglite';
  if (manifest.engine !== engine)
    throw new RestoreRefused(
      `Cadangan ini dari ${manifest.engine}, tujuan ${engine} / this backup is from ${manifest.engine}, the target is ` +
        `${engine}: pulihkan ke mesin yang sama / restore to the same engine.`,
    );
  if (o.databaseUrl) {
    const url = o.databaseUrl;
    if (await postgresHasTables(url)) {
      if (!o.force)
        throw new RestoreRefused(
          'Basis data tujuan tidak kosong / the target database is not empty: tambahkan --force untuk menggantinya.',
        );
      await wipePostgres(url);
    }
    await runTool('pg_restore', [
      '--no-owner',
      '--exit-on-error',
      `--dbname=${url}`,
      join(o.dir, 'database.dump'),
    ]);
  } else {
    const pgliteDir = join(o.dataDir, 'pglite');
    const unlock = lockDataDir(o.dataDir); // refuses while a server runs on this directory
    try {
      if (existsSync(pgliteDir)) {
        if (!o.force)
          throw new RestoreRefused(
            `DATA_DIR sudah berisi basis data / already holds a database: ${pgliteDir}; tambahkan --force.`,
          );
        await rm(pgliteDir, { recursive: true, force: true });
      }
    } finally {
      unlock();
    }
    const dump = new Blob([await readFile(join(o.dir, 'pglite.tar.gz'))]);
    const restored = await openDatabase({ dataDir: o.dataDir, pgliteTemplate: dump });
    await restored.close();
  }
  await restoreAttachments(o.dir, o.dataDir);

  // Count what came back against what went in.
  const database = await openDatabase({ databaseUrl: o.databaseUrl, dataDir: o.dataDir, poolSize: 2 });
  try {
    const tables = await tableStats(database.db);
    const now = new Map(tables.map((t) => [t.table, t.rows]));
    const wrong = manifest.tables.filter(
      (t) => !t.table.startsWith('drizzle.') && now.get(t.table) !== t.rows,
    );
    if (wrong.length)
      throw new Error(
        `Jumlah baris berbeda setelah pemulihan / row counts differ after restore: ${wrong
          .map((t) => `${t.table} ${t.rows}→${now.get(t.table) ?? 'hilang'}`)
          .join(', ')}`,
      );
    return { manifest, tables };
  } finally {
    await database.close();
  }
}
