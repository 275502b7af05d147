import { describe, expect, it } from 'vitest';
import { noStages } from '../indicators/custody-stages';
import type { ReportFact } from '../indicators/report-fact';
import type { LifecycleEvent } from '../lifecycle/state';
import { activityRows } from './activity';
import { outboxRows } from './outbox';
import { rollupChange } from './rollups';
import { breachCheckAt, reminderAt } from './stage-clocks';

const report = {
  reportId: '9',
  trackingId: 'LPR-9',
  language: 'en',
  hasContact: true,
  accountId: 'acc-1',
  institutionId: 7,
  path: [1, 7],
};
const ev = (action: string, fromStatus: string | null, toStatus: string) => ({
  seq: 3,
  action,
  fromStatus,
  toStatus,
  payload: { message: 'Fixed', level: 1 },
});

describe('projection rules', () => {
  it('the reminder is a day before the deadline, the breach check just after it', () => {
    const due = new Date('2024-06-06T15:59:59.999Z');
    expect(reminderAt(due).toISOString()).toBe('2024-06-05T16:00:00.000Z');
    expect(breachCheckAt(due).toISOString()).toBe('2024-06-06T16:00:00.000Z');
  });

  it('a filing is receipted to the contact only; a split child is not announced', () => {
    const rows = outboxRows(report, [ev('submitted', null, 'submitted')], () => []);
    expect(rows.map((r) => r.idempotencyKey)).toEqual(['n.9.3.reporter.email', 'n.9.3.reporter.sms']);
    expect(rows[0]).toMatchObject({
      template: 'submitted',
      language: 'en',
      payload: { status: 'submitted' },
    });
    expect(outboxRows(report, [ev('verify', null, 'dispositioned')], () => [])).toEqual([]);
  });

  it('a filing by SMS or e-mail is not receipted again on that channel (the channel answered it), only elsewhere', () => {
    const keys = (answeredBy: 'sms' | 'email') =>
      outboxRows({ ...report, answeredBy }, [ev('submitted', null, 'submitted')], () => []).map(
        (r) => r.idempotencyKey,
      );
    expect(keys('sms')).toEqual(['n.9.3.reporter.email']);
    expect(keys('email')).toEqual(['n.9.3.reporter.sms']);
    // Later notifications still go on every channel.
    const later = outboxRows(
      { ...report, answeredBy: 'sms' },
      [ev('post_follow_up', 'in_progress', 'awaiting_reporter')],
      () => [],
    );
    expect(later.map((r) => r.channel)).toEqual(['email', 'sms', 'in_app']);
  });

  it('a follow-up reaches the reporter on every channel; an escalation its staff once each', () => {
    const staff = [{ id: 'u1', language: 'id', role: 'coordinator', institutionId: 7 }];
    const follow = outboxRows(
      report,
      [ev('post_follow_up', 'in_progress', 'awaiting_reporter')],
      () => staff,
    );
    expect(follow.map((r) => r.channel)).toEqual(['email', 'sms', 'in_app']);
    expect(follow[0]!.payload).toEqual({
      trackingId: 'LPR-9',
      status: 'awaiting_reporter',
      message: 'Fixed',
    });
    const esc = outboxRows(
      report,
      [{ ...ev('escalate', 'in_progress', 'in_progress'), payload: { level: 1, notifyInstitutionId: 7 } }],
      () => [...staff, ...staff],
    );
    expect(esc.map((r) => r.idempotencyKey)).toEqual(['n.9.3.u-u1.in_app', 'n.9.3.u-u1.email']);
  });

  it('activity counts no birth and sums the rest by holder, day, role and action', () => {
    const e = (type: string, from: string | null, at: string): LifecycleEvent =>
      ({
        reportId: 'LPR-9',
        type,
        actorRole: 'liaison_officer',
        actorId: 'x',
        institutionId: null,
        holderId: '7',
        at: new Date(at),
        from,
        to: 'in_progress',
        payload: { boilerplate: true },
      }) as LifecycleEvent;
    const rows = activityRows([
      e('submitted', null, '2024-06-03T02:00:00Z'),
      e('comment_internal', 'in_progress', '2024-06-03T02:00:00Z'),
      e('comment_internal', 'in_progress', '2024-06-03T03:00:00Z'),
    ]);
    expect(rows).toEqual([
      {
        institutionId: 7,
        day: '2024-06-03',
        actorRole: 'liaison_officer',
        action: 'comment_internal',
        events: 2,
        boilerplate: 2,
        heldDays: 0,
      },
    ]);
  });

  it('rollups: nothing for an unreceived report; a move of disposition day takes from the old key', () => {
    const empty: ReportFact = {
      institutionId: null,
      dispositionDate: null,
      bucket: null,
      followUpDays: null,
      rating: null,
      reopened: false,
      dueAt: null,
    };
    expect(rollupChange(null, empty, noStages()).save).toBeNull();
    const fact = {
      ...empty,
      institutionId: '7',
      dispositionDate: '2024-06-03',
      bucket: 'not_followed_up' as const,
    };
    const first = rollupChange(null, fact, noStages());
    expect(first.daily).toEqual([{ institutionId: 7, day: '2024-06-03', delta: expect.any(Array) }]);
    expect(first.daily[0]!.delta[0]).toBe(1);
    expect(rollupChange({ fact, stages: noStages() }, fact, noStages()).save).toBeNull();
    const moved = rollupChange(
      { fact, stages: noStages() },
      { ...fact, dispositionDate: '2024-07-01' },
      noStages(),
    );
    expect(moved.daily.map((d) => [d.day, d.delta[0]])).toEqual([
      ['2024-06-03', -1],
      ['2024-07-01', 1],
    ]);
    expect(moved.monthly.map((d) => [d.month, d.delta[0]])).toEqual([
      ['2024-06-01', -1],
      ['2024-07-01', 1],
    ]);
  });
});
