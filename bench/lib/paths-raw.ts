/**
 * The raw side of the write paths: empty copies of the tables (`like … including all`: the same columns, generated
 * text vector and indexes; no triggers or foreign keys) that plain SQL writes the same rows into, dropped after.
 */
import pg from 'pg';

export async function withClient<T>(url: string, f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

const RAW_TABLES = {
  bench_raw_reports: 'reports',
  bench_raw_events: 'events',
  bench_raw_clocks: 'sla_stage_clocks',
};
export const dropRaw = (url: string) =>
  withClient(url, (c) => c.query(`drop table if exists ${Object.keys(RAW_TABLES).join(', ')}`));
export const makeRaw = (url: string) =>
  withClient(url, async (c) => {
    await c.query(`drop table if exists ${Object.keys(RAW_TABLES).join(', ')}`);
    for (const [copy, of] of Object.entries(RAW_TABLES))
      await c.query(`create table ${copy} (like ${of} including all)`);
  });
