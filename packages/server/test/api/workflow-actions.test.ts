/**
 * The action endpoint over HTTP beyond the journey: follow-up attachments, the boilerplate warning, the hop limit,
 * holds and their answers, reopening and rating, the approval setting, and how refusals look (problem+json with
 * the domain code and reason, nothing written).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { jpegWithGps, refIds, reportInput, uploadForm } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { createUnit } from '../support/workflow-fixtures';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let unit: number;
const h: Record<string, Record<string, string>> = {};

beforeAll(async () => {
  // Monday 3 June 2024, 09:00 WITA.
  t = await startTestApp({ now: '2024-06-03T01:00:00Z' });
  ids = await refIds(t.deps.db);
  unit = await createUnit(t.deps.db, ids.samarinda, 'pemda-64.72-pu-aksi', 'Dinas PU (aksi)');
  const who: [string, Parameters<typeof signInAs>[1]][] = [
    ['admin', { role: 'national_admin' }],
    ['coordinator', { role: 'coordinator', institutionId: ids.samarinda }],
    ['kaltim', { role: 'coordinator', institutionId: ids.kaltim }],
    ['kemenpu', { role: 'coordinator', institutionId: ids.kemenpu }],
    ['liaison', { role: 'liaison_officer', institutionId: unit }],
    ['operator', { role: 'unit_operator', institutionId: unit }],
  ];
  for (const [k, w] of who) h[k] = (await signInAs(t, w)).headers;
});
afterAll(() => t.close());

const act = (id: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.post(`/api/v1/reports/${id}/actions`, body, headers);

async function ok(id: string, body: Record<string, unknown>, headers: Record<string, string>) {
  const res = await act(id, body, headers);
  const out = await res.json();
  expect(res.status, JSON.stringify(out)).toBe(200);
  return out;
}

/** A report at the unit, in progress. */
async function inProgress(over: Record<string, unknown> = {}) {
  const filed = await (
    await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda, ...over }))
  ).json();
  await ok(filed.trackingId, { action: 'verify', targets: [unit] }, h.coordinator!);
  await ok(
    filed.trackingId,
    { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
    h.liaison!,
  );
  return filed as { trackingId: string; accessCode: string };
}

async function uploadJpeg() {
  const res = await t.upload(uploadForm(await jpegWithGps(), 'foto.jpg', 'image/jpeg'));
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
}

const ownerOf = async (attachmentId: string) =>
  (
    (
      await t.deps.db.execute(sql`select r.tracking_id as "trackingId" from attachments a
        left join reports r on r.id = a.report_id where a.id = ${attachmentId}`)
    ).rows[0] as { trackingId: string | null }
  ).trackingId;

describe('follow-ups with attachments', () => {
  it('a posted follow-up claims its attachments; the reporter sees and downloads them', async () => {
    const r = await inProgress();
    const photo = await uploadJpeg();
    await ok(
      r.trackingId,
      { action: 'post_follow_up', message: 'Sudah ditambal, foto terlampir.', attachmentIds: [photo] },
      h.liaison!,
    );
    expect(await ownerOf(photo)).toBe(r.trackingId);
    const timeline = await (
      await t.get(`/api/v1/reports/${r.trackingId}/events`, { 'x-access-code': r.accessCode })
    ).json();
    expect(timeline.events.at(-1)).toMatchObject({
      type: 'post_follow_up',
      payload: { attachmentIds: [photo] },
    });
    const file = await t.get(`/api/v1/reports/${r.trackingId}/attachments/${photo}`);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
  });

  it('a draft’s attachments are claimed when it is approved, not before', async () => {
    const r = await inProgress();
    const photo = await uploadJpeg();
    await ok(
      r.trackingId,
      { action: 'draft_follow_up', message: 'Draf dengan foto.', attachmentIds: [photo] },
      h.operator!,
    );
    expect(await ownerOf(photo)).toBeNull();
    const staff = await (await t.get(`/api/v1/reports/${r.trackingId}`, h.liaison)).json();
    expect(staff.handling.draft).toMatchObject({
      message: 'Draf dengan foto.',
      attachmentIds: [photo],
      state: 'pending',
    });
    expect(staff.handling.allowedActions).toEqual(
      expect.arrayContaining(['approve_follow_up', 'return_draft', 'post_follow_up']),
    );
    await ok(r.trackingId, { action: 'approve_follow_up' }, h.liaison!);
    expect(await ownerOf(photo)).toBe(r.trackingId);
  });

  it('refuses unknown attachments and another report’s, writing nothing', async () => {
    const r = await inProgress();
    const other = await inProgress();
    const photo = await uploadJpeg();
    await ok(
      other.trackingId,
      { action: 'post_follow_up', message: 'Jawaban lain.', attachmentIds: [photo] },
      h.liaison!,
    );
    const before = await readEvents(t.deps.db, r.trackingId);
    for (const attachmentIds of [[photo], ['00000000-0000-4000-8000-000000000000']]) {
      const res = await act(
        r.trackingId,
        { action: 'post_follow_up', message: 'Coba.', attachmentIds },
        h.liaison,
      );
      expect(res.status).toBe(422);
      expect(await res.json()).toMatchObject({
        code: 'VALIDATION',
        errors: [{ field: 'attachmentIds.0', code: 'unknown' }],
      });
    }
    expect(await readEvents(t.deps.db, r.trackingId)).toEqual(before);
  });

  it('warns when a follow-up is near-identical to the holder’s earlier ones', async () => {
    const message =
      'Terima kasih atas laporan Anda. Laporan telah kami teruskan kepada bidang terkait untuk ditindaklanjuti.';
    const first = await inProgress();
    expect((await ok(first.trackingId, { action: 'post_follow_up', message }, h.liaison!)).warnings).toEqual(
      [],
    );
    const second = await inProgress();
    const out = await ok(second.trackingId, { action: 'post_follow_up', message: `${message}.` }, h.liaison!);
    expect(out.warnings).toEqual([
      { code: 'BOILERPLATE', message: expect.any(String), similarity: expect.any(Number) },
    ]);
    expect(out.warnings[0].similarity).toBeGreaterThanOrEqual(0.9);
    const staff = await (await t.get(`/api/v1/reports/${second.trackingId}/events`, h.coordinator)).json();
    expect(staff.events.at(-1).payload.boilerplate).toBe(true);
    const reporter = await (
      await t.get(`/api/v1/reports/${second.trackingId}/events`, { 'x-access-code': second.accessCode })
    ).json();
    expect(reporter.events.at(-1).payload).not.toHaveProperty('boilerplate');
  });
});

