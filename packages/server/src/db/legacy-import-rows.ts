/**
 * The rows an imported report writes (issue 15), computed in process for the bulk writer: the report row, its
 * hash-chained events, its stage clocks, its fact, its rollup contribution and its activity — each by the same core
 * rules the per-transition projectors apply (stageClockRows, reportFactOf, custodyStages, rollupChange,
 * activityRows). The stage clocks are merged step by step exactly as postgres-stage-clocks.ts merges them in SQL;
 * test/db/legacy-import-rows.test.ts holds a bulk-imported report's rows equal to the per-transition path's.
 */
import {
  activeStages,
  activityRows,
  breachCheckAt,
  type CompletedStage,
  type CounterVector,
  counterVector,
  custodyStages,
  type ImportedReport,
  INSTITUTION_STAGES,
  type LifecycleEvent,
  type ReportFact,
  reportFactOf,
  rollupChange,
  type StageClockRow,
  stageClockRows,
  type WorkingDays,
} from '@pintu/core';
import { chainedContent, eventHash } from './event-chain';

/** A `sla_stage_clocks` row with the columns the sweep later fills (reminded_at stays null: no sweep ran). */
export interface ClockRow extends StageClockRow {
  pausedIntervals: { from: string; to: string }[];
  pausedMs: number;
  breachedAt: Date | null;
  completedAt: Date | null;
}

export interface EventRow {
  seq: number;
  action: string;
  actorId: string | null;
  actorRole: string;
  institutionId: number | null;
  at: Date;
  fromStatus: string | null;
  toStatus: string | null;
  payload: Record<string, unknown>;
  prevHash: string | null;
  hash: string;
}

/** Everything one imported report writes. */
export interface ImportRows {
  events: EventRow[];
  clocks: ClockRow[];
  /** The fact and its stage counts, or null (not received by anyone: no fact, as intake writes none). */
  fact: { fact: ReportFact; stages: Record<string, number>; counters: CounterVector } | null;
  activity: ReturnType<typeof activityRows>;
  updatedAt: Date;
}

const same = (a: Date, b: Date) => a.getTime() === b.getTime();

/** Merges a state's clocks into the rows at `at`, as `projectStageClocks` does in SQL. */
function projectClocks(rows: ClockRow[], step: ImportedReport['steps'][number]) {
  const { state, at } = step;
  const active = activeStages(state);
  for (const r of rows) {
    if (r.completedAt !== null || active.some((a) => a.stage === r.stage && same(a.startedAt, r.startedAt)))
      continue;
    r.completedAt = at;
    r.nextAt = null;
    r.breachedAt ??= r.dueAt.getTime() < at.getTime() ? r.dueAt : null;
    unpause(r, at);
  }
  const find = (c: StageClockRow) => rows.find((r) => r.stage === c.stage && same(r.startedAt, c.startedAt));
  const fresh = (c: StageClockRow): ClockRow => ({
    ...c,
    pausedIntervals: [],
    pausedMs: 0,
    breachedAt: null,
    completedAt: null,
  });
  const { paused, running } = stageClockRows(state);
  if (paused) {
    const r = find(paused);
    if (!r) rows.push(fresh(paused));
    else {
      r.pausedAt ??= paused.pausedAt;
      r.remainingDays = paused.remainingDays;
      r.nextAt = null;
      r.escalationLevel = Math.max(r.escalationLevel, paused.escalationLevel);
    }
  }
  if (!running) return;
  const r = find(running);
  if (!r) {
    rows.push(fresh(running));
    return;
  }
  const wasPaused = r.pausedAt !== null && r.pausedAt.getTime() < r.dueAt.getTime();
  Object.assign(r, {
    holderInstitutionId: running.holderInstitutionId,
    timeZone: running.timeZone,
    regionCode: running.regionCode,
    dueAt: running.dueAt,
    escalationLevel: Math.max(r.escalationLevel, running.escalationLevel),
    anchorAt: wasPaused ? at : r.anchorAt,
    anchorDays: wasPaused ? (r.remainingDays ?? 0) : r.anchorDays,
  });
  unpause(r, at);
  r.completedAt = null;
  // No reminder was sent (no sweep ran in between), so the next look is core's reminder instant.
  const next = running.nextAt ?? breachCheckAt(running.dueAt);
  r.nextAt = r.nextAt === null || next.getTime() < r.nextAt.getTime() ? next : r.nextAt;
}

function unpause(r: ClockRow, at: Date) {
  if (r.pausedAt === null) return;
  r.pausedMs += Math.max(0, at.getTime() - r.pausedAt.getTime());
  r.pausedIntervals = [...r.pausedIntervals, { from: r.pausedAt.toISOString(), to: at.toISOString() }];
  r.pausedAt = null;
}

/** The rows of one imported report; `calendar` counts its follow-up working days. */
export function importRows(r: ImportedReport, calendar: WorkingDays): ImportRows {
  const events: EventRow[] = [];
  let prev: string | null = null;
  for (const step of r.steps)
    for (const e of step.events) {
      const row = chained(r.trackingId, events.length + 1, e, prev);
      events.push(row);
      prev = row.hash;
    }
  const clocks: ClockRow[] = [];
  let updatedAt = r.steps[0]!.at;
  for (const [i, step] of r.steps.entries()) {
    projectClocks(clocks, step);
    // record-transition's version: strictly increasing, so two changes in one millisecond still differ.
    if (i > 0) updatedAt = new Date(Math.max(step.at.getTime(), updatedAt.getTime() + 1));
  }
  const completed: CompletedStage[] = clocks
    .filter((c) => c.completedAt !== null && (INSTITUTION_STAGES as readonly string[]).includes(c.stage))
    .map((c) => ({
      stage: c.stage,
      holderId: c.holderInstitutionId === null ? null : String(c.holderInstitutionId),
      startedAt: c.startedAt,
      completedAt: c.completedAt!,
      breached: c.breachedAt !== null,
    }));
  const fact = reportFactOf(r.final, calendar);
  const stages = custodyStages(r.final, completed);
  const change = rollupChange(null, fact, stages);
  return {
    events,
    clocks,
    fact: change.save ? { fact, stages, counters: counterVector(fact, stages) } : null,
    activity: activityRows(r.steps.flatMap((s) => s.events)),
    updatedAt,
  };
}

function chained(trackingId: string, seq: number, e: LifecycleEvent, prev: string | null): EventRow {
  const content = chainedContent(trackingId, seq, e);
  const { payload } = content;
  // Written out, not spread: one fixed shape per event row.
  return {
    seq,
    action: content.action,
    actorId: content.actorId,
    actorRole: content.actorRole,
    institutionId: content.institutionId,
    at: content.at,
    fromStatus: content.fromStatus,
    toStatus: content.toStatus,
    payload,
    prevHash: prev,
    hash: eventHash(prev, content),
  };
}
