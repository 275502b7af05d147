/**
 * The statements of the background jobs (jobs/start-jobs.ts, notifications/delivery-jobs.ts): the dispatcher's
 * due outbox rows and their failed jobs, and the pg-boss schema check at start. The schema and queue names come
 * from the callers (pg-boss is theirs).
 */
import { sql } from 'drizzle-orm';
import type { Db } from './open';

type Row = Record<string, unknown>;

const DUE = (now: Date) => sql`((o.status = 'pending' and o.next_attempt_at <= ${now.toISOString()})
  or (o.status in ('sending', 'delivering') and o.claimed_until < ${now.toISOString()}))`;

const idsOf = (rows: unknown[]) => (rows as Row[]).map((r) => Number(r.id));

/** Due outbox rows (pending, or whose lease ran out) whose delivery job has failed for good. */
export async function strandedOutboxIds(
  db: Db,
  jobs: { schema: string; queue: string },
  now: Date,
  limit: number,
): Promise<number[]> {
  const res = await db.execute(sql`select o.id::int as id from notification_outbox o
    join ${sql.identifier(jobs.schema)}.job j on j.name = ${jobs.queue}
      and j.id = ('0b0c0000-0000-4000-8000-' || lpad(to_hex(o.id), 12, '0'))::uuid
    where j.state = 'failed' and ${DUE(now)} limit ${limit}`);
  return idsOf(res.rows);
}

/** Due outbox rows after id `after`, by id (keyset). */
export async function dueOutboxIds(db: Db, now: Date, after: number, limit: number): Promise<number[]> {
  const res = await db.execute(sql`select o.id::int as id from notification_outbox o
    where o.id > ${after} and ${DUE(now)} order by o.id limit ${limit}`);
  return idsOf(res.rows);
}

/** The version of the pg-boss schema `schema`, or null when there is none. */
export async function bossSchemaVersion(db: Db, schema: string): Promise<number | null> {
  const found = await db.execute(sql`select 1 from pg_tables
    where schemaname = ${schema} and tablename = 'version'`);
  if (!found.rows.length) return null;
  const res = await db.execute(sql`select version from ${sql.identifier(schema)}.version`);
  return Number((res.rows[0] as Row | undefined)?.version ?? 0);
}

export async function dropSchema(db: Db, schema: string): Promise<void> {
  await db.execute(sql`drop schema ${sql.identifier(schema)} cascade`);
}
