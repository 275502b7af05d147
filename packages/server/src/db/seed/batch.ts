/** Inserts rows in batches, reporting progress; batches keep each statement under PostgreSQL's parameter limit. */
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';

/** Inserts `rows` into `table` in batches of `size`, ticking `progress` after each batch. */
export async function insertInBatches<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  progress: Progress,
  size = 2000,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await db.insert(table).values(batch);
    progress.tick(batch.length);
  }
}
