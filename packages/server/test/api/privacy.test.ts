/**
 * Anonymity (domain.md §7): an anonymous reporter's name, e-mail and phone appear in no staff or public response —
 * report views for every role, timelines, action results, search results, inbox items, the reveal log — nor in the
 * event log or any column of the report row but the sealed one. Only the identity reveal shows it, and is logged.
 * Also: confidential reports stay out of public view.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { createUnit } from '../support/workflow-fixtures';

const SECRET = {
  name: 'Kusumawardhani Pratiwiningsih',
  email: 'kusuma.pratiwi.rahasia@example.id',
  phone: '081398765432',
};
/** Every form in which the identity could leak. */
const NEEDLES = [
  SECRET.name,
  'Kusumawardhani',
  'Pratiwiningsih',
  SECRET.email,
  'kusuma.pratiwi.rahasia',
  SECRET.phone,
  '81398765432',
  '+6281398765432',
];

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let unit: number;
let trackingId: string;
let guest: Record<string, string>;
const staff: Record<string, Record<string, string>> = {};
/** Every staff and public response body collected along the way, by what produced it. */
const seen: [string, string][] = [];

function leaks(text: string): string[] {
  const lower = text.toLowerCase();
  return NEEDLES.filter((n) => lower.includes(n.toLowerCase()));
}

async function record(label: string, res: Response) {
  const text = await res.text();
  seen.push([label, text]);
  return text;
}

beforeAll(async () => {
  t = await startTestApp({ now: '2024-05-08T02:00:00Z' });
  ids = await refIds(t.deps.db);
  unit = await createUnit(t.deps.db, ids.samarinda, 'pemda-64.72-pu-privasi', 'Dinas PU (privasi)');
  const roles: [string, Parameters<typeof signInAs>[1]][] = [
    ['national_admin', { role: 'national_admin' }],
    ['coordinator', { role: 'coordinator', institutionId: ids.samarinda }],
    ['liaison_officer', { role: 'liaison_officer', institutionId: unit }],
    ['unit_operator', { role: 'unit_operator', institutionId: unit }],
    ['leadership', { role: 'leadership', institutionId: ids.samarinda }],
    ['developer', { role: 'developer', institutionId: ids.samarinda }],
    ['oversight (national)', { role: 'oversight' }],
    ['oversight (Samarinda)', { role: 'oversight', institutionId: ids.samarinda }],
    ['oversight (province)', { role: 'oversight', institutionId: ids.kaltim }],
    ['oversight (Kemenpu)', { role: 'oversight', institutionId: ids.kemenpu }],
    ['coordinator elsewhere', { role: 'coordinator', institutionId: ids.kemenpu }],
    ['citizen', { role: 'citizen' }],
    ['facilitator', { role: 'facilitator' }],
  ];
  for (const [label, who] of roles) staff[label] = (await signInAs(t, who)).headers;
});
afterAll(() => t.close());

