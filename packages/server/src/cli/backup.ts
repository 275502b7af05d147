/**
 * `npm run pintu -- backup [--out=<folder>]` and `npm run pintu -- restore <folder> [--force]` (docs/backup.md).
 * On PGlite the server holds the data directory: make a running server's backup with `POST /api/v1/admin/backups`,
 * or stop it first.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { makeBackup } from '../backup/backup';
import { restoreBackup } from '../backup/restore';
import { loadConfig } from '../config';
import { openConfiguredDatabase } from '../db/open-configured';
import { loadDataKey } from '../security/seal';

const stamp = (d: Date) => d.toISOString().replace(/[:.]/g, '-');

export async function backupCommand(area: 'backup' | 'restore', argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
  });
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  if (area === 'backup') {
    const now = new Date();
    const out = resolve(values.out ?? join(dataDir, 'backups', `pintu-${stamp(now)}`));
    const database = await openConfiguredDatabase(config, 2);
    try {
      const dataKey = loadDataKey(config.PINTU_DATA_KEY, dataDir);
      const m = await makeBackup({ database, databaseUrl: config.DATABASE_URL, dataDir, dataKey, out, now });
      const rows = m.tables.reduce((n, t) => n + t.rows, 0);
      console.log(`Cadangan / backup: ${out}`);
      console.log(
        `  ${m.engine}, ${m.tables.length} tabel / tables, ${rows} baris / rows, ${m.files.length} berkas / files`,
      );
      console.log(
        `  kunci data berjejak / data key fingerprint ${m.dataKey} (kunci TIDAK ada di cadangan / NOT in the backup)`,
      );
      return 0;
    } finally {
      await database.close();
    }
  }
  const dir = positionals[0];
  if (!dir) {
    console.error('Pemakaian / usage: npm run pintu -- restore <folder-cadangan> [--force]');
    return 2;
  }
  // The key the restored instance will run with: configured or already in DATA_DIR — never a new one made up here.
  const keyFile = join(dataDir, 'data.key');
  const dataKey = config.PINTU_DATA_KEY
    ? Buffer.from(config.PINTU_DATA_KEY, 'base64')
    : existsSync(keyFile)
      ? Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'base64')
      : null;
  const { tables } = await restoreBackup({
    dir: resolve(dir),
    databaseUrl: config.DATABASE_URL,
    dataDir,
    dataKey,
    force: values.force ?? false,
  });
  console.log(
    `Dipulihkan / restored: ${tables.length} tabel / tables, jumlah baris sama dengan manifest / row counts match`,
  );
  return 0;
}
