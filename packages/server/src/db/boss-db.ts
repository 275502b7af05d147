/**
 * pg-boss 10 talks to its database through `{ executeSql(text, values) }` (ADR 0008: the newest pg-boss whose
 * `engines` accept Node 20 has no adapters of its own). Two are needed:
 * - PGlite, so pg-boss shares the app's embedded instance (one process, one connection);
 * - a drizzle transaction, so a delivery job is written in the same transaction as its outbox row.
 */
import type { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type PgBoss from 'pg-boss';
import type { Db } from './open';

type Rows = { rows: unknown[] };

// node-postgres, pg-boss's own driver, sends `undefined` (an option left unset) as NULL; say so for the others.
const orNull = (v: unknown) => (v === undefined ? null : v);

/**
 * PGlite: `query()` takes one statement with parameters; pg-boss's schema creation, migrations and maintenance
 * are `BEGIN; …; COMMIT;` scripts without parameters, which only `exec()` runs. PGlite has a single connection,
 * so a script that fails inside its BEGIN would leave every later statement (the app's too) in an aborted
 * transaction: roll it back before rethrowing, as a pooled driver would by handing out another connection.
 */
export function pgliteBossDb(pglite: PGlite): PgBoss.Db {
  return {
    async executeSql(text: string, values?: unknown[]): Promise<Rows> {
      try {
        if (values?.length) return await pglite.query(text, values.map(orNull));
        const results = await pglite.exec(text);
        // One result per statement: keep every row, so a RETURNING before the closing COMMIT is not lost.
        return { rows: results.flatMap((r) => r.rows) };
      } catch (err) {
        await pglite.query('rollback').catch(() => {});
        throw err;
      }
    },
  };
}

/**
 * A drizzle transaction (node-postgres or PGlite): pg-boss's `$n` placeholders become drizzle parameters, so the
 * statement runs on the transaction's connection. Only for single statements with parameters (job inserts).
 */
export function drizzleBossDb(tx: Db): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<Rows> {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = [sql.raw(parts[0] ?? '')];
      for (let i = 1; i < parts.length; i += 2) {
        chunks.push(sql`${orNull(values[Number(parts[i]) - 1])}`, sql.raw(parts[i + 1] ?? ''));
      }
      const res = await tx.execute(sql.join(chunks));
      return { rows: res.rows };
    },
  };
}
