import { describe, expect, it } from 'vitest';
import { reportFactOf } from '../indicators/report-fact';
import { applyAction } from '../lifecycle/apply-action';
import { allowedActions } from '../lifecycle/guards';
import { openReport } from '../lifecycle/open-report';
import type { ReportState } from '../lifecycle/state';
import { actorOf, MATRIX_NOW, must, reportIn, testContext, wib } from '../lifecycle/test-reports';
import { eventsFor } from '../privacy/timeline';

const admin = actorOf('national_admin');

function flagged(status: Parameters<typeof reportIn>[0]): ReportState {
  return must(
    reportIn(status),
    { type: 'flag', reason: 'abusive', note: 'Kata-kata kasar' },
    'liaison_officer',
    MATRIX_NOW,
  );
}

describe('moderation in the lifecycle', () => {
  it('opens a filing flagged by an intake rule held, hidden, and says so in its first event', () => {
    const opened = openReport(
      { id: 'r-9', type: 'complaint', reporterId: 'guest:r-9', requested: null, flags: ['honeypot'] },
      { id: 'guest:r-9', role: 'guest', institutionId: null },
      wib('2024-06-03T09:00'),
      testContext(),
    );
    if (!opened.ok) throw new Error(opened.error.message);
    expect(opened.report.moderation).toMatchObject({
      status: 'pending',
      reason: 'spam',
      source: 'rule',
      rules: ['honeypot'],
      hidden: true,
    });
    expect(opened.events[0]!.payload.flags).toEqual(['honeypot']);
  });

  it('lets staff of the holder flag without hiding the report or touching its clock', () => {
    const before = reportIn('in_progress');
    const after = flagged('in_progress');
    expect(after.moderation).toMatchObject({ status: 'pending', source: 'staff', hidden: false });
    expect(after.clock).toEqual(before.clock);
    expect(after.status).toBe('in_progress');
  });

  it('offers release and confirm to the national admin only, and only while a flag waits', () => {
    const r = flagged('dispositioned');
    const ctx = { ...testContext(), now: MATRIX_NOW };
    expect(allowedActions(r, admin, ctx)).toEqual(expect.arrayContaining(['release_flag', 'confirm_flag']));
    expect(allowedActions(r, admin, ctx)).not.toContain('flag');
    for (const role of ['coordinator', 'liaison_officer', 'unit_operator', 'oversight'] as const)
      expect(allowedActions(r, actorOf(role), ctx)).not.toContain('confirm_flag');
    expect(allowedActions(reportIn('dispositioned'), admin, ctx)).not.toContain('release_flag');
  });

  it('releases a flag back into normal handling; the report can be flagged again', () => {
    const released = must(flagged('in_progress'), { type: 'release_flag' }, 'national_admin', MATRIX_NOW);
    expect(released.status).toBe('in_progress');
    expect(released.moderation).toMatchObject({ status: 'released', hidden: false });
    expect(
      must(released, { type: 'flag', reason: 'spam' }, 'coordinator', MATRIX_NOW).moderation?.status,
    ).toBe('pending');
  });

  it('confirms: archived as abusive, clock stopped, hidden, and out of the institution’s figures', () => {
    const before = flagged('in_progress');
    expect(reportFactOf(before, testContext().calendar).institutionId).toBe('inst-a');
    const result = applyAction(before, { type: 'confirm_flag' }, admin, MATRIX_NOW, testContext());
    if (!result.ok) throw new Error(result.error.message);
    const r = result.report;
    expect(r).toMatchObject({ status: 'archived', archiveReason: 'abusive', clock: null });
    expect(r.moderation).toMatchObject({ status: 'confirmed', hidden: true });
    expect(reportFactOf(r, testContext().calendar)).toMatchObject({ institutionId: null, bucket: null });
    expect(result.events[0]).toMatchObject({ type: 'confirm_flag', from: 'in_progress', to: 'archived' });
  });

  it('confirms a resolved report without reopening it to the reporter', () => {
    const r = must(flagged('resolved'), { type: 'confirm_flag' }, 'national_admin', MATRIX_NOW);
    expect(r.status).toBe('resolved');
    expect(r.moderation?.hidden).toBe(true);
    const ctx = { ...testContext(), now: MATRIX_NOW };
    expect(allowedActions(r, actorOf('citizen'), ctx)).toEqual([]);
  });

  it('never tells the reporter of a flag or its release', () => {
    const r = must(flagged('in_progress'), { type: 'release_flag' }, 'national_admin', MATRIX_NOW);
    const events = [
      { type: 'flag', payload: { reason: 'abusive' } },
      { type: 'release_flag', payload: {} },
    ].map((e, i) => ({
      seq: i + 5,
      action: e.type,
      actorId: 'x',
      actorRole: 'national_admin',
      institutionId: null,
      at: MATRIX_NOW,
      fromStatus: r.status,
      toStatus: r.status,
      payload: e.payload,
    }));
    expect(eventsFor(events, 'reporter', false)).toEqual([]);
    expect(eventsFor(events, 'staff', false)).toHaveLength(2);
  });

  it('refuses a flag on an archived report or without a known reason', () => {
    const archived = reportIn('archived');
    const out = applyAction(archived, { type: 'flag', reason: 'spam' }, admin, MATRIX_NOW, testContext());
    expect(out.ok ? 'ok' : out.error.code).toBe('INVALID_TRANSITION');
    const bad = applyAction(
      reportIn('submitted'),
      { type: 'flag', reason: 'boring' as 'spam' },
      admin,
      MATRIX_NOW,
      testContext(),
    );
    expect(bad.ok ? 'ok' : bad.error.code).toBe('VALIDATION');
  });
});
