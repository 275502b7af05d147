/**
 * The data key's life (issue 16 §6, docs/data-key.md): start-up refuses a wrong key before anything is sealed with
 * it and seals account rows written before accounts were sealed; `pintu data-key rotate` re-seals every sealed
 * column, re-indexes account e-mail and re-encrypts TOTP secrets under a new key, in one transaction.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { symmetricDecrypt, symmetricEncrypt } from 'better-auth/crypto';
import type { Db } from '../db/open';
import {
  AUTH_SECRET_COLUMNS,
  inKeyTransaction,
  plainAccounts,
  readKeyCheck,
  rewriteColumns,
  SEALED_COLUMNS,
  sealAccount,
  writeKeyCheck,
} from '../db/postgres-data-key';
import { BLIND_INDEX_PREFIX, createAccountCipher, dataKeyFingerprint } from '../security/account-cipher';
import { createSealer } from '../security/seal';

const CHECK_VALUE = 'pintu data key check';
/** Where `rotate` leaves the new key until the transaction has committed (then it becomes data.key). */
export const NEXT_KEY_FILE = 'data.key.next';

export class WrongDataKeyError extends Error {
  constructor(expected: string, given: string) {
    super(
      `Kunci data salah / wrong data key: basis data ini disegel dengan kunci berjejak ${expected}, kunci yang ` +
        `diberikan berjejak ${given}. Atur PINTU_DATA_KEY (atau DATA_DIR/data.key) ke kunci yang benar; tidak ada ` +
        `yang dibaca atau diubah. / This database was sealed with the key of fingerprint ${expected}; set ` +
        'PINTU_DATA_KEY (or DATA_DIR/data.key) to that key. Nothing was read or changed.',
    );
    this.name = 'WrongDataKeyError';
  }
}

const opens = (key: Buffer, sealed: string) => {
  try {
    return createSealer(key).open<string>(sealed) === CHECK_VALUE;
  } catch {
    return false;
  }
};

const readKeyFile = (file: string) => Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');

/**
 * At start: the key must open the check row (written on the first start). A rotation cut off between its commit
 * and the key file's rename is finished here. Returns the key to run with; throws WrongDataKeyError otherwise.
 */
export async function checkDataKey(
  db: Db,
  key: Buffer,
  o: { dataDir: string; fromFile: boolean },
): Promise<Buffer> {
  const row = await readKeyCheck(db);
  if (!row) {
    const sealed = createSealer(key).seal(CHECK_VALUE);
    await writeKeyCheck(db, { sealed, fingerprint: dataKeyFingerprint(key) }, null);
  } else if (!opens(key, row.sealed)) {
    const next = join(o.dataDir, NEXT_KEY_FILE);
    if (!(o.fromFile && existsSync(next) && opens(readKeyFile(next), row.sealed)))
      throw new WrongDataKeyError(row.fingerprint, dataKeyFingerprint(key));
    renameSync(next, join(o.dataDir, 'data.key'));
    key = readKeyFile(join(o.dataDir, 'data.key'));
  }
  await sealPlainAccounts(db, key);
  return key;
}

/** Accounts written before migration 0027 carry a plain e-mail and phone: sealed once, here. */
export async function sealPlainAccounts(db: Db, key: Buffer): Promise<number> {
  const cipher = createAccountCipher(key);
  let sealed = 0;
  for (;;) {
    const page = await plainAccounts(db, BLIND_INDEX_PREFIX);
    if (!page.length) return sealed;
    for (const a of page) {
      await sealAccount(db, {
        id: a.id,
        emailIndex: cipher.indexEmail(a.email),
        emailSealed: cipher.seal(a.email.trim().toLowerCase()),
        phoneSealed: a.phone === null ? null : cipher.seal(a.phone),
      });
      sealed++;
    }
  }
}

export interface RotationResult {
  from: string;
  to: string;
  /** Rows re-sealed per table. */
  tables: Record<string, number>;
}

/**
 * Re-seals everything sealed under `from` with `to`, in one transaction (all or nothing). `authSecrets` are the
 * better-auth secrets before and after when they derive from the data key (null when PINTU_AUTH_SECRET is set).
 */
export async function rotateDataKey(o: {
  db: Db;
  from: Buffer;
  to: Buffer;
  authSecrets: { from: string; to: string } | null;
  now: Date;
}): Promise<RotationResult> {
  const oldSealer = createSealer(o.from);
  const newSealer = createSealer(o.to);
  const newAccounts = createAccountCipher(o.to);
  const reseal = (v: string | null) => (v === null ? null : newSealer.seal(oldSealer.open<unknown>(v)));
  return inKeyTransaction(o.db, async (tx) => {
    const row = await readKeyCheck(tx);
    if (row && !opens(o.from, row.sealed))
      throw new WrongDataKeyError(row.fingerprint, dataKeyFingerprint(o.from));
    const tables: Record<string, number> = {};
    for (const t of SEALED_COLUMNS) {
      tables[t.table] =
        t.table === 'users'
          ? // The blind index changes with the key: recomputed from the opened address.
            await rewriteColumns(tx, { ...t, columns: ['email', ...t.columns] }, async ([, email, phone]) => {
              const plain = email == null ? null : oldSealer.open<string>(email);
              return [
                plain === null ? null : newAccounts.indexEmail(plain),
                plain === null ? null : newSealer.seal(plain),
                reseal(phone ?? null),
              ];
            })
          : await rewriteColumns(tx, t, async (values) => values.map(reseal));
    }
    if (o.authSecrets) {
      const { from, to } = o.authSecrets;
      tables[AUTH_SECRET_COLUMNS.table] = await rewriteColumns(tx, AUTH_SECRET_COLUMNS, (values) =>
        Promise.all(
          values.map(async (v) =>
            v === null
              ? null
              : symmetricEncrypt({ key: to, data: await symmetricDecrypt({ key: from, data: v }) }),
          ),
        ),
      );
    }
    await writeKeyCheck(
      tx,
      { sealed: newSealer.seal(CHECK_VALUE), fingerprint: dataKeyFingerprint(o.to) },
      o.now,
    );
    return { from: dataKeyFingerprint(o.from), to: dataKeyFingerprint(o.to), tables };
  });
}
