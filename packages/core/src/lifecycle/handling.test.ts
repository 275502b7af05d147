import { describe, expect, it } from 'vitest';
import type { ComplexityClass } from '../report/report';
import type { LifecycleAction } from './actions';
import { applyAction } from './apply-action';
import { textSimilarity } from './boilerplate';
import type { LifecycleContext, ReportState } from './state';
import { actorOf, INST_A, must, reportIn, submitted, testContext, wib } from './test-reports';

const ctx = testContext();
const iso = (d: Date | null | undefined) => d?.toISOString();
const verified = (type: ReportState['type'] = 'complaint') => {
  const s = { ...submitted(wib('2024-06-03T09:00')), type };
  return must(s, { type: 'verify', targets: [INST_A] }, 'coordinator', wib('2024-06-03T10:00'));
};
const acknowledge = (r: ReportState, complexity: ComplexityClass = 'simple') =>
  must(
    r,
    { type: 'acknowledge', complexity, message: 'Received' },
    'liaison_officer',
    wib('2024-06-04T09:00'),
  );
const act = (
  r: ReportState,
  action: LifecycleAction,
  role: Parameters<typeof actorOf>[0],
  at: Date,
  c: LifecycleContext = ctx,
) => applyAction(r, action, actorOf(role), at, c);

describe('acknowledge', () => {
  it.each([
    ['simple', '2024-06-11T16:59:59.999Z'],
    ['no_field_exam', '2024-06-24T16:59:59.999Z'],
    ['field_exam', '2024-08-27T16:59:59.999Z'],
  ] as const)('a %s report gets its follow-up deadline (5 / 14 / 60 working days)', (complexity, due) => {
    const p = acknowledge(verified(), complexity);
    expect(p).toMatchObject({ status: 'in_progress', complexity, acknowledgedAt: wib('2024-06-04T09:00') });
    expect(iso(p.clock?.dueAt)).toBe(due);
  });

  it('always gives an information request the simple deadline', () => {
    const p = acknowledge(verified('information_request'), 'field_exam');
    expect(p.complexity).toBe('simple');
    expect(iso(p.clock?.dueAt)).toBe('2024-06-11T16:59:59.999Z');
  });

  it('needs a known complexity class and a message', () => {
    const r = act(
      verified(),
      { type: 'acknowledge', complexity: 'huge', message: '' } as never,
      'liaison_officer',
      wib('2024-06-04T09:00'),
    );
    expect(!r.ok && r.error.fields?.map((f) => f.field)).toEqual(['complexity', 'message']);
  });
});

describe('follow-ups, drafts and approval', () => {
  const p = acknowledge(verified());
  const at = wib('2024-06-05T09:00');
  const noApproval = testContext({ settings: { followUpRequiresApproval: false } });

  it('lets a unit operator post directly only where the institution needs no approval', () => {
    const post = { type: 'post_follow_up', message: 'Repaired on 5 June' } as const;
    const refused = act(p, post, 'unit_operator', at);
    expect(!refused.ok && refused.error.reason).toBe('approval_required');
    const posted = act(p, post, 'unit_operator', at, noApproval);
    expect(posted.ok && posted.report.status).toBe('awaiting_reporter');
  });

  it('publishes a draft on approval, with the auto-resolve timer of 10 working days', () => {
    const drafted = must(
      p,
      { type: 'draft_follow_up', message: 'Repaired', attachmentIds: ['f1'] },
      'unit_operator',
      at,
    );
    expect(drafted.draft).toMatchObject({
      state: 'pending',
      authorId: 'unit_operator-a',
      attachmentIds: ['f1'],
    });
    const approved = act(drafted, { type: 'approve_follow_up' }, 'liaison_officer', wib('2024-06-06T09:00'));
    if (!approved.ok) throw new Error(approved.error.message);
    expect(approved.report).toMatchObject({ status: 'awaiting_reporter', draft: null, followUpCount: 1 });
    expect(approved.report.firstFollowUpAt).toEqual(wib('2024-06-06T09:00'));
    expect(approved.events[0]?.payload).toMatchObject({
      message: 'Repaired',
      draftAuthorId: 'unit_operator-a',
    });
    expect(approved.report.clock).toMatchObject({ stage: 'reporter_response', workingDays: 10 });
    expect(iso(approved.report.clock?.dueAt)).toBe('2024-06-20T16:59:59.999Z');
  });

  it('returns a draft for rework; a returned draft cannot be approved until redrafted', () => {
    const drafted = must(p, { type: 'draft_follow_up', message: 'Fixed' }, 'unit_operator', at);
    const returned = must(
      drafted,
      { type: 'return_draft', note: 'Add the work order number' },
      'liaison_officer',
      at,
    );
    expect(returned.draft).toMatchObject({ state: 'returned', returnNote: 'Add the work order number' });
    expect(returned.clock).toEqual(p.clock);
    const approve = act(returned, { type: 'approve_follow_up' }, 'liaison_officer', at);
    expect(!approve.ok && approve.error.reason).toBe('no_pending_draft');
    const redrafted = must(
      returned,
      { type: 'draft_follow_up', message: 'Fixed, SPK 12/2024' },
      'unit_operator',
      at,
    );
    expect(act(redrafted, { type: 'approve_follow_up' }, 'liaison_officer', at).ok).toBe(true);
  });

  it('warns about a follow-up near-identical to earlier ones, and marks the event', () => {
    const boiler = testContext({
      earlierFollowUps: ['Laporan Anda telah kami tindak lanjuti. Terima kasih.'],
    });
    const same = act(
      p,
      { type: 'post_follow_up', message: 'Laporan anda telah kami tindak lanjuti, terima kasih!' },
      'liaison_officer',
      at,
      boiler,
    );
    expect(same.ok && same.warnings.map((w) => w.code)).toEqual(['BOILERPLATE']);
    expect(same.ok && same.events[0]?.payload.boilerplate).toBe(true);
    const fresh = act(
      p,
      { type: 'post_follow_up', message: 'Jalan di RT 3 sudah diaspal ulang pada 5 Juni.' },
      'liaison_officer',
      at,
      boiler,
    );
    expect(fresh.ok && fresh.warnings).toEqual([]);
    expect(textSimilarity('abc def', 'ABC, def!')).toBe(1);
  });

  it('gives the holder 5 working days after a reporter reply, counting only the first follow-up as first', () => {
    const a = must(p, { type: 'post_follow_up', message: 'Done' }, 'liaison_officer', at);
    const replied = must(
      a,
      { type: 'reporter_reply', message: 'Not done' },
      'citizen',
      wib('2024-06-07T15:00'),
    );
    expect(replied.clock).toMatchObject({ stage: 'follow_up', workingDays: 5 });
    expect(iso(replied.clock?.dueAt)).toBe('2024-06-14T16:59:59.999Z');
    const again = must(
      replied,
      { type: 'post_follow_up', message: 'Done now' },
      'liaison_officer',
      wib('2024-06-10T09:00'),
    );
    expect(again).toMatchObject({
      followUpCount: 2,
      firstFollowUpAt: at,
      lastFollowUpAt: wib('2024-06-10T09:00'),
    });
  });
});

