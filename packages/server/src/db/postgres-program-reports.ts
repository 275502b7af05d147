/**
 * A program grievance's write and the reads of a program's queue and report (issue 15). The write is intake's own
 * statement (INSERT_REPORT: report, first event, stage clock, outbox, Idempotency-Key answer) plus the program
 * columns and the rollups, in one transaction: a grievance opens dispositioned, so it counts as received from the
 * start, which a plain filing never does. Filings without a program or a gender never come here and pay nothing.
 */
import type {
  FilingGate,
  FirstEvent,
  GateStop,
  KeyedAnswer,
  NewReportRow,
  ProgramColumns,
  ProgramQueueQuery,
  ProgramQueueRow,
  ProgramReportRow,
  ProgramView,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import { gateStopOf } from './intake-gate';
import { INSERT_REPORT } from './intake-statements';
import type { Db } from './open';
import { insertValues, violates } from './postgres-reports';
import { updateStatsRollup } from './postgres-stats-rollup';
import { num, numOrNull, type Row, str, strOrNull } from './report-rows';

class AttachmentTaken extends Error {}

/** Writes the grievance atomically; the conflicts are intake's own (an attachment taken, a key answered, a ref). */
export async function insertGrievance(
  db: Db,
  r: NewReportRow,
  first: FirstEvent,
  attachmentIds: string[],
  program: ProgramColumns | null,
  gender: string | null,
  keyed?: KeyedAnswer,
  gate?: FilingGate | null,
): Promise<
  { id: number } | { conflict: 'attachments' | 'idempotency_key' | 'external_ref' } | { gate: GateStop }
> {
  const values = insertValues(r, first, attachmentIds, keyed, gate);
  try {
    return await db.transaction(async (trx) => {
      const tx = trx as unknown as Db;
      const row = (await INSERT_REPORT(tx, values))[0] as Row;
      const stop = row.id == null ? gateStopOf(row) : null;
      if (stop) return { gate: stop };
      if (row.id == null) return { conflict: 'idempotency_key' as const };
      if (num(row.claimed) !== attachmentIds.length) throw new AttachmentTaken();
      const id = num(row.id);
      await tx.execute(sql`update reports set program_id = ${program?.programId ?? null},
          program_level = ${program?.level ?? null},
          program_level_due_at = ${program?.levelDueAt.toISOString() ?? null},
          program_category = ${program?.category ?? null},
          program_fields = ${program ? JSON.stringify(program.fields) : null}::jsonb,
          reporter_gender = ${gender}
        where id = ${id}`);
      // Received at filing (dispositioned to the lowest level's handler): the rollups count it now, by core's rule.
      if (program) await updateStatsRollup(tx, id, r.lifecycle);
      return { id };
    });
  } catch (err) {
    if (err instanceof AttachmentTaken) return { conflict: 'attachments' };
    if (violates(err, 'reports_integration_ref_uq')) return { conflict: 'external_ref' };
    throw err;
  }
}

/** The view as a condition on the holder: all, or held within one of the subtrees. */
function inView(view: ProgramView): SQL {
  if (view === null) return sql`false`;
  if (view.all) return sql`true`;
  return sql`r.institution_id in (select id from institutions where path && ${`{${view.subtrees.join(',')}}`}::int[])`;
}

const iso = (column: string) =>
  sql.raw(`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/** A page of a program's queue, newest first; a cursor `createdAt|id` continues after that row. */
export async function programQueue(
  db: Db,
  programId: number,
  view: ProgramView,
  q: ProgramQueueQuery,
): Promise<ProgramQueueRow[]> {
  const where = [sql`r.program_id = ${programId}`, inView(view)];
  if (q.level) where.push(sql`r.program_level = ${q.level}`);
  if (q.status) where.push(sql`r.status = ${q.status}`);
  if (q.cursor) {
    const [at, id] = q.cursor.split('|');
    where.push(sql`(r.created_at, r.id) < (${at}::timestamptz, ${Number(id)})`);
  }
  const res = await db.execute(sql`select r.id::int as id, r.tracking_id as "trackingId", r.title, r.status,
      r.program_level as level, ${iso('r.program_level_due_at')} as "levelDueAt", r.region_code as "regionCode",
      g.name as "regionName", r.program_category as "programCategory", r.institution_id as "holderId",
      i.name as "holderName", ${iso('r.created_at')} as "createdAt"
    from reports r left join regions g on g.code = r.region_code left join institutions i on i.id = r.institution_id
    where ${sql.join(where, sql` and `)}
    order by r.created_at desc, r.id desc limit ${q.limit}`);
  return (res.rows as Row[]).map((r) => ({
    id: num(r.id),
    trackingId: str(r.trackingId),
    title: str(r.title),
    status: str(r.status),
    level: strOrNull(r.level),
    levelDueAt: strOrNull(r.levelDueAt),
    regionCode: str(r.regionCode),
    regionName: strOrNull(r.regionName),
    programCategory: strOrNull(r.programCategory),
    holderId: numOrNull(r.holderId),
    holderName: strOrNull(r.holderName),
    createdAt: str(r.createdAt),
  }));
}

/** The grievances a program report counts: filed in the period (local dates), within the view. */
export async function programReportRows(
  db: Db,
  programId: number,
  view: ProgramView,
  period: { from?: string | undefined; to?: string | undefined; timeZone: string },
  facilitatorId?: string,
): Promise<ProgramReportRow[]> {
  const day = sql`(r.created_at at time zone ${period.timeZone})::date`;
  const where = [sql`r.program_id = ${programId}`, inView(view)];
  if (period.from) where.push(sql`${day} >= ${period.from}::date`);
  if (period.to) where.push(sql`${day} <= ${period.to}::date`);
  if (facilitatorId) where.push(sql`r.lifecycle->>'facilitatorId' = ${facilitatorId}`);
  const res = await db.execute(sql`select r.id::int as id, r.status, r.program_level as level,
      r.program_category as "programCategory", r.region_code as "regionCode", g.name as "regionName",
      r.reporter_gender as "reporterGender", r.channel, r.lifecycle->>'facilitatorId' as "facilitatorId", r.lat,
      r.lng, r.lifecycle, r.created_at as "createdAt"
    from reports r left join regions g on g.code = r.region_code
    where ${sql.join(where, sql` and `)} order by r.id`);
  return (res.rows as Row[]).map((r) => ({
    id: num(r.id),
    status: str(r.status),
    level: strOrNull(r.level),
    programCategory: strOrNull(r.programCategory),
    regionCode: str(r.regionCode),
    regionName: strOrNull(r.regionName),
    reporterGender: strOrNull(r.reporterGender),
    channel: str(r.channel),
    facilitatorId: strOrNull(r.facilitatorId),
    lat: numOrNull(r.lat),
    lng: numOrNull(r.lng),
    lifecycle: r.lifecycle,
    createdAt: new Date(String(r.createdAt)),
  }));
}
