/**
 * One generated report's history, built by the core's own rules: `openReport` at its filing, then each planned
 * action through `applyAction` at its instant, with the SLA sweep in between — reminders, escalations,
 * auto-resolve and auto-archive at the instants core's `nextStep` gives, exactly as app/sla/sweep.ts applies them —
 * up to `now`. So the stored state, its events and its stage clocks are what the server would hold had it lived
 * through that history with the sweep running every minute, and the server's first sweep finds nothing due.
 */
import {
  type Actor,
  applyAction,
  type Holder,
  type LegacyStep,
  type LifecycleAction,
  type LifecycleEvent,
  nextStep,
  openReport,
  type ReportState,
  type ReportType,
  STAFF_STAGES,
  SYSTEM_ACTOR,
  type TimeZone,
  type WorkingDays,
} from '@pintu/core';

/** A planned action: applied at `at` unless the sweep has moved the report on (then the plan ends there). */
export interface ScriptStep {
  at: number;
  action: LifecycleAction;
  actor: Actor;
}

/** What the sweep recorded in `sla_notices` (its stage row is found by stage and start). */
export interface SweepNotice {
  stageKey: string;
  kind: 'reminder' | 'escalation' | 'auto_resolve' | 'auto_archive';
  level: number;
  recipient: string;
  institutionId: number | null;
  dueAt: Date;
  at: Date;
  /** The event the step wrote (null for a reminder). */
  seq: number | null;
}

export interface History {
  steps: LegacyStep[];
  final: ReportState;
  /** The sweep's columns per stage row (`stage|startedAt ms`): reminded_at, and breached_at of an escalation. */
  reminded: Map<string, Date>;
  breached: Map<string, Date>;
  notices: SweepNotice[];
  /** The planned action the lifecycle refused, if any (a bug in the plan: counted and shown by the generator). */
  refused: string | null;
}

export interface Opening {
  id: string;
  type: ReportType;
  requested: Holder | null;
  at: number;
  channel: string;
}

export const stageKey = (stage: string, startedAt: Date) => `${stage}|${startedAt.getTime()}`;

const recipientOf = (notify: string, institutionId: unknown) =>
  notify === 'holder' && (institutionId === null || institutionId === undefined)
    ? 'national_admin_and_oversight'
    : notify;

/** The history of one report, from its filing by a guest through `script`, swept up to `now`. */
export function buildHistory(
  open: Opening,
  script: readonly ScriptStep[],
  now: number,
  calendar: WorkingDays,
): History {
  const ctx = { calendar };
  const reporterId = `guest:${open.id}`;
  const guest: Actor = { id: reporterId, role: 'guest', institutionId: null };
  const opened = openReport(
    { id: open.id, type: open.type, reporterId, requested: open.requested },
    guest,
    new Date(open.at),
    ctx,
  );
  if (!opened.ok) throw new Error(`openReport: ${opened.error.message}`);
  // As intake stores it (app/reports/filing.ts): a guest's first event names no one, and says channel and queue.
  const e0 = opened.events[0]!;
  const first: LifecycleEvent = Object.assign({}, e0, {
    actorId: null as unknown as string,
    institutionId: null,
    payload: Object.assign({}, e0.payload, {
      channel: open.channel,
      queue: open.requested ? 'institution' : 'national',
    }),
  });
  let state = opened.report;
  let seq = 1;
  const steps: LegacyStep[] = [{ state, events: [first], at: new Date(open.at) }];
  const reminded = new Map<string, Date>();
  const breached = new Map<string, Date>();
  const notices: SweepNotice[] = [];
  let closedBySweep = false;

  const record = (next: ReportState, events: LifecycleEvent[], at: Date) => {
    // Events never name a guest (app/workflow/persist-action.ts withoutReporterId).
    for (const e of events) if (e.actorRole === 'guest') e.actorId = null as unknown as string;
    state = next;
    seq += events.length;
    steps.push({ state, events, at });
  };

  // The sweep's steps due before `until`, in order (app/sla/sweep.ts processItem/applyStep).
  const sweepUntil = (until: number) => {
    for (;;) {
      const c = state.clock;
      if (!c) return;
      const h = state.holder;
      const key = stageKey(c.stage, c.startedAt);
      const holderId = h.institutionId === null ? null : Number(h.institutionId);
      const step = nextStep(
        {
          stage: c.stage,
          timeZone: h.timeZone as TimeZone,
          regionCode: h.regionCode,
          startedAt: c.startedAt,
          dueAt: c.dueAt,
          pausedAt: null,
          completedAt: null,
          escalationLevel: c.escalationLevel,
          remindedAt: reminded.get(key) ?? null,
        },
        calendar,
      );
      if (!step || step.at.getTime() >= until) return;
      const base = { stageKey: key, dueAt: c.dueAt, at: step.at };
      if (step.kind === 'reminder') {
        const staff = STAFF_STAGES.includes(c.stage);
        reminded.set(key, step.at);
        notices.push({
          ...base,
          kind: 'reminder',
          level: 0,
          recipient: !staff ? 'reporter' : holderId === null ? 'national_admin' : 'holder',
          institutionId: staff ? holderId : null,
          seq: null,
        });
        continue;
      }
      const action: LifecycleAction = { type: step.kind === 'escalation' ? 'escalate' : step.kind };
      const res = applyAction(state, action, SYSTEM_ACTOR as Actor, step.at, ctx);
      if (!res.ok) throw new Error(`sweep ${action.type} refused: ${res.error.message}`);
      record(res.report, res.events, step.at);
      if (step.kind === 'escalation') {
        if (!breached.has(key)) breached.set(key, c.dueAt);
        const p = res.events[0]!.payload as { level?: number; notify?: string; notifyInstitutionId?: string };
        notices.push({
          ...base,
          kind: 'escalation',
          level: p.level ?? step.level,
          recipient: recipientOf(p.notify ?? 'holder', p.notifyInstitutionId),
          institutionId: p.notifyInstitutionId ? Number(p.notifyInstitutionId) : holderId,
          seq,
        });
      } else {
        notices.push({ ...base, kind: step.kind, level: 0, recipient: 'reporter', institutionId: null, seq });
        closedBySweep = true;
      }
    }
  };

  let refused: string | null = null;
  for (const s of script) {
    if (s.at > now) break;
    sweepUntil(s.at);
    const res = applyAction(state, s.action, s.actor.role === 'guest' ? guest : s.actor, new Date(s.at), ctx);
    if (!res.ok) {
      // The sweep got there first (auto-resolved, auto-archived): the plan ends, as a late person's would.
      if (!closedBySweep) refused = `${s.action.type} in ${state.status}: ${res.error.message}`;
      break;
    }
    record(res.report, res.events, new Date(s.at));
  }
  sweepUntil(now + 1);
  return { steps, final: state, reminded, breached, notices, refused };
}