describe('routing', () => {
  it('not our authority: 3 hops, days attributed to each holder, then only the national admin moves it', async () => {
    const filed = await (
      await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda }))
    ).json();
    const id = filed.trackingId;
    t.setNow('2024-06-04T01:00:00Z');
    let out = await ok(
      id,
      { action: 'not_our_authority', reason: 'Jalan provinsi.', target: ids.kaltim },
      h.coordinator!,
    );
    expect(out).toMatchObject({
      status: 'dispositioned',
      institution: { id: ids.kaltim },
      stage: 'acknowledge',
    });
    t.setNow('2024-06-06T01:00:00Z');
    out = await ok(
      id,
      { action: 'not_our_authority', reason: 'Jalan nasional.', target: ids.kemenpu },
      h.kaltim!,
    );
    expect(out.institution.id).toBe(ids.kemenpu);
    out = await ok(
      id,
      { action: 'not_our_authority', reason: 'Bukan jalan nasional.', target: ids.samarinda },
      h.kemenpu!,
    );
    // Three hops: the coordinator may no longer move it.
    const before = await readEvents(t.deps.db, id);
    const refused = await act(id, { action: 'not_our_authority', reason: 'Lagi.' }, h.coordinator);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ code: 'NOT_ALLOWED', reason: 'hop_limit_reached' });
    expect(await readEvents(t.deps.db, id)).toEqual(before);
    out = await ok(id, { action: 'not_our_authority', reason: 'Kembali ke antrean nasional.' }, h.admin!);
    expect(out).toMatchObject({ status: 'submitted', institution: null, stage: 'verify' });
    const hops = (await readEvents(t.deps.db, id)).filter((e) => e.action === 'not_our_authority');
    // Samarinda kept it Mon 3 → Tue 4 June (1 working day), Kaltim Tue 4 → Thu 6 (2), Kemenpu 0, Samarinda 0.
    expect(hops.map((e) => [e.payload.hops, e.payload.heldWorkingDays])).toEqual([
      [1, 1],
      [2, 2],
      [3, 0],
      [4, 0],
    ]);
    const view = await (await t.get(`/api/v1/reports/${id}`, h.admin)).json();
    expect(
      view.handling.custody.map((c: { institution: { id: number } | null; workingDays: number }) => [
        c.institution?.id ?? null,
        c.workingDays,
      ]),
    ).toEqual([
      [ids.samarinda, 1],
      [ids.kaltim, 2],
      [ids.kemenpu, 0],
      [null, 0],
    ]);
  });

  it('hold pauses the clock; the reporter’s answer returns it with the remaining working days', async () => {
    t.setNow('2024-06-03T01:00:00Z');
    const filed = await (
      await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda }))
    ).json();
    const verified = await ok(filed.trackingId, { action: 'verify', targets: [unit] }, h.coordinator!);
    expect(verified.dueAt).toBe('2024-06-06T15:59:59.999Z'); // Tue 4, Wed 5, Thu 6 June
    const held = await ok(
      filed.trackingId,
      { action: 'hold', question: 'Nomor rumah terdekat?' },
      h.liaison!,
    );
    // On hold the reporter has 10 working days: 4–7, 10–14, 19 June (17–18 Idul Adha).
    expect(held).toMatchObject({
      status: 'on_hold',
      stage: 'hold_response',
      dueAt: '2024-06-19T15:59:59.999Z',
    });
    const asked = await (
      await t.get(`/api/v1/reports/${filed.trackingId}/events`, { 'x-access-code': filed.accessCode })
    ).json();
    expect(asked.events.at(-1).payload.question).toBe('Nomor rumah terdekat?');
    t.setNow('2024-06-12T01:00:00Z');
    const answered = await ok(
      filed.trackingId,
      { action: 'answer_hold', message: 'Nomor 12.' },
      { 'x-access-code': filed.accessCode },
    );
    // 3 working days were left at the pause: Thu 13, Fri 14, (17–18 off) Wed 19 June.
    expect(answered).toMatchObject({
      status: 'dispositioned',
      stage: 'acknowledge',
      dueAt: '2024-06-19T15:59:59.999Z',
    });
  });
});

