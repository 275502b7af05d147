/**
 * A program grievance's journey (issue 15), through the FCPF-CF East Kalimantan program seeded as reference data:
 * filed for a village of Kota Samarinda it lands dispositioned at that village's unit with its level deadline, the
 * village raises it to the city government, which resolves it; the program's queue, report and village map show it,
 * never with an anonymous reporter's identity. Bad filings are field-level 422 and store nothing.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput, rowCounts } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let unitId: number;
type Who =
  | 'samarindaCoordinator'
  | 'samarindaLiaison'
  | 'owner'
  | 'oversight'
  | 'citizen'
  | 'facilitator'
  | 'villageLiaison'
  | 'villageCoordinator';
const h = {} as Record<Who, Record<string, string>>;
const VILLAGE = '64.72.01.1001'; // Rawa Makmur, Palaran, Kota Samarinda
const OTHER_VILLAGE = '64.72.01.1002'; // Handil Bakti
let first: { trackingId: string; accessCode: string };
let second: { trackingId: string };

const grievance = (over: Record<string, unknown> = {}) =>
  reportInput(ids.roads, {
    title: 'Pembagian manfaat program belum sampai ke kelompok tani',
    body: 'Dana kegiatan kelompok tani di desa kami belum diterima walau sudah dijanjikan sejak awal tahun ini.',
    incidentDate: '2024-05-20',
    location: { regionCode: VILLAGE, lat: -0.6, lng: 117.2 },
    program: {
      code: 'fcpf-cf-kaltim',
      categoryCode: 'pembagian-manfaat',
      fields: { atasNama: 'Perorangan' },
    },
    reporterGender: 'female',
    ...over,
  });

async function act(
  trackingId: string,
  at: string,
  body: Record<string, unknown>,
  headers: Record<string, string>,
) {
  t.setNow(at);
  const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, headers);
  const out = await res.json();
  expect(res.status, JSON.stringify(out)).toBe(200);
  return out;
}

async function institutionCount(): Promise<number> {
  const res = await t.deps.db.execute(sql`select count(*)::int as n from institutions`);
  return (res.rows[0] as { n: number }).n;
}

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' }); // Monday 10:00 WITA
  ids = await refIds(t.deps.db);
  h.samarindaCoordinator = (await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda })).headers;
  h.samarindaLiaison = (await signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda })).headers;
  h.owner = (await signInAs(t, { role: 'coordinator', institutionId: ids.kaltim })).headers;
  h.oversight = (await signInAs(t, { role: 'oversight' })).headers;
  h.citizen = (await signInAs(t, { role: 'citizen' })).headers;
  h.facilitator = (await signInAs(t, { role: 'facilitator', name: 'Pendamping Uji' })).headers;
});
afterAll(() => t.close());

describe('bad program filings', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    ['a village outside the area', { location: { regionCode: '35.78.01.1001' } }, 'location.regionCode'],
    ['a regency instead of a village', { location: { regionCode: '64.72' } }, 'location.regionCode'],
    [
      'an unknown program category',
      { program: { code: 'fcpf-cf-kaltim', categoryCode: 'tidak-ada', fields: {} } },
      'program.categoryCode',
    ],
    [
      'a field the program does not have',
      { program: { code: 'fcpf-cf-kaltim', categoryCode: 'lainnya', fields: { lain: 'x' } } },
      'program.fields.lain',
    ],
    [
      'a choice not offered',
      { program: { code: 'fcpf-cf-kaltim', categoryCode: 'lainnya', fields: { atasNama: 'Perusahaan' } } },
      'program.fields.atasNama',
    ],
    ['an unknown program', { program: { code: 'tidak-ada', categoryCode: 'x', fields: {} } }, 'program.code'],
  ];
  it.each(cases)('%s is a 422 on that field, nothing stored, no unit made', async (_label, over, field) => {
    const before = [await rowCounts(t.deps.db), await institutionCount()];
    const res = await t.post('/api/v1/reports', grievance(over));
    const body = await res.json();
    expect(res.status, JSON.stringify(body)).toBe(422);
    expect(body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect([await rowCounts(t.deps.db), await institutionCount()]).toEqual(before);
  });
});

describe('a villager’s grievance, handled at village level, raised to the city, resolved', () => {
  it('lands dispositioned at the village unit with the 14-working-day village deadline (WITA)', async () => {
    const res = await t.post('/api/v1/reports', grievance());
    const filed = await res.json();
    expect(res.status, JSON.stringify(filed)).toBe(201);
    first = filed;
    // Monday 3 June + 14 working days (17 June Idul Adha and 18 June cuti bersama off) = end of Tue 25 June, WITA.
    expect(filed).toMatchObject({
      status: 'dispositioned',
      queue: 'institution',
      institution: { name: 'Pemerintah Desa/Kelurahan Rawa Makmur' },
      program: { code: 'fcpf-cf-kaltim', level: 'village', levelDueAt: '2024-06-25T15:59:59.999Z' },
      dueAt: '2024-06-06T15:59:59.999Z',
    });
    unitId = filed.institution.id;
    const row = await t.deps.db.execute(sql`select r.program_level, r.program_category, r.program_fields,
        r.reporter_gender, c.code as category, i.parent_id, i.region_code
      from reports r join categories c on c.id = r.category_id join institutions i on i.id = r.institution_id
      where r.tracking_id = ${filed.trackingId}`);
    expect(row.rows[0]).toEqual({
      program_level: 'village',
      program_category: 'pembagian-manfaat',
      program_fields: { atasNama: 'Perorangan' },
      reporter_gender: 'female',
      category: 'lingkungan',
      parent_id: ids.samarinda,
      region_code: VILLAGE,
    });
    h.villageLiaison = (await signInAs(t, { role: 'liaison_officer', institutionId: unitId })).headers;
    h.villageCoordinator = (await signInAs(t, { role: 'coordinator', institutionId: unitId })).headers;
  });

  it('the village acknowledges it, then raises it to the city: a new custody with the city deadline', async () => {
    await act(
      first.trackingId,
      '2024-06-04T02:00:00Z',
      { action: 'acknowledge', complexity: 'simple', message: 'Kami terima dan periksa.' },
      h.villageLiaison,
    );
    const view = await (await t.get(`/api/v1/reports/${first.trackingId}`, h.villageCoordinator)).json();
    expect(view.handling.allowedActions).toContain('raise_level');
    const out = await act(
      first.trackingId,
      '2024-06-05T02:00:00Z',
      { action: 'raise_level', reason: 'Dana dari kabupaten/kota; perlu keputusan kota.' },
      h.villageCoordinator,
    );
    expect(out).toMatchObject({
      status: 'dispositioned',
      stage: 'acknowledge',
      institution: { id: ids.samarinda },
    });
    const row = await t.deps.db.execute(sql`select program_level,
        program_level_due_at = '2024-06-27T15:59:59.999Z'::timestamptz as "dueOk"
      from reports where tracking_id = ${first.trackingId}`);
    // Wednesday 5 June + 14 working days = end of Thursday 27 June, WITA.
    expect(row.rows[0]).toEqual({ program_level: 'regency', dueOk: true });
    const events = await (
      await t.get(`/api/v1/reports/${first.trackingId}/events`, h.samarindaCoordinator)
    ).json();
    const raised = events.events.find((e: { type: string }) => e.type === 'raise_level');
    expect(raised.payload).toMatchObject({
      fromLevel: 'village',
      toLevel: 'regency',
      targetId: String(ids.samarinda),
      heldWorkingDays: 2,
    });
  });

  it('the city acknowledges, follows up, and the villager accepts: resolved', async () => {
    await act(
      first.trackingId,
      '2024-06-06T02:00:00Z',
      { action: 'acknowledge', complexity: 'simple', message: 'Diterima Pemerintah Kota.' },
      h.samarindaLiaison,
    );
    await act(
      first.trackingId,
      '2024-06-07T02:00:00Z',
      { action: 'post_follow_up', message: 'Dana kelompok tani sudah disalurkan hari ini.' },
      h.samarindaLiaison,
    );
    const out = await act(
      first.trackingId,
      '2024-06-10T02:00:00Z',
      { action: 'accept', rating: 5 },
      { 'x-access-code': first.accessCode },
    );
    expect(out.status).toBe('resolved');
  });

  it('a facilitator files an anonymous grievance for another village; it waits at its village', async () => {
    t.setNow('2024-06-10T03:00:00Z');
    const res = await t.post(
      '/api/v1/reports',
      grievance({
        isAnonymous: true,
        reporter: { name: 'Wati Rahasia Sekali', email: 'wati.rahasia@example.id' },
        reporterGender: undefined,
        location: { regionCode: OTHER_VILLAGE, lat: -0.7, lng: 117.3 },
        program: { code: 'fcpf-cf-kaltim', categoryCode: 'lahan-tenurial', fields: {} },
      }),
      h.facilitator,
    );
    second = await res.json();
    expect(res.status, JSON.stringify(second)).toBe(201);
  });
});

describe('the program’s queue, report and village map', () => {
  const period = 'from=2024-06-01&to=2024-06-30';

  it('shows the queue to its handlers within their subtree, everything to the owner and oversight', async () => {
    const queue = async (who: Who, q = '') => t.get(`/api/v1/programs/fcpf-cf-kaltim/queue${q}`, h[who]);
    const all = await (await queue('owner')).json();
    expect(all.items.map((i: { trackingId: string }) => i.trackingId)).toEqual([
      second.trackingId,
      first.trackingId,
    ]);
    expect(all.items[1]).toMatchObject({
      level: 'regency',
      status: 'resolved',
      overdue: false,
      village: { code: VILLAGE },
    });
    expect((await (await queue('oversight')).json()).items).toHaveLength(2);
    // The village unit no longer holds the first: its liaison sees none of the two (the second is another village's).
    expect((await (await queue('villageLiaison')).json()).items).toEqual([]);
    expect(
      (await (await queue('samarindaCoordinator', '?level=village')).json()).items.map(
        (i: { trackingId: string }) => i.trackingId,
      ),
    ).toEqual([second.trackingId]);
    expect((await queue('citizen')).status).toBe(403);
    const text = JSON.stringify(all);
    expect(text).not.toContain('Wati');
    expect(text).not.toContain('wati.rahasia');
  });

  it('counts by category, level, village, status and gender; time to resolve; within the level deadline', async () => {
    const res = await t.get(`/api/v1/programs/fcpf-cf-kaltim/report?${period}`, h.owner);
    const f = await res.json();
    expect(res.status, JSON.stringify(f)).toBe(200);
    expect(f.total).toBe(2);
    expect(f.byCategory.filter((c: { count: number }) => c.count > 0)).toEqual([
      { code: 'pembagian-manfaat', name: 'Pembagian manfaat', count: 1 },
      { code: 'lahan-tenurial', name: 'Lahan dan hak atas tanah', count: 1 },
    ]);
    expect(f.byLevel).toEqual({ village: 1, regency: 1, province: 0 });
    expect(f.byVillage.map((v: { code: string; count: number }) => [v.code, v.count])).toEqual([
      [VILLAGE, 1],
      [OTHER_VILLAGE, 1],
    ]);
    expect(f.byStatus).toMatchObject({ resolved: 1, dispositioned: 1, submitted: 0 });
    expect(f.byGender).toEqual({ female: 1, male: 0, notGiven: 1 });
    expect(f.genderByStatus.female.resolved).toBe(1);
    expect(f.genderByStatus.notGiven.dispositioned).toBe(1);
    // Filed Monday 3 June, resolved Monday 10 June: 4, 5, 6, 7 and 10 June = 5 working days.
    expect(f.timeToResolve).toEqual({ resolved: 1, meanWorkingDays: 5, medianWorkingDays: 5 });
    // Resolved on 10 June, before the city level's deadline of 27 June.
    expect(f.withinDeadline).toEqual({ resolved: 1, within: 1, percent: 100 });
    expect(JSON.stringify(f)).not.toContain('Wati');
    // A period before any filing counts nothing.
    const empty = await (await t.get('/api/v1/programs/fcpf-cf-kaltim/report?to=2024-05-31', h.owner)).json();
    expect(empty.total).toBe(0);
  });

  it('exports the report as CSV for the periodic submission', async () => {
    const res = await t.get(`/api/v1/programs/fcpf-cf-kaltim/report?${period}&format=csv`, h.oversight);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const csv = await res.text();
    expect(csv).toContain('gender,female,female,,1');
    expect(csv).toContain('gender_status,notGiven,notGiven,dispositioned,1');
    expect(csv).toContain('within_deadline,percent,Persen dalam tenggat,,100');
  });

  it('maps activity per village; a facilitator sees the villages of their own filings', async () => {
    const all = await (await t.get(`/api/v1/programs/fcpf-cf-kaltim/villages?${period}`, h.owner)).json();
    expect(all.items).toEqual([
      {
        code: VILLAGE,
        name: 'Rawa Makmur',
        filed: 1,
        byFacilitators: 0,
        open: 0,
        resolved: 1,
        point: { lat: -0.6, lng: 117.2 },
      },
      {
        code: OTHER_VILLAGE,
        name: 'Handil Bakti',
        filed: 1,
        byFacilitators: 1,
        open: 1,
        resolved: 0,
        point: { lat: -0.7, lng: 117.3 },
      },
    ]);
    const mine = await (
      await t.get(`/api/v1/programs/fcpf-cf-kaltim/villages?${period}`, h.facilitator)
    ).json();
    expect(mine.items.map((v: { code: string }) => v.code)).toEqual([OTHER_VILLAGE]);
    expect((await t.get('/api/v1/programs/fcpf-cf-kaltim/villages', h.citizen)).status).toBe(403);
  });
});
