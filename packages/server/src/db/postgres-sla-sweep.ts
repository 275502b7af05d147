/**
 * The SLA sweep's statements (app/sla/sweep.ts, split-parent.ts): the due items, the report lock (`skip locked`:
 * another sweeper or writer holds it), the stage row re-read under it, `sla_notices` (unique per stage, kind and
 * level) and the stage row's schedule. Each takes the caller's transaction.
 */
import type { ClockRow, ReportStatus, Stage, TimeZone } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';

/** A stage-clock row as the sweep reads it under its report's lock. */
export interface SweepStage extends ClockRow {
  id: number;
  reportId: number;
  holderInstitutionId: number | null;
}

/** One recorded notice: a reminder, an escalation, an auto-resolve or auto-archive. */
export interface SlaNotice {
  stageClockId: number;
  reportId: number;
  trackingId: string;
  stage: Stage;
  kind: string;
  level: number;
  recipient: string;
  institutionId: number | null;
  dueAt: Date;
  at: Date;
  recordedAt: Date;
  eventSeq: number | null;
}

type Row = Record<string, unknown>;

/** The due-item query (bench/sla-sweep.ts measures it): open, unpaused stages whose next instant has come. */
export const dueItemsQuery = (now: Date, limit: number) =>
  sql`select id::int as id, report_id::int as "reportId" from sla_stage_clocks
    where next_at <= ${now.toISOString()}::timestamptz order by next_at, id limit ${limit}`;

export async function dueStages(
  db: Db,
  now: Date,
  limit: number,
): Promise<{ id: number; reportId: number }[]> {
  const res = await db.execute(dueItemsQuery(now, limit));
  return (res.rows as Row[]).map((r) => ({ id: Number(r.id), reportId: Number(r.reportId) }));
}

/** Sets when the sweep looks at the stage next (null: never, until a writer schedules it again). */
export async function setStageNextAt(db: Db, id: number, at: Date | null): Promise<void> {
  await db.execute(sql`update sla_stage_clocks set next_at = ${at?.toISOString() ?? null} where id = ${id}`);
}

/** Locks the report unless another transaction holds it; its trackingId, or null when held (or gone). */
export async function lockReportSkipLocked(tx: Db, reportId: number): Promise<string | null> {
  const lock = await tx.execute(
    sql`select tracking_id as "trackingId" from reports where id = ${reportId} for update skip locked`,
  );
  const row = lock.rows[0] as Row | undefined;
  return row ? String(row.trackingId) : null;
}

/** Locks the report, waiting for its other writers. */
export async function lockReport(tx: Db, trackingId: string): Promise<void> {
  await tx.execute(sql`select id from reports where tracking_id = ${trackingId} for update`);
}

/** The statuses of the reports `trackingIds` (a split parent's children). */
export async function reportStatuses(tx: Db, trackingIds: readonly string[]): Promise<ReportStatus[]> {
  const res = await tx.execute(sql`select status from reports
    where tracking_id = any(${`{${trackingIds.join(',')}}`}::text[])`);
  return (res.rows as Row[]).map((r) => r.status as ReportStatus);
}

const ROW = sql`select id::int as id, report_id::int as "reportId", stage, time_zone as "timeZone",
  region_code as "regionCode", holder_institution_id as "holderInstitutionId", started_at as "startedAt",
  due_at as "dueAt", paused_at as "pausedAt", completed_at as "completedAt", escalation_level as "escalationLevel",
  reminded_at as "remindedAt", next_at as "nextAt" from sla_stage_clocks`;

const dateOrNull = (v: unknown) => (v == null ? null : new Date(v as string));

const stageOf = (r: Row): SweepStage => ({
  id: Number(r.id),
  reportId: Number(r.reportId),
  stage: r.stage as Stage,
  timeZone: r.timeZone as TimeZone,
  regionCode: r.regionCode == null ? null : String(r.regionCode),
  holderInstitutionId: r.holderInstitutionId == null ? null : Number(r.holderInstitutionId),
  startedAt: new Date(r.startedAt as string),
  dueAt: new Date(r.dueAt as string),
  pausedAt: dateOrNull(r.pausedAt),
  completedAt: dateOrNull(r.completedAt),
  escalationLevel: Number(r.escalationLevel),
  remindedAt: dateOrNull(r.remindedAt),
});

export async function readStage(tx: Db, id: number): Promise<SweepStage | null> {
  const res = await tx.execute(sql`${ROW} where id = ${id}`);
  const r = res.rows[0] as Row | undefined;
  return r ? stageOf(r) : null;
}

/** Records a notice once; false when it was already recorded. */
export async function insertSlaNotice(tx: Db, n: SlaNotice): Promise<boolean> {
  const res =
    await tx.execute(sql`insert into sla_notices (stage_clock_id, report_id, tracking_id, stage, kind,
      level, recipient, recipient_institution_id, due_at, at, recorded_at, event_seq)
    values (${n.stageClockId}, ${n.reportId}, ${n.trackingId}, ${n.stage}, ${n.kind}, ${n.level}, ${n.recipient},
      ${n.institutionId}, ${n.dueAt.toISOString()}, ${n.at.toISOString()}, ${n.recordedAt.toISOString()},
      ${n.eventSeq})
    on conflict (stage_clock_id, kind, level) do nothing returning id`);
  return res.rows.length > 0;
}

export async function markReminded(tx: Db, id: number, at: Date): Promise<void> {
  await tx.execute(sql`update sla_stage_clocks set reminded_at = ${at.toISOString()} where id = ${id}`);
}

/** A completed row is no longer the sweep's. */
export async function unscheduleIfCompleted(tx: Db, id: number): Promise<void> {
  await tx.execute(
    sql`update sla_stage_clocks set next_at = null where id = ${id} and completed_at is not null`,
  );
}

export async function markBreached(tx: Db, id: number): Promise<void> {
  await tx.execute(sql`update sla_stage_clocks set breached_at = coalesce(breached_at, due_at)
    where id = ${id}`);
}

/** The report's last event's seq. */
export async function lastEventSeq(tx: Db, reportId: number): Promise<number | null> {
  const seq = await tx.execute(sql`select max(seq)::int as seq from events where report_id = ${reportId}`);
  const value = (seq.rows[0] as Row | undefined)?.seq;
  return value == null ? null : Number(value);
}
