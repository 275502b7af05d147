/**
 * Monitoring and evaluation over HTTP (issue 5): a known set of reports with known disposition, follow-up and
 * resolution dates, walked through the real lifecycle (core + saveTransition, so the rollups are maintained the
 * real way), and the API must return exactly the expected counts and rates — as JSON, CSV, XLSX and PDF.
 */
import type { Actor, LifecycleAction, WorkingDayCalendar } from '@pintu/core';
import ExcelJS from 'exceljs';
import { PDFParse } from 'pdf-parse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overdueReports, silentInstitutions } from '../../src/app/stats/oversight';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
import { startTestApp, type TestApp } from '../support/test-app';
import { callerOf, createUnit } from '../support/workflow-fixtures';

/** Samarinda is in WITA (UTC+8). */
const wita = (local: string) => new Date(`${local}:00+08:00`);
const wib = (local: string) => new Date(`${local}:00+07:00`);
const REPORTER: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let unitId: number;
let calendar: WorkingDayCalendar;
const tracking: Record<string, string[]> = {};

async function walk(
  key: string,
  institutionId: number,
  steps: Array<[LifecycleAction, 'coordinator' | 'liaison' | 'reporter', Date]>,
  over: { filedAt?: Date; verify?: boolean } = {},
) {
  const id = await fileInto(t.database.db, calendar, institutionId, over.filedAt ?? wita('2024-06-03T08:00'));
  const staff = staffOf(institutionId);
  const holder = await holderById(t.database.db, institutionId);
  const all: Array<[LifecycleAction, 'coordinator' | 'liaison' | 'reporter', Date]> =
    over.verify === false
      ? steps
      : [[{ type: 'verify', targets: [holder] }, 'coordinator', wita('2024-06-03T10:00')], ...steps];
  for (const [action, who, at] of all)
    await act(t.database.db, calendar, id, action, who === 'reporter' ? REPORTER : staff[who], at);
  tracking[key] = [...(tracking[key] ?? []), id];
  return id;
}

const ack: LifecycleAction = {
  type: 'acknowledge',
  complexity: 'simple',
  message: 'Diterima, kami tindak lanjuti.',
};
const followUp: LifecycleAction = {
  type: 'post_follow_up',
  message: 'Lubang jalan sudah ditambal oleh tim.',
};

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T00:00:00Z' });
  ids = await refIds(t.database.db);
  calendar = t.deps.calendar.get();
  unitId = await createUnit(t.database.db, ids.samarinda, 'pemda-64.72-dpupr', 'Dinas PUPR Samarinda');
  // Samarinda (dispositioned Monday 3 June 2024 10:00 WITA):
  // 4 resolved, first follow-up Wednesday 5 June (2 working days), rated 5, 4, 4, 3.
  for (const rating of [5, 4, 4, 3])
    await walk('resolved', ids.samarinda, [
      [ack, 'liaison', wita('2024-06-04T09:00')],
      [followUp, 'liaison', wita('2024-06-05T09:00')],
      [{ type: 'accept', rating }, 'reporter', wita('2024-06-06T09:00')],
    ]);
  // 2 awaiting the reporter, first follow-up Tuesday 11 June (6 working days).
  for (let i = 0; i < 2; i++)
    await walk('awaiting', ids.samarinda, [
      [ack, 'liaison', wita('2024-06-04T09:00')],
      [followUp, 'liaison', wita('2024-06-11T09:00')],
    ]);
  // 1 acknowledged only (in process, no follow-up: its follow-up deadline, 11 June, has passed by 20 June).
  await walk('acknowledged', ids.samarinda, [[ack, 'liaison', wita('2024-06-04T09:00')]]);
  // 2 dispositioned and untouched (acknowledge deadline Thursday 6 June has passed).
  for (let i = 0; i < 2; i++) await walk('untouched', ids.samarinda, []);
  // 1 on hold, 1 archived after a hold.
  await walk('hold', ids.samarinda, [
    [{ type: 'hold', question: 'Mohon kirim foto lokasi.' }, 'coordinator', wita('2024-06-04T09:00')],
  ]);
  await walk('archived', ids.samarinda, [
    [{ type: 'hold', question: 'Mohon kirim foto lokasi.' }, 'coordinator', wita('2024-06-04T09:00')],
    [{ type: 'archive', reason: 'no_response' }, 'coordinator', wita('2024-06-19T09:00')],
  ]);
  // Returned to the national queue as not Samarinda's authority on Wednesday 5 June: not received by anyone now,
  // and the 2 working days Samarinda kept it are attributed to Samarinda.
  await walk('forwarded', ids.samarinda, [
    [
      { type: 'not_our_authority', reason: 'Jalan nasional, bukan kewenangan kota.', target: null },
      'coordinator',
      wita('2024-06-05T10:00'),
    ],
  ]);
  // Filed but never dispositioned: not received by anyone.
  await walk('filed', ids.samarinda, [], { verify: false });
  // The unit under Samarinda: 1 report resolved, followed up the same day (0 working days; subtree only).
  await walk('unit', unitId, [
    [ack, 'liaison', wita('2024-06-03T11:00')],
    [followUp, 'liaison', wita('2024-06-03T15:00')],
    [{ type: 'accept', rating: 4 }, 'reporter', wita('2024-06-05T09:00')],
  ]);
  // A ministry (WIB) with 1 report dispositioned in July: outside a June period.
  await walk(
    'ministry',
    ids.kemenpu,
    [
      [
        { type: 'verify', targets: [await holderById(t.database.db, ids.kemenpu)] },
        'coordinator',
        wib('2024-07-01T10:00'),
      ],
    ],
    { verify: false, filedAt: wib('2024-07-01T08:00') },
  );
  t.setNow('2024-06-20T02:00:00Z');
}, 120_000);
afterAll(() => t.close());

