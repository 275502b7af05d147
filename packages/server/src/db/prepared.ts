/** Named prepared statements on the driver drizzle already holds (node-postgres or PGlite). */
import { namedStatements } from './named-statements';
import type { Db } from './open';

/** A database or a transaction: anything drizzle can run a statement on. */
export type Runner = Pick<Db, '_'>;

/**
 * A fixed statement run as a named prepared statement: node-postgres sends its text once per connection and
 * PostgreSQL parses and plans it once, not on every call — planning the intake statements cost as much database
 * CPU as running them (bench/README.md). Same driver path and results as `db.execute`; PGlite ignores the name.
 * Write `p('key')` where a value goes; each use is its own parameter, as in a `sql` template. Unnamed behind a
 * pooler in transaction mode (named-statements.ts).
 */
export function prepared<K extends string>(name: string, build: (p: (key: K) => string) => string) {
  const keys: K[] = [];
  const text = build((key) => `$${keys.push(key)}`);
  return async (db: Runner, values: Record<K, unknown>): Promise<Record<string, unknown>[]> => {
    const query = db._.session.prepareQuery(
      { sql: text, params: keys.map((k) => values[k]) },
      undefined,
      namedStatements() ? name : undefined,
      false,
    );
    const res = (await query.execute()) as { rows: Record<string, unknown>[] };
    return res.rows;
  };
}
