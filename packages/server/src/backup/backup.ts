/**
 * `pintu backup` and `pintu restore` (issue 16 §2, docs/backup.md). A backup is a folder: the database
 * (`pg_dump --format=custom` from an exported snapshot on PostgreSQL, the data directory's dump on PGlite), a copy
 * of the attachments, and `manifest.json` with each file's SHA-256, each table's row count and the fingerprint of
 * the data key — never the key: personal data in the dump stays sealed, and a restore with another key is refused
 * before anything is touched.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { Database } from '../db/open';
import { type TableStat, tableStats, withExportedSnapshot } from '../db/postgres-backup';
import { dataKeyFingerprint } from '../security/account-cipher';

export const BACKUP_FORMAT = 'pintu-backup/1';

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  engine: 'postgres' | 'pglite';
  createdAt: string;
  /** SHA-256 of the data key, first 32 hex digits: which key the sealed personal data needs. */
  dataKey: string;
  tables: TableStat[];
  files: { path: string; size: number; sha256: string }[];
}

/** The data key's public fingerprint (the same one `pintu data-key` and start-up name). */
export const keyFingerprint = dataKeyFingerprint;

export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const h = createHash('sha256');
    createReadStream(path)
      .on('data', (d) => h.update(d))
      .on('error', reject)
      .on('end', () => resolve(h.digest('hex')));
  });
}

/** Runs a PostgreSQL client tool; its stderr becomes the error's message. */
export function runTool(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => {
      err += String(d);
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} keluar dengan kode ${code}: ${err.trim()}`)),
    );
  });
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true }))
    if (e.isFile()) out.push(join(e.parentPath, e.name));
  return out.sort();
}

export interface BackupOptions {
  database: Database;
  /** PostgreSQL's URL (pg_dump connects on its own); unset on PGlite. */
  databaseUrl?: string | undefined;
  dataDir: string;
  dataKey: Buffer;
  /** The backup folder to create; it must not exist yet. */
  out: string;
  now: Date;
}

/** Makes a backup while the server may be running; returns its manifest. */
export async function makeBackup(o: BackupOptions): Promise<BackupManifest> {
  if (existsSync(o.out) && (await readdir(o.out)).length)
    throw new Error(`Folder cadangan sudah berisi / backup folder is not empty: ${o.out}`);
  await mkdir(o.out, { recursive: true, mode: 0o700 });
  let tables: TableStat[];
  if (o.database.engine === 'postgres') {
    if (!o.databaseUrl) throw new Error('backup on PostgreSQL needs its URL');
    const url = o.databaseUrl;
    tables = await withExportedSnapshot(url, async (snapshot, stats) => {
      await runTool('pg_dump', [
        '--format=custom',
        '--no-owner',
        `--snapshot=${snapshot}`,
        `--file=${join(o.out, 'database.dump')}`,
        `--dbname=${url}`,
      ]);
      return stats;
    });
  } else {
    // PGlite runs one statement at a time: the dump is taken between two of them, and the counts with it.
    tables = await tableStats(o.database.db);
    const dump = await o.database.pglite!.dumpDataDir('gzip');
    await writeFile(join(o.out, 'pglite.tar.gz'), Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  }
  // After the database: every attachment a dumped row names is already on disk (blobs are written before rows).
  const attachments = join(o.dataDir, 'attachments');
  if (existsSync(attachments)) await cp(attachments, join(o.out, 'attachments'), { recursive: true });
  const files = [];
  for (const path of await filesUnder(o.out))
    files.push({
      path: relative(o.out, path),
      size: (await stat(path)).size,
      sha256: await sha256File(path),
    });
  const manifest: BackupManifest = {
    format: BACKUP_FORMAT,
    engine: o.database.engine,
    createdAt: o.now.toISOString(),
    dataKey: keyFingerprint(o.dataKey),
    tables,
    files,
  };
  await writeFile(join(o.out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** A restore that must not go ahead; nothing has been changed when it is thrown. */
export class RestoreRefused extends Error {
  override name = 'RestoreRefused';
}

/** Reads and checks a backup folder: its manifest, every file's hash, and the data key it needs. */
export async function checkBackup(dir: string, dataKey: Buffer | null): Promise<BackupManifest> {
  const file = join(dir, 'manifest.json');
  if (!existsSync(file)) throw new RestoreRefused(`Bukan folder cadangan Pintu / not a Pintu backup: ${dir}`);
  const manifest = JSON.parse(await readFile(file, 'utf8')) as BackupManifest;
  if (manifest.format !== BACKUP_FORMAT)
    throw new RestoreRefused(
      `Format cadangan tidak dikenal / unknown backup format: ${String(manifest.format)}`,
    );
  if (!dataKey)
    throw new RestoreRefused(
      `Kunci data tidak ada / no data key: atur PINTU_DATA_KEY (atau letakkan data.key di DATA_DIR) ke kunci saat ` +
        `cadangan dibuat, berjejak / with fingerprint ${manifest.dataKey}.`,
    );
  if (keyFingerprint(dataKey) !== manifest.dataKey)
    throw new RestoreRefused(
      `Kunci data salah / wrong data key: cadangan ini memerlukan kunci berjejak ${manifest.dataKey}, kunci yang ` +
        `diberikan berjejak ${keyFingerprint(dataKey)}. Data pribadi tidak akan terbaca; tidak ada yang diubah.`,
    );
  for (const f of manifest.files) {
    const path = join(dir, f.path);
    if (!existsSync(path) || (await sha256File(path)) !== f.sha256)
      throw new RestoreRefused(
        `Berkas cadangan rusak atau hilang / backup file damaged or missing: ${f.path}`,
      );
  }
  return manifest;
}

/** Copies the backup's attachments into the data directory, replacing what is there. */
export async function restoreAttachments(dir: string, dataDir: string): Promise<void> {
  const target = join(dataDir, 'attachments');
  await rm(target, { recursive: true, force: true });
  if (existsSync(join(dir, 'attachments'))) await cp(join(dir, 'attachments'), target, { recursive: true });
}

/** The running server's backups, into `<DATA_DIR>/backups/pintu-<time>` (POST /api/v1/admin/backups). */
export function backupServiceOf(o: Omit<BackupOptions, 'out' | 'now'>) {
  return {
    async run(now: Date) {
      const path = join(o.dataDir, 'backups', `pintu-${now.toISOString().replace(/[:.]/g, '-')}`);
      return { path, manifest: await makeBackup({ ...o, out: path, now }) };
    },
  };
}