const JUNE = 'from=2024-06-01&to=2024-06-30';

describe('summary of a known set (domain.md §9)', () => {
  it('gives the institution alone exactly the expected counts, rates and speed', async () => {
    const res = await t.get(`/api/v1/stats/summary?institutionId=${ids.samarinda}&subtree=false&${JUNE}`);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.scope).toEqual({ kind: 'institution', id: String(ids.samarinda), name: expect.any(String) });
    expect(body.period).toEqual({ from: '2024-06-01', to: '2024-06-30' });
    expect(body.indicators).toMatchObject({
      received: 11,
      resolved: 4,
      inProcess: 3,
      notFollowedUp: 2,
      onHold: 1,
      archived: 1,
      completionRate: 36.36, // 4 / 11
      followUpRate: 63.64, // 7 / 11
      averageFollowUpSpeed: 3.3, // (4 × 2 + 2 × 6) / 6
      followedUp: 6,
      overdueNow: 3,
      reopenRate: 0,
      meanRating: 4, // (5 + 4 + 4 + 3) / 4
      backlogAge: [
        { bucket: '0-3', count: 0 },
        { bucket: '4-7', count: 0 },
        { bucket: '8-14', count: 0 },
        { bucket: '15-30', count: 6 },
        { bucket: '>30', count: 0 },
      ],
    });
    expect(body.grade).toEqual({ code: 'kurang', label: 'Kurang' });
    const sla = Object.fromEntries(body.indicators.slaCompliance.map((s: { stage: string }) => [s.stage, s]));
    // Completed stages as the stage clocks recorded them: every verify on time; 7 acknowledgements the next day,
    // and the archived report's acknowledge stage, paused by the hold, closed on 19 June past its 6 June deadline.
    expect(sla.verify).toMatchObject({ met: 11, breached: 0, rate: 100 });
    expect(sla.acknowledge).toMatchObject({ met: 7, breached: 1, rate: 87.5 });
    expect(sla.follow_up).toMatchObject({ met: 6, breached: 0, rate: 100 });
  });

  it('grades on configured thresholds and basis', async () => {
    const url = `/api/v1/stats/summary?institutionId=${ids.samarinda}&subtree=false&${JUNE}`;
    expect((await (await t.get(`${url}&gradeThresholds=60,45,30`)).json()).grade).toEqual({
      code: 'sedang',
      label: 'Sedang',
    });
    // Follow-up rate 63.64 on the default thresholds 90, 75, 50.
    expect((await (await t.get(`${url}&gradeBasis=followUpRate`)).json()).grade).toEqual({
      code: 'sedang',
      label: 'Sedang',
    });
    expect(
      (await (await t.get(`${url}&gradeBasis=followUpRate&gradeThresholds=60,45,30`)).json()).grade.code,
    ).toBe('sangat_baik');
    const ranked = await (await t.get(`/api/v1/stats/rankings?${JUNE}&gradeThresholds=40,30,20`)).json();
    expect(ranked.items[0].grade).toEqual({ code: 'sangat_baik', label: 'Sangat Baik' });
    for (const bad of ['50,75,90', '120,75,50', '90,75', 'a,b,c'])
      expect((await t.get(`${url}&gradeThresholds=${bad}`)).status, bad).toBe(422);
  });

  it('adds the unit with the subtree (the default)', async () => {
    const body = await (await t.get(`/api/v1/stats/summary?institutionId=${ids.samarinda}&${JUNE}`)).json();
    expect(body.indicators).toMatchObject({
      received: 12,
      resolved: 5,
      completionRate: 41.67,
      followUpRate: 66.67,
      averageFollowUpSpeed: 2.9, // (4 × 2 + 2 × 6 + 0) / 7 = 2.857
    });
  });

  it('is national without a scope, and by period: July holds only the ministry report', async () => {
    const june = await (await t.get(`/api/v1/stats/summary?${JUNE}`)).json();
    expect(june.scope.kind).toBe('national');
    expect(june.indicators.received).toBe(12);
    const july = await (await t.get('/api/v1/stats/summary?from=2024-07-01&to=2024-07-31')).json();
    expect(july.indicators).toMatchObject({ received: 1, notFollowedUp: 1, completionRate: 0 });
  });
});

