/** Effects of the routing actions: verify, dispose down, not our authority, hold, archive, escalate, split parents. */

import { nextProgramLevel } from '../programs/program';
import { firstCustody, moveHolder, startClock } from './clock';
import { compact, type Effect, type EffectEnv, type Handlers, makeEvent } from './effect';
import { copyHolder, type Holder, NATIONAL_QUEUE } from './holder';
import { escalationLevelFor } from './sla';
import type { ReportState } from './state';

/** A child report of a split, dispositioned to one target with its own acknowledge clock. */
function childReport(parent: ReportState, target: Holder, id: string, env: EffectEnv): ReportState {
  const clock = startClock('acknowledge', env.sla.acknowledge, env.now, target, env.ctx.calendar);
  return {
    ...structuredClone(parent),
    id,
    status: 'dispositioned',
    holder: copyHolder(target),
    parentId: parent.id,
    childIds: [],
    dispositionedAt: env.now,
    // A split happens before anyone handled the report; the child starts its holder's custody with nothing done.
    acknowledgedAt: null,
    firstFollowUpAt: null,
    reopenCount: 0,
    clock,
    pausedClock: null,
    previousStatus: null,
    hops: 0,
    custody: firstCustody(target, env.now),
  };
}

function closeCustody(next: ReportState, env: EffectEnv): void {
  const open = next.custody.at(-1);
  if (open && open.to === null) {
    const { timeZone, regionCode } = next.holder;
    open.to = env.now;
    open.workingDays = env.ctx.calendar.elapsedWorkingDays(open.from, env.now, timeZone, regionCode);
  }
}

/** Handlers of the routing actions. */
export const ROUTING_HANDLERS: Handlers<
  | 'verify'
  | 'dispose_down'
  | 'not_our_authority'
  | 'hold'
  | 'answer_hold'
  | 'archive'
  | 'auto_archive'
  | 'escalate'
  | 'resolve_parent'
  | 'raise_level'
> = {
  verify(next, action, env) {
    const targetIds = action.targets.map((t) => t.institutionId);
    if (action.targets.length === 1) {
      moveHolder(next, action.targets[0]!, env.now, env.ctx.calendar);
      next.dispositionedAt = env.now;
      return { payload: compact({ targetIds, note: action.note }) };
    }
    // Several institutions: one linked child each, each with its own lifecycle (domain.md §5).
    const newId = env.ctx.newReportId!;
    const created = action.targets.map((target) => childReport(env.before, target, newId(), env));
    next.childIds = created.map((child) => child.id);
    closeCustody(next, env);
    const events = created.map((child) =>
      makeEvent(child, 'verify', env.actor, env.now, null, 'dispositioned', {
        parentId: next.id,
        dueAt: child.clock!.dueAt.toISOString(),
      }),
    );
    return { payload: compact({ targetIds, childIds: next.childIds, note: action.note }), created, events };
  },

  dispose_down(next, action, env) {
    // The stage clock does not restart: the institution still owes the same deadline (domain.md §5).
    moveHolder(next, action.unit, env.now, env.ctx.calendar);
    return { payload: compact({ unitId: action.unit.institutionId, note: action.note }) };
  },

  not_our_authority(next, action, env) {
    const target = action.target ?? null;
    moveHolder(next, target ?? NATIONAL_QUEUE, env.now, env.ctx.calendar);
    const spell = next.custody.at(-2);
    next.hops += 1;
    // A new custody: the next holder's facts are its own. What the returning holder did (acknowledged, followed up,
    // was reopened on) stays in its events and its staff activity, never in the new holder's figures (ADR 0009).
    next.dispositionedAt = target ? env.now : null;
    next.acknowledgedAt = null;
    next.firstFollowUpAt = null;
    next.reopenCount = 0;
    next.complexity = null;
    next.draft = null;
    return {
      payload: {
        reason: action.reason,
        targetId: target?.institutionId ?? null,
        hops: next.hops,
        // The days the returning holder kept the report are attributed to it (domain.md §5).
        heldWorkingDays: spell?.workingDays ?? 0,
      },
    };
  },

  hold: (_next, action) => ({ payload: { question: action.question } }),

  answer_hold: (_next, action) => ({ payload: { message: action.message } }),

  archive(next, action, env) {
    next.archivedAt = env.now;
    next.archiveReason = action.reason;
    next.duplicateOfId = action.reason === 'duplicate' ? (action.duplicateOfId ?? null) : null;
    return {
      payload: compact({
        reason: action.reason,
        duplicateOfId: next.duplicateOfId ?? undefined,
        note: action.note,
      }),
    };
  },

  auto_archive(next, _action, env) {
    next.archivedAt = env.now;
    next.archiveReason = 'no_response';
    return { payload: { reason: 'no_response' } };
  },

  escalate(next, _action, env): Effect {
    const clock = next.clock!;
    const { timeZone, regionCode } = next.holder;
    const overdue = env.ctx.calendar.elapsedWorkingDays(clock.dueAt, env.now, timeZone, regionCode);
    const level = escalationLevelFor(overdue, env.sla);
    clock.escalationLevel = level;
    // Level 2 goes to the parent institution's coordinator; a top-level holder has none, so the national admin.
    const parentId = next.holder.ancestorIds.at(-1) ?? null;
    const notify =
      level === 1
        ? 'holder'
        : level === 2 && parentId !== null
          ? 'parent_coordinator'
          : 'national_admin_and_oversight';
    const notifyInstitutionId = level === 1 ? next.holder.institutionId : level === 2 ? parentId : null;
    return {
      payload: {
        stage: clock.stage,
        dueAt: clock.dueAt.toISOString(),
        overdueWorkingDays: overdue,
        level,
        notify,
        notifyInstitutionId,
      },
    };
  },

  raise_level(next, action, env) {
    const program = next.program!;
    const from = program.level;
    const to = nextProgramLevel(program)!;
    const days = program.levels.find((l) => l.level === to)!.deadlineDays;
    moveHolder(next, action.target, env.now, env.ctx.calendar);
    const spell = next.custody.at(-2);
    // A new custody, as with a forward (ADR 0009): the next level's facts are its own. Not a hop: the program's
    // ladder, not a dispute about authority, sends it there.
    next.dispositionedAt = env.now;
    next.acknowledgedAt = null;
    next.firstFollowUpAt = null;
    next.reopenCount = 0;
    next.complexity = null;
    next.draft = null;
    const { timeZone, regionCode } = next.holder;
    next.program = {
      ...program,
      levels: program.levels.map((l) => ({ ...l })),
      level: to,
      levelDueAt: env.ctx.calendar.addWorkingDays(env.now, days, timeZone, regionCode),
    };
    return {
      payload: {
        reason: action.reason,
        targetId: action.target.institutionId,
        fromLevel: from,
        toLevel: to,
        levelDueAt: next.program.levelDueAt.toISOString(),
        heldWorkingDays: spell?.workingDays ?? 0,
      },
    };
  },

  resolve_parent(next, _action, env) {
    next.resolvedAt = env.now;
    next.reopenUntil = null;
    next.ratingUntil = null;
    return { payload: { childIds: next.childIds } };
  },
};
