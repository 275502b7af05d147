/**
 * The rollups as their readers see them (ADR 0014): each key's counters summed over its shards, for comparing the
 * incremental path with a rebuild; and a scatter that spreads every key over more shards without changing a sum.
 */
import { COUNTER_COLUMNS } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../src/db/open';

const ACTIVITY = ['events', 'boilerplate', 'held_days'];
export const ROLLUP_TABLES = {
  stats_daily: {
    keys: ['institution_id', 'day', 'category_id', 'province_code'],
    counters: [...COUNTER_COLUMNS],
  },
  stats_monthly: { keys: ['institution_id', 'month'], counters: [...COUNTER_COLUMNS] },
  stats_monthly_national: { keys: ['month', 'category_id', 'province_code'], counters: [...COUNTER_COLUMNS] },
  stats_activity: { keys: ['institution_id', 'day', 'actor_role', 'action'], counters: ACTIVITY },
} as const;
type Table = keyof typeof ROLLUP_TABLES;

/** One table's keys with their counters summed over the shards, in key order (dates as text, sums as numbers). */
export async function summedRows(db: Db, table: Table): Promise<Record<string, unknown>[]> {
  const { keys, counters } = ROLLUP_TABLES[table];
  const keyCols = keys.map((k) => (k === 'day' || k === 'month' ? `${k}::text as ${k}` : k)).join(', ');
  const res = await db.execute(
    sql.raw(`select ${keyCols}, ${counters.map((c) => `sum(${c})::float8 as ${c}`).join(', ')}
      from ${table} group by ${keys.join(', ')} order by ${keys.join(', ')}`),
  );
  return res.rows.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r))
      out[k] = (counters as readonly string[]).includes(k) ? Number(v) : v;
    return out;
  });
}

/** Every rollup table summed over its shards. */
export async function rollupSums(db: Db) {
  return {
    daily: await summedRows(db, 'stats_daily'),
    monthly: await summedRows(db, 'stats_monthly'),
    national: await summedRows(db, 'stats_monthly_national'),
    activity: await summedRows(db, 'stats_activity'),
  };
}

/** Splits every row of shards below 20 in two: half stays, the rest moves to shard + 20. Sums stay the same. */
export async function scatterShards(db: Db): Promise<void> {
  for (const [table, { keys, counters }] of Object.entries(ROLLUP_TABLES)) {
    const k = keys.join(', ');
    const add = counters.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');
    await db.execute(
      sql.raw(`insert into ${table} (${k}, shard, ${counters.join(', ')})
        select ${k}, shard + 20, ${counters.map((c) => `${c} - ${c} / 2`).join(', ')} from ${table} where shard < 20
        on conflict (${k}, shard) do update set ${add}`),
    );
    await db.execute(
      sql.raw(`update ${table} set ${counters.map((c) => `${c} = ${c} / 2`).join(', ')} where shard < 20`),
    );
  }
}