describe('staff activity and forwards', () => {
  it('counts staff events by role and action in the scope, and the days kept before forwarding', async () => {
    const body = await (await t.get(`/api/v1/stats/summary?institutionId=${ids.samarinda}&${JUNE}`)).json();
    const count = (role: string, action: string) =>
      body.activity.staffActivity.find(
        (a: { role: string; action: string }) => a.role === role && a.action === action,
      )?.count;
    expect(count('coordinator', 'verify')).toBe(13);
    expect(count('liaison_officer', 'acknowledge')).toBe(8);
    expect(count('liaison_officer', 'post_follow_up')).toBe(7);
    expect(count('coordinator', 'not_our_authority')).toBe(1);
    expect(body.activity.staffActivity.some((a: { role: string }) => a.role === 'guest')).toBe(false);
    expect(body.activity.forwards).toEqual([
      {
        institutionId: ids.samarinda,
        name: expect.any(String),
        forwards: 1,
        heldWorkingDays: 2,
        averageHeldDays: 2,
      },
    ]);
    const national = await (await t.get(`/api/v1/stats/summary?${JUNE}`)).json();
    expect(national.activity).toBeNull();
  });
});

describe('rankings, trends and breakdowns', () => {
  it('ranks regional governments summed over their subtree, and ministries', async () => {
    const res = await t.get(`/api/v1/stats/rankings?kind=regional_government&${JUNE}`);
    expect(res.status).toBe(200);
    expect((await res.json()).items).toEqual([
      {
        rank: 1,
        institutionId: ids.samarinda,
        name: expect.stringContaining('Samarinda'),
        received: 12,
        resolved: 5,
        completionRate: 41.67,
        followUpRate: 66.67,
        averageFollowUpSpeed: 2.9,
        grade: { code: 'kurang', label: 'Kurang' },
      },
    ]);
    const ministries = await (
      await t.get('/api/v1/stats/rankings?kind=ministry&from=2024-07-01&to=2024-07-31')
    ).json();
    expect(
      ministries.items.map((i: { institutionId: number; received: number }) => [i.institutionId, i.received]),
    ).toEqual([[ids.kemenpu, 1]]);
  });

  it('gives monthly trends, by category and by province', async () => {
    const trends = await (await t.get('/api/v1/stats/trends?from=2024-05-15&to=2024-07-10')).json();
    expect(trends.items).toEqual([
      {
        month: '2024-06',
        received: 12,
        resolved: 5,
        completionRate: 41.67,
        followUpRate: 66.67,
        averageFollowUpSpeed: 2.9,
      },
      {
        month: '2024-07',
        received: 1,
        resolved: 0,
        completionRate: 0,
        followUpRate: 0,
        averageFollowUpSpeed: null,
      },
    ]);
    const cats = await (await t.get(`/api/v1/stats/by-category?${JUNE}`)).json();
    expect(cats.items).toEqual([
      {
        categoryId: expect.any(Number),
        name: expect.any(String),
        received: 12,
        resolved: 5,
        completionRate: 41.67,
      },
    ]);
    const regions = await (await t.get(`/api/v1/stats/by-region?level=province&${JUNE}`)).json();
    expect(regions.items).toEqual([
      {
        regionCode: '64',
        name: expect.any(String),
        received: 12,
        resolved: 5,
        completionRate: 41.67,
        overdueNow: 3,
      },
    ]);
    const region = await (await t.get(`/api/v1/stats/summary?regionCode=64&${JUNE}`)).json();
    expect(region.scope).toMatchObject({ kind: 'region', id: '64' });
    expect(region.indicators).toMatchObject({ received: 12, completionRate: 41.67, overdueNow: 3 });
  });
});

