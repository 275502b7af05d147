/**
 * A legacy app's report in Pintu's lifecycle (issue 15): the actions that take a report from its filing to the end
 * state a legacy export records, applied by `openReport` and `applyAction` — the same rules as every live
 * transition — at the legacy dates, so its events, deadlines and evaluation are what Pintu would have recorded.
 */
import type { ArchiveReason, LifecycleAction } from '../lifecycle/actions';
import { applyAction } from '../lifecycle/apply-action';
import type { Holder } from '../lifecycle/holder';
import { openReport } from '../lifecycle/open-report';
import type { SlaTable } from '../lifecycle/sla';
import type { LifecycleEvent, ReportState } from '../lifecycle/state';
import type { WorkingDays } from '../lifecycle/working-days';
import type { Actor } from '../policy/roles';
import type { ComplexityClass, ReportStatus, ReportType } from '../report/report';

/** One legacy report as the importer read it: its end state and the dates the export holds. */
export interface LegacyReport {
  /** The tracking id it gets here. */
  id: string;
  type: ReportType;
  /** The legacy app (the mapping's `source`) and its own id for the report. */
  source: string;
  legacyId: string;
  status: ReportStatus;
  /** The institution it was addressed to (mapped from the legacy agency); null only for `submitted`, `archived`. */
  holder: Holder | null;
  filedAt: Date;
  dispositionedAt: Date | null;
  acknowledgedAt: Date | null;
  followUpAt: Date | null;
  /** When the legacy app closed it (resolved, archived) or put it on hold. */
  closedAt: Date | null;
  complexity: ComplexityClass;
  archiveReason: ArchiveReason;
  /** The legacy follow-up text, when the export has one. */
  followUpMessage: string | null;
}

/** The state after each recorded change, with its events: the stage clocks are projected from these. */
export interface LegacyStep {
  state: ReportState;
  events: LifecycleEvent[];
  at: Date;
}

/** Why a legacy report cannot enter the lifecycle. */
export type LegacyRefusal = 'agency_missing' | 'future_date' | 'date_order' | 'lifecycle';

export type LegacyHistory =
  | {
      ok: true;
      /** The filing first, then one step per action. */
      steps: LegacyStep[];
      final: ReportState;
      /**
       * Resolved in the legacy app less than the reporter's window after its follow-up, and that window is still
       * open now: it waits in `awaiting_reporter` and the sweep resolves it when the window ends.
       */
      awaitingAutoResolve: boolean;
    }
  | { ok: false; code: LegacyRefusal; message: string };

const refuse = (code: LegacyRefusal, message: string): LegacyHistory => ({ ok: false, code, message });
const ORDER: ReportStatus[] = ['submitted', 'dispositioned', 'in_progress', 'awaiting_reporter', 'resolved'];
const reached = (status: ReportStatus, stage: ReportStatus) =>
  ORDER.indexOf(status) >= ORDER.indexOf(stage) && ORDER.includes(status);

/**
 * The history of `r`, recorded at its legacy dates (a missing date is the one before it). The filing is the system's
 * (the importer files for a reporter it does not know); verification and archiving are the addressed institution's
 * coordinator, acknowledgement and follow-up its liaison officer — each actor id names the legacy app. A legacy
 * resolution becomes `auto_resolve`: the reporter accepted nothing here. Its time is the legacy one when the
 * reporter's window had ended by then, otherwise the end of that window (the earliest Pintu resolves).
 */
