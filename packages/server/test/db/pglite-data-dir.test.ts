/** The embedded PGlite data directory: persistence across restarts and the one-process lock. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { DataDirLockedError } from '../../src/db/lock';
import { openDatabase } from '../../src/db/open';

const dir = mkdtempSync(join(tmpdir(), 'pintu-datadir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mainTs = join(import.meta.dirname, '../../src/main.ts');

describe('PGlite data directory', () => {
  it('keeps data across a restart', async () => {
    const first = await openDatabase({ dataDir: dir });
    await first.db.execute(
      sql`insert into regions (code, name, level, province_code) values ('99', 'Uji', 1, '99')`,
    );
    await first.close();
    const second = await openDatabase({ dataDir: dir });
    const res = await second.db.execute(sql`select name from regions where code = '99'`);
    expect(res.rows).toEqual([{ name: 'Uji' }]);
    await second.close();
  });

  it('refuses to open while another live process holds the lock', async () => {
    writeFileSync(join(dir, 'pintu.lock'), String(process.ppid));
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    rmSync(join(dir, 'pintu.lock'));
  });

  it('takes over a lock left by a process that died', async () => {
    writeFileSync(join(dir, 'pintu.lock'), '999999');
    const d = await openDatabase({ dataDir: dir });
    await d.close();
  });

  it('a second `npm start` on the same directory exits with a clear message', async () => {
    const first = await openDatabase({ dataDir: dir });
    try {
      const child = spawnSync(process.execPath, ['--import', 'tsx', mainTs], {
        env: { ...process.env, DATA_DIR: dir, PORT: '39999', DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      expect(child.status).toBe(1);
      expect(child.stderr).toContain(`is in use by another Pintu process (pid ${process.pid})`);
      expect(child.stderr).toContain('DATABASE_URL');
    } finally {
      await first.close();
    }
  });
});
