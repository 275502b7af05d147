import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REPORT_STATUSES } from '../report/report';
import { applyAction } from './apply-action';
import { fakeWorkingDays } from './fake-working-days';
import { allowedActions } from './guards';
import type { ReportState } from './state';
import { actorOf, INST_A, must, reportIn, submitted, testContext, UNIT_A1, wib } from './test-reports';

// Thursday 20 June 2024 is a (fake) holiday in these tests.
const ctx = testContext({ calendar: fakeWorkingDays(['2024-06-20']) });
const iso = (d: Date | undefined) => d?.toISOString();

/** Acknowledged (simple, 5 working days) on Tuesday 4 June: follow-up due end of Tuesday 11 June. */
function acknowledged(): ReportState {
  const s = submitted(wib('2024-06-03T09:00'), INST_A, ctx);
  const d = must(s, { type: 'verify', targets: [INST_A] }, 'coordinator', wib('2024-06-03T10:00'), ctx);
  const ack = { type: 'acknowledge', complexity: 'simple', message: 'Received' } as const;
  return must(d, ack, 'liaison_officer', wib('2024-06-04T09:00'), ctx);
}
const hold = { type: 'hold', question: 'Which RT/RW?' } as const;
const answer = { type: 'answer_hold', message: 'RT 3 RW 5' } as const;