describe('an anonymous report', () => {
  it('is walked through verification, disposition, a hold, follow-ups and a reply', async () => {
    const filed = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, {
        isAnonymous: true,
        reporter: SECRET,
        title: 'Pungutan liar perbaikan jalan di Samarinda',
      }),
    );
    expect(filed.status).toBe(201);
    const body = JSON.parse(await record('POST /reports (the filing)', filed));
    trackingId = body.trackingId;
    guest = { 'x-access-code': body.accessCode };
    const steps: [string, Record<string, unknown>, Record<string, string>][] = [
      [
        'national_admin',
        { action: 'comment_internal', message: 'Laporan anonim, hati-hati.' },
        staff.national_admin!,
      ],
      ['national_admin', { action: 'verify', targets: [ids.samarinda] }, staff.national_admin!],
      ['coordinator', { action: 'dispose_down', unit }, staff.coordinator!],
      [
        'liaison_officer',
        { action: 'hold', question: 'Di ruas jalan mana tepatnya?' },
        staff.liaison_officer!,
      ],
      ['guest', { action: 'answer_hold', message: 'Jl. Pahlawan, dekat sekolah.' }, guest],
      [
        'liaison_officer',
        { action: 'acknowledge', complexity: 'simple', message: 'Kami tangani.' },
        staff.liaison_officer!,
      ],
      [
        'unit_operator',
        { action: 'draft_follow_up', message: 'Petugas sudah ditegur.' },
        staff.unit_operator!,
      ],
      ['liaison_officer', { action: 'approve_follow_up' }, staff.liaison_officer!],
      ['guest', { action: 'reporter_reply', message: 'Pungutan masih terjadi.' }, guest],
    ];
    t.setNow('2024-05-13T02:00:00Z');
    for (const [who, action, headers] of steps) {
      const res = await t.post(`/api/v1/reports/${trackingId}/actions`, action, headers);
      const text = await record(`POST actions ${action.action} by ${who}`, res);
      expect(res.status, text).toBe(200);
    }
  });

  it('shows no staff or public response the reporter’s name, e-mail or phone', async () => {
    const audiences: [string, Record<string, string>][] = [['public', {}], ...Object.entries(staff)];
    for (const [label, headers] of audiences) {
      await record(`GET report as ${label}`, await t.get(`/api/v1/reports/${trackingId}`, headers));
      await record(`GET events as ${label}`, await t.get(`/api/v1/reports/${trackingId}/events`, headers));
      await record(`search as ${label}`, await t.get('/api/v1/reports?q=pungutan%20liar', headers));
      await record(`list as ${label}`, await t.get('/api/v1/reports?pageSize=100', headers));
      for (const queue of [
        'to_verify',
        'to_acknowledge',
        'in_progress',
        'awaiting_reporter',
        'on_hold',
        'overdue',
      ])
        await record(
          `inbox ${queue} as ${label}`,
          await t.get(`/api/v1/inbox?queue=${queue}&pageSize=100`, headers),
        );
    }
    // The staff who handle it do see the report, as “Pelapor Anonim”.
    const view = await (await t.get(`/api/v1/reports/${trackingId}`, staff.liaison_officer)).json();
    expect(view).toMatchObject({ view: 'staff', reporter: { display: 'Pelapor Anonim' } });
    expect(view.reporter).toEqual({ display: 'Pelapor Anonim' });
    const inbox = await (await t.get('/api/v1/inbox?queue=in_progress', staff.liaison_officer)).text();
    expect(inbox).toContain(trackingId);
    const search = await (await t.get('/api/v1/reports?q=pungutan%20liar')).text();
    expect(search).toContain(trackingId);

    const leaked = seen.flatMap(([label, text]) => leaks(text).map((n) => `${label}: ${n}`));
    expect(leaked).toEqual([]);
    expect(seen.length).toBeGreaterThanOrEqual(13 * 10 + 10);
  });

  it('keeps the identity out of the event log and every report column but the sealed one', async () => {
    const events = await t.deps.db.execute(sql`select e.* from events e join reports r on r.id = e.report_id
      where r.tracking_id = ${trackingId}`);
    expect(events.rows.length).toBe(10);
    expect(leaks(JSON.stringify(events.rows))).toEqual([]);
    // Reporter-side events carry no actor id at all.
    const reporterSide = events.rows.filter((e) => (e as { actor_role: string }).actor_role === 'guest');
    expect(reporterSide.map((e) => (e as { actor_id: string | null }).actor_id)).toEqual([null, null, null]);
    const row = (await t.deps.db.execute(sql`select * from reports where tracking_id = ${trackingId}`))
      .rows[0] as Record<string, unknown>;
    const { reporter_sealed: sealed, ...others } = row;
    expect(leaks(JSON.stringify(others))).toEqual([]);
    expect(leaks(String(sealed))).toEqual([]); // sealed: ciphertext only
    // The identity is really there for its owner, so the checks above could have found it.
    const own = await (await t.get(`/api/v1/reports/${trackingId}`, guest)).text();
    expect(leaks(own)).toContain(SECRET.email);
  });

  it('is revealed only to a national admin holding the permission, with a reason, logged for oversight', async () => {
    const reason = 'Pelapor menyebut ancaman; Ombudsman meminta klarifikasi resmi.';
    const path = `/api/v1/reports/${trackingId}/reveal-identity`;
    for (const label of ['national_admin', 'oversight (national)', 'coordinator']) {
      const res = await t.post(path, { reason }, staff[label]!);
      expect(res.status, label).toBe(403);
      expect(leaks(await res.text())).toEqual([]);
    }
    expect((await t.post(path, { reason })).status).toBe(401);
    const revealer = await signInAs(t, {
      role: 'national_admin',
      permissions: ['reveal_identity'],
      name: 'Admin Pengungkap',
    });
    const short = await t.post(path, { reason: 'perlu' }, revealer.headers);
    expect(short.status).toBe(422);
    t.setNow('2024-05-14T02:00:00Z');
    const res = await t.post(path, { reason }, revealer.headers);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ trackingId, identity: SECRET });

    for (const label of ['oversight (national)', 'national_admin']) {
      const log = await t.get('/api/v1/oversight/identity-reveals', staff[label]!);
      const text = await record(`reveal log as ${label}`, log);
      expect(log.status, label).toBe(200);
      expect(JSON.parse(text).items).toEqual([
        {
          id: expect.any(Number),
          trackingId,
          revealedBy: { userId: revealer.userId, name: 'Admin Pengungkap', role: 'national_admin' },
          reason,
          at: '2024-05-14T02:00:00.000Z',
        },
      ]);
      expect(leaks(text)).toEqual([]);
    }
    // Oversight granted on an institution sees the reveals of its scope only: Samarinda's own, and the province's
    // (a provincial grant covers every regency/city government of the province, domain.md §2); never Kemenpu's.
    const reveals = async (label: string) =>
      (await (await t.get('/api/v1/oversight/identity-reveals', staff[label])).json()).items.map(
        (i: { trackingId: string }) => i.trackingId,
      );
    expect(await reveals('oversight (Samarinda)')).toEqual([trackingId]);
    expect(await reveals('oversight (province)')).toEqual([trackingId]);
    expect(await reveals('oversight (Kemenpu)')).toEqual([]);
    expect((await t.get('/api/v1/oversight/identity-reveals', staff.coordinator)).status).toBe(403);

    // The reveal is in the staff timeline, without the identity; the reporter and the public never see it.
    const timeline = await (await t.get(`/api/v1/reports/${trackingId}/events`, staff.coordinator)).json();
    expect(timeline.events.at(-1)).toMatchObject({ type: 'reveal_identity', payload: { reason } });
    for (const headers of [guest, {}]) {
      const text = await (await t.get(`/api/v1/reports/${trackingId}/events`, headers)).text();
      expect(text).not.toContain('reveal_identity');
    }
    const rows = await t.deps.db.execute(sql`select * from identity_reveals`);
    expect(leaks(JSON.stringify(rows.rows))).toEqual([]);
  });
});

