/**
 * A year without its decree is never silent (issue 10): on 6 December 2026 the 2027 calendar is provisional —
 * `/api/health`, the holiday list and every staff deadline counted into 2027 say so — while 1 January 2027 is off
 * all the same (a fixed-date holiday). Entering a 2027 decree file makes the year decreed and moves the open
 * deadlines it changes. The decree here is a test fixture (its reference says so), never real data.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

const NOTICE = 'Kalender 2027 belum ditetapkan — tenggat bersifat sementara';
const TEST_DECREE = {
  year: 2027,
  sources: [
    { ref: 'SKB UJI/2026', kind: 'annual', title: 'Keputusan uji (bukan data nyata)', date: '2026-11-30' },
  ],
  holidays: [
    { date: '2027-01-01', name: 'Tahun Baru 2027 Masehi', kind: 'national', source: 'SKB UJI/2026' },
    {
      date: '2027-01-04',
      name: 'Libur uji (bukan data nyata)',
      kind: 'cuti_bersama',
      source: 'SKB UJI/2026',
    },
  ],
};

describe('the 2027 calendar before and after its decree', () => {
  let t: TestApp;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let liaison: SignedIn;
  let trackingId: string;

  const act = async (body: Record<string, unknown>, who: SignedIn) => {
    const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, who.headers);
    expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
    return res.json();
  };
  const handling = async () =>
    (await (await t.get(`/api/v1/reports/${trackingId}`, liaison.headers)).json()).handling;

  beforeAll(async () => {
    // Monday 21 December 2026, 09:00 WIB; the ministry of public works is central, so WIB.
    t = await startTestApp({ now: '2026-12-21T02:00:00Z' });
    const ids = await refIds(t.deps.db);
    [admin, coordinator, liaison] = await Promise.all([
      signInAs(t, { role: 'national_admin' }),
      signInAs(t, { role: 'coordinator', institutionId: ids.kemenpu }),
      signInAs(t, { role: 'liaison_officer', institutionId: ids.kemenpu }),
    ]);
    const filed = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { institutionId: ids.kemenpu, incidentDate: '2026-12-20', isAnonymous: true }),
    );
    expect(filed.status).toBe(201);
    trackingId = (await filed.json()).trackingId;
    await act({ action: 'verify', targets: [ids.kemenpu] }, coordinator);
    // Monday 28 December 2026, 10:00 WIB: a simple report, follow-up due in 5 working days.
    t.setNow('2026-12-28T03:00:00Z');
    const acknowledged = await act(
      { action: 'acknowledge', complexity: 'simple', message: 'Laporan diterima dan sedang kami periksa.' },
      liaison,
    );
    expect(acknowledged.dueAt).toBe('2027-01-05T16:59:59.999Z');
    expect(acknowledged.dueNotice?.id).toBe(NOTICE);
  });
  afterAll(() => t.close());

  it('says 2027 is provisional from 1 October 2026, not before', async () => {
    t.setNow('2026-09-30T16:59:59Z'); // 23:59:59 WIB on 30 September
    expect((await (await t.get('/api/health')).json()).calendar.provisionalYears).toEqual([]);
    t.setNow('2026-09-30T17:00:00Z'); // 00:00 WIB on 1 October
    const health = await (await t.get('/api/health')).json();
    expect(health.calendar.provisionalYears).toEqual([2027]);
    expect(health.calendar.notices[0].id).toBe(NOTICE);
    expect(health.calendar.decreedYears).toEqual([2023, 2024, 2025, 2026]);
    t.setNow('2026-12-28T03:00:00Z');
  });

  it('the staff report page and inbox show the deadline of 5 January 2027 as provisional', async () => {
    const h = await handling();
    expect(h.dueAt).toBe('2027-01-05T16:59:59.999Z'); // 1 January skipped though 2027 has no decree
    expect(h.dueNotice).toEqual({ year: 2027, id: NOTICE, en: expect.stringContaining('2027') });
    const inbox = await (await t.get('/api/v1/inbox?queue=in_progress', liaison.headers)).json();
    const item = inbox.items.find((i: { trackingId: string }) => i.trackingId === trackingId);
    expect(item.dueNotice.id).toBe(NOTICE);
  });

  it('the holiday list of 2027 shows the fixed-date days and no decree', async () => {
    const body = await (await t.get('/api/v1/holidays?year=2027')).json();
    expect(body.calendar).toMatchObject({ year: 2027, decreed: false, decrees: [], notice: { id: NOTICE } });
    expect(body.items.map((h: { date: string; id: number | null }) => [h.date, h.id])).toEqual([
      ['2027-01-01', null],
      ['2027-05-01', null],
      ['2027-06-01', null],
      ['2027-08-17', null],
      ['2027-12-25', null],
    ]);
    const y2026 = await (await t.get('/api/v1/holidays?year=2026')).json();
    expect(y2026.calendar).toMatchObject({ decreed: true, notice: null });
    expect(y2026.calendar.decrees.map((d: { ref: string }) => d.ref)).toEqual(['SKB 1497/2025']);
  });

  it('refuses a decree from anyone but the national admin, and names every bad field', async () => {
    expect((await t.post('/api/v1/holidays/decrees', TEST_DECREE)).status).toBe(401);
    expect((await t.post('/api/v1/holidays/decrees', TEST_DECREE, coordinator.headers)).status).toBe(403);
    const bad = await t.post(
      '/api/v1/holidays/decrees',
      {
        ...TEST_DECREE,
        sources: [{ ...TEST_DECREE.sources[0], kind: 'revision' }],
        holidays: [
          { date: '2026-12-31', name: 'Salah tahun', kind: 'national', source: 'SKB UJI/2026' },
          { date: '2027-02-30', name: 'Tanggal salah', kind: 'national', source: 'SKB UJI/2026' },
          { date: '2027-03-01', name: 'Daerah tanpa kode', kind: 'regional', source: 'SKB UJI/2026' },
          { date: '2027-03-02', name: 'Sumber lain', kind: 'national', source: 'SKB LAIN' },
        ],
      },
      admin.headers,
    );
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors.map((e: { field: string }) => e.field)).toEqual([
      'holidays.0.date',
      'holidays.1.date',
      'holidays.2.regionCode',
      'holidays.3.source',
    ]);
    const noAnnual = await t.post(
      '/api/v1/holidays/decrees',
      { ...TEST_DECREE, sources: [{ ...TEST_DECREE.sources[0], kind: 'revision' }] },
      admin.headers,
    );
    expect(noAnnual.status).toBe(422);
    expect((await noAnnual.json()).errors.map((e: { field: string }) => e.field)).toEqual(['sources']);
    expect((await handling()).dueAt).toBe('2027-01-05T16:59:59.999Z');
  });

  it('a dry run shows the deadline it would move and stores nothing', async () => {
    const res = await t.post('/api/v1/holidays/decrees?dryRun=true', TEST_DECREE, admin.headers);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ dryRun: true, decreed: true });
    expect(body.added.map((h: { date: string }) => h.date)).toEqual(['2027-01-01', '2027-01-04']);
    expect(body.affected).toEqual([
      { trackingId, stage: 'follow_up', from: '2027-01-05T16:59:59.999Z', to: '2027-01-06T16:59:59.999Z' },
    ]);
    expect((await handling()).dueAt).toBe('2027-01-05T16:59:59.999Z');
    const decrees = await t.deps.db.execute(
      sql`select count(*)::int as n from holiday_decrees where year = 2027`,
    );
    expect(decrees.rows[0]).toEqual({ n: 0 });
  });

  it('entering the decree makes 2027 decreed and moves the open deadline, audited', async () => {
    const res = await t.post('/api/v1/holidays/decrees', TEST_DECREE, admin.headers);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.affected.map((a: { to: string }) => a.to)).toEqual(['2027-01-06T16:59:59.999Z']);
    const h = await handling();
    expect(h.dueAt).toBe('2027-01-06T16:59:59.999Z');
    expect(h.dueNotice).toBeNull();
    expect((await (await t.get('/api/health')).json()).calendar.provisionalYears).toEqual([]);
    const list = await (await t.get('/api/v1/holidays?year=2027')).json();
    expect(list.calendar).toMatchObject({ decreed: true, notice: null });
    expect(list.items.filter((i: { id: number | null }) => i.id !== null)).toHaveLength(2);
    const audit = await t.deps.db.execute(
      sql`select change, holiday_id as "holidayId", jsonb_array_length(affected) as n from holiday_changes`,
    );
    expect(audit.rows).toEqual([{ change: 'decree', holidayId: null, n: 1 }]);
    // Entering the same file again changes nothing.
    const again = await (await t.post('/api/v1/holidays/decrees', TEST_DECREE, admin.headers)).json();
    expect([again.added, again.renamed, again.removed, again.affected]).toEqual([[], [], [], []]);
  });
});
