/**
 * Backup and restore (issue 16 §2, docs/backup.md) on both engines: reports with photos and sealed reporter details
 * are backed up (PostgreSQL: the CLI as its own process while the app is still open; PGlite: from the running app's
 * own database handle), the database and attachments are wiped, a restore with the wrong data key is refused with
 * nothing changed, and a restore with the right one gives back every table row for row and every attachment byte
 * for byte.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { fsBlobs } from '../../src/attachments/blobs';
import { backupServiceOf } from '../../src/backup/backup';
import { openDatabase } from '../../src/db/open';
import { type TableStat, tableStats } from '../../src/db/postgres-backup';
import { createApp } from '../../src/http/app';
import { createSealer } from '../../src/security/seal';
import { jpegWithGps, refIds, reportInput, uploadForm } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { NO_POSTGRES, postgresOnly } from '../support/test-db';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '../../../..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});
const tempDir = (prefix: string) => {
  const d = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(d);
  return d;
};

const pintu = (env: Record<string, string>, ...args: string[]) =>
  run(process.execPath, ['--import', 'tsx', 'packages/server/src/cli/pintu.ts', ...args], {
    cwd: root,
    env: { PATH: process.env.PATH!, HOME: process.env.HOME ?? '/root', ...env },
  }).then(
    (r) => ({ code: 0, out: r.stdout + r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, out: e.stdout + e.stderr }),
  );

/** Files reports with a photo each (blobs under `dataDir/attachments`, personal data sealed with `key`). */
async function fileReports(t: TestApp, dataDir: string, key: Buffer, n: number) {
  t.app = createApp({
    ...t.deps,
    blobs: fsBlobs(join(dataDir, 'attachments')),
    sealer: createSealer(key),
    backup: backupServiceOf({ database: t.database, dataDir, dataKey: key }),
  });
  const ids = await refIds(t.deps.db);
  for (let i = 0; i < n; i++) {
    const up = await t.upload(uploadForm(await jpegWithGps(), `foto-${i}.jpg`, 'image/jpeg'));
    expect(up.status).toBe(201);
    const { id } = await up.json();
    const res = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { title: `Jalan rusak nomor ${i + 1} di Samarinda`, attachmentIds: [id] }),
    );
    expect(res.status).toBe(201);
  }
}

const byTable = (stats: TableStat[]) => new Map(stats.map((s) => [s.table, `${s.rows}:${s.digest}`]));
const filesOf = (dir: string) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => `${e.name}:${readFileSync(join(e.parentPath, e.name)).toString('base64')}`)
        .sort()
    : [];

describe.skipIf(NO_POSTGRES)(postgresOnly('backup → wipe → restore on PostgreSQL'), () => {
  it('restores every table and attachment, and refuses a wrong data key first', async () => {
    const t = await startTestApp({ engine: 'postgres' });
    const dataDir = tempDir('pintu-backup-pg-');
    const key = randomBytes(32);
    try {
      await fileReports(t, dataDir, key, 4);
      const name = String((await t.deps.db.execute(sql`select current_database() as n`)).rows[0]!.n);
      const url = new URL(process.env.TEST_DATABASE_URL!);
      url.pathname = `/${name}`;
      const env = { DATABASE_URL: url.toString(), DATA_DIR: dataDir, PINTU_DATA_KEY: key.toString('base64') };
      const before = byTable(await tableStats(t.deps.db, { digest: true }));
      const attachmentsBefore = filesOf(join(dataDir, 'attachments'));
      expect(attachmentsBefore).toHaveLength(4);

      // The backup runs while the app still holds its pool (a server that keeps running).
      const out = join(tempDir('pintu-backup-out-'), 'b1');
      const made = await pintu(env, 'backup', `--out=${out}`);
      expect(made.code, made.out).toBe(0);
      expect(readdirSync(out).sort()).toEqual(['attachments', 'database.dump', 'manifest.json']);
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(JSON.stringify(manifest)).not.toContain(key.toString('base64'));
      // Wipe: the database dropped (closing a test database drops it) and made anew, empty; the attachments gone.
      await t.database.close();
      const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      rmSync(join(dataDir, 'attachments'), { recursive: true, force: true });

      const wrong = await pintu(
        { ...env, PINTU_DATA_KEY: randomBytes(32).toString('base64') },
        'restore',
        out,
      );
      expect(wrong.code).toBe(1);
      expect(wrong.out).toContain('Kunci data salah / wrong data key');
      const probe = new pg.Client({ connectionString: url.toString() });
      await probe.connect();
      const tables = await probe.query(
        `select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
      );
      await probe.end();
      expect(tables.rows[0].n).toBe(0); // refused before anything was touched

      const restored = await pintu(env, 'restore', out);
      expect(restored.code, restored.out).toBe(0);
      const again = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
      try {
        expect(byTable(await tableStats(again.db, { digest: true }))).toEqual(before);
      } finally {
        await again.close();
      }
      expect(filesOf(join(dataDir, 'attachments'))).toEqual(attachmentsBefore);
    } finally {
      await t.close().catch(() => {});
    }
  }, 240_000);
});

describe('backup → wipe → restore on PGlite', () => {
  it('backs up the running database, restores it through the CLI, every table equal', async () => {
    const dataDir = tempDir('pintu-backup-lite-');
    const key = randomBytes(32);
    const t = await startTestApp({ engine: 'pglite', dataDir });
    let before: Map<string, string>;
    let out = '';
    try {
      await fileReports(t, dataDir, key, 3);
      // While the app runs, through the national admin's endpoint: PGlite takes the dump between two statements.
      const clerk = await signInAs(t, {
        role: 'coordinator',
        institutionId: (await refIds(t.deps.db)).samarinda,
      });
      expect((await t.post('/api/v1/admin/backups', {}, clerk.headers)).status).toBe(403);
      const admin = await signInAs(t, { role: 'national_admin' });
      const made = await t.post('/api/v1/admin/backups', {}, admin.headers);
      expect(made.status).toBe(201);
      const body = await made.json();
      expect(body).toMatchObject({ engine: 'pglite', files: 4 }); // the dump and 3 photos
      out = body.path;
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
      expect(manifest.tables.find((x: TableStat) => x.table === 'public.reports')?.rows).toBe(3);
      before = byTable(await tableStats(t.deps.db, { digest: true })); // nothing has written since the dump
    } finally {
      await t.close();
    }
    const attachmentsBefore = filesOf(join(dataDir, 'attachments'));
    expect(attachmentsBefore).toHaveLength(3);
    rmSync(join(dataDir, 'pglite'), { recursive: true, force: true });
    rmSync(join(dataDir, 'attachments'), { recursive: true, force: true });

    const env = { DATA_DIR: dataDir, DATABASE_URL: '' };
    const noKey = await pintu(env, 'restore', out);
    expect(noKey.code).toBe(1);
    expect(noKey.out).toContain('Kunci data tidak ada / no data key');
    const wrong = await pintu({ ...env, PINTU_DATA_KEY: randomBytes(32).toString('base64') }, 'restore', out);
    expect(wrong.code).toBe(1);
    expect(wrong.out).toContain('Kunci data salah / wrong data key');
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);

    const restored = await pintu({ ...env, PINTU_DATA_KEY: key.toString('base64') }, 'restore', out);
    expect(restored.code, restored.out).toBe(0);
    const again = await openDatabase({ dataDir });
    try {
      expect(byTable(await tableStats(again.db, { digest: true }))).toEqual(before!);
    } finally {
      await again.close();
    }
    expect(filesOf(join(dataDir, 'attachments'))).toEqual(attachmentsBefore);
  }, 240_000);
});
