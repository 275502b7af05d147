/** Random walks through the lifecycle by random actors at random times: invariants that hold after every step. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indicatorRowOf } from '../indicators/report-fact';
import { ROLES } from '../policy/roles';
import { LIFECYCLE_ACTIONS, type LifecycleAction, type LifecycleActionName } from './actions';
import { applyAction } from './apply-action';
import { fakeWorkingDays } from './fake-working-days';
import { allowedActions } from './guards';
import { openReport } from './open-report';
import { STAGE_STATUS } from './sla';
import type { LifecycleEvent, ReportState } from './state';
import { LIFECYCLE } from './table';
import { actorOf, INST_A, INST_C, REPORTER_ID, submitted, UNIT_A1, UNIT_A2, wib } from './test-reports';

/** A program grievance with three levels, opened at inst-a. */
function programGrievance(at: Date): { report: ReportState; events: LifecycleEvent[] } {
  const levels = (['village', 'regency', 'province'] as const).map((level) => ({ level, deadlineDays: 5 }));
  const result = openReport(
    {
      id: 'r-1',
      type: 'complaint',
      reporterId: REPORTER_ID,
      requested: INST_A,
      program: { id: 'p', levels, countsInEvaluation: true },
    },
    actorOf('facilitator'),
    at,
    { calendar: fakeWorkingDays() },
  );
  if (!result.ok) throw new Error(result.error.message);
  return { report: result.report, events: result.events };
}

/** A payload valid for the report's current state, so availability alone decides the outcome. */
function payloadFor(action: LifecycleActionName, report: ReportState, split: boolean): LifecycleAction {
  const h = report.holder;
  switch (action) {
    case 'verify':
      return { type: 'verify', targets: split ? [UNIT_A1, UNIT_A2] : [INST_A] };
    case 'dispose_down': {
      const unit = {
        ...h,
        institutionId: `${h.institutionId}/u`,
        ancestorIds: [...h.ancestorIds, h.institutionId ?? ''],
      };
      return { type: 'dispose_down', unit };
    }
    case 'not_our_authority':
      return {
        type: 'not_our_authority',
        reason: 'elsewhere',
        target: split ? null : h.institutionId === 'inst-a' ? INST_C : INST_A,
      };
    case 'archive':
      return { type: 'archive', reason: report.status === 'on_hold' ? 'no_response' : 'too_general' };
    case 'acknowledge':
      return { type: 'acknowledge', complexity: split ? 'field_exam' : 'simple', message: 'ok' };
    case 'hold':
      return { type: 'hold', question: 'q' };
    case 'return_draft':
      return { type: 'return_draft', note: 'n' };
    case 'reopen':
      return { type: 'reopen', reason: 'r' };
    case 'raise_level':
      return { type: 'raise_level', reason: 'r', target: h.institutionId === 'inst-a' ? INST_C : INST_A };
    case 'flag':
      return { type: 'flag', reason: split ? 'abusive' : 'spam' };
    case 'accept':
    case 'rate':
      return { type: action, rating: split ? 1 : 5 };
    case 'answer_hold':
    case 'reporter_reply':
    case 'comment_internal':
    case 'draft_follow_up':
    case 'post_follow_up':
      return { type: action, message: `m ${report.followUpCount}` };
    default:
      return { type: action } as LifecycleAction;
  }
}

const step = fc.record({
  // Mostly pick among the actions some in-scope actor is offered, so walks get deep; otherwise anything at all.
  offeredOnly: fc.integer({ min: 0, max: 9 }).map((n) => n < 8),
  pick: fc.nat(),
  action: fc.constantFrom(...LIFECYCLE_ACTIONS),
  role: fc.constantFrom(...ROLES),
  inScope: fc.boolean(),
  split: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
  // Mostly hours, sometimes long enough for a stage deadline to pass.
  hours: fc.oneof(fc.integer({ min: 1, max: 48 }), fc.integer({ min: 24 * 10, max: 24 * 20 })),
});