describe('the reporter after resolution, and institution settings', () => {
  it('reopens within the window, rates, and cannot act without the code', async () => {
    t.setNow('2024-06-03T01:00:00Z');
    const r = await inProgress();
    await ok(r.trackingId, { action: 'post_follow_up', message: 'Selesai diperbaiki.' }, h.liaison!);
    const code = { 'x-access-code': r.accessCode };
    await ok(r.trackingId, { action: 'accept', rating: 2 }, code);
    expect(await ok(r.trackingId, { action: 'rate', rating: 4, comment: 'Lumayan.' }, code)).toMatchObject({
      status: 'resolved',
    });
    const noCode = await act(r.trackingId, { action: 'reopen', reason: 'Rusak lagi.' });
    expect(noCode.status).toBe(401);
    const wrong = await act(
      r.trackingId,
      { action: 'reopen', reason: 'Rusak lagi.' },
      { 'x-access-code': 'AAAA-BBBB-CCCC-DDDD' },
    );
    expect(await wrong.json()).toMatchObject({ code: 'NOT_ALLOWED', reason: 'access_code' });
    t.setNow('2024-06-04T01:00:00Z');
    const reopened = await ok(r.trackingId, { action: 'reopen', reason: 'Rusak lagi.' }, code);
    // Reopened Tue 4 June: 5 working days → Wed 5, Thu 6, Fri 7, Mon 10, Tue 11.
    expect(reopened).toMatchObject({
      status: 'in_progress',
      stage: 'follow_up',
      dueAt: '2024-06-11T15:59:59.999Z',
    });
  });

  it('lets an operator post directly where the institution does not require approval', async () => {
    await t.deps.db.execute(sql`update institutions set settings = '{"followUpRequiresApproval": false}'::jsonb
      where id = ${ids.samarinda}`);
    try {
      const r = await inProgress();
      const out = await ok(
        r.trackingId,
        { action: 'post_follow_up', message: 'Langsung dari operator.' },
        h.operator!,
      );
      expect(out.status).toBe('awaiting_reporter');
    } finally {
      await t.deps.db.execute(
        sql`update institutions set settings = '{}'::jsonb where id = ${ids.samarinda}`,
      );
    }
  });
});

describe('refusals over HTTP', () => {
  it('answer with problem+json: 409 with the status reason, 422 for payloads, 404 for unknown reports', async () => {
    const filed = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
    const res = await act(
      filed.trackingId,
      { action: 'accept', rating: 5 },
      { 'x-access-code': filed.accessCode },
    );
    expect(res.status).toBe(409);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'INVALID_TRANSITION', reason: 'status' });
    const bad = await act(filed.trackingId, { action: 'verify', targets: [] }, h.admin);
    expect(bad.status).toBe(422);
    expect((await bad.json()).errors[0].field).toBe('targets');
    const unknown = await act(filed.trackingId, { action: 'fly_away' }, h.admin);
    expect(unknown.status).toBe(422);
    const extra = await act(filed.trackingId, { action: 'hold', question: 'Di mana?', secret: 1 }, h.admin);
    expect((await extra.json()).errors[0]).toMatchObject({ field: 'secret', code: 'unrecognized_keys' });
    const missing = await act('LPR-0000-0000-0000', { action: 'hold', question: 'Di mana?' }, h.admin);
    expect(missing.status).toBe(404);
    expect((await t.get('/api/v1/reports/LPR-0000-0000-0000/events')).status).toBe(404);
    expect(await readEvents(t.deps.db, filed.trackingId)).toHaveLength(1);
  });

  it('documents the workflow routes in OpenAPI', async () => {
    const doc = await (await t.get('/api/openapi.json')).json();
    for (const path of [
      '/api/v1/reports/{trackingId}/actions',
      '/api/v1/reports/{trackingId}/events',
      '/api/v1/reports/{trackingId}/reveal-identity',
      '/api/v1/oversight/identity-reveals',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
  });
});
