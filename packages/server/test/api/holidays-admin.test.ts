/**
 * Holiday administration: only the national admin adds, moves and removes days off; each change recomputes the
 * open deadlines it touches (stage clock, report row, lifecycle clock), is audited with the reports it moved, and
 * the sweep follows the new deadline.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweep } from '../../src/app/sla/sweep';
import { loadReportState } from '../../src/db/postgres-lifecycle';
import { refIds } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { fileInto, noticesOf, stagesOf } from '../support/sla-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

/** The end of a local date in WITA (UTC+8), as an ISO instant. */
const endOfWita = (date: string) =>
  new Date(new Date(`${date}T24:00:00.000Z`).getTime() - 8 * 3_600_000 - 1).toISOString();

describe('holiday administration', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let trackingId: string;

  const send = (method: string, path: string, body: unknown, who: SignedIn | null) =>
    t.app.request(path, {
      method,
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: { 'content-type': 'application/json', ...(who?.headers ?? {}) },
    });
  const holiday = {
    date: '2024-06-05',
    name: 'Hari pemungutan suara pilkada (uji)',
    kind: 'special',
    source: 'Keppres (uji)',
  };
  const dueNow = async () => {
    const row = await t.database.db.execute(
      sql`select due_at as "dueAt" from reports where tracking_id = ${trackingId}`,
    );
    const state = (await loadReportState(t.database.db, trackingId))!.state;
    const stage = (await stagesOf(t.database.db, trackingId))[0]!;
    const dueAt = new Date((row.rows[0] as { dueAt: string }).dueAt).toISOString();
    expect(state.clock!.dueAt.toISOString()).toBe(dueAt);
    expect(stage.dueAt).toBe(dueAt);
    return dueAt;
  };

  beforeAll(async () => {
    t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
    ids = await refIds(t.database.db);
    [admin, coordinator] = await Promise.all([
      signInAs(t, { role: 'national_admin' }),
      signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
    ]);
    // Monday 3 June 2024, 10:00 WITA: verify due at the end of Thursday 6 June (4, 5, 6 June).
    trackingId = await fileInto(
      t.database.db,
      t.deps.calendar.get(),
      ids.samarinda,
      new Date('2024-06-03T02:00:00Z'),
    );
  });
  afterAll(() => t.close());

  it('refuses everyone but the national admin, and bad input', async () => {
    expect((await send('POST', '/api/v1/holidays', holiday, null)).status).toBe(401);
    expect((await send('POST', '/api/v1/holidays', holiday, coordinator)).status).toBe(403);
    const bad = await send(
      'POST',
      '/api/v1/holidays',
      { ...holiday, date: '2024-02-30', kind: 'regional' },
      admin,
    );
    expect(bad.status).toBe(422);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toContain('date');
    expect((await send('PATCH', '/api/v1/holidays/999999', { name: 'Tidak ada' }, admin)).status).toBe(404);
    expect(await dueNow()).toBe(endOfWita('2024-06-06'));
  });

  it('adding a holiday inside an open deadline moves it by a working day, audited with the report', async () => {
    const res = await send('POST', '/api/v1/holidays', holiday, admin);
    expect(res.status).toBe(201);
    const body = (await res.json()) as { holiday: { id: number }; affected: unknown[] };
    expect(body.affected).toEqual([
      { trackingId, stage: 'verify', from: endOfWita('2024-06-06'), to: endOfWita('2024-06-07') },
    ]);
    expect(await dueNow()).toBe(endOfWita('2024-06-07'));
    expect((await send('POST', '/api/v1/holidays', holiday, admin)).status).toBe(409);
    const audit = await t.database.db.execute(
      sql`select change, affected from holiday_changes where holiday_id = ${body.holiday.id} order by id`,
    );
    expect(audit.rows).toEqual([{ change: 'add', affected: body.affected }]);
    // The sweep follows the new deadline: no reminder at the old one, one at 00:00 WITA of Friday 7 June.
    await sweep({ db: t.database.db, calendar: t.deps.calendar.get }, new Date('2024-06-05T16:00:00Z'));
    expect(await noticesOf(t.database.db, trackingId)).toEqual([]);
    await sweep({ db: t.database.db, calendar: t.deps.calendar.get }, new Date('2024-06-06T16:00:00Z'));
    expect((await noticesOf(t.database.db, trackingId)).map((n) => [n.kind, n.at])).toEqual([
      ['reminder', '2024-06-06T16:00:00.000Z'],
    ]);
  });

  it('moving it past the deadline gives the day back; moving it in again and deleting it recompute too', async () => {
    const list = await t.database.db.execute(sql`select id from holidays where date = '2024-06-05'`);
    const id = (list.rows[0] as { id: number }).id;
    let res = await send('PATCH', `/api/v1/holidays/${id}`, { date: '2024-06-10' }, admin);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { affected: { to: string }[] }).affected.map((a) => a.to)).toEqual([
      endOfWita('2024-06-06'),
    ]);
    expect(await dueNow()).toBe(endOfWita('2024-06-06'));
    res = await send('PATCH', `/api/v1/holidays/${id}`, { date: '2024-06-04' }, admin);
    expect(await dueNow()).toBe(endOfWita('2024-06-07'));
    res = await send('DELETE', `/api/v1/holidays/${id}`, undefined, admin);
    expect(res.status).toBe(200);
    expect(await dueNow()).toBe(endOfWita('2024-06-06'));
    const audit = await t.database.db.execute(
      sql`select change, jsonb_array_length(affected) as n from holiday_changes where holiday_id = ${id} order by id`,
    );
    expect(audit.rows).toEqual([
      { change: 'add', n: 1 },
      { change: 'move', n: 1 },
      { change: 'move', n: 1 },
      { change: 'delete', n: 1 },
    ]);
    expect(t.deps.calendar.get().isWorkingDay('2024-06-04' as never)).toBe(true);
  });
});
