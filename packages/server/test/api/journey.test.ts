/**
 * The full journey of issue 3 over the API: a citizen files about a road in Samarinda → the national admin verifies
 * to Pemerintah Kota Samarinda → its coordinator disposes down to the public works unit → the liaison officer
 * acknowledges (no field examination, 14 working days) → an operator drafts, the liaison officer approves → the
 * reporter replies → a second follow-up → the reporter accepts with rating 5.
 *
 * Deadlines are worked out by hand on the 2024 decree (SKB 855/2023): Thu 9 May Ascension, Fri 10 May cuti bersama,
 * Thu 23 May Waisak, Fri 24 May cuti bersama, Sat 1 June Pancasila, Mon 17 June Idul Adha, Tue 18 June cuti
 * bersama. Samarinda is WITA (UTC+8): a deadline is 23:59:59.999 WITA = 15:59:59.999Z; the national queue is WIB.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/db/event-chain';
import { loadReportState, readEvents } from '../../src/db/postgres-lifecycle';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';
import { createUnit } from '../support/workflow-fixtures';

describe.each(ENGINES)('the full journey of a road complaint in Samarinda (%s)', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let unit: number;
  const h: Record<'admin' | 'coordinator' | 'liaison' | 'operator', Record<string, string>> = {} as never;
  let trackingId: string;
  let guest: Record<string, string>;

  beforeAll(async () => {
    // Wednesday 8 May 2024, 10:00 WITA.
    t = await startTestApp({ engine, now: '2024-05-08T02:00:00Z' });
    ids = await refIds(t.deps.db);
    unit = await createUnit(
      t.deps.db,
      ids.samarinda,
      'pemda-64.72-dpupr',
      'Dinas Pekerjaan Umum dan Penataan Ruang',
    );
    const [admin, coordinator, liaison, operator] = await Promise.all([
      signInAs(t, { role: 'national_admin' }),
      signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
      signInAs(t, { role: 'liaison_officer', institutionId: unit }),
      signInAs(t, { role: 'unit_operator', institutionId: unit }),
    ]);
    Object.assign(h, {
      admin: admin.headers,
      coordinator: coordinator.headers,
      liaison: liaison.headers,
      operator: operator.headers,
    });
  });
  afterAll(() => t.close());

  const act = (body: Record<string, unknown>, headers: Record<string, string>) =>
    t.post(`/api/v1/reports/${trackingId}/actions`, body, headers);

  /** The last event as staff see it. */
  async function lastEvent() {
    const res = await t.get(`/api/v1/reports/${trackingId}/events`, h.admin);
    expect(res.status).toBe(200);
    return (await res.json()).events.at(-1);
  }

  /** Takes a step and checks status, deadline, working days left, allowed next actions and the event it wrote. */
  async function step(
    now: string,
    body: Record<string, unknown>,
    headers: Record<string, string>,
    want: {
      status: string;
      stage: string | null;
      dueAt: string | null;
      daysLeft: number | null;
      allowed: string[];
      event: [string, string, string];
      institution?: number;
    },
  ) {
    t.setNow(now);
    const res = await act(body, headers);
    const out = await res.json();
    expect(res.status, JSON.stringify(out)).toBe(200);
    expect(out).toMatchObject({
      trackingId,
      action: body.action,
      status: want.status,
      stage: want.stage,
      dueAt: want.dueAt,
      workingDaysLeft: want.daysLeft,
      allowedActions: want.allowed,
      warnings: [],
    });
    if (want.institution) expect(out.institution.id).toBe(want.institution);
    const event = await lastEvent();
    expect([event.type, event.fromStatus, event.toStatus]).toEqual(want.event);
    expect(new Date(event.at).toISOString()).toBe(new Date(now).toISOString());
    if (want.dueAt && event.fromStatus !== event.toStatus) expect(event.payload.dueAt).toBe(want.dueAt);
    return out;
  }

  it('1. a citizen files it (national queue, verify by the end of the 3rd working day in WIB)', async () => {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads));
    expect(res.status).toBe(201);
    const filed = await res.json();
    trackingId = filed.trackingId;
    guest = { 'x-access-code': filed.accessCode };
    // Thu 9 and Fri 10 May are off: Mon 13, Tue 14, Wed 15 May → 23:59:59.999 WIB.
    expect(filed).toMatchObject({
      status: 'submitted',
      queue: 'national',
      dueAt: '2024-05-15T16:59:59.999Z',
    });
    expect((await lastEvent()).type).toBe('submitted');
    const row = await t.deps.db.execute(
      sql`select c.code from reports r join categories c on c.id = r.category_id where r.tracking_id = ${trackingId}`,
    );
    expect(row.rows[0]).toEqual({ code: 'infrastruktur.jalan-kabupaten' });
  });

  it('2. the national admin verifies it to Pemerintah Kota Samarinda (acknowledge in 3 working days, WITA)', async () => {
    // Mon 13 May 09:00 WITA → Tue 14, Wed 15, Thu 16 May.
    const out = await step('2024-05-13T01:00:00Z', { action: 'verify', targets: [ids.samarinda] }, h.admin, {
      status: 'dispositioned',
      stage: 'acknowledge',
      dueAt: '2024-05-16T15:59:59.999Z',
      daysLeft: 3,
      allowed: ['not_our_authority', 'comment_internal', 'flag'],
      event: ['verify', 'submitted', 'dispositioned'],
      institution: ids.samarinda,
    });
    expect(out.institution.name).toBe('Pemerintah Kota Samarinda');
  });

  it('3. its coordinator disposes it down to the public works unit; the clock does not restart', async () => {
    await step('2024-05-14T02:00:00Z', { action: 'dispose_down', unit }, h.coordinator, {
      status: 'dispositioned',
      stage: 'acknowledge',
      dueAt: '2024-05-16T15:59:59.999Z',
      daysLeft: 2,
      allowed: ['dispose_down', 'not_our_authority', 'hold', 'comment_internal', 'flag'],
      event: ['dispose_down', 'dispositioned', 'dispositioned'],
      institution: unit,
    });
  });

  it('4. the liaison officer acknowledges with class no_field_exam (14 working days)', async () => {
    // Wed 15 May → 16, 17, 20, 21, 22 (5), 23–24 off, 27–31 (10), 3, 4, 5, 6 June (14).
    await step(
      '2024-05-15T03:00:00Z',
      {
        action: 'acknowledge',
        complexity: 'no_field_exam',
        message: 'Laporan diterima, tim akan meninjau lokasi.',
      },
      h.liaison,
      {
        status: 'in_progress',
        stage: 'follow_up',
        dueAt: '2024-06-06T15:59:59.999Z',
        daysLeft: 14,
        allowed: ['hold', 'draft_follow_up', 'post_follow_up', 'comment_internal', 'flag'],
        event: ['acknowledge', 'dispositioned', 'in_progress'],
      },
    );
  });

  it('5. an operator drafts a follow-up; posting it directly needs the approval and changes nothing', async () => {
    t.setNow('2024-05-20T02:00:00Z');
    const before = await readEvents(t.deps.db, trackingId);
    const direct = await act({ action: 'post_follow_up', message: 'Jalan sudah ditambal.' }, h.operator);
    expect(direct.status).toBe(403);
    expect(await direct.json()).toMatchObject({ code: 'NOT_ALLOWED', reason: 'approval_required' });
    expect(await readEvents(t.deps.db, trackingId)).toEqual(before);
    // Mon 20 May: 21, 22, 27, 28, 29, 30, 31, 3, 4, 5, 6 June = 11 working days left.
    await step(
      '2024-05-20T02:00:00Z',
      {
        action: 'draft_follow_up',
        message: 'Lubang di Jl. Juanda telah ditambal oleh tim UPTD pada 19 Mei 2024.',
      },
      h.operator,
      {
        status: 'in_progress',
        stage: 'follow_up',
        dueAt: '2024-06-06T15:59:59.999Z',
        daysLeft: 11,
        allowed: ['draft_follow_up', 'comment_internal', 'flag'],
        event: ['draft_follow_up', 'in_progress', 'in_progress'],
      },
    );
  });

  it('6. the liaison officer approves it: published, awaiting the reporter for 10 working days', async () => {
    // Wed 29 May → 30, 31, 3–7 June (7), 10, 11, 12 June (10).
    await step('2024-05-29T06:00:00Z', { action: 'approve_follow_up' }, h.liaison, {
      status: 'awaiting_reporter',
      stage: 'reporter_response',
      dueAt: '2024-06-12T15:59:59.999Z',
      daysLeft: 10,
      allowed: ['comment_internal', 'flag'],
      event: ['approve_follow_up', 'in_progress', 'awaiting_reporter'],
    });
    const pub = await (await t.get(`/api/v1/reports/${trackingId}/events`)).json();
    expect(pub.events.at(-1)).toMatchObject({
      type: 'approve_follow_up',
      payload: { message: 'Lubang di Jl. Juanda telah ditambal oleh tim UPTD pada 19 Mei 2024.' },
    });
  });

  it('7. the reporter replies with the access code: follow-up due in 5 working days', async () => {
    // Wed 12 June → 13, 14, (17–18 Idul Adha off), 19, 20, 21 June.
    await step(
      '2024-06-12T01:00:00Z',
      { action: 'reporter_reply', message: 'Masih ada satu lubang lagi di dekat jembatan.' },
      guest,
      {
        status: 'in_progress',
        stage: 'follow_up',
        dueAt: '2024-06-21T15:59:59.999Z',
        daysLeft: 5,
        allowed: [],
        event: ['reporter_reply', 'awaiting_reporter', 'in_progress'],
      },
    );
  });

  it('8. the liaison officer posts a second follow-up', async () => {
    // Wed 19 June → 20, 21, 24–28 (7), 1, 2, 3 July (10).
    await step(
      '2024-06-19T02:00:00Z',
      { action: 'post_follow_up', message: 'Lubang di dekat jembatan juga sudah diperbaiki hari ini.' },
      h.liaison,
      {
        status: 'awaiting_reporter',
        stage: 'reporter_response',
        dueAt: '2024-07-03T15:59:59.999Z',
        daysLeft: 10,
        allowed: ['comment_internal', 'flag'],
        event: ['post_follow_up', 'in_progress', 'awaiting_reporter'],
      },
    );
  });

  it('9. the reporter accepts with rating 5: resolved, reopen window 10 working days, rating 30 days', async () => {
    await step('2024-06-24T01:00:00Z', { action: 'accept', rating: 5, comment: 'Terima kasih!' }, guest, {
      status: 'resolved',
      stage: null,
      dueAt: null,
      daysLeft: null,
      allowed: ['reopen', 'rate'],
      event: ['accept', 'awaiting_reporter', 'resolved'],
    });
    const { state } = (await loadReportState(t.deps.db, trackingId))!;
    // Mon 24 June → 25–28 (4), 1–5 July (9), Mon 8 July (10); rating window to the end of 24 July, WITA.
    expect(state.reopenUntil?.toISOString()).toBe('2024-07-08T15:59:59.999Z');
    expect(state.ratingUntil?.toISOString()).toBe('2024-07-24T15:59:59.999Z');
    expect(state).toMatchObject({ rating: 5, followUpCount: 2, complexity: 'no_field_exam' });
  });

  it('leaves a complete, hash-chained timeline; each audience sees its part', async () => {
    const events = await readEvents(t.deps.db, trackingId);
    expect(verifyChain(events)).toBeNull();
    expect(events.map((e) => [e.action, e.fromStatus, e.toStatus])).toEqual([
      ['submitted', null, 'submitted'],
      ['verify', 'submitted', 'dispositioned'],
      ['dispose_down', 'dispositioned', 'dispositioned'],
      ['acknowledge', 'dispositioned', 'in_progress'],
      ['draft_follow_up', 'in_progress', 'in_progress'],
      ['approve_follow_up', 'in_progress', 'awaiting_reporter'],
      ['reporter_reply', 'awaiting_reporter', 'in_progress'],
      ['post_follow_up', 'in_progress', 'awaiting_reporter'],
      ['accept', 'awaiting_reporter', 'resolved'],
    ]);
    // A guest's events name no one.
    expect(events.filter((e) => e.actorRole === 'guest').map((e) => e.actorId)).toEqual([null, null, null]);
    const types = async (headers: Record<string, string> = {}) =>
      (await (await t.get(`/api/v1/reports/${trackingId}/events`, headers)).json()).events.map(
        (e: { type: string }) => e.type,
      );
    expect(await types()).toEqual([
      'submitted',
      'verify',
      'acknowledge',
      'approve_follow_up',
      'reporter_reply',
      'post_follow_up',
      'accept',
    ]);
    expect(await types(guest)).toEqual(events.map((e) => e.action).filter((a) => a !== 'draft_follow_up'));
    expect(await types(h.coordinator)).toEqual(events.map((e) => e.action));
  });

  it('shows staff the handling: custody days per holder, rating, no deadline once resolved', async () => {
    const res = await t.get(`/api/v1/reports/${trackingId}`, h.coordinator);
    const view = await res.json();
    expect(view).toMatchObject({
      view: 'staff',
      status: 'resolved',
      reporter: { display: 'Siti Rahmawati' },
    });
    expect(view.reporter).toMatchObject({ email: 's***@example.id', phone: '0812****7890' });
    // National queue Wed 8 → Mon 13 May (1 working day, WIB); Samarinda 13 → 14 May (1); the unit since (25).
    expect(view.handling).toMatchObject({
      stage: null,
      dueAt: null,
      rating: 5,
      followUpCount: 2,
      allowedActions: ['comment_internal', 'flag'],
      custody: [
        { institution: null, workingDays: 1 },
        { institution: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' }, workingDays: 1 },
        { institution: { id: unit }, workingDays: 25 },
      ],
    });
  });
});