describe('hold and the reporter’s answer', () => {
  it('pauses the running clock and returns to the previous status with the remaining working days', () => {
    const p = acknowledged();
    expect(iso(p.clock?.dueAt)).toBe('2024-06-11T16:59:59.999Z');
    const held = must(p, hold, 'liaison_officer', wib('2024-06-06T10:00'), ctx);
    expect(held).toMatchObject({ status: 'on_hold', previousStatus: 'in_progress' });
    // Fri 7, Mon 10, Tue 11 were left.
    expect(held.pausedClock).toMatchObject({ stage: 'follow_up', remainingWorkingDays: 3 });
    // The hold has its own 10-working-day clock (auto-archive), skipping the holiday on the 20th.
    expect(held.clock).toMatchObject({ stage: 'hold_response', workingDays: 10 });
    expect(iso(held.clock?.dueAt)).toBe('2024-06-21T16:59:59.999Z');

    const back = must(held, answer, 'guest', wib('2024-06-19T14:00'), ctx);
    expect(back).toMatchObject({ status: 'in_progress', previousStatus: null, pausedClock: null });
    // Three working days after Wed 19 June, skipping the holiday: Fri 21, Mon 24, Tue 25.
    expect(iso(back.clock?.dueAt)).toBe('2024-06-25T16:59:59.999Z');
    expect(back.clock).toMatchObject({ stage: 'follow_up', startedAt: p.clock?.startedAt, workingDays: 5 });
  });

  it('returns a report held while verifying to submitted, in the same queue', () => {
    const s = submitted(wib('2024-06-03T09:00'), INST_A, ctx);
    const held = must(s, hold, 'coordinator', wib('2024-06-04T09:00'), ctx);
    const back = must(held, answer, 'citizen', wib('2024-06-05T09:00'), ctx);
    expect(back).toMatchObject({ status: 'submitted', holder: INST_A });
    expect(back.clock?.stage).toBe('verify');
  });

  it('does not forgive a breach: a clock paused after its deadline keeps it, and its escalation level', () => {
    const p = acknowledged();
    const escalated = must(p, { type: 'escalate' }, 'system', wib('2024-06-12T10:00'), ctx);
    expect(escalated.clock?.escalationLevel).toBe(1);
    const held = must(escalated, hold, 'coordinator', wib('2024-06-14T10:00'), ctx);
    expect(held.pausedClock?.remainingWorkingDays).toBe(0);
    const back = must(held, answer, 'citizen', wib('2024-06-24T09:00'), ctx);
    expect(iso(back.clock?.dueAt)).toBe('2024-06-11T16:59:59.999Z');
    expect(back.clock?.escalationLevel).toBe(1);
    const again = applyAction(back, { type: 'escalate' }, actorOf('system'), wib('2024-06-24T10:00'), ctx);
    expect(again.ok && again.report.clock?.escalationLevel).toBe(3);
  });

  it('gives a clock paused on its last day until the end of the resume day', () => {
    const held = must(acknowledged(), hold, 'liaison_officer', wib('2024-06-11T10:00'), ctx);
    expect(held.pausedClock?.remainingWorkingDays).toBe(0);
    const back = must(held, answer, 'citizen', wib('2024-06-19T10:00'), ctx);
    expect(iso(back.clock?.dueAt)).toBe('2024-06-19T16:59:59.999Z');
  });

  it('keeps the working days from resume to deadline equal to those from pause to deadline (property)', () => {
    const calendar = fakeWorkingDays(['2024-06-20', '2024-07-01']);
    const start = wib('2024-06-04T09:00').getTime();
    const hour = 3_600_000;
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 24 * 9 }),
        fc.integer({ min: 1, max: 24 * 40 }),
        (pauseH, waitH) => {
          const p = acknowledged();
          const pausedAt = new Date(start + pauseH * hour);
          const resumedAt = new Date(pausedAt.getTime() + waitH * hour);
          const c = testContext({ calendar });
          const held = must(p, hold, 'liaison_officer', pausedAt, c);
          const back = must(held, answer, 'citizen', resumedAt, c);
          const due = p.clock!.dueAt;
          if (pausedAt >= due) {
            expect(back.clock?.dueAt).toEqual(due);
          } else {
            const left = calendar.elapsedWorkingDays(pausedAt, due, 'Asia/Jakarta');
            expect(calendar.elapsedWorkingDays(resumedAt, back.clock!.dueAt, 'Asia/Jakarta')).toBe(left);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('escalation', () => {
  const s = submitted(wib('2024-06-03T09:00'), UNIT_A1, ctx); // verify due end of Thursday 6 June
  const escalate = (r: ReportState, at: Date) =>
    applyAction(r, { type: 'escalate' }, actorOf('system'), at, ctx);

  it('reminds the holder at the breach, the parent coordinator 2 working days later, national after 5', () => {
    expect(!escalate(s, wib('2024-06-06T20:00')).ok).toBe(true);
    const one = escalate(s, wib('2024-06-07T08:00'));
    if (!one.ok) throw new Error(one.error.message);
    expect(one.events[0]?.payload).toMatchObject({
      level: 1,
      notify: 'holder',
      notifyInstitutionId: 'unit-a1',
    });
    const same = escalate(one.report, wib('2024-06-07T15:00'));
    expect(!same.ok && same.error.reason).toBe('nothing_to_escalate');
    const two = escalate(one.report, wib('2024-06-10T08:00'));
    if (!two.ok) throw new Error(two.error.message);
    expect(two.events[0]?.payload).toMatchObject({
      level: 2,
      notify: 'parent_coordinator',
      notifyInstitutionId: 'inst-a',
    });
    const three = escalate(two.report, wib('2024-06-13T08:00'));
    if (!three.ok) throw new Error(three.error.message);
    expect(three.events[0]?.payload).toMatchObject({ level: 3, notify: 'national_admin_and_oversight' });
    expect(escalate(three.report, wib('2024-08-01T08:00')).ok).toBe(false);
    // Escalation never resets the clock.
    for (const r of [one.report, two.report, three.report]) expect(r.clock?.dueAt).toEqual(s.clock?.dueAt);
  });

  it('sends level 2 to the national admin when the holder has no parent institution', () => {
    const top = submitted(wib('2024-06-03T09:00'), INST_A, ctx);
    const two = escalate(top, wib('2024-06-10T08:00'));
    expect(two.ok && two.events[0]?.payload).toMatchObject({
      level: 2,
      notify: 'national_admin_and_oversight',
    });
  });

  it('starts the next stage at level 0 once the stage’s own completing action happens', () => {
    const late = escalate(s, wib('2024-06-13T08:00'));
    if (!late.ok) throw new Error(late.error.message);
    const verified = must(
      late.report,
      { type: 'verify', targets: [UNIT_A1] },
      'coordinator',
      wib('2024-06-13T09:00'),
    );
    expect(verified.clock).toMatchObject({ stage: 'acknowledge', escalationLevel: 0 });
  });
});

describe('an internal comment touches no clock', () => {
  it.each(REPORT_STATUSES)('in %s it changes nothing but the event log', (status) => {
    const report = reportIn(status);
    const at = wib('2024-07-15T10:00');
    const result = applyAction(
      report,
      { type: 'comment_internal', message: 'FYI' },
      actorOf('coordinator'),
      at,
      ctx,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report).toEqual(report);
    expect(result.events).toEqual([
      expect.objectContaining({ type: 'comment_internal', from: status, to: status }),
    ]);
  });

  it('does not stop an overdue stage from escalating (property over comment times)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 24 * 30 }), (hours) => {
        const at = new Date(s0.clock!.dueAt.getTime() + hours * 3_600_000 + 1);
        const commented = must(
          s0,
          { type: 'comment_internal', message: 'looking' },
          'liaison_officer',
          at,
          ctx,
        );
        expect(commented.clock).toEqual(s0.clock);
        expect(allowedActions(commented, actorOf('system'), { now: at, calendar: ctx.calendar })).toContain(
          'escalate',
        );
      }),
      { numRuns: 100 },
    );
  });
  const s0 = acknowledged();
});
