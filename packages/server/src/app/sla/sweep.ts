/**
 * The SLA sweep: at `now`, every open stage whose next instant has come gets its reminder, escalation,
 * auto-resolve or auto-archive — each exactly once, in order of due time, each step at its own scheduled instant
 * (so a sweep after downtime gives the same result as sweeps on time). Safe with any number of sweepers on one
 * database: each report is processed under its row lock (taken `skip locked`, the same lock every writer of the
 * report takes first), the stage row is re-read under it, and `sla_notices` is unique per (stage, kind, level).
 * Nothing here depends on when it runs: a scheduler only calls `sweep(now)`.
 */
import {
  type Actor,
  applyAction,
  DEFAULT_SLA,
  type LifecycleAction,
  type SlaTable,
  STAFF_STAGES,
  SYSTEM_ACTOR,
  type WorkingDayCalendar,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { loadReportState, type StoredReport, saveTransition } from '../../db/postgres-lifecycle';
import { yieldToRequests } from '../../db/yield-to-requests';
import { type ClockRow, nextStep, type Step } from './schedule';
import { resolveSplitParent } from './split-parent';
import { projectStageClocks } from './stage-clocks';

export interface SweepDeps {
  db: Db;
  calendar: () => WorkingDayCalendar;
  sla?: SlaTable;
}

export interface SweepResult {
  /** Stage rows looked at under their report's lock. */
  processed: number;
  reminders: number;
  escalations: number;
  autoResolved: number;
  autoArchived: number;
  /** Candidates left to another sweeper (or a writer) holding the report's lock. */
  skipped: number;
}

interface Row extends ClockRow {
  id: number;
  reportId: number;
  holderInstitutionId: number | null;
}

/** The due-item query (bench/sla-sweep.ts measures it): open, unpaused stages whose next instant has come. */
export const dueItemsQuery = (now: Date, limit: number) =>
  sql`select id::int as id, report_id::int as "reportId" from sla_stage_clocks
    where next_at <= ${now.toISOString()}::timestamptz order by next_at, id limit ${limit}`;

const ROW = sql`select id::int as id, report_id::int as "reportId", stage, time_zone as "timeZone",
  region_code as "regionCode", holder_institution_id as "holderInstitutionId", started_at as "startedAt",
  due_at as "dueAt", paused_at as "pausedAt", completed_at as "completedAt", escalation_level as "escalationLevel",
  reminded_at as "remindedAt", next_at as "nextAt" from sla_stage_clocks`;

const dateOrNull = (v: unknown) => (v == null ? null : new Date(v as string));

async function readRow(tx: Db, id: number): Promise<Row | null> {
  const res = await tx.execute(sql`${ROW} where id = ${id}`);
  const r = res.rows[0] as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    ...(r as unknown as Row),
    startedAt: new Date(r.startedAt as string),
    dueAt: new Date(r.dueAt as string),
    pausedAt: dateOrNull(r.pausedAt),
    completedAt: dateOrNull(r.completedAt),
    remindedAt: dateOrNull(r.remindedAt),
    escalationLevel: Number(r.escalationLevel),
  };
}

/** Sweeps until nothing is due at `now` (or only items another process holds are left). */
export async function sweep(
  deps: SweepDeps,
  now: Date,
  opts: { batch?: number; shouldStop?: () => boolean } = {},
): Promise<SweepResult> {
  const total: SweepResult = {
    processed: 0,
    reminders: 0,
    escalations: 0,
    autoResolved: 0,
    autoArchived: 0,
    skipped: 0,
  };
  const batch = opts.batch ?? 200;
  for (;;) {
    const res = await deps.db.execute(dueItemsQuery(now, batch));
    const items = res.rows as { id: number; reportId: number }[];
    let progress = 0;
    for (const item of items) {
      // Stopping between items is safe: each item is its own transaction, the rest is found next time.
      if (opts.shouldStop?.()) return total;
      await yieldToRequests();
      const done = await processItem(deps, item, now, total).catch(async (err) => {
        // One failing item must not block the others every minute: it is looked at again in an hour.
        console.error(`[sla] stage ${item.id} failed`, err);
        await deps.db.execute(sql`update sla_stage_clocks
          set next_at = ${new Date(now.getTime() + 3_600_000).toISOString()} where id = ${item.id}`);
        return true;
      });
      if (done) progress += 1;
      else total.skipped += 1;
    }
    if (items.length < batch || progress === 0) return total;
  }
}

/** One stage under its report's lock; false when another transaction holds the report. */
async function processItem(
  deps: SweepDeps,
  item: { id: number; reportId: number },
  now: Date,
  total: SweepResult,
): Promise<boolean> {
  return deps.db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const lock = await tx.execute(
      sql`select tracking_id as "trackingId" from reports where id = ${item.reportId} for update skip locked`,
    );
    const locked = lock.rows[0] as { trackingId: string } | undefined;
    if (!locked) return false;
    total.processed += 1;
    const calendar = deps.calendar();
    const sla = deps.sla ?? DEFAULT_SLA;
    for (;;) {
      const row = await readRow(tx, item.id);
      if (!row) return true;
      const step = nextStep(row, calendar, sla);
      if (!step || step.at.getTime() > now.getTime()) {
        await tx.execute(sql`update sla_stage_clocks set next_at = ${step?.at.toISOString() ?? null}
          where id = ${row.id}`);
        return true;
      }
      const report = await loadReportState(tx, locked.trackingId);
      if (!report) return true;
      if ((await applyStep(tx, deps, report, row, step, now, total)) === 'stop') return true;
    }
  });
}

