/**
 * A holiday change moves everything it should, atomically: a paused stage gets back the working day a (late-
 * declared) holiday takes out of the days it had used, and the answer resumes it with them; an open reopen window
 * moves (the rating window, in calendar days, does not); and when any part fails, nothing changes — not the
 * holiday, not a deadline, not the audit.
 */
import type { Actor } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addHoliday } from '../../src/app/sla/manage-holidays';
import { loadReportState } from '../../src/db/postgres-lifecycle';
import { refIds } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { act, fileInto, holderById, staffOf, stagesOf } from '../support/sla-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { callerOf } from '../support/workflow-fixtures';

/** The end of a local date in WITA (UTC+8), as an ISO instant. */
const endOfWita = (date: string) =>
  new Date(new Date(`${date}T24:00:00.000Z`).getTime() - 8 * 3_600_000 - 1).toISOString();
const guest: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };

describe('holiday changes: paused clocks, reopen windows, one transaction', () => {
  let t: TestApp;
  let admin: SignedIn;
  let samarinda: number;
  const post = (body: unknown) =>
    t.app.request('/api/v1/holidays', {
      method: 'POST',
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...admin.headers },
    });
  const holiday = (date: string) => ({
    date,
    name: `Hari libur uji ${date}`,
    kind: 'special',
    source: 'uji',
  });

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
    samarinda = (await refIds(t.database.db)).samarinda;
    admin = await signInAs(t, { role: 'national_admin' });
  });
  afterAll(() => t.close());

  it('a holiday declared on the day of a hold gives the paused stage its day back; the answer resumes with it', async () => {
    const db = t.database.db;
    const calendar = () => t.deps.calendar.get();
    // Monday 3 June 2024, 10:00 WITA: verify due at the end of Thursday 6 June (4, 5, 6 June).
    const id = await fileInto(db, calendar(), samarinda, new Date('2024-06-03T02:00:00Z'));
    const { coordinator } = staffOf(samarinda);
    await act(
      db,
      calendar(),
      id,
      { type: 'hold', question: 'Mohon foto.' },
      coordinator,
      new Date('2024-06-04T02:00:00Z'),
    );
    // Paused on Tuesday 4 June: 5 and 6 June were left.
    expect((await loadReportState(db, id))!.state.pausedClock).toMatchObject({ remainingWorkingDays: 2 });
    // The same afternoon, 4 June is declared a day off (e.g. a regional day of mourning).
    t.setNow('2024-06-04T06:00:00Z');
    const res = await post(holiday('2024-06-04'));
    expect(res.status).toBe(201);
    const body = (await res.json()) as { affected: unknown[] };
    expect(body.affected).toContainEqual({
      trackingId: id,
      stage: 'verify',
      from: endOfWita('2024-06-06'),
      to: endOfWita('2024-06-07'),
      remainingDays: { from: 2, to: 3 },
    });
    const state = (await loadReportState(db, id))!.state;
    expect(state.pausedClock).toMatchObject({ remainingWorkingDays: 3 });
    expect(state.pausedClock!.dueAt.toISOString()).toBe(endOfWita('2024-06-07'));
    const verify = (await stagesOf(db, id)).find((s) => s.stage === 'verify')!;
    expect(verify.dueAt).toBe(endOfWita('2024-06-07'));
    const row = await db.execute(sql`select remaining_days as "remainingDays" from sla_stage_clocks s
      join reports r on r.id = s.report_id where r.tracking_id = ${id} and s.stage = 'verify'`);
    expect(row.rows[0]).toEqual({ remainingDays: 3 });
    // Answered on Wednesday 5 June 10:00: three working days from then, the end of Monday 10 June.
    await act(
      db,
      calendar(),
      id,
      { type: 'answer_hold', message: 'Terlampir.' },
      guest,
      new Date('2024-06-05T02:00:00Z'),
    );
    expect((await loadReportState(db, id))!.state.clock).toMatchObject({ stage: 'verify' });
    expect((await loadReportState(db, id))!.state.clock!.dueAt.toISOString()).toBe(endOfWita('2024-06-10'));
    const audit = await db.execute(sql`select affected from holiday_changes order by id desc limit 1`);
    expect((audit.rows[0] as { affected: unknown[] }).affected).toEqual(body.affected);
  });

  it('moves an open reopen window by the working day a holiday takes; the rating window stays', async () => {
    const db = t.database.db;
    const calendar = () => t.deps.calendar.get();
    const at = (iso: string) => new Date(iso);
    t.setNow('2024-06-10T02:00:00Z');
    const id = await fileInto(db, calendar(), samarinda, at('2024-06-10T01:00:00Z'));
    const { coordinator, liaison } = staffOf(samarinda);
    const holder = await holderById(db, samarinda);
    await act(
      db,
      calendar(),
      id,
      { type: 'verify', targets: [holder] },
      coordinator,
      at('2024-06-10T01:10:00Z'),
    );
    await act(
      db,
      calendar(),
      id,
      { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
      liaison,
      at('2024-06-10T01:20:00Z'),
    );
    await act(
      db,
      calendar(),
      id,
      { type: 'post_follow_up', message: 'Selesai.' },
      liaison,
      at('2024-06-10T01:30:00Z'),
    );
    await act(db, calendar(), id, { type: 'accept', rating: 5 }, guest, at('2024-06-10T02:00:00Z'));
    const before = (await loadReportState(db, id))!.state;
    expect(before.status).toBe('resolved');
    const reopenUntil = before.reopenUntil!.toISOString();
    const ratingUntil = before.ratingUntil!.toISOString();
    // A day off inside the window, Wednesday 12 June.
    const res = await post(holiday('2024-06-12'));
    expect(res.status).toBe(201);
    const after = (await loadReportState(db, id))!.state;
    const expected = calendar().addWorkingDays(
      before.resolvedAt!,
      10,
      'Asia/Makassar',
      before.holder.regionCode,
    );
    expect(after.reopenUntil!.toISOString()).toBe(expected.toISOString());
    expect(after.reopenUntil!.getTime()).toBeGreaterThan(new Date(reopenUntil).getTime());
    expect(
      calendar().elapsedWorkingDays(new Date(reopenUntil), after.reopenUntil!, 'Asia/Makassar', null),
    ).toBe(1);
    expect(after.ratingUntil!.toISOString()).toBe(ratingUntil);
    expect(((await res.json()) as { affected: unknown[] }).affected).toContainEqual({
      trackingId: id,
      stage: 'reopen_window',
      from: reopenUntil,
      to: expected.toISOString(),
    });
  });

  it('is one transaction: when the audit cannot be written, no holiday, no moved deadline, no calendar change', async () => {
    const db = t.database.db;
    const calendar = () => t.deps.calendar.get();
    t.setNow('2024-07-01T02:00:00Z');
    // Monday 1 July 2024: verify due at the end of Thursday 4 July.
    const id = await fileInto(db, calendar(), samarinda, new Date('2024-07-01T02:00:00Z'));
    const dueBefore = (await loadReportState(db, id))!.state.clock!.dueAt.toISOString();
    expect(dueBefore).toBe(endOfWita('2024-07-04'));
    await db.execute(sql`create function pintu_test_no_audit() returns trigger language plpgsql as $$
      begin raise exception 'audit unavailable'; end $$`);
    await db.execute(sql`create trigger pintu_test_no_audit before insert on holiday_changes
      for each row execute function pintu_test_no_audit()`);
    try {
      await expect(
        addHoliday(
          { holidays: t.deps.holidays, calendar: t.deps.calendar, now: new Date('2024-07-01T03:00:00Z') },
          callerOf('national_admin', null),
          { date: '2024-07-03', name: 'Gagal', kind: 'special', source: 'uji' },
        ),
      ).rejects.toThrow();
    } finally {
      await db.execute(sql`drop trigger pintu_test_no_audit on holiday_changes`);
      await db.execute(sql`drop function pintu_test_no_audit()`);
    }
    expect((await db.execute(sql`select id from holidays where date = '2024-07-03'`)).rows).toEqual([]);
    expect((await loadReportState(db, id))!.state.clock!.dueAt.toISOString()).toBe(dueBefore);
    expect((await stagesOf(db, id))[0]!.dueAt).toBe(dueBefore);
    const row = await db.execute(sql`select due_at as "dueAt" from reports where tracking_id = ${id}`);
    expect(new Date((row.rows[0] as { dueAt: string }).dueAt).toISOString()).toBe(dueBefore);
    expect(calendar().isWorkingDay('2024-07-03' as never)).toBe(true);
    // The same change without the fault goes through whole.
    const ok = await post(holiday('2024-07-03'));
    expect(ok.status).toBe(201);
    expect((await loadReportState(db, id))!.state.clock!.dueAt.toISOString()).toBe(endOfWita('2024-07-05'));
  });
});
