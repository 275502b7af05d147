/**
 * A forwarded report is attributed to who did the work (issue 10, domain.md §5, §9; ADR 0009): Samarinda (A)
 * verifies, acknowledges and follows up, the reporter replies, then A returns it as not its authority to the
 * ministry (B). B received a report it has not followed up: no follow-up speed, not active, and none of the stages
 * A held in its SLA compliance. A keeps its work in its staff activity and the days it kept the report.
 */
import type { Actor, LifecycleAction, WorkingDayCalendar } from '@pintu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

/** Samarinda is in WITA (UTC+8), the ministry in WIB (UTC+7). */
const wita = (local: string) => new Date(`${local}:00+08:00`);
const wib = (local: string) => new Date(`${local}:00+07:00`);
const REPORTER: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };
const JUNE = 'from=2024-06-01&to=2024-06-30';
const NO_STAGES = [
  { stage: 'verify', met: 0, breached: 0, rate: null },
  { stage: 'acknowledge', met: 0, breached: 0, rate: null },
  { stage: 'follow_up', met: 0, breached: 0, rate: null },
];

describe.each(ENGINES)('a report forwarded after A followed it up, on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let calendar: WorkingDayCalendar;
  let trackingId: string;
  const summary = async (query: string) => (await t.get(`/api/v1/stats/summary?${query}&${JUNE}`)).json();

  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T00:00:00Z' });
    ids = await refIds(t.database.db);
    calendar = t.deps.calendar.get();
    const db = t.database.db;
    const a = staffOf(ids.samarinda);
    const step = (action: LifecycleAction, actor: Actor, at: Date) =>
      act(db, calendar, trackingId, action, actor, at);
    trackingId = await fileInto(db, calendar, ids.samarinda, wita('2024-06-03T08:00'));
    await step(
      { type: 'verify', targets: [await holderById(db, ids.samarinda)] },
      a.coordinator,
      wita('2024-06-03T10:00'),
    );
    await step(
      { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
      a.liaison,
      wita('2024-06-04T09:00'),
    );
    await step(
      { type: 'post_follow_up', message: 'Sudah kami periksa di lapangan.' },
      a.liaison,
      wita('2024-06-05T09:00'),
    );
    await step({ type: 'reporter_reply', message: 'Belum diperbaiki.' }, REPORTER, wita('2024-06-06T09:00'));
    // A returns it on Monday 24 June, after its follow-up-after-reply deadline (Thursday 13 June) passed.
    await step(
      { type: 'not_our_authority', reason: 'Jalan nasional.', target: await holderById(db, ids.kemenpu) },
      a.coordinator,
      wita('2024-06-24T10:00'),
    );
    t.setNow('2024-06-25T02:00:00Z');
  }, 120_000);
  afterAll(() => t.close());

  it('gives B one received report, not followed up, with no speed, no activity and no stage A held', async () => {
    const b = await summary(`institutionId=${ids.kemenpu}&subtree=false`);
    expect(b.indicators).toMatchObject({
      received: 1,
      resolved: 0,
      inProcess: 0,
      notFollowedUp: 1,
      averageFollowUpSpeed: null,
      followedUp: 0,
      reopenRate: 0,
      slaCompliance: NO_STAGES,
    });
    expect(b.institutions.active).toBe(0);
    // Nor does A's work make anyone active in the nation: the report is B's now, and B has done nothing.
    const national = await summary('');
    expect(national.indicators).toMatchObject({ received: 1, notFollowedUp: 1, slaCompliance: NO_STAGES });
    expect(national.institutions.active).toBe(0);
  });

  it('keeps A’s work in A’s staff activity and the days A kept it, not in A’s received reports', async () => {
    const a = await summary(`institutionId=${ids.samarinda}`);
    expect(a.indicators).toMatchObject({ received: 0, followedUp: 0, slaCompliance: NO_STAGES });
    const count = (action: string) =>
      a.activity.staffActivity.find((x: { action: string }) => x.action === action)?.count;
    expect([
      count('verify'),
      count('acknowledge'),
      count('post_follow_up'),
      count('not_our_authority'),
    ]).toEqual([1, 1, 1, 1]);
    // A kept it from the filing (Monday 3 June) to the forward (Monday 24 June): 15 weekdays after 3 June, less
    // Iduladha (17 June) and its cuti bersama (18 June).
    expect(a.activity.forwards).toEqual([
      {
        institutionId: ids.samarinda,
        name: expect.any(String),
        forwards: 1,
        heldWorkingDays: 13,
        averageHeldDays: 13,
      },
    ]);
  });

  it('counts B’s own work from B’s disposition on', async () => {
    const b = staffOf(ids.kemenpu);
    const db = t.database.db;
    await act(
      db,
      calendar,
      trackingId,
      { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
      b.liaison,
      wib('2024-06-25T09:00'),
    );
    await act(
      db,
      calendar,
      trackingId,
      { type: 'post_follow_up', message: 'Jalan nasional akan kami perbaiki.' },
      b.liaison,
      wib('2024-06-26T09:00'),
    );
    const res = await summary(`institutionId=${ids.kemenpu}&subtree=false`);
    expect(res.indicators).toMatchObject({
      received: 1,
      inProcess: 1,
      notFollowedUp: 0,
      // Monday 24 June → Wednesday 26 June.
      averageFollowUpSpeed: 2,
      followedUp: 1,
      slaCompliance: [
        { stage: 'verify', met: 0, breached: 0, rate: null },
        { stage: 'acknowledge', met: 1, breached: 0, rate: 100 },
        { stage: 'follow_up', met: 1, breached: 0, rate: 100 },
      ],
    });
    expect(res.institutions.active).toBe(1);
  });
});
