/**
 * The statements behind the data key (issue 16 §6, data-key/): the key-check row start-up opens, sealing account
 * rows written before accounts were sealed, and re-sealing every sealed column under a new key in one transaction.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
type Executor = Db | Tx;

export interface KeyCheckRow {
  sealed: string;
  fingerprint: string;
}

export async function readKeyCheck(db: Executor): Promise<KeyCheckRow | null> {
  const res = await db.execute(sql`select sealed, fingerprint from data_key_check where id = 1`);
  const r = res.rows[0];
  return r ? { sealed: String(r.sealed), fingerprint: String(r.fingerprint) } : null;
}

export async function writeKeyCheck(db: Executor, row: KeyCheckRow, rotatedAt: Date | null): Promise<void> {
  await db.execute(sql`
    insert into data_key_check (id, sealed, fingerprint, rotated_at)
    values (1, ${row.sealed}, ${row.fingerprint}, ${rotatedAt})
    on conflict (id) do update set sealed = excluded.sealed, fingerprint = excluded.fingerprint,
      rotated_at = excluded.rotated_at`);
}

/** A table's sealed columns and the primary key that pages through it. */
export interface SealedColumns {
  table: string;
  key: string[];
  columns: string[];
}

/**
 * Every column sealed with the data key's AES-GCM sealer (security/seal.ts). A new sealed column must be added here,
 * or a key rotation leaves it unreadable; test/api/data-key.test.ts checks that every `*_sealed` column is listed.
 */
export const SEALED_COLUMNS: SealedColumns[] = [
  { table: 'reports', key: ['id'], columns: ['reporter_sealed'] },
  { table: 'webhook_endpoints', key: ['id'], columns: ['secret_sealed', 'previous_secret_sealed'] },
  { table: 'idempotency_keys', key: ['scope', 'key'], columns: ['body'] },
  { table: 'users', key: ['id'], columns: ['email_sealed', 'phone'] },
];

/** better-auth's TOTP secrets and backup codes, encrypted with the auth secret (derived from the data key). */
export const AUTH_SECRET_COLUMNS: SealedColumns = {
  table: 'two_factors',
  key: ['id'],
  columns: ['secret', 'backup_codes'],
};

const ident = (name: string) => sql.raw(`"${name.replace(/"/g, '""')}"`);
const list = (names: string[]) =>
  sql.join(
    names.map((n) => ident(n)),
    sql`, `,
  );

/**
 * Rewrites one table's columns batch by batch (keyset pages of 500) through `rewrite`, inside the caller's
 * transaction; `rewrite` gets the row's values (null stays null) and returns the new ones. Returns rows rewritten.
 */
export async function rewriteColumns(
  tx: Executor,
  t: SealedColumns,
  rewrite: (values: (string | null)[]) => Promise<(string | null)[]>,
  extraSet?: (values: (string | null)[]) => Record<string, string | null>,
): Promise<number> {
  const anyNotNull = sql.join(
    t.columns.map((c) => sql`${ident(c)} is not null`),
    sql` or `,
  );
  let after: unknown[] | null = null;
  let done = 0;
  for (;;) {
    const past: SQL = after
      ? sql`and (${list(t.key)}) > (${sql.join(
          after.map((v) => sql`${v}`),
          sql`, `,
        )})`
      : sql``;
    const res = await tx.execute(sql`
      select ${list(t.key)}, ${list(t.columns)} from ${ident(t.table)}
      where (${anyNotNull}) ${past} order by ${list(t.key)} limit 500`);
    if (!res.rows.length) return done;
    for (const row of res.rows) {
      const values = t.columns.map((c) => (row[c] == null ? null : String(row[c])));
      const next = await rewrite(values);
      const set: Record<string, string | null> = { ...(extraSet?.(next) ?? {}) };
      t.columns.forEach((c, i) => {
        set[c] = next[i] ?? null;
      });
      const assignments = sql.join(
        Object.entries(set).map(([c, v]) => sql`${ident(c)} = ${v}`),
        sql`, `,
      );
      const match = sql.join(
        t.key.map((k) => sql`${ident(k)} = ${row[k]}`),
        sql` and `,
      );
      await tx.execute(sql`update ${ident(t.table)} set ${assignments} where ${match}`);
      done++;
    }
    const last = res.rows[res.rows.length - 1]!;
    after = t.key.map((k) => last[k]);
  }
}

/** Account rows whose `email` is still the plain address (written before migration 0027), a page at a time. */
export async function plainAccounts(db: Executor, prefix: string) {
  const res = await db.execute(sql`
    select id, email, phone from users where email not like ${`${prefix}%`} order by id limit 500`);
  return res.rows.map((r) => ({
    id: String(r.id),
    email: String(r.email),
    phone: r.phone == null ? null : String(r.phone),
  }));
}

export async function sealAccount(
  db: Executor,
  a: { id: string; emailIndex: string; emailSealed: string; phoneSealed: string | null },
): Promise<void> {
  await db.execute(sql`
    update users set email = ${a.emailIndex}, email_sealed = ${a.emailSealed}, phone = ${a.phoneSealed}
    where id = ${a.id}`);
}

/** The sealed columns the database has, by the naming convention, to check SEALED_COLUMNS against. */
export async function sealedColumnNames(db: Executor): Promise<string[]> {
  const res = await db.execute(sql`
    select table_name || '.' || column_name as name from information_schema.columns
    where table_schema = 'public' and column_name like '%\\_sealed' order by 1`);
  return res.rows.map((r) => String(r.name));
}

/** Runs `fn` in one transaction that nothing else writes the sealed tables during. */
export function inKeyTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(
      sql`lock table data_key_check, reports, webhook_endpoints, idempotency_keys, users, two_factors in share row exclusive mode`,
    );
    return fn(tx);
  });
}
