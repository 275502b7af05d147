import { describe, expect, it } from 'vitest';
import type { Actor } from '../policy/roles';
import { applyAction } from './apply-action';
import { custodyWorkingDays } from './clock';
import { allowedActions } from './guards';
import { NATIONAL_QUEUE } from './holder';
import type { ReportState } from './state';
import {
  actorOf,
  INST_A,
  INST_B,
  INST_C,
  INST_D,
  must,
  reportIn,
  submitted,
  testContext,
  UNIT_A1,
  UNIT_A2,
  wib,
} from './test-reports';

const ctx = testContext();
const coordinatorOf = (institutionId: string): Actor => ({
  id: `k-${institutionId}`,
  role: 'coordinator',
  institutionId,
});
const nota = (reason: string, target?: typeof INST_A) => ({
  type: 'not_our_authority' as const,
  reason,
  target,
});

function step(report: ReportState, action: Parameters<typeof applyAction>[1], actor: Actor, at: Date) {
  const result = applyAction(report, action, actor, at, ctx);
  if (!result.ok) throw new Error(result.error.message);
  return result;
}

describe('not our authority', () => {
  const verified = must(
    submitted(wib('2024-06-03T09:00')),
    { type: 'verify', targets: [INST_A] },
    'coordinator',
    wib('2024-06-03T10:00'),
  );

  it('allows 3 hops, then only the national admin decides; each holder’s days are attributed to it', () => {
    const hop1 = step(
      verified,
      nota('National road', INST_B),
      coordinatorOf('inst-a'),
      wib('2024-06-06T10:00'),
    );
    expect(hop1.report).toMatchObject({ status: 'dispositioned', hops: 1, holder: INST_B });
    expect(hop1.events[0]?.payload).toMatchObject({ targetId: 'inst-b', hops: 1, heldWorkingDays: 3 });
    expect(hop1.report.clock?.dueAt.toISOString()).toBe('2024-06-11T16:59:59.999Z');

    const hop2 = step(
      hop1.report,
      nota('Provincial matter', INST_C),
      coordinatorOf('inst-b'),
      wib('2024-06-10T10:00'),
    );
    expect(hop2.events[0]?.payload).toMatchObject({ hops: 2, heldWorkingDays: 2 });
    const hop3 = step(hop2.report, nota('Not ours either'), coordinatorOf('inst-c'), wib('2024-06-11T10:00'));
    expect(hop3.report).toMatchObject({
      status: 'submitted',
      hops: 3,
      holder: NATIONAL_QUEUE,
      dispositionedAt: null,
    });
    expect(hop3.report.clock).toMatchObject({ stage: 'verify', workingDays: 3 });

    const atD = step(
      hop3.report,
      { type: 'verify', targets: [INST_D] },
      actorOf('national_admin'),
      wib('2024-06-12T10:00'),
    );
    const refused = applyAction(
      atD.report,
      nota('Still not ours', INST_A),
      coordinatorOf('inst-d'),
      wib('2024-06-13T10:00'),
      ctx,
    );
    expect(!refused.ok && [refused.error.code, refused.error.reason]).toEqual([
      'NOT_ALLOWED',
      'hop_limit_reached',
    ]);
    const buttons = allowedActions(atD.report, coordinatorOf('inst-d'), { now: wib('2024-06-13T10:00') });
    expect(buttons).not.toContain('not_our_authority');
    expect(buttons).toContain('dispose_down');

    const decided = step(
      atD.report,
      nota('Decided', INST_A),
      actorOf('national_admin'),
      wib('2024-06-14T10:00'),
    );
    expect(decided.report).toMatchObject({ hops: 4, holder: INST_A, status: 'dispositioned' });
    expect(custodyWorkingDays(decided.report, wib('2024-06-17T10:00'), ctx.calendar)).toEqual([
      { institutionId: 'inst-a', workingDays: 3 + 1 },
      { institutionId: 'inst-b', workingDays: 2 },
      { institutionId: 'inst-c', workingDays: 1 },
      { institutionId: null, workingDays: 1 },
      { institutionId: 'inst-d', workingDays: 2 },
    ]);
  });

  it('from in progress clears the old holder’s acknowledgement so the new one acknowledges afresh', () => {
    const p = reportIn('in_progress');
    const moved = step(p, nota('Wrong agency', INST_B), actorOf('coordinator'), wib('2024-07-15T10:00'));
    expect(moved.report).toMatchObject({
      acknowledgedAt: null,
      complexity: null,
      draft: null,
      status: 'dispositioned',
    });
    expect(moved.report.dispositionedAt).toEqual(wib('2024-07-15T10:00'));
  });

  it('needs a reason and another institution', () => {
    const noReason = applyAction(
      verified,
      nota('  ', INST_B),
      actorOf('coordinator'),
      wib('2024-06-04T10:00'),
      ctx,
    );
    expect(!noReason.ok && noReason.error.fields).toEqual([{ field: 'reason', message: 'is required' }]);
    const same = applyAction(
      verified,
      nota('x', INST_A),
      actorOf('coordinator'),
      wib('2024-06-04T10:00'),
      ctx,
    );
    expect(!same.ok && same.error.code).toBe('VALIDATION');
  });

  it('is not possible from the national queue itself', () => {
    const queued = submitted(wib('2024-06-03T09:00'), null);
    const result = applyAction(
      queued,
      nota('x', INST_B),
      actorOf('national_admin'),
      wib('2024-06-04T10:00'),
      ctx,
    );
    expect(!result.ok && result.error.reason).toBe('national_queue');
  });
});