describe('a confidential report', () => {
  it('shows the public its status only, no timeline, and nothing in search; staff elsewhere get 404', async () => {
    t.setNow('2024-05-08T02:00:00Z');
    const filed = await (
      await t.post(
        '/api/v1/reports',
        reportInput(ids.roads, {
          isConfidential: true,
          institutionId: ids.samarinda,
          title: 'Gratifikasi izin bangunan rahasia',
        }),
      )
    ).json();
    const id = filed.trackingId;
    const pub = await (await t.get(`/api/v1/reports/${id}`)).json();
    expect(pub).toMatchObject({ view: 'public', status: 'submitted', title: null, body: null });
    expect((await t.get(`/api/v1/reports/${id}/events`)).status).toBe(404);
    expect(await (await t.get('/api/v1/reports?q=gratifikasi')).text()).not.toContain(id);
    expect((await t.get(`/api/v1/reports/${id}`, staff['coordinator elsewhere'])).status).toBe(404);
    expect((await t.get(`/api/v1/reports/${id}/events`, staff['coordinator elsewhere'])).status).toBe(404);
    const inScope = await (await t.get(`/api/v1/reports/${id}`, staff.coordinator)).json();
    expect(inScope).toMatchObject({ view: 'staff', title: 'Gratifikasi izin bangunan rahasia' });
    expect((await t.get(`/api/v1/reports/${id}/events`, guest)).status).toBe(404); // another report's code
    expect((await t.get(`/api/v1/reports/${id}/events`, { 'x-access-code': filed.accessCode })).status).toBe(
      200,
    );
  });
});
