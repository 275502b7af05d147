/**
 * GET /api/v1/inbox over HTTP with real sessions, fed by real intake and real actions: reports move between the
 * queues as they are verified and disposed down; the anonymous reporter's identity appears in no inbox response.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput, uploadForm } from '../support/fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let admin: SignedIn;
let coordinator: SignedIn;
let liaison: SignedIn;
let unit: number;
const filed: Record<'named' | 'anonymous' | 'national', string> = {} as never;

const REPORTER = {
  name: 'Dewi Anggraini Lestari',
  email: 'dewi.anggraini@example.id',
  phone: '081377665544',
};

const inbox = async (who: SignedIn | null, query = '') => {
  const res = await t.get(`/api/v1/inbox${query}`, who?.headers ?? {});
  return { status: res.status, body: await res.json(), text: '' };
};
const act = async (trackingId: string, body: Record<string, unknown>, who: SignedIn) => {
  const res = await t.post(`/api/v1/reports/${trackingId}/actions`, body, who.headers);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
};

beforeAll(async () => {
  // Friday 5 April 2024, 09:00 WITA: Lebaran starts on Monday.
  t = await startTestApp({ now: '2024-04-05T01:00:00Z' });
  ids = await refIds(t.deps.db);
  [admin, coordinator] = await Promise.all([
    signInAs(t, { role: 'national_admin' }),
    signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
  ]);
  const created = await t.app.request(`/api/v1/institutions/${ids.samarinda}/units`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...coordinator.headers },
    body: JSON.stringify({ name: 'Dinas Pekerjaan Umum dan Penataan Ruang' }),
  });
  unit = ((await created.json()) as { id: number }).id;
  liaison = await signInAs(t, { role: 'liaison_officer', institutionId: unit });
  const file = async (over: Record<string, unknown>) => {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads, { reporter: REPORTER, ...over }));
    expect(res.status).toBe(201);
    return (await res.json()).trackingId as string;
  };
  filed.named = await file({ institutionId: ids.samarinda, title: 'Jalan rusak parah di Jalan Juanda' });
  filed.anonymous = await file({
    institutionId: ids.samarinda,
    isAnonymous: true,
    isConfidential: true,
    title: 'Pungutan liar di kantor kelurahan',
  });
  filed.national = await file({ title: 'Lampu jalan padam di Sungai Kunjang' });
});
afterAll(() => t.close());

describe('GET /api/v1/inbox', () => {
  it('shows the coordinator what its institution must verify, flagged unattended until the SK is recorded', async () => {
    const { status, body } = await inbox(coordinator);
    expect(status).toBe(200);
    expect(body).toMatchObject({ queue: 'to_verify', page: 1, pageSize: 20, total: 2 });
    expect(body.counts).toEqual({
      to_verify: 2,
      to_acknowledge: 0,
      in_progress: 0,
      awaiting_reporter: 0,
      on_hold: 0,
      overdue: 0,
    });
    expect(body.items.map((i: { trackingId: string }) => i.trackingId).sort()).toEqual(
      [filed.named, filed.anonymous].sort(),
    );
    // Verify deadline: Fri 5 April + 3 working days across Lebaran = Thu 18 April, WITA.
    expect(body.items[0]).toMatchObject({
      holder: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
      dueAt: '2024-04-18T15:59:59.999Z',
      workingDaysLeft: 3,
      dueState: 'ok',
      unattended: true,
      readOnly: false,
    });
    // The national admin also sees them (nobody at an unconnected institution verifies), next to its own queue.
    const national = await inbox(admin);
    expect(national.body.items.map((i: { trackingId: string }) => i.trackingId).sort()).toEqual(
      [filed.named, filed.anonymous, filed.national].sort(),
    );
  });

  it('follows the reports as they are verified and disposed down to a unit', async () => {
    t.setNow('2024-04-05T02:00:00Z');
    await act(filed.named, { action: 'verify', targets: [ids.samarinda] }, coordinator);
    await act(filed.anonymous, { action: 'verify', targets: [ids.samarinda] }, coordinator);
    await act(filed.anonymous, { action: 'dispose_down', unit }, coordinator);
    const coord = await inbox(coordinator, '?queue=to_acknowledge');
    expect(coord.body.counts).toMatchObject({ to_verify: 0, to_acknowledge: 2 });
    const officer = await inbox(liaison, '?queue=to_acknowledge');
    expect(officer.body.items.map((i: { trackingId: string }) => i.trackingId)).toEqual([filed.anonymous]);
    expect(officer.body.items[0]).toMatchObject({
      holder: { id: unit, name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
      title: 'Pungutan liar di kantor kelurahan',
      isAnonymous: true,
      isConfidential: true,
      status: 'dispositioned',
      statusLabel: 'Terdisposisi Belum Ditindaklanjuti',
    });
  });

  it('counts working days with the request’s clock: the acknowledge deadline after Lebaran', async () => {
    // Acknowledge deadline: 3 working days after Fri 5 April = Thu 18 April. On Mon 15 April (cuti bersama) the
    // working days left are Tue 16, Wed 17, Thu 18.
    t.setNow('2024-04-15T02:00:00Z');
    const monday = await inbox(liaison, '?queue=to_acknowledge');
    expect(monday.body.items[0]).toMatchObject({
      dueAt: '2024-04-18T15:59:59.999Z',
      workingDaysLeft: 3,
      dueState: 'ok',
    });
    t.setNow('2024-04-17T02:00:00Z');
    expect((await inbox(liaison, '?queue=to_acknowledge')).body.items[0]).toMatchObject({
      workingDaysLeft: 1,
      dueState: 'due_soon',
    });
    t.setNow('2024-04-19T02:00:00Z');
    const late = await inbox(liaison, '?queue=overdue');
    expect(late.body.items[0]).toMatchObject({
      trackingId: filed.anonymous,
      workingDaysLeft: -1,
      dueState: 'overdue',
    });
    expect(late.body.counts.overdue).toBe(1);
  });

  it('is no longer unattended once Samarinda records its SK', async () => {
    const pdf = Buffer.from(
      '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
    );
    const up = await (await t.upload(uploadForm(pdf, 'sk.pdf'))).json();
    const res = await t.app.request(`/api/v1/institutions/${ids.samarinda}/sk`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...coordinator.headers },
      body: JSON.stringify({ number: '100.3.3.2/12/HK/2024', date: '2024-04-01', attachmentId: up.id }),
    });
    expect(res.status).toBe(200);
    const coord = await inbox(coordinator, '?queue=to_acknowledge');
    expect(coord.body.items.every((i: { unattended: boolean }) => !i.unattended)).toBe(true);
  });

  it('carries no trace of the reporter in any queue, for any staff caller', async () => {
    const oversight = await signInAs(t, { role: 'oversight' });
    for (const who of [admin, coordinator, liaison, oversight]) {
      for (const queue of [
        'to_verify',
        'to_acknowledge',
        'in_progress',
        'awaiting_reporter',
        'on_hold',
        'overdue',
      ]) {
        const res = await t.get(`/api/v1/inbox?queue=${queue}`, who.headers);
        expect(res.status).toBe(200);
        const text = await res.text();
        for (const secret of [REPORTER.name, 'Dewi', REPORTER.email, REPORTER.phone, 'Juanda, depan pasar'])
          expect(text).not.toContain(secret);
      }
    }
  });

  it('refuses reporters (403) and anonymous callers (401), and names a bad query parameter', async () => {
    const citizen = await signInAs(t, { role: 'citizen' });
    expect((await inbox(citizen)).status).toBe(403);
    expect((await inbox(null)).status).toBe(401);
    const developer = await signInAs(t, { role: 'developer', institutionId: ids.samarinda });
    expect((await inbox(developer)).status).toBe(403);
    const bad = await inbox(coordinator, '?queue=everything&pageSize=500');
    expect(bad.status).toBe(422);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'query.pageSize',
      'query.queue',
    ]);
  });
});
