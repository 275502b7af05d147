/**
 * A backup of the running server, for the national admin (docs/backup.md). On PGlite the server process holds the
 * data directory, so this is how a laptop install is backed up without stopping it; on PostgreSQL it is the same
 * as `pintu backup`. The folder goes under DATA_DIR/backups.
 */
import { fail } from '@pintu/core';
import type { BackupManifest } from '../../backup/backup';
import type { Caller } from '../accounts/caller';

export interface BackupService {
  /** Makes a backup now; returns its folder and manifest. */
  run(now: Date): Promise<{ path: string; manifest: BackupManifest }>;
}

export async function backupNow(deps: { backup?: BackupService | undefined }, caller: Caller, now: Date) {
  if (!caller.grants.some((g) => g.role === 'national_admin' && g.institutionId === null))
    fail('NOT_ALLOWED', 'Hanya admin nasional yang membuat cadangan.');
  if (!deps.backup)
    return fail('CONFLICT', 'Cadangan tidak tersedia di proses ini.', [], 'backup_not_available');
  const { path, manifest } = await deps.backup.run(now);
  return {
    path,
    engine: manifest.engine,
    createdAt: manifest.createdAt,
    dataKey: manifest.dataKey,
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((n, t) => n + t.rows, 0),
    files: manifest.files.length,
  };
}