export function legacyHistory(
  r: LegacyReport,
  now: Date,
  ctx: { calendar: WorkingDays; sla?: SlaTable },
): LegacyHistory {
  const who = `import:${r.source}`;
  const dates = [r.filedAt, r.dispositionedAt, r.acknowledgedAt, r.followUpAt, r.closedAt];
  if (dates.some((d) => d !== null && d.getTime() > now.getTime()))
    return refuse('future_date', 'a date is in the future');
  if (r.holder === null && r.status !== 'submitted' && r.status !== 'archived')
    return refuse('agency_missing', `a ${r.status} report needs the institution that handled it`);
  const filer: Actor = { id: who, role: 'system', institutionId: null };
  const opened = openReport(
    { id: r.id, type: r.type, reporterId: who, requested: r.holder },
    filer,
    r.filedAt,
    ctx,
  );
  if (!opened.ok) return refuse('lifecycle', opened.error.message);
  // The legacy reference travels with the first event, so the log itself says where the report came from.
  const first = { ...opened.events[0]!, actorId: who };
  first.payload = { ...first.payload, legacySource: r.source, legacyId: r.legacyId };
  const steps: LegacyStep[] = [{ state: opened.report, events: [first], at: r.filedAt }];
  let state = opened.report;
  let last = r.filedAt;
  const inst = r.holder?.institutionId ?? null;
  // Without an institution only the national queue's verifier can archive it.
  const coordinator: Actor = { id: who, role: inst ? 'coordinator' : 'national_admin', institutionId: inst };
  const liaison: Actor = { id: who, role: 'liaison_officer', institutionId: inst };
  const apply = (action: LifecycleAction, actor: Actor, at: Date | null): string | null => {
    const when = at ?? last;
    if (when.getTime() < last.getTime()) return 'date_order';
    const res = applyAction(state, action, actor, when, ctx);
    if (!res.ok) return res.error.message;
    state = res.report;
    last = when;
    steps.push({ state, events: res.events, at: when });
    return null;
  };
  const note = `Dicatat dari ${r.source} (impor data lama).`;
  const fail = (why: string | null): LegacyHistory | null =>
    why === null
      ? null
      : why === 'date_order'
        ? refuse('date_order', 'the dates are not in lifecycle order (filed ≤ dispositioned ≤ … ≤ closed)')
        : refuse('lifecycle', why);

  if (r.status === 'archived') {
    const archived = fail(apply({ type: 'archive', reason: r.archiveReason }, coordinator, r.closedAt));
    return archived ?? { ok: true, steps, final: state, awaitingAutoResolve: false };
  }
  if (r.status !== 'submitted') {
    const verified = fail(apply({ type: 'verify', targets: [r.holder!] }, coordinator, r.dispositionedAt));
    if (verified) return verified;
  }
  if (r.status === 'on_hold') {
    const held = fail(apply({ type: 'hold', question: note }, coordinator, r.closedAt));
    return held ?? { ok: true, steps, final: state, awaitingAutoResolve: false };
  }
  if (reached(r.status, 'in_progress')) {
    const ack = { type: 'acknowledge', complexity: r.complexity, message: note } as const;
    const acknowledged = fail(apply(ack, liaison, r.acknowledgedAt));
    if (acknowledged) return acknowledged;
  }
  if (reached(r.status, 'awaiting_reporter')) {
    const message =
      r.followUpMessage?.trim() || `Tindak lanjut tercatat di ${r.source}; teksnya tidak diekspor.`;
    const followedUp = fail(apply({ type: 'post_follow_up', message }, liaison, r.followUpAt ?? r.closedAt));
    if (followedUp) return followedUp;
  }
  if (r.status === 'resolved') {
    const closed = r.closedAt ?? last;
    if (closed.getTime() < last.getTime()) return fail('date_order')!;
    // The reporter's window (core's reporter_response stage) must have ended: auto_resolve's own guard.
    const windowEnd = new Date(state.clock!.dueAt.getTime() + 1);
    const at = closed.getTime() > windowEnd.getTime() ? closed : windowEnd;
    if (at.getTime() > now.getTime()) return { ok: true, steps, final: state, awaitingAutoResolve: true };
    const resolved = fail(apply({ type: 'auto_resolve' }, { ...filer }, at));
    if (resolved) return resolved;
  }
  return { ok: true, steps, final: state, awaitingAutoResolve: false };
}
