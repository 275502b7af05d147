/**
 * GET /reports/{trackingId}/similar: duplicate candidates for staff who handle a report — similar reports of their
 * own scope (confidential ones included, as in their inbox), never another institution's, never the reporter.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

describe.each(ENGINES)('similar reports for the archive dialog (%s)', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let jayapura: number;
  const h: Record<'admin' | 'samarinda' | 'jayapura' | 'citizen', Record<string, string>> = {} as never;
  const tid: Record<'source' | 'twin' | 'secret' | 'other' | 'far', string> = {} as never;

  /** Files a report as a guest and, when `to` is given, has the national admin verify it there. */
  async function file(over: Record<string, unknown>, to: number | null): Promise<string> {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads, over));
    expect(res.status).toBe(201);
    const { trackingId } = await res.json();
    if (to !== null) {
      const v = await t.post(
        `/api/v1/reports/${trackingId}/actions`,
        { action: 'verify', targets: [to] },
        h.admin,
      );
      expect(v.status, JSON.stringify(await v.clone().json())).toBe(200);
    }
    return trackingId;
  }

  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-05-08T02:00:00Z' });
    ids = await refIds(t.deps.db);
    const j = await t.deps.db.execute(sql`select id from institutions where code = 'pemda-91.71'`);
    jayapura = (j.rows[0] as { id: number }).id;
    const [admin, samarinda, jaya, citizen] = await Promise.all([
      signInAs(t, { role: 'national_admin' }),
      signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
      signInAs(t, { role: 'coordinator', institutionId: jayapura }),
      signInAs(t, { role: 'citizen' }),
    ]);
    Object.assign(h, {
      admin: admin.headers,
      samarinda: samarinda.headers,
      jayapura: jaya.headers,
      citizen: citizen.headers,
    });
    tid.source = await file({}, ids.samarinda);
    tid.twin = await file(
      {
        title: 'Jalan berlubang di Jalan Juanda, Samarinda',
        reporter: { name: 'Bambang Sutrisno', email: 'bambang.s@example.id', phone: '081311112222' },
      },
      ids.samarinda,
    );
    tid.secret = await file(
      { title: 'Jalan Juanda Samarinda berlubang lagi', isConfidential: true, isAnonymous: true },
      ids.samarinda,
    );
    tid.other = await file(
      {
        title: 'Jalan berlubang di Jalan Juanda Jayapura',
        location: { regionCode: '91.71.01', address: 'Jl. Juanda' },
      },
      jayapura,
    );
    tid.far = await file(
      {
        title: 'Puskesmas tutup pada jam pelayanan pagi',
        body: 'Puskesmas di kelurahan kami sering tutup pada jam pelayanan sehingga warga harus pulang tanpa berobat.',
      },
      ids.samarinda,
    );
  });
  afterAll(() => t.close());

  const similar = (trackingId: string, headers: Record<string, string>, query = '') =>
    t.get(`/api/v1/reports/${trackingId}/similar${query}`, headers);

  it('offers staff the similar reports of their own scope, best first, confidential included', async () => {
    const res = await similar(tid.source, h.samarinda);
    expect(res.status).toBe(200);
    const page = await res.json();
    expect(page.trackingId).toBe(tid.source);
    const found = page.items.map((i: { trackingId: string }) => i.trackingId);
    expect(found[0]).toBe(tid.twin);
    expect(found).toContain(tid.secret);
    expect(found).not.toContain(tid.source);
    expect(found).not.toContain(tid.far);
    expect(found).not.toContain(tid.other); // Jayapura's, outside this coordinator's scope
    expect(page.items[0]).toEqual({
      trackingId: tid.twin,
      title: 'Jalan berlubang di Jalan Juanda, Samarinda',
      status: 'dispositioned',
      statusLabel: expect.any(String),
      holder: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
      isConfidential: false,
      createdAt: expect.stringMatching(/^2024-05-08T02:00:00\.000Z$/),
      similarity: expect.any(Number),
    });
    const scores = page.items.map((i: { similarity: number }) => i.similarity);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((s: number) => s >= 0.25 && s <= 1)).toBe(true);
  });

  it('never carries a reporter’s identity', async () => {
    const text = await (await similar(tid.source, h.samarinda)).text();
    for (const secret of ['Bambang', 'bambang.s@example.id', '081311112222', 'Siti', 'siti.rahmawati'])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/reporter|email|phone/i);
  });

  it('the national admin sees similar reports across institutions', async () => {
    const page = await (await similar(tid.source, h.admin)).json();
    const found = page.items.map((i: { trackingId: string }) => i.trackingId);
    expect(found).toEqual(expect.arrayContaining([tid.twin, tid.secret, tid.other]));
    expect(found).not.toContain(tid.far);
  });

  it('searches by words or by trackingId within scope', async () => {
    const words = await (await similar(tid.source, h.samarinda, '?q=puskesmas%20tutup')).json();
    expect(words.items.map((i: { trackingId: string }) => i.trackingId)).toEqual([tid.far]);
    const exact = await (await similar(tid.source, h.samarinda, `?q=${tid.twin.toLowerCase()}`)).json();
    expect(exact.items[0]).toMatchObject({ trackingId: tid.twin, similarity: 1 });
    // Another institution's report cannot be reached by its trackingId either.
    const outside = await (await similar(tid.source, h.samarinda, `?q=${tid.other}`)).json();
    expect(outside.items.map((i: { trackingId: string }) => i.trackingId)).not.toContain(tid.other);
  });

  it('is closed to staff of another institution, citizens and guests, and checks its query', async () => {
    const other = await similar(tid.source, h.jayapura);
    expect(other.status).toBe(404);
    expect(await other.text()).not.toContain('Juanda');
    expect((await similar(tid.secret, h.citizen)).status).toBe(404);
    expect((await similar(tid.source, {})).status).toBe(401);
    expect((await similar('LPR-0000-0000-0000', h.samarinda)).status).toBe(404);
    const bad = await similar(tid.source, h.samarinda, '?limit=500&q=a');
    expect(bad.status).toBe(422);
    const problem = await bad.json();
    expect(problem.errors.map((e: { field: string }) => e.field).sort()).toEqual(['query.limit', 'query.q']);
  });
});