describe('bad parameters name the field', () => {
  it.each([
    ['from=2024-13-01', 'query.from'],
    ['to=2024-02-30', 'query.to'],
    ['from=2024-06-30&to=2024-06-01', 'query.from'],
    ['institutionId=99999999', 'query.institutionId'],
    ['institutionId=abc', 'query.institutionId'],
    ['regionCode=99', 'query.regionCode'],
    ['regionCode=64.72', 'query.regionCode'],
    ['subtree=maybe', 'query.subtree'],
    ['format=pdf', 'query.format'],
  ])('%s → 422 naming %s', async (query, field) => {
    const res = await t.get(`/api/v1/stats/summary?${query}`);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('refuses an evaluation of an unknown institution, naming the path parameter', async () => {
    const res = await t.get('/api/v1/stats/institutions/99999999/evaluation.pdf');
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].field).toBe('id');
  });

  it('refuses an unknown ranking kind', async () => {
    const res = await t.get('/api/v1/stats/rankings?kind=village');
    expect(res.status).toBe(422);
    expect((await res.json()).errors[0].field).toBe('query.kind');
  });
});

describe('exports hold the same numbers as the API', () => {
  const summaryUrl = () => `/api/v1/stats/summary?institutionId=${ids.samarinda}&${JUNE}`;

  it('CSV: UTF-8 with BOM, an attachment, one row per indicator', async () => {
    const json = await (await t.get(summaryUrl())).json();
    const res = await t.get(`${summaryUrl()}&format=csv`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).trim().split('\r\n');
    expect(lines[0]).toBe('scope,from,to,indicator,value');
    const value = (name: string) => lines.find((l) => l.split(',')[3] === name)?.split(',')[4];
    for (const key of [
      'received',
      'resolved',
      'inProcess',
      'notFollowedUp',
      'completionRate',
      'followUpRate',
      'averageFollowUpSpeed',
    ])
      expect(Number(value(key))).toBe(json.indicators[key]);
    expect(value('completionRate')).toBe('41.67');
  });

  it('XLSX: exceljs reads back the same rankings', async () => {
    const json = await (await t.get(`/api/v1/stats/rankings?${JUNE}`)).json();
    const res = await t.get(`/api/v1/stats/rankings?${JUNE}&format=xlsx`);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      'rank',
      'institutionId',
      'name',
      'received',
      'resolved',
      'completionRate',
      'followUpRate',
      'averageFollowUpSpeed',
      'grade',
    ]);
    const row = (ws.getRow(2).values as unknown[]).slice(1);
    const item = json.items[0];
    expect(row).toEqual([1, item.institutionId, item.name, 12, 5, 41.67, 66.67, 2.9, 'Kurang']);
  });

  it('XLSX of the summary holds the summary numbers', async () => {
    const json = await (await t.get(summaryUrl())).json();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await (await t.get(`${summaryUrl()}&format=xlsx`)).arrayBuffer());
    const byName = new Map<string, unknown>();
    wb.worksheets[0]!.eachRow((r, n) => {
      if (n > 1) byName.set(String(r.getCell(4).value), r.getCell(5).value);
    });
    expect(byName.get('completionRate')).toBe(json.indicators.completionRate);
    expect(byName.get('averageFollowUpSpeed')).toBe(json.indicators.averageFollowUpSpeed);
    expect(byName.get('received')).toBe(12);
  });

  it('PDF: the evaluation report reads back (pdf-parse) with the API’s numbers', async () => {
    const json = await (await t.get(summaryUrl())).json();
    const res = await t.get(`/api/v1/stats/institutions/${ids.samarinda}/evaluation.pdf?${JUNE}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const parser = new PDFParse({ data: new Uint8Array(await res.arrayBuffer()) });
    const text = (await parser.getText()).text;
    await parser.destroy();
    expect(text).toContain('Periode (tanggal disposisi): 2024-06-01 s.d. 2024-06-30');
    expect(text).toContain(`Diterima (received): ${json.indicators.received}`);
    expect(text).toContain(`Selesai (resolved): ${json.indicators.resolved}`);
    expect(text).toContain(`Tingkat penyelesaian (completion rate): ${json.indicators.completionRate} %`);
    expect(text).toContain(`Tingkat tindak lanjut (follow-up rate): ${json.indicators.followUpRate} %`);
    expect(text).toContain(
      `Rata-rata laju tindak lanjut (working days): ${json.indicators.averageFollowUpSpeed}`,
    );
    expect(text).toContain('Predikat (grade): Kurang');
    expect(text).toContain('2024-06: diterima 12, selesai 5, penyelesaian 41.67 %');
    expect(text).toContain('coordinator / verify: 13');
    expect(text).toMatch(/Samarinda: 1 laporan, 2 hari kerja \(rata-rata 2\)/);
  });

  it('every list endpoint downloads as CSV', async () => {
    for (const path of ['trends', 'by-category', 'by-region', 'aspirations', 'rankings']) {
      const res = await t.get(`/api/v1/stats/${path}?${JUNE}&format=csv`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-disposition'), path).toMatch(/^attachment/);
    }
  });
});

describe('oversight lists', () => {
  it('lists what is overdue now, without identity or content, to staff only', async () => {
    const deps = { ...t.deps, now: new Date('2024-06-20T02:00:00Z') };
    const all = await overdueReports(deps, callerOf('national_admin', null), {});
    expect(all.items).toHaveLength(3);
    expect(new Set(all.items.map((i) => i.trackingId))).toEqual(
      new Set([...(tracking.untouched ?? []), ...(tracking.acknowledged ?? [])]),
    );
    const first = all.items[0]!;
    expect(Object.keys(first).sort()).toEqual([
      'dueAt',
      'institutionId',
      'institutionName',
      'stage',
      'trackingId',
      'workingDaysOverdue',
    ]);
    // Acknowledge due end of Thursday 6 June WITA; 7, 10–14, 19 and 20 June (17–18 June Idul Adha) = 8.
    expect(first).toMatchObject({ stage: 'acknowledge', workingDaysOverdue: 8 });
    const other = await overdueReports(deps, callerOf('coordinator', ids.kemenpu), {});
    expect(other.items).toEqual([]);
    const own = await overdueReports(deps, callerOf('coordinator', ids.samarinda), {
      institutionId: ids.samarinda,
    });
    expect(own.items).toHaveLength(3);
    await expect(overdueReports(deps, callerOf('citizen', null), {})).rejects.toMatchObject({
      error: { code: 'NOT_ALLOWED' },
    });
    await expect(
      overdueReports(deps, callerOf('coordinator', ids.kemenpu), { institutionId: ids.samarinda }),
    ).rejects.toMatchObject({ error: { code: 'NOT_ALLOWED' } });
    const anonymous = await t.get('/api/v1/stats/overdue');
    expect(anonymous.status).toBe(401);
  });

  it('names the institutions that received reports and never answered', async () => {
    const period = { from: '2024-07-01', to: '2024-07-31' };
    const silent = await silentInstitutions(t.deps, callerOf('oversight', null), {}, period);
    expect(silent.items).toEqual([
      expect.objectContaining({
        institutionId: ids.kemenpu,
        received: 1,
        notFollowedUp: 1,
        connected: false,
      }),
    ]);
    const june = await silentInstitutions(
      t.deps,
      callerOf('oversight', null),
      {},
      { from: '2024-06-01', to: '2024-06-30' },
    );
    expect(june.items).toEqual([]);
  });
});