describe('random walks through the lifecycle', () => {
  it('keep allowedActions and applyAction in agreement and the state consistent', () => {
    const calendar = fakeWorkingDays(['2024-06-20', '2024-08-17']);
    const seen = new Set<string>();
    fc.assert(
      fc.property(
        fc.constantFrom('national', 'institution', 'program'),
        fc.array(step, { minLength: 20, maxLength: 60 }),
        (start, steps) => {
          let now = wib('2024-06-03T09:00');
          const opened =
            start === 'program'
              ? programGrievance(now)
              : { report: submitted(now, start === 'national' ? null : INST_A), events: [] };
          let report = opened.report;
          const events: LifecycleEvent[] = [...opened.events];
          let ids = 0;
          for (const s of steps) {
            now = new Date(now.getTime() + s.hours * 3_600_000);
            const ctx = {
              calendar,
              newReportId: () => `c${ids++}`,
              childStatuses: report.childIds.map(() => 'resolved' as const),
            };
            const offers = ROLES.flatMap((role) =>
              allowedActions(report, actorOf(role), { ...ctx, now }).map((action) => ({
                role,
                action,
                inScope: true,
              })),
            );
            // Archiving ends a walk, so it gets a quarter of the weight of the other actions; so do a flag's release
            // and confirmation (which archives).
            const light = ['archive', 'auto_archive', 'release_flag', 'confirm_flag'];
            const actions = [...new Set(offers.map((o) => o.action))].flatMap((a) =>
              light.includes(a) ? [a] : [a, a, a, a],
            );
            const wanted = actions[s.pick % Math.max(1, actions.length)];
            const ofWanted = offers.filter((o) => o.action === wanted);
            const choice = s.offeredOnly && ofWanted.length > 0 ? ofWanted[s.pick % ofWanted.length]! : s;
            const actor = actorOf(choice.role, choice.inScope);
            const action = choice.action;
            const before = structuredClone(report);
            const offered = allowedActions(report, actor, { ...ctx, now }).includes(action);
            const result = applyAction(report, payloadFor(action, report, s.split), actor, now, ctx);
            expect(report).toEqual(before);
            expect(result.ok ? 'ok' : result.error.code).toEqual(
              offered ? 'ok' : expect.stringMatching(/^(NOT_ALLOWED|INVALID_TRANSITION)$/),
            );
            if (!result.ok) continue;
            seen.add(`${report.status}:${action}`);
            const next = result.report;
            expect(result.events[0]).toMatchObject({
              reportId: report.id,
              type: action,
              from: report.status,
              to: next.status,
              at: now,
            });
            if (action === 'comment_internal') expect(next).toEqual(report);
            if (action === 'escalate') expect(next.clock?.dueAt).toEqual(report.clock?.dueAt);
            for (const child of result.created)
              expect(child).toMatchObject({ parentId: report.id, reporterId: REPORTER_ID });
            report = next;
            events.push(...result.events.filter((e) => e.reportId === report.id));
            assertConsistent(report);
            assertOwnCustody(report, events);
          }
        },
      ),
      // A fixed seed keeps the coverage check below deterministic.
      { numRuns: 150, seed: 20240603 },
    );
    // The walks reach every row of the table: each action succeeded in every status it is defined for.
    const missing = LIFECYCLE.flatMap((row) => row.from.map((from) => `${from}:${row.action}`)).filter(
      (k) => !seen.has(k),
    );
    expect(missing).toEqual([]);
  });
});

function assertConsistent(r: ReportState): void {
  const onHold = r.status === 'on_hold';
  expect(r.pausedClock !== null).toBe(onHold);
  expect(r.previousStatus !== null).toBe(onHold);
  const closed = r.status === 'resolved' || r.status === 'archived' || r.childIds.length > 0;
  expect(r.clock === null).toBe(closed);
  if (r.clock) expect(STAGE_STATUS[r.clock.stage]).toBe(r.status);
  if (r.clock) expect(r.clock.dueAt.getTime()).toBeGreaterThan(r.clock.startedAt.getTime());
  expect(r.resolvedAt !== null).toBe(r.status === 'resolved');
  expect(r.archivedAt !== null).toBe(r.status === 'archived');
  if (r.status === 'submitted') expect(r.dispositionedAt).toBeNull();
  if (['in_progress', 'awaiting_reporter'].includes(r.status)) expect(r.dispositionedAt).not.toBeNull();
  expect(r.custody.at(-1)?.institutionId).toBe(r.holder.institutionId);
  expect(r.custody.at(-1)?.to === null).toBe(r.childIds.length === 0);
  expect(r.hops).toBeGreaterThanOrEqual(0);
  // The holder's facts are its own (ADR 0009): nothing before its disposition, nothing without one.
  const since = r.dispositionedAt?.getTime();
  for (const at of [r.acknowledgedAt, r.firstFollowUpAt])
    if (at !== null) expect(since !== undefined && at.getTime() >= since).toBe(true);
  if (since === undefined) expect(r.reopenCount).toBe(0);
}

/** The figures of the current holder equal those recomputed from the events of its own custody. */
function assertOwnCustody(r: ReportState, events: readonly LifecycleEvent[]): void {
  // The custody began with the last disposition: a verify to one institution or a forward to a named one.
  let start = -1;
  events.forEach((e, i) => {
    const p = e.payload as { targetIds?: string[]; targetId?: string | null };
    if (e.type === 'verify') start = p.targetIds?.length === 1 ? i : -1;
    if (e.type === 'not_our_authority') start = p.targetId ? i : -1;
    // A program grievance is received at filing, and again by each level it is raised to.
    if ((e.type === 'submitted' && e.to === 'dispositioned') || e.type === 'raise_level') start = i;
  });
  const own = start < 0 ? [] : events.slice(start);
  const first = (...types: string[]) => own.find((e) => types.includes(e.type))?.at ?? null;
  const row = indicatorRowOf(r);
  expect({
    dispositionedAt: row.dispositionedAt,
    acknowledgedAt: row.acknowledgedAt,
    firstFollowUpAt: row.firstFollowUpAt,
    reopened: row.dispositionedAt !== null && r.reopenCount > 0,
  }).toEqual({
    dispositionedAt: own[0]?.at ?? null,
    acknowledgedAt: first('acknowledge'),
    firstFollowUpAt: first('post_follow_up', 'approve_follow_up'),
    reopened: own.some((e) => e.type === 'reopen'),
  });
}