describe('verify', () => {
  it('lets a coordinator verify only into its own subtree', () => {
    const s = submitted(wib('2024-06-03T09:00'));
    const out = applyAction(
      s,
      { type: 'verify', targets: [INST_B] },
      actorOf('coordinator'),
      wib('2024-06-03T10:00'),
      ctx,
    );
    expect(!out.ok && out.error.reason).toBe('target_scope');
    const unit = step(
      s,
      { type: 'verify', targets: [UNIT_A1] },
      actorOf('coordinator'),
      wib('2024-06-03T10:00'),
    );
    expect(unit.report.holder).toEqual(UNIT_A1);
  });

  it('to several institutions creates one linked child each; the parent resolves when all children are closed', () => {
    const s = submitted(wib('2024-06-03T09:00'), null);
    const split = step(
      s,
      { type: 'verify', targets: [INST_B, INST_C] },
      actorOf('national_admin'),
      wib('2024-06-03T10:00'),
    );
    expect(split.report).toMatchObject({
      status: 'dispositioned',
      childIds: ['child-100', 'child-101'],
      clock: null,
    });
    expect(
      split.created.map((c) => [c.id, c.parentId, c.status, c.holder.institutionId, c.clock?.stage]),
    ).toEqual([
      ['child-100', 'r-1', 'dispositioned', 'inst-b', 'acknowledge'],
      ['child-101', 'r-1', 'dispositioned', 'inst-c', 'acknowledge'],
    ]);
    expect(split.events.map((e) => [e.reportId, e.type, e.from, e.to])).toEqual([
      ['r-1', 'verify', 'submitted', 'dispositioned'],
      ['child-100', 'verify', null, 'dispositioned'],
      ['child-101', 'verify', null, 'dispositioned'],
    ]);
    const parent = split.report;
    expect(allowedActions(parent, actorOf('national_admin'), { now: wib('2024-06-04T10:00') })).toEqual([
      'comment_internal',
    ]);
    const system = actorOf('system');
    const at = wib('2024-06-20T10:00');
    const open = applyAction(parent, { type: 'resolve_parent' }, system, at, {
      ...ctx,
      childStatuses: ['resolved', 'in_progress'],
    });
    expect(!open.ok && open.error.reason).toBe('children_open');
    const done = applyAction(parent, { type: 'resolve_parent' }, system, at, {
      ...ctx,
      childStatuses: ['resolved', 'archived'],
    });
    expect(done.ok && done.report).toMatchObject({ status: 'resolved', resolvedAt: at, reopenUntil: null });
  });

  it('refuses a repeated target and a split without an id generator', () => {
    const s = submitted(wib('2024-06-03T09:00'), null);
    const admin = actorOf('national_admin');
    const twice = applyAction(
      s,
      { type: 'verify', targets: [INST_B, INST_B] },
      admin,
      wib('2024-06-03T10:00'),
      ctx,
    );
    expect(!twice.ok && twice.error.code).toBe('VALIDATION');
    const noIds = applyAction(
      s,
      { type: 'verify', targets: [INST_B, INST_C] },
      admin,
      wib('2024-06-03T10:00'),
      {
        calendar: ctx.calendar,
      },
    );
    expect(!noIds.ok && noIds.error.code).toBe('VALIDATION');
  });
});