/**
 * Who an escalation notice is for, as enqueue.ts addresses it: a holder without an institution is the national
 * queue, whose escalations go to the national admins and oversight.
 */
const recipientOf = (notify: string, institutionId: unknown) =>
  notify === 'holder' && (institutionId === null || institutionId === undefined)
    ? 'national_admin_and_oversight'
    : notify;

const sameClock = (report: StoredReport, row: Row) =>
  report.state.clock?.stage === row.stage &&
  report.state.clock.startedAt.getTime() === row.startedAt.getTime();

async function notice(
  tx: Db,
  report: StoredReport,
  row: Row,
  n: {
    kind: string;
    level: number;
    recipient: string;
    institutionId: number | null;
    at: Date;
    seq: number | null;
  },
  now: Date,
): Promise<boolean> {
  const res =
    await tx.execute(sql`insert into sla_notices (stage_clock_id, report_id, tracking_id, stage, kind,
      level, recipient, recipient_institution_id, due_at, at, recorded_at, event_seq)
    values (${row.id}, ${report.id}, ${report.trackingId}, ${row.stage}, ${n.kind}, ${n.level}, ${n.recipient},
      ${n.institutionId}, ${row.dueAt.toISOString()}, ${n.at.toISOString()}, ${now.toISOString()}, ${n.seq})
    on conflict (stage_clock_id, kind, level) do nothing returning id`);
  return res.rows.length > 0;
}

async function applyStep(
  tx: Db,
  deps: SweepDeps,
  report: StoredReport,
  row: Row,
  step: Step,
  now: Date,
  total: SweepResult,
): Promise<'stop' | 'next'> {
  if (step.kind === 'reminder') {
    const staff = STAFF_STAGES.includes(row.stage);
    const inserted = await notice(
      tx,
      report,
      row,
      {
        kind: 'reminder',
        level: 0,
        // The national queue's holder is the national admin: the notice names them rather than no institution.
        recipient: !staff ? 'reporter' : row.holderInstitutionId === null ? 'national_admin' : 'holder',
        institutionId: staff ? row.holderInstitutionId : null,
        at: step.at,
        seq: null,
      },
      now,
    );
    if (inserted) total.reminders += 1;
    await tx.execute(
      sql`update sla_stage_clocks set reminded_at = ${step.at.toISOString()} where id = ${row.id}`,
    );
    return 'next';
  }
  if (!sameClock(report, row)) {
    // The row is not the report's running clock (written by an older path): project the report again.
    await projectStageClocks(tx, report.id, report.state, now);
    await tx.execute(
      sql`update sla_stage_clocks set next_at = null where id = ${row.id} and completed_at is not null`,
    );
    return 'next';
  }
  const action: LifecycleAction = { type: step.kind === 'escalation' ? 'escalate' : step.kind };
  const result = applyAction(report.state, action, SYSTEM_ACTOR as Actor, step.at, {
    calendar: deps.calendar(),
    sla: deps.sla ?? DEFAULT_SLA,
  });
  const saved = result.ok
    ? await saveTransition(tx, report.trackingId, null, result.report, result.events, now)
    : null;
  if (!result.ok || !saved?.ok) {
    // The core refuses (it should not): look again in an hour rather than spin; the refusal is in the log.
    const why = result.ok ? 'not saved' : result.error.message;
    console.error(`[sla] ${action.type} refused for ${report.trackingId}: ${why}`);
    await tx.execute(sql`update sla_stage_clocks set next_at = ${new Date(now.getTime() + 3_600_000).toISOString()}
      where id = ${row.id}`);
    return 'stop';
  }
  const seq = await tx.execute(sql`select max(seq)::int as seq from events where report_id = ${report.id}`);
  const eventSeq = (seq.rows[0] as { seq: number }).seq;
  const payload = result.events[0]!.payload as {
    level?: number;
    notify?: string;
    notifyInstitutionId?: string;
  };
  if (step.kind === 'escalation') {
    await tx.execute(sql`update sla_stage_clocks set breached_at = coalesce(breached_at, due_at)
      where id = ${row.id}`);
    const ok = await notice(
      tx,
      report,
      row,
      {
        kind: 'escalation',
        level: payload.level ?? step.level,
        recipient: recipientOf(payload.notify ?? 'holder', payload.notifyInstitutionId),
        // Level 3 (and a national-queue holder) has no single institution: the holder's, the oversight's scope.
        institutionId: payload.notifyInstitutionId
          ? Number(payload.notifyInstitutionId)
          : row.holderInstitutionId,
        at: step.at,
        seq: eventSeq,
      },
      now,
    );
    if (ok) total.escalations += 1;
    return 'next';
  }
  await notice(
    tx,
    report,
    row,
    { kind: step.kind, level: 0, recipient: 'reporter', institutionId: null, at: step.at, seq: eventSeq },
    now,
  );
  if (step.kind === 'auto_resolve') total.autoResolved += 1;
  else total.autoArchived += 1;
  // The last child of a split to close resolves its parent, as when a person closes it.
  if (result.report.parentId)
    await resolveSplitParent(tx, deps.calendar(), result.report.parentId, step.at, now);
  return 'next';
}
