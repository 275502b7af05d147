/** Builders for SLA tests: reports in an institution's queue, actions applied through the core and saveTransition. */
import {
  type Actor,
  applyAction,
  type LifecycleAction,
  openReport,
  type WorkingDayCalendar,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { holderOf } from '../../src/db/holders';
import type { Db } from '../../src/db/open';
import { loadReportState, saveTransition } from '../../src/db/postgres-lifecycle';
import { storeReportState } from './workflow-fixtures';

/** The core holder of an institution row. */
export async function holderById(db: Db, id: number) {
  const res = await db.execute(sql`select id, path, time_zone as "timeZone", region_code as "regionCode"
    from institutions where id = ${id}`);
  return holderOf(res.rows[0] as { id: number; path: number[]; timeZone: string; regionCode: string | null });
}

/** Files a report into `institutionId`'s queue at `at` (intake projects its verify clock). */
export async function fileInto(db: Db, calendar: WorkingDayCalendar, institutionId: number, at: Date) {
  const requested = await holderById(db, institutionId);
  const opened = openReport(
    { id: 'pending', type: 'complaint', reporterId: 'guest:pending', requested },
    { id: 'guest:pending', role: 'guest', institutionId: null },
    at,
    { calendar },
  );
  if (!opened.ok) throw new Error(opened.error.message);
  const cat = await db.execute(sql`select id from categories order by id limit 1`);
  const { trackingId } = await storeReportState(db, opened.report, {
    categoryId: (cat.rows[0] as { id: number }).id,
    at,
  });
  return trackingId;
}

/** Applies one action through the core at `at` and saves it; throws when the core refuses. */
export async function act(
  db: Db,
  calendar: WorkingDayCalendar,
  trackingId: string,
  action: LifecycleAction,
  actor: Actor,
  at: Date,
) {
  const stored = await loadReportState(db, trackingId);
  if (!stored) throw new Error(`no report ${trackingId}`);
  const result = applyAction(stored.state, action, actor, at, { calendar });
  if (!result.ok) throw new Error(`${action.type}: ${result.error.message}`);
  const saved = await saveTransition(db, trackingId, stored.updatedAt, result.report, result.events, at);
  if (!saved.ok) throw new Error(saved.reason);
  return result.report;
}

/** Actors of an institution for core actions. */
export function staffOf(institutionId: number) {
  const inst = String(institutionId);
  return {
    coordinator: { id: `coord-${inst}`, role: 'coordinator', institutionId: inst } as Actor,
    liaison: { id: `liaison-${inst}`, role: 'liaison_officer', institutionId: inst } as Actor,
  };
}

/** The sweep's notices of a report, oldest first. */
export async function noticesOf(db: Db, trackingId: string) {
  const res = await db.execute(sql`select kind, level, stage, recipient,
      recipient_institution_id as "recipientInstitutionId",
      to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at,
      to_char(recorded_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as "recordedAt", event_seq as "eventSeq"
    from sla_notices where tracking_id = ${trackingId} order by at, id`);
  return res.rows as {
    kind: string;
    level: number;
    stage: string;
    recipient: string;
    recipientInstitutionId: number | null;
    at: string;
    recordedAt: string;
    eventSeq: number | null;
  }[];
}

/** The stage rows of a report, oldest first. */
export async function stagesOf(db: Db, trackingId: string) {
  const res = await db.execute(sql`select s.stage, s.due_at as "dueAt", s.paused_at as "pausedAt",
      s.completed_at as "completedAt", s.breached_at as "breachedAt", s.escalation_level as "escalationLevel",
      s.paused_ms::float8 as "pausedMs", jsonb_array_length(s.paused_intervals) as pauses, s.next_at as "nextAt"
    from sla_stage_clocks s join reports r on r.id = s.report_id where r.tracking_id = ${trackingId}
    order by s.started_at, s.id`);
  const d = (v: unknown) => (v == null ? null : new Date(v as string).toISOString());
  return (res.rows as Record<string, unknown>[]).map((r) => ({
    stage: r.stage as string,
    dueAt: d(r.dueAt),
    pausedAt: d(r.pausedAt),
    completedAt: d(r.completedAt),
    breachedAt: d(r.breachedAt),
    escalationLevel: Number(r.escalationLevel),
    pausedMs: Number(r.pausedMs),
    pauses: Number(r.pauses),
    nextAt: d(r.nextAt),
  }));
}

/** The report's event actions in order. */
export async function actionsOf(db: Db, trackingId: string) {
  const res = await db.execute(sql`select e.action from events e join reports r on r.id = e.report_id
    where r.tracking_id = ${trackingId} order by e.seq`);
  return (res.rows as { action: string }[]).map((r) => r.action);
}
