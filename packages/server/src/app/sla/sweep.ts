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
  nextStep,
  type SlaTable,
  STAFF_STAGES,
  type Step,
  SYSTEM_ACTOR,
  type WorkingDayCalendar,
} from '@pintu/core';
import type { Db } from '../../db/open';
import { loadReportState, type StoredReport, saveTransition } from '../../db/postgres-lifecycle';
import {
  dueStages,
  insertSlaNotice,
  lastEventSeq,
  lockReportSkipLocked,
  markBreached,
  markReminded,
  readStage,
  type SweepStage,
  setStageNextAt,
  unscheduleIfCompleted,
} from '../../db/postgres-sla-sweep';
import { yieldToRequests } from '../../db/yield-to-requests';
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

type Row = SweepStage;

/** The due-item query lives with the other statements; bench/sla-sweep.ts measures it from here. */
export { dueItemsQuery } from '../../db/postgres-sla-sweep';

const HOUR_MS = 3_600_000;

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
    const items = await dueStages(deps.db, now, batch);
    let progress = 0;
    for (const item of items) {
      // Stopping between items is safe: each item is its own transaction, the rest is found next time.
      if (opts.shouldStop?.()) return total;
      await yieldToRequests();
      const done = await processItem(deps, item, now, total).catch(async (err) => {
        // One failing item must not block the others every minute: it is looked at again in an hour.
        console.error(`[sla] stage ${item.id} failed`, err);
        await setStageNextAt(deps.db, item.id, new Date(now.getTime() + HOUR_MS));
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
    const trackingId = await lockReportSkipLocked(tx, item.reportId);
    if (trackingId === null) return false;
    total.processed += 1;
    const calendar = deps.calendar();
    const sla = deps.sla ?? DEFAULT_SLA;
    for (;;) {
      const row = await readStage(tx, item.id);
      if (!row) return true;
      const step = nextStep(row, calendar, sla);
      if (!step || step.at.getTime() > now.getTime()) {
        await setStageNextAt(tx, row.id, step?.at ?? null);
        return true;
      }
      const report = await loadReportState(tx, trackingId);
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
  return insertSlaNotice(tx, {
    stageClockId: row.id,
    reportId: report.id,
    trackingId: report.trackingId,
    stage: row.stage,
    kind: n.kind,
    level: n.level,
    recipient: n.recipient,
    institutionId: n.institutionId,
    dueAt: row.dueAt,
    at: n.at,
    recordedAt: now,
    eventSeq: n.seq,
  });
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
    await markReminded(tx, row.id, step.at);
    return 'next';
  }
  if (!sameClock(report, row)) {
    // The row is not the report's running clock (written by an older path): project the report again.
    await projectStageClocks(tx, report.id, report.state, now);
    await unscheduleIfCompleted(tx, row.id);
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
    await setStageNextAt(tx, row.id, new Date(now.getTime() + HOUR_MS));
    return 'stop';
  }
  const eventSeq = await lastEventSeq(tx, report.id);
  const payload = result.events[0]!.payload as {
    level?: number;
    notify?: string;
    notifyInstitutionId?: string;
  };
  if (step.kind === 'escalation') {
    await markBreached(tx, row.id);
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