describe('resolution, reopening and rating', () => {
  const a = must(
    acknowledge(verified()),
    { type: 'post_follow_up', message: 'Done' },
    'liaison_officer',
    wib('2024-06-11T09:00'),
  );
  const resolved = must(
    a,
    { type: 'accept', rating: 4, comment: 'Thanks' },
    'citizen',
    wib('2024-06-17T10:00'),
  );

  it('accepting resolves, keeps the rating and opens the windows', () => {
    expect(resolved).toMatchObject({
      status: 'resolved',
      rating: 4,
      clock: null,
      resolvedAt: wib('2024-06-17T10:00'),
    });
    // Reopen: 10 working days → end of Monday 1 July; rating: 30 days → end of Wednesday 17 July (WIB).
    expect(iso(resolved.reopenUntil)).toBe('2024-07-01T16:59:59.999Z');
    expect(iso(resolved.ratingUntil)).toBe('2024-07-17T16:59:59.999Z');
  });

  it('reopens within the window only, with a 5-working-day follow-up deadline', () => {
    const last = resolved.reopenUntil!;
    const late = act(
      resolved,
      { type: 'reopen', reason: 'Broken again' },
      'guest',
      new Date(last.getTime() + 1),
    );
    expect(!late.ok && [late.error.code, late.error.reason]).toEqual([
      'INVALID_TRANSITION',
      'reopen_window_closed',
    ]);
    const inTime = act(resolved, { type: 'reopen', reason: 'Broken again' }, 'guest', last);
    if (!inTime.ok) throw new Error(inTime.error.message);
    expect(inTime.report).toMatchObject({
      status: 'in_progress',
      reopenCount: 1,
      rating: null,
      resolvedAt: null,
    });
    expect(inTime.report.clock).toMatchObject({ stage: 'follow_up', workingDays: 5 });
    expect(iso(inTime.report.clock?.dueAt)).toBe('2024-07-08T16:59:59.999Z');
  });

  it('accepts a rating until the rating window closes', () => {
    const rate = (at: Date, rating = 2) => act(resolved, { type: 'rate', rating }, 'citizen', at);
    expect(rate(wib('2024-07-17T23:59')).ok && true).toBe(true);
    expect(!rate(wib('2024-07-18T00:00')).ok).toBe(true);
    for (const bad of [0, 6, 2.5]) {
      const r = rate(wib('2024-06-18T09:00'), bad);
      expect(!r.ok && r.error.fields?.[0]?.field).toBe('rating');
    }
  });

  it('auto-resolves only after 10 silent working days, without a rating', () => {
    const sys = 'system' as const;
    expect(act(a, { type: 'auto_resolve' }, sys, wib('2024-06-25T23:59')).ok).toBe(false);
    const done = act(a, { type: 'auto_resolve' }, sys, wib('2024-06-26T00:00'));
    expect(done.ok && done.report).toMatchObject({ status: 'resolved', rating: null });
  });
});

describe('input checks', () => {
  it('refuses unknown actions and empty messages as VALIDATION', () => {
    const r = reportIn('awaiting_reporter');
    const unknown = act(r, { type: 'teleport' } as never, 'citizen', wib('2024-07-15T10:00'));
    expect(!unknown.ok && unknown.error.code).toBe('VALIDATION');
    const empty = act(r, { type: 'reporter_reply', message: '' }, 'citizen', wib('2024-07-15T10:00'));
    expect(!empty.ok && empty.error.fields).toEqual([{ field: 'message', message: 'is required' }]);
  });

  it('checks permission before status and status before payload', () => {
    const r = reportIn('archived');
    const stranger = act(r, { type: 'reporter_reply', message: '' }, 'leadership', wib('2024-07-15T10:00'));
    expect(!stranger.ok && stranger.error.code).toBe('NOT_ALLOWED');
    const wrongStatus = act(r, { type: 'reporter_reply', message: '' }, 'citizen', wib('2024-07-15T10:00'));
    expect(!wrongStatus.ok && wrongStatus.error.code).toBe('INVALID_TRANSITION');
  });
});
