/**
 * The moderation queue (issue 16 §7, docs/abuse.md): staff of the holder flag a report; the national admin — and no
 * one else — sees the queue and releases a flag (back into normal handling) or confirms it (archived as abusive,
 * hidden from the public, out of the institution's figures); every step is an event of the report's hash chain.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/app/audit/verify-audit';
import { refIds, reportInput } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let admin: SignedIn;
let coordinator: SignedIn;
let liaison: SignedIn;
let elsewhere: SignedIn;

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  admin = await signInAs(t, { role: 'national_admin' });
  coordinator = await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda });
  liaison = await signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda });
  elsewhere = await signInAs(t, { role: 'liaison_officer', institutionId: ids.kemenpu });
});
afterAll(() => t.close());

const act = (trackingId: string, body: Record<string, unknown>, who: SignedIn) =>
  t.post(`/api/v1/reports/${trackingId}/actions`, body, who.headers);

async function fileToSamarinda(over: Record<string, unknown> = {}) {
  const res = await t.post(
    '/api/v1/reports',
    reportInput(ids.roads, { institutionId: ids.samarinda, ...over }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { trackingId: string; accessCode: string };
}

const queue = async (who?: SignedIn) => t.get('/api/v1/moderation/reports', who?.headers ?? {});
const queued = async () =>
  ((await (await queue(admin)).json()).items as { trackingId: string }[]).map((i) => i.trackingId);

const eventsOf = async (trackingId: string) =>
  (
    await t.deps.db.execute(sql`select e.action, e.from_status as "from", e.to_status as "to", e.payload
      from events e join reports r on r.id = e.report_id where r.tracking_id = ${trackingId} order by e.seq`)
  ).rows as { action: string; from: string; to: string; payload: Record<string, unknown> }[];

const factOf = async (trackingId: string) =>
  (
    await t.deps.db.execute(sql`select f.institution_id as "institutionId", f.bucket from stats_report_facts f
      join reports r on r.id = f.report_id where r.tracking_id = ${trackingId}`)
  ).rows[0];

describe('a staff flag, confirmed', () => {
  it('flags, queues for the national admin only, and confirms: archived, hidden, uncounted, chained', async () => {
    const filed = await fileToSamarinda({
      title: 'Petugas kelurahan bodoh dan malas semua',
      body: 'Isi laporan ini hanya berisi makian kepada petugas tanpa menyebut masalah pelayanan apa pun.',
    });
    const verified = await act(filed.trackingId, { action: 'verify', targets: [ids.samarinda] }, coordinator);
    expect(verified.status).toBe(200);
    expect(await factOf(filed.trackingId)).toMatchObject({ institutionId: ids.samarinda });

    // Staff of another institution may not flag it; the holder's liaison officer may.
    expect((await act(filed.trackingId, { action: 'flag', reason: 'abusive' }, elsewhere)).status).toBe(403);
    const flagged = await act(
      filed.trackingId,
      { action: 'flag', reason: 'abusive', note: 'Isinya makian, bukan pengaduan.' },
      liaison,
    );
    expect(flagged.status).toBe(200);
    expect(await flagged.json()).toMatchObject({ status: 'dispositioned', action: 'flag' });
    // A staff flag hides nothing until the national admin decides.
    expect((await t.get(`/api/v1/reports/${filed.trackingId}`)).status).toBe(200);

    // The queue: the national admin only.
    expect((await queue()).status).toBe(401);
    for (const who of [coordinator, liaison, await signInAs(t, { role: 'oversight' })])
      expect((await queue(who)).status).toBe(403);
    const page = await (await queue(admin)).json();
    expect(page.items).toContainEqual(
      expect.objectContaining({
        trackingId: filed.trackingId,
        reason: 'abusive',
        source: 'staff',
        rules: [],
        note: 'Isinya makian, bukan pengaduan.',
        institution: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
      }),
    );
    // Only the national admin decides a flag.
    expect((await act(filed.trackingId, { action: 'confirm_flag' }, coordinator)).status).toBe(403);

    const confirmed = await act(filed.trackingId, { action: 'confirm_flag', note: 'Makian.' }, admin);
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({
      status: 'archived',
      allowedActions: ['comment_internal'],
    });
    expect(await queued()).not.toContain(filed.trackingId);
    expect((await t.get(`/api/v1/reports/${filed.trackingId}`)).status).toBe(404);
    expect((await t.get(`/api/v1/reports/${filed.trackingId}/events`)).status).toBe(404);
    // Out of the institution's figures, whatever it had counted before.
    expect(await factOf(filed.trackingId)).toMatchObject({ institutionId: null, bucket: null });

    expect((await eventsOf(filed.trackingId)).map((e) => [e.action, e.from, e.to])).toEqual([
      ['submitted', null, 'submitted'],
      ['verify', 'submitted', 'dispositioned'],
      ['flag', 'dispositioned', 'dispositioned'],
      ['confirm_flag', 'dispositioned', 'archived'],
    ]);
    const audit = await verifyAudit({ db: t.deps.db, instance: t.deps.instance! });
    expect(audit.findings).toEqual([]);

    // The reporter sees the report closed, but never the flag.
    const timeline = await (
      await t.get(`/api/v1/reports/${filed.trackingId}/events`, { 'x-access-code': filed.accessCode })
    ).json();
    expect(timeline.events.map((e: { type: string }) => e.type)).toEqual([
      'submitted',
      'verify',
      'confirm_flag',
    ]);
  });
});

describe('a rule’s flag, released', () => {
  it('holds a honeypot filing in the national queue, hidden, until the admin releases it for handling', async () => {
    const filed = await fileToSamarinda({ title: 'Jembatan gantung putus di Loa Buah', website: 'x' });
    const item = ((await (await queue(admin)).json()).items as Record<string, unknown>[]).find(
      (i) => i.trackingId === filed.trackingId,
    );
    expect(item).toMatchObject({
      source: 'rule',
      reason: 'spam',
      rules: ['honeypot'],
      institution: null,
      requestedInstitution: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
    });
    expect((await t.get(`/api/v1/reports/${filed.trackingId}`)).status).toBe(404);

    const released = await act(filed.trackingId, { action: 'release_flag' }, admin);
    expect(released.status).toBe(200);
    expect(await released.json()).toMatchObject({ status: 'submitted', action: 'release_flag' });
    expect(await queued()).not.toContain(filed.trackingId);
    expect((await t.get(`/api/v1/reports/${filed.trackingId}`)).status).toBe(200);
    // Then handled like any report of the national queue: verified to the institution the reporter chose.
    const verified = await act(filed.trackingId, { action: 'verify', targets: [ids.samarinda] }, admin);
    expect(await verified.json()).toMatchObject({ status: 'dispositioned' });
    // Released, it may still be flagged again by its new holder; nothing is decided twice.
    expect((await act(filed.trackingId, { action: 'release_flag' }, admin)).status).toBe(409);
  });

  it('shows staff the flag on the report page', async () => {
    const filed = await fileToSamarinda({ title: 'Pungutan liar di kantor kelurahan', website: 'y' });
    const view = await (await t.get(`/api/v1/reports/${filed.trackingId}`, admin.headers)).json();
    expect(view.handling.moderation).toMatchObject({
      status: 'pending',
      source: 'rule',
      rules: ['honeypot'],
    });
    expect(view.handling.allowedActions).toEqual(expect.arrayContaining(['release_flag', 'confirm_flag']));
  });
});
