/**
 * The fold of the rollup shards (docs/decisions/0014-stats-shards.md): moves what the saves added to shards 1–16
 * into shard 0, so a key is read from one row again. Sums are unchanged, so every figure is the same before, during
 * and after (each batch moves rows in one statement and one transaction). It never waits for a save: it takes only
 * the rows nobody holds (`skip locked`); a save that wants a row being folded waits for that one statement, then
 * writes a new one. Its only waits are on shard 0's rows, which only it, a rebuild and the bulk import write, each
 * in key order.
 */
import { COUNTER_COLUMNS } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

const TABLES = {
  stats_daily: ['institution_id', 'day', 'category_id', 'province_code'],
  stats_monthly: ['institution_id', 'month'],
  stats_monthly_national: ['month', 'category_id', 'province_code'],
  stats_activity: ['institution_id', 'day', 'actor_role', 'action'],
} as const;
const ACTIVITY_COLUMNS = ['events', 'boilerplate', 'held_days'];

/**
 * One batch of `table`: up to `batch` shard rows nobody holds, deleted and added to shard 0 in one statement;
 * returns how many. The rows are found without sorting (`skip locked` never waits, so their order does not matter)
 * and matched by key, and the shard-0 rows are written in key order.
 */
async function foldBatch(db: Db, table: keyof typeof TABLES, batch: number): Promise<number> {
  const keys = TABLES[table];
  const k = keys.join(', ');
  const counters = table === 'stats_activity' ? ACTIVITY_COLUMNS : [...COUNTER_COLUMNS];
  const add = counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
  const res = await db.execute(
    sql.raw(`with moved as (
      delete from ${table} t using (
        select ${k}, shard from ${table} where shard <> 0 limit ${batch} for update skip locked
      ) s where ${[...keys, 'shard'].map((c) => `t.${c} = s.${c}`).join(' and ')}
      returning ${keys.map((c) => `t.${c}`).join(', ')}, ${counters.map((c) => `t.${c}`).join(', ')}
    ), folded as (
      insert into ${table} (${k}, shard, ${counters.join(', ')})
      select ${k}, 0, ${counters.map((c) => `sum(${c})`).join(', ')} from moved group by ${k} order by ${k}
      on conflict (${k}, shard) do update set ${add}
    )
    select count(*)::int as n from moved`),
  );
  return Number(res.rows[0]?.n ?? 0);
}

/**
 * Folds every shard row into shard 0, table by table in batches of `batch` rows (one short transaction each);
 * returns the rows moved. Rows a save holds now are left for the next fold.
 */
export async function foldStatsShards(db: Db, batch = 20_000): Promise<number> {
  let moved = 0;
  for (const table of Object.keys(TABLES) as (keyof typeof TABLES)[])
    for (;;) {
      const n = await foldBatch(db, table, batch);
      moved += n;
      if (n < batch) break;
    }
  return moved;
}
