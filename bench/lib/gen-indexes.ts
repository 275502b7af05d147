/**
 * The indexes of the bulk-loaded tables: dropped before the load and built again after it (building an index once
 * over a million rows is far cheaper than keeping it up to date row by row, the GIN text indexes above all). The
 * definitions are read from the database itself, so they are exactly the migrations' own.
 */
import pg from 'pg';

/** The tables the generator loads in bulk. */
export const BULK_TABLES = ['reports', 'events', 'sla_stage_clocks', 'sla_notices'];

export interface IndexDef {
  name: string;
  table: string;
  def: string;
}

/** Drops every index of `tables` that backs no constraint (primary keys and unique constraints stay); returns them. */
export async function dropIndexes(url: string, tables: string[]): Promise<IndexDef[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const res = await c.query<IndexDef>(
      `select i.relname as name, t.relname as "table", pg_get_indexdef(x.indexrelid) as def
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       where t.relname = any($1) and t.relnamespace = 'public'::regnamespace
         and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
       order by t.relname, i.relname`,
      [tables],
    );
    for (const i of res.rows) await c.query(`drop index "${i.name}"`);
    return res.rows;
  } finally {
    await c.end();
  }
}

/** Builds the indexes again, `parallel` at a time, the biggest (GIN) first; returns the seconds each took. */
export async function createIndexes(
  url: string,
  defs: IndexDef[],
  parallel = 2,
): Promise<{ name: string; seconds: number }[]> {
  const queue = [...defs].sort((a, b) => Number(/ gin /i.test(b.def)) - Number(/ gin /i.test(a.def)));
  const took: { name: string; seconds: number }[] = [];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        await c.query(`set maintenance_work_mem = '512MB'`);
        await c.query('set max_parallel_maintenance_workers = 0');
        for (let d = queue.shift(); d; d = queue.shift()) {
          const t0 = Date.now();
          await c.query(d.def);
          took.push({ name: d.name, seconds: (Date.now() - t0) / 1000 });
        }
      } finally {
        await c.end();
      }
    }),
  );
  return took;
}
