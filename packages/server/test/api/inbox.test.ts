/**
 * The staff inbox (issue 3 part 3): scope by grants, queues and their counts, deadline maths across Lebaran 2024,
 * filters, sort and pagination, and no reporter identity in any item. Runs the use case on a seeded database.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { listInbox } from '../../src/app/institutions/list-inbox';
import { type CalendarSource, loadCalendar } from '../../src/app/reference/calendar-source';
import type { Database } from '../../src/db/open';
import { INBOX_QUEUES, type InboxQuery, postgresInbox, queryInbox } from '../../src/db/postgres-inbox';
import { presentInboxItem } from '../../src/http/inbox/inbox.presenter';
import { refIds } from '../support/fixtures';
import { caller, endOfDayWita, insertUnitRow, placeReport, REPORTER } from '../support/institution-fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';

// Friday 2024-04-05 10:00 WITA, the last working day before Lebaran 2024: 8–9 April cuti bersama, 10–11 Idul
// Fitri, 12 and 15 cuti bersama. The next working days are Tue 16, Wed 17, Thu 18 April.
const NOW = new Date('2024-04-05T02:00:00Z');

describe.each(ENGINES)('the inbox on %s', (engine) => {
  let d: Database;
  let calendar: CalendarSource;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let balikpapan: number;
  let works: number; // Dinas PUPR, a unit of Samarinda
  let district: number; // Kecamatan Samarinda Ulu, a unit of Samarinda
  let village: number; // a kelurahan under the district
  const t: Record<string, string> = {};

  // The use case, then the route's presenter (as GET /api/v1/inbox does).
  const inbox = async (who: Caller, q: Partial<InboxQuery> = {}, now = NOW) => {
    const { rows, actors, ...page } = await listInbox({ inbox: postgresInbox(d.db), now }, who, {
      queue: 'to_verify',
      sort: 'deadline',
      page: 1,
      pageSize: 100,
      ...q,
    });
    const ctx = { actors, calendar: calendar.get(), decreedYears: calendar.decreedYears(), now };
    return { ...page, items: rows.map((r) => presentInboxItem(r, ctx)) };
  };

  const coordinatorOf = (id: number) => caller([{ role: 'coordinator', institutionId: id }]);
  const nationalAdmin = caller([{ role: 'national_admin', institutionId: null }]);

  /** Every item of a queue, walking all pages. */
  async function allItems(who: Caller, q: Partial<InboxQuery>, pageSize = 2) {
    const items = [];
    for (let page = 1; ; page++) {
      const res = await inbox(who, { ...q, page, pageSize });
      items.push(...res.items);
      if (res.items.length < pageSize) return { items, counts: res.counts, total: res.total };
    }
  }

  beforeAll(async () => {
    d = await openTestDatabase(engine);
    calendar = await loadCalendar(d.db);
    ids = await refIds(d.db);
    balikpapan = (
      (await d.db.execute(sql`select id from institutions where code = 'pemda-64.71'`)).rows[0] as {
        id: number;
      }
    ).id;
    works = await insertUnitRow(d.db, ids.samarinda, 'Dinas Pekerjaan Umum dan Penataan Ruang');
    district = await insertUnitRow(d.db, ids.samarinda, 'Kecamatan Samarinda Ulu', '64.72.03');
    village = await insertUnitRow(d.db, district, 'Kelurahan Air Hitam', '64.72.03.1006');
    const place = (key: string, r: Parameters<typeof placeReport>[1]) =>
      placeReport(d.db, r).then((tid) => {
        t[key] = tid;
      });
    const roads = ids.roads;
    await place('national', {
      holderId: null,
      status: 'submitted',
      dueAt: endOfDayWita('2024-04-17'),
      categoryId: roads,
    });
    await place('smdSubmitted', {
      holderId: ids.samarinda,
      status: 'submitted',
      dueAt: endOfDayWita('2024-04-18'),
      categoryId: roads,
      title: 'Drainase tersumbat di Jalan Pahlawan',
    });
    // At Dinas PUPR: due today, due after Lebaran (1 working day left), 3 working days left, and overdue.
    await place('dueToday', {
      holderId: works,
      status: 'dispositioned',
      dueAt: endOfDayWita('2024-04-05'),
      categoryId: roads,
    });
    await place('dueTue', {
      holderId: works,
      status: 'dispositioned',
      dueAt: endOfDayWita('2024-04-16'),
      categoryId: roads,
    });
    await place('dueThu', {
      holderId: works,
      status: 'in_progress',
      dueAt: endOfDayWita('2024-04-18'),
      categoryId: ids.puskesmas,
      type: 'aspiration',
      isAnonymous: true,
      isConfidential: true,
      title: 'Antrean puskesmas rahasia dan anonim',
    });
    await place('late1', {
      holderId: works,
      status: 'in_progress',
      dueAt: endOfDayWita('2024-04-04'),
      categoryId: roads,
    });
    await place('late4', {
      holderId: works,
      status: 'dispositioned',
      dueAt: endOfDayWita('2024-04-01'),
      categoryId: roads,
    });
    await place('awaiting', {
      holderId: works,
      status: 'awaiting_reporter',
      dueAt: endOfDayWita('2024-04-02'),
      categoryId: roads,
    });
    await place('onHold', {
      holderId: works,
      status: 'on_hold',
      dueAt: endOfDayWita('2024-04-25'),
      categoryId: roads,
    });
    await place('inDistrict', {
      holderId: district,
      status: 'dispositioned',
      dueAt: endOfDayWita('2024-04-17'),
      categoryId: roads,
      regionCode: '64.72.03.1006',
    });
    await place('inVillage', {
      holderId: village,
      status: 'in_progress',
      dueAt: endOfDayWita('2024-04-30'),
      categoryId: ids.puskesmas,
      regionCode: '64.72.03.1006',
    });
    await place('resolved', { holderId: works, status: 'resolved', dueAt: null, categoryId: roads });
    await place('archived', { holderId: ids.samarinda, status: 'archived', dueAt: null, categoryId: roads });
    await place('bppSubmitted', {
      holderId: balikpapan,
      status: 'submitted',
      dueAt: endOfDayWita('2024-04-16'),
      categoryId: roads,
      regionCode: '64.71.01',
    });
    await place('bppLate', {
      holderId: balikpapan,
      status: 'in_progress',
      dueAt: endOfDayWita('2024-04-03'),
      categoryId: roads,
      regionCode: '64.71.01',
    });
  });
  afterAll(() => d.close());

  const trackingIds = (items: { trackingId: string }[]) => items.map((i) => i.trackingId).sort();
  const keysOf = (...keys: string[]) => keys.map((k) => t[k]).sort();

  describe('scope', () => {
    it('a coordinator sees its whole subtree and never another institution’s reports', async () => {
      const smd = coordinatorOf(ids.samarinda);
      const seen = new Set<string>();
      for (const queue of INBOX_QUEUES)
        for (const i of (await inbox(smd, { queue })).items) seen.add(i.trackingId);
      expect([...seen].sort()).toEqual(
        keysOf(
          'smdSubmitted',
          'dueToday',
          'dueTue',
          'dueThu',
          'late1',
          'late4',
          'awaiting',
          'onHold',
          'inDistrict',
          'inVillage',
        ),
      );
      const bpp = coordinatorOf(balikpapan);
      const bppSeen = new Set<string>();
      for (const queue of INBOX_QUEUES)
        for (const i of (await inbox(bpp, { queue })).items) bppSeen.add(i.trackingId);
      expect([...bppSeen].sort()).toEqual(keysOf('bppSubmitted', 'bppLate'));
    });

    it('a unit’s liaison officer sees its unit only; a district’s sees the villages below it', async () => {
      const liaison = caller([{ role: 'liaison_officer', institutionId: works }]);
      const res = await inbox(liaison, { queue: 'to_acknowledge' });
      expect(trackingIds(res.items)).toEqual(keysOf('dueToday', 'dueTue', 'late4'));
      expect(res.counts).toEqual({
        to_verify: 0,
        to_acknowledge: 3,
        in_progress: 2,
        awaiting_reporter: 1,
        on_hold: 1,
        overdue: 2,
      });
      const districtOfficer = caller([{ role: 'liaison_officer', institutionId: district }]);
      const all = await inbox(districtOfficer, { queue: 'in_progress' });
      expect(trackingIds(all.items)).toEqual(keysOf('inVillage'));
      expect(all.counts.to_acknowledge).toBe(1);
    });

    it('the national admin verifies the national queue and unattended reports, and sees everything else', async () => {
      const res = await inbox(nationalAdmin, { queue: 'to_verify' });
      // Samarinda and Balikpapan have no SK: nobody there verifies, so their submitted reports are the admin's.
      expect(trackingIds(res.items)).toEqual(keysOf('national', 'smdSubmitted', 'bppSubmitted'));
      const byId = Object.fromEntries(res.items.map((i) => [i.trackingId, i]));
      expect(byId[t.national!]).toMatchObject({ holder: null, unattended: false });
      expect(byId[t.smdSubmitted!]).toMatchObject({
        holder: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
        unattended: true,
      });
      const overdue = await inbox(nationalAdmin, { queue: 'overdue' });
      expect(trackingIds(overdue.items)).toEqual(keysOf('late1', 'late4', 'bppLate'));
    });

    it('once Samarinda records its SK, its reports are attended and leave the national verify queue', async () => {
      await d.db.execute(
        sql`update institutions set sk_number = 'SK-UJI/1', sk_date = '2024-01-02' where id = ${ids.samarinda}`,
      );
      try {
        const res = await inbox(nationalAdmin, { queue: 'to_verify' });
        expect(trackingIds(res.items)).toEqual(keysOf('national', 'bppSubmitted'));
        // Its units are connected through it.
        const coord = await inbox(coordinatorOf(ids.samarinda), { queue: 'to_acknowledge' });
        expect(coord.items.every((i) => i.unattended === false)).toBe(true);
      } finally {
        await d.db.execute(
          sql`update institutions set sk_number = null, sk_date = null where id = ${ids.samarinda}`,
        );
      }
    });

    it('a coordinator’s items are unattended while its institution has no SK', async () => {
      const res = await inbox(coordinatorOf(ids.samarinda), { queue: 'to_verify' });
      expect(res.items.map((i) => [i.trackingId, i.unattended])).toEqual([[t.smdSubmitted, true]]);
    });

    it('oversight reads its scope read-only; handlers may act', async () => {
      const ombudsman = caller([{ role: 'oversight', institutionId: null }]);
      const res = await inbox(ombudsman, { queue: 'overdue' });
      expect(trackingIds(res.items)).toEqual(keysOf('late1', 'late4', 'bppLate'));
      expect(res.items.every((i) => i.readOnly)).toBe(true);
      const local = caller([{ role: 'oversight', institutionId: balikpapan }]);
      expect(trackingIds((await inbox(local, { queue: 'overdue' })).items)).toEqual(keysOf('bppLate'));
      const leadership = caller([{ role: 'leadership', institutionId: ids.samarinda }]);
      expect((await inbox(leadership, { queue: 'overdue' })).items.every((i) => i.readOnly)).toBe(true);
      const coord = await inbox(coordinatorOf(ids.samarinda), { queue: 'overdue' });
      expect(coord.items.every((i) => !i.readOnly)).toBe(true);
    });

    it('grants add up: a coordinator of two institutions sees both', async () => {
      const both = caller([
        { role: 'coordinator', institutionId: ids.samarinda },
        { role: 'coordinator', institutionId: balikpapan },
      ]);
      const res = await inbox(both, { queue: 'to_verify' });
      expect(trackingIds(res.items)).toEqual(keysOf('smdSubmitted', 'bppSubmitted'));
    });

    // Anonymous callers (401) are the route's: inbox-http.test.ts.
    it('citizens and developers have no inbox', async () => {
      await expect(inbox(caller([{ role: 'citizen', institutionId: null }]))).rejects.toMatchObject({
        error: { code: 'NOT_ALLOWED' },
      });
      await expect(
        inbox(caller([{ role: 'developer', institutionId: ids.samarinda }])),
      ).rejects.toMatchObject({
        error: { code: 'NOT_ALLOWED' },
      });
    });
  });

  describe('queues, counts and deadlines', () => {
    it('counts equal the items of every queue, for every caller', async () => {
      for (const who of [coordinatorOf(ids.samarinda), nationalAdmin, coordinatorOf(balikpapan)]) {
        const { counts } = await inbox(who);
        for (const queue of INBOX_QUEUES) {
          const walked = await allItems(who, { queue });
          expect(walked.items.length, `${queue}`).toBe(counts[queue]);
          expect(walked.total).toBe(counts[queue]);
          expect(new Set(walked.items.map((i) => i.trackingId)).size).toBe(counts[queue]);
        }
      }
    });

    it('sorts by deadline by default, and by newest on request', async () => {
      const smd = coordinatorOf(ids.samarinda);
      const res = await inbox(smd, { queue: 'to_acknowledge' });
      expect(res.items.map((i) => i.trackingId)).toEqual([t.late4, t.dueToday, t.dueTue, t.inDistrict]);
      const dues = res.items.map((i) => i.dueAt!);
      expect(dues).toEqual([...dues].sort());
      const newest = await inbox(smd, { queue: 'to_acknowledge', sort: 'newest' });
      // Same creation time for all: newest first falls back to the latest filed.
      expect(newest.items.map((i) => i.trackingId)).toEqual([t.inDistrict, t.late4, t.dueTue, t.dueToday]);
    });

    it('counts working days left in the holder’s zone across Lebaran 2024, and grades the deadline', async () => {
      const liaison = caller([{ role: 'liaison_officer', institutionId: works }]);
      const items = [
        ...(await inbox(liaison, { queue: 'to_acknowledge' })).items,
        ...(await inbox(liaison, { queue: 'in_progress' })).items,
      ];
      const by = Object.fromEntries(items.map((i) => [i.trackingId, i]));
      expect(by[t.dueToday!]).toMatchObject({ workingDaysLeft: 0, dueState: 'due_soon' });
      // Eleven calendar days away, but 8–15 April are all days off: one working day left.
      expect(by[t.dueTue!]).toMatchObject({ workingDaysLeft: 1, dueState: 'due_soon' });
      expect(by[t.dueThu!]).toMatchObject({ workingDaysLeft: 3, dueState: 'ok' });
      expect(by[t.late1!]).toMatchObject({ workingDaysLeft: -1, dueState: 'overdue' });
      expect(by[t.late4!]).toMatchObject({ workingDaysLeft: -4, dueState: 'overdue' });
      expect(by[t.dueTue!]!.dueAt).toBe('2024-04-16T15:59:59.999Z');

      // On Monday 15 April (cuti bersama) the Tuesday deadline is still one working day away.
      const monday = await inbox(liaison, { queue: 'to_acknowledge' }, new Date('2024-04-15T02:00:00Z'));
      const tue = monday.items.find((i) => i.trackingId === t.dueTue)!;
      expect(tue).toMatchObject({ workingDaysLeft: 1, dueState: 'due_soon' });
      // Wednesday 17 April: Tuesday's deadline was missed yesterday.
      const wed = await inbox(liaison, { queue: 'overdue' }, new Date('2024-04-17T02:00:00Z'));
      expect(wed.items.find((i) => i.trackingId === t.dueTue)).toMatchObject({
        workingDaysLeft: -1,
        dueState: 'overdue',
      });
    });

    it('overdue holds the staff deadlines only; the reporter’s timers are marked as such', async () => {
      const liaison = caller([{ role: 'liaison_officer', institutionId: works }]);
      const overdue = await inbox(liaison, { queue: 'overdue' });
      expect(trackingIds(overdue.items)).toEqual(keysOf('late1', 'late4'));
      const awaiting = await inbox(liaison, { queue: 'awaiting_reporter' });
      expect(awaiting.items[0]).toMatchObject({ trackingId: t.awaiting, waitingOn: 'reporter' });
      expect(overdue.items.every((i) => i.waitingOn === 'institution')).toBe(true);
    });
  });

  describe('filters and pagination', () => {
    const smd = () => coordinatorOf(ids.samarinda);

    it('filters by category (with its subcategories), region, type, unit and text', async () => {
      const byCategory = await inbox(smd(), { queue: 'in_progress', categoryId: ids.puskesmas });
      expect(trackingIds(byCategory.items)).toEqual(keysOf('dueThu', 'inVillage'));
      expect(byCategory.counts.in_progress).toBe(2);
      expect(byCategory.counts.to_acknowledge).toBe(0);
      const topic = await inbox(smd(), { queue: 'to_acknowledge', categoryId: ids.infrastructure });
      expect(topic.items).toHaveLength(4);

      const byRegion = await inbox(smd(), { queue: 'to_acknowledge', regionCode: '64.72.03' });
      expect(trackingIds(byRegion.items)).toEqual(keysOf('inDistrict'));

      const byType = await inbox(smd(), { queue: 'in_progress', type: 'aspiration' });
      expect(trackingIds(byType.items)).toEqual(keysOf('dueThu'));

      const byUnit = await inbox(smd(), { queue: 'to_acknowledge', unitId: district });
      expect(trackingIds(byUnit.items)).toEqual(keysOf('inDistrict'));
      const subtree = await inbox(smd(), { queue: 'in_progress', unitId: district });
      expect(trackingIds(subtree.items)).toEqual(keysOf('inVillage'));

      const byText = await inbox(smd(), { queue: 'to_verify', q: 'drainase' });
      expect(trackingIds(byText.items)).toEqual(keysOf('smdSubmitted'));
      const byTracking = await inbox(smd(), { queue: 'to_acknowledge', q: t.dueTue!.toLowerCase() });
      expect(trackingIds(byTracking.items)).toEqual(keysOf('dueTue'));
    });

    it('refuses a unit filter outside the caller’s scope', async () => {
      await expect(inbox(coordinatorOf(balikpapan), { unitId: works })).rejects.toMatchObject({
        error: { code: 'NOT_ALLOWED' },
      });
      await expect(inbox(smd(), { unitId: 999_999 })).rejects.toMatchObject({
        error: { code: 'VALIDATION', fields: [{ field: 'unitId', code: 'unknown' }] },
      });
    });

    it('pages through a queue without gaps or repeats', async () => {
      const full = await inbox(smd(), { queue: 'to_acknowledge' });
      const p1 = await inbox(smd(), { queue: 'to_acknowledge', pageSize: 3, page: 1 });
      const p2 = await inbox(smd(), { queue: 'to_acknowledge', pageSize: 3, page: 2 });
      expect([...p1.items, ...p2.items].map((i) => i.trackingId)).toEqual(
        full.items.map((i) => i.trackingId),
      );
      expect(p1.total).toBe(4);
      expect(p2.items).toHaveLength(1);
      const beyond = await inbox(smd(), { queue: 'to_acknowledge', pageSize: 3, page: 3 });
      expect(beyond.items).toEqual([]);
    });
  });

  describe('privacy', () => {
    it('carries no reporter field at all, and none of the reporter’s data, anonymous or not', async () => {
      for (const who of [
        coordinatorOf(ids.samarinda),
        nationalAdmin,
        caller([{ role: 'oversight', institutionId: null }]),
      ]) {
        for (const queue of INBOX_QUEUES) {
          const res = await inbox(who, { queue });
          const text = JSON.stringify(res);
          for (const secret of [REPORTER.name, REPORTER.email, REPORTER.phone, 'Rahmat', 'Jl. Pahlawan 12'])
            expect(text).not.toContain(secret);
          for (const item of res.items) {
            expect(Object.keys(item).some((k) => /reporter|email|phone|address|contact|name$/i.test(k))).toBe(
              false,
            );
          }
        }
      }
    });

    it('shows staff in scope a confidential report’s content', async () => {
      const res = await inbox(coordinatorOf(ids.samarinda), { queue: 'in_progress' });
      expect(res.items.find((i) => i.trackingId === t.dueThu)).toMatchObject({
        title: 'Antrean puskesmas rahasia dan anonim',
        isConfidential: true,
        isAnonymous: true,
      });
    });
  });

  describe('an institution with 300+ open reports', () => {
    it('counts and pages them all', async () => {
      const big = await insertUnitRow(d.db, ids.samarinda, 'Dinas Kesehatan');
      // 320 reports in one statement, copied from a placed one; statuses and deadlines spread over the queues.
      const seed = await placeReport(d.db, {
        holderId: big,
        status: 'in_progress',
        dueAt: endOfDayWita('2024-04-16'),
        categoryId: ids.roads,
      });
      await d.db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
          institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel, language, created_at, updated_at)
        select 'LPR-BULK-' || lpad(g::text, 4, '0') || '-AAAA', type, title, body, incident_date, region_code, category_id,
          institution_id, (array['submitted','dispositioned','in_progress','awaiting_reporter','on_hold'])[1 + g % 5],
          due_at + make_interval(days => g % 20 - 15), lifecycle, is_anonymous, is_confidential, channel, language,
          created_at + make_interval(mins => g), updated_at
        from reports, generate_series(1, 320) g where tracking_id = ${seed}`);
      const officer = caller([{ role: 'liaison_officer', institutionId: big }]);
      const { counts } = await inbox(officer);
      const totalOpen =
        counts.to_verify +
        counts.to_acknowledge +
        counts.in_progress +
        counts.awaiting_reporter +
        counts.on_hold;
      expect(totalOpen).toBe(321);
      const walked = await allItems(officer, { queue: 'in_progress' }, 50);
      expect(walked.items).toHaveLength(counts.in_progress);
      const dues = walked.items.map((i) => i.dueAt!);
      expect(dues).toEqual([...dues].sort());
      expect(counts.overdue).toBeGreaterThan(0);

      // A scope too big to count exactly (a national admin's) counts each queue only up to the cap: forced here
      // with small limits, every queue then equals the exact count where it is under the cap, and says so.
      const scope = { national: true, roots: [] };
      const exact = await queryInbox(
        d.db,
        scope,
        { queue: 'in_progress', sort: 'deadline', page: 1, pageSize: 5 },
        NOW,
      );
      expect(Object.values(exact.countsExact).every(Boolean)).toBe(true);
      const capped = await queryInbox(
        d.db,
        scope,
        { queue: 'in_progress', sort: 'deadline', page: 1, pageSize: 5 },
        NOW,
        { exactScope: 0, cap: 50 },
      );
      for (const q of INBOX_QUEUES) {
        expect(capped.counts[q]).toBe(Math.min(exact.counts[q], 50));
        expect(capped.countsExact[q]).toBe(exact.counts[q] <= 50);
      }
      expect(Object.values(capped.countsExact)).toContain(false);
      expect(capped.rows.map((r) => r.trackingId)).toEqual(exact.rows.map((r) => r.trackingId));
    });
  });
});
