/**
 * `npm run pintu -- data-key check` and `npm run pintu -- data-key rotate --yes` (issue 16 §6, docs/data-key.md).
 * Rotation needs every Pintu process stopped: a running one would go on sealing with the old key.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { deriveAuthSecret } from '../auth/auth';
import { loadConfig } from '../config';
import { checkDataKey, NEXT_KEY_FILE, rotateDataKey } from '../data-key/data-key';
import { openConfiguredDatabase } from '../db/open-configured';
import { dataKeyFingerprint } from '../security/account-cipher';
import { loadDataKey } from '../security/seal';

const USAGE = `Pemakaian / usage:
  npm run pintu -- data-key check          the configured key opens this database (its fingerprint)
  npm run pintu -- data-key rotate --yes   re-seal everything under a new key (stop every Pintu process first)`;

export async function dataKeyCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { yes: { type: 'boolean', default: false } },
  });
  const command = positionals[0];
  if (command !== 'check' && command !== 'rotate') {
    console.error(USAGE);
    return 2;
  }
  const config = loadConfig();
  const dataDir = resolve(config.DATA_DIR);
  const fromFile = !config.PINTU_DATA_KEY;
  const database = await openConfiguredDatabase(config, 2);
  try {
    const key = await checkDataKey(database.db, loadDataKey(config.PINTU_DATA_KEY, dataDir), {
      dataDir,
      fromFile,
    });
    if (command === 'check') {
      console.log(`Kunci data cocok / data key matches: ${dataKeyFingerprint(key)}`);
      return 0;
    }
    if (!values.yes) {
      console.error(
        'Hentikan semua proses Pintu (server, worker) dulu, lalu jalankan lagi dengan --yes. / Stop every Pintu ' +
          'process (server, worker) first, then run again with --yes.',
      );
      return 2;
    }
    const next = randomBytes(32);
    // The new key is on disk before the commit, so that a crash after it never leaves data sealed under a key
    // nobody has; start-up finishes a rotation cut off before the rename (data-key/data-key.ts).
    const nextFile = join(dataDir, NEXT_KEY_FILE);
    writeFileSync(nextFile, next.toString('base64'), { mode: 0o600 });
    const derived = !config.PINTU_AUTH_SECRET;
    try {
      const result = await rotateDataKey({
        db: database.db,
        from: key,
        to: next,
        authSecrets: derived ? { from: deriveAuthSecret(key), to: deriveAuthSecret(next) } : null,
        now: new Date(),
      });
      console.log(`Kunci data diganti / data key rotated: ${result.from} → ${result.to}`);
      for (const [table, rows] of Object.entries(result.tables))
        console.log(`  ${table}: ${rows} baris disegel ulang / rows re-sealed`);
    } catch (err) {
      rmSync(nextFile, { force: true });
      throw err;
    }
    if (fromFile) {
      const keyFile = join(dataDir, 'data.key');
      const retired = join(dataDir, `data.key.retired-${new Date().toISOString().replace(/[:.]/g, '-')}`);
      if (existsSync(keyFile)) renameSync(keyFile, retired);
      renameSync(nextFile, keyFile);
      console.log(
        `Kunci baru di ${keyFile}. Kunci lama di ${retired}: simpan luring bersama cadangan lama (hanya kunci itu ` +
          'yang membukanya), lalu hapus dari server. / The old key opens only the old backups: keep it offline with ' +
          'them, then delete it from the server.',
      );
    } else {
      console.log(
        `Kunci baru di ${nextFile}: atur PINTU_DATA_KEY ke isinya, lalu hapus berkas itu. / Set PINTU_DATA_KEY to ` +
          "this file's content, then delete the file.",
      );
    }
    if (derived) console.log('Semua sesi berakhir; masuk lagi. / Every session has ended: sign in again.');
    return 0;
  } finally {
    await database.close();
  }
}