describe('dispose down', () => {
  it('hands the report to a unit without restarting the stage clock, and brings the unit’s staff into scope', () => {
    const d = reportIn('dispositioned');
    const unitLiaison: Actor = { id: 'pp-a1', role: 'liaison_officer', institutionId: 'unit-a1' };
    const ack = { type: 'acknowledge', complexity: 'simple', message: 'ok' } as const;
    expect(applyAction(d, ack, unitLiaison, wib('2024-06-05T10:00'), ctx).ok).toBe(false);
    const down = step(
      d,
      { type: 'dispose_down', unit: UNIT_A1 },
      actorOf('coordinator'),
      wib('2024-06-05T09:00'),
    );
    expect(down.report.clock).toEqual(d.clock);
    expect(down.report.holder).toEqual(UNIT_A1);
    expect(applyAction(down.report, ack, unitLiaison, wib('2024-06-05T10:00'), ctx).ok).toBe(true);
    const sibling: Actor = { ...unitLiaison, institutionId: 'unit-a2' };
    expect(applyAction(down.report, ack, sibling, wib('2024-06-05T10:00'), ctx).ok).toBe(false);
  });

  it('only goes down the tree', () => {
    const down = must(
      reportIn('dispositioned'),
      { type: 'dispose_down', unit: UNIT_A1 },
      'coordinator',
      wib('2024-06-05T09:00'),
    );
    const sideways = applyAction(
      down,
      { type: 'dispose_down', unit: UNIT_A2 },
      actorOf('coordinator'),
      wib('2024-06-05T10:00'),
      ctx,
    );
    expect(!sideways.ok && sideways.error.fields?.[0]?.field).toBe('unit');
  });
});

describe('archive', () => {
  const s = submitted(wib('2024-06-03T09:00'));
  const archive = (action: object, report = s) =>
    applyAction(
      report,
      { type: 'archive', ...action } as never,
      actorOf('coordinator'),
      wib('2024-06-04T09:00'),
      ctx,
    );

  it('links the original of a duplicate', () => {
    const missing = archive({ reason: 'duplicate' });
    expect(!missing.ok && missing.error.fields?.[0]?.field).toBe('duplicateOfId');
    const linked = archive({ reason: 'duplicate', duplicateOfId: 'r-0' });
    expect(linked.ok && linked.report).toMatchObject({
      status: 'archived',
      archiveReason: 'duplicate',
      duplicateOfId: 'r-0',
      clock: null,
    });
  });

  it.each(['unclear', 'too_general', 'not_public_service', 'out_of_scope', 'abusive'])(
    'accepts reason %s',
    (reason) => {
      expect(archive({ reason }).ok).toBe(true);
    },
  );

  it('keeps no_response for reports on hold and refuses unknown reasons', () => {
    expect(!archive({ reason: 'no_response' }).ok).toBe(true);
    expect(archive({ reason: 'no_response' }, reportIn('on_hold')).ok).toBe(true);
    expect(!archive({ reason: 'boring' }).ok).toBe(true);
  });

  it('auto-archives a hold without an answer only after its 10 working days', () => {
    const held = must(s, { type: 'hold', question: 'Photo?' }, 'coordinator', wib('2024-06-03T10:00'));
    const sys = actorOf('system');
    expect(applyAction(held, { type: 'auto_archive' }, sys, wib('2024-06-17T23:00'), ctx).ok).toBe(false);
    const done = applyAction(held, { type: 'auto_archive' }, sys, wib('2024-06-18T00:00'), ctx);
    expect(done.ok && done.report).toMatchObject({
      status: 'archived',
      archiveReason: 'no_response',
      pausedClock: null,
    });
  });
});
