/**
 * What a regional app does with reports through the integration API (issue 12 §2, §4; ADR 0012): filing with a
 * key (channel, externalRef, duplicate 409), reading its scope only (a Balikpapan key never sees Samarinda's
 * reports), never an anonymous reporter's identity, acting with If-Match (428, 412), and a staff member and an
 * app acting on the same version at once: exactly one wins.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, refIds, reportInput, rowCounts, uploadForm } from '../support/fixtures';
import { createKey, institutionNamed, registerApp, withKey } from '../support/integration-fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';
import { createUnit } from '../support/workflow-fixtures';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let balikpapan: number;
let samarinda: number;
let unit: number;
let appId: string;
let key: string;
const h: Record<string, Record<string, string>> = {};
/** Every answer body the app got, scanned for the anonymous reporter at the end. */
const seen: string[] = [];

const ANONYMOUS = {
  name: 'Wahyuningsih Prameswari',
  email: 'wahyu.prameswari@rahasia.id',
  phone: '081377788899',
};
const BALIKPAPAN_PLACE = { regionCode: '64.71.01', address: 'Jl. Jenderal Sudirman' };

async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await withKey(t, key, method, path, body, headers);
  const text = await res.text();
  seen.push(text);
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

// Both engines: the race of a staff and an app action is a real one on PostgreSQL.
describe.each(ENGINES)('on %s', (engine) => {
  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T01:00:00Z' });
    seen.length = 0;
    ids = await refIds(t.deps.db);
    balikpapan = await institutionNamed(t, 'Pemerintah Kota Balikpapan');
    samarinda = await institutionNamed(t, 'Pemerintah Kota Samarinda');
    unit = await createUnit(t.deps.db, balikpapan, 'pemda-64.71-pu-int', 'Dinas PU Balikpapan');
    const who: [string, Parameters<typeof signInAs>[1]][] = [
      ['developer', { role: 'developer', institutionId: balikpapan }],
      ['coordinator', { role: 'coordinator', institutionId: balikpapan }],
      ['liaison', { role: 'liaison_officer', institutionId: unit }],
      ['samarinda', { role: 'coordinator', institutionId: samarinda }],
    ];
    for (const [k, w] of who) h[k] = (await signInAs(t, w)).headers;
    const app = await registerApp(t, h.developer!, balikpapan, 'sitanggap');
    appId = app.id;
    key = (await createKey(t, h.developer!, appId)).key;
  });
  afterAll(() => t.close());

  /** A web filing to an institution, verified by its coordinator down to the unit when `toUnit`. */
  async function webReport(institutionId: number, over: Record<string, unknown> = {}, toUnit = false) {
    const place = institutionId === balikpapan ? { location: BALIKPAPAN_PLACE } : {};
    const res = await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId, ...place, ...over }));
    const filed = await res.json();
    expect(res.status, JSON.stringify(filed)).toBe(201);
    if (toUnit) {
      const v = await t.post(
        `/api/v1/reports/${filed.trackingId}/actions`,
        { action: 'verify', targets: [unit] },
        h.coordinator!,
      );
      expect(v.status, await v.clone().text()).toBe(200);
    }
    return filed.trackingId as string;
  }

  const eventCount = async (trackingId: string) =>
    Number(
      (
        await t.deps.db.execute(
          sql`select count(*)::int as n from events e join reports r on r.id = e.report_id where r.tracking_id = ${trackingId}`,
        )
      ).rows[0]!.n,
    );

  describe('filing with a key', () => {
    it('files on channel integration:<slug>, keeps the externalRef, and the first event says which app', async () => {
      const res = await call('POST', '/api/v1/reports', {
        ...reportInput(ids.roads, { institutionId: balikpapan, location: BALIKPAPAN_PLACE }),
        externalRef: 'SITANGGAP-0001',
      });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      expect(res.body.accessCode).toBeTruthy();
      const row = (
        await t.deps.db.execute(sql`select r.channel, r.external_ref, r.integration_app_id, e.payload, e.actor_role
          from reports r join events e on e.report_id = r.id and e.seq = 1 where r.tracking_id = ${res.body.trackingId}`)
      ).rows[0] as Record<string, unknown>;
      expect(row).toMatchObject({
        channel: 'integration:sitanggap',
        external_ref: 'SITANGGAP-0001',
        integration_app_id: appId,
        actor_role: 'integration',
      });
      const payload = (typeof row.payload === 'string' ? JSON.parse(row.payload) : row.payload) as Record<
        string,
        unknown
      >;
      expect(payload.channel).toBe('integration:sitanggap');
      expect(payload.via).toMatchObject({ appId, keyPrefix: key.slice(6, 18) });

      // The same reference again: 409 naming the report already filed, and nothing written.
      const before = await rowCounts(t.deps.db);
      const again = await call('POST', '/api/v1/reports', {
        ...reportInput(ids.roads),
        externalRef: 'SITANGGAP-0001',
      });
      expect(again.status).toBe(409);
      expect(again.body.reason).toBe('duplicate_external_ref');
      expect(again.body.errors[0]).toMatchObject({ field: 'externalRef', message: res.body.trackingId });
      expect(await rowCounts(t.deps.db)).toEqual(before);

      // Another app may use the same reference: it is unique per app.
      const other = await registerApp(t, h.developer!, balikpapan, 'lapor-wal');
      const otherKey = (await createKey(t, h.developer!, other.id)).key;
      const theirs = await withKey(t, otherKey, 'POST', '/api/v1/reports', {
        ...reportInput(ids.roads),
        externalRef: 'SITANGGAP-0001',
      });
      expect(theirs.status).toBe(201);
    });

    it('externalRef without a key is refused (422), too long is 422', async () => {
      const web = await t.post('/api/v1/reports', { ...reportInput(ids.roads), externalRef: 'X-1' });
      expect(web.status).toBe(422);
      expect((await web.json()).errors[0].field).toBe('externalRef');
      const long = await call('POST', '/api/v1/reports', {
        ...reportInput(ids.roads),
        externalRef: 'x'.repeat(101),
      });
      expect(long.status).toBe(422);
    });
  });

  describe('scope', () => {
    it('a key of Kota Balikpapan can neither read nor act on a report held by Kota Samarinda (404, as unknown)', async () => {
      const theirs = await webReport(samarinda);
      const unknown = await call('GET', '/api/v1/integration/reports/LPR-0000-0000-0000');
      const read = await call('GET', `/api/v1/integration/reports/${theirs}`);
      expect(read.status).toBe(404);
      expect({ ...read.body, instance: null }).toEqual({ ...unknown.body, instance: null });
      const before = await eventCount(theirs);
      for (const action of [
        { action: 'not_our_authority', reason: 'Bukan wewenang kami.' },
        { action: 'hold', question: 'Mohon lengkapi alamat.' },
      ]) {
        const acted = await call('POST', `/api/v1/integration/reports/${theirs}/actions`, action, {
          'if-match': '"1"',
        });
        expect(acted.status).toBe(404);
      }
      expect(await eventCount(theirs)).toBe(before);
      const held = await call('GET', '/api/v1/integration/reports?scope=held&limit=100');
      expect(held.body.items.map((r: { trackingId: string }) => r.trackingId)).not.toContain(theirs);
    });

    it('lists held and filed reports by (updatedAt, id) with an opaque cursor; bad values are 422 naming the field', async () => {
      const mine = await webReport(balikpapan, {}, true);
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await call(
          'GET',
          `/api/v1/integration/reports?scope=held&limit=1${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(page.status).toBe(200);
        expect(page.body.items.length).toBeLessThanOrEqual(1);
        all.push(...page.body.items.map((r: { trackingId: string }) => r.trackingId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(all).toContain(mine);
      expect(new Set(all).size).toBe(all.length);
      const held = await t.deps.db.execute(sql`select count(*)::int as n from reports
        where institution_id = any(array(select id from institutions where path && ${`{${balikpapan}}`}::int[]))`);
      expect(all).toHaveLength(Number(held.rows[0]!.n));
      const filed = await call('GET', '/api/v1/integration/reports?scope=filed');
      expect(filed.body.items.every((r: { channel: string }) => r.channel === 'integration:sitanggap')).toBe(
        true,
      );
      expect(filed.body.items.map((r: { externalRef: string }) => r.externalRef)).toContain('SITANGGAP-0001');
      const later = await call('GET', '/api/v1/integration/reports?updatedSince=2030-01-01T00:00:00Z');
      expect(later.body.items).toEqual([]);
      for (const [query, field] of [
        ['limit=0', 'limit'],
        ['limit=101', 'limit'],
        ['updatedSince=kemarin', 'updatedSince'],
        ['cursor=bm9wZQ', 'cursor'],
        ['scope=semua', 'scope'],
      ]) {
        const bad = await call('GET', `/api/v1/integration/reports?${query}`);
        expect(bad.status, query).toBe(422);
        expect(bad.body.errors[0].field, query).toContain(field);
      }
    });
  });

  describe('acting with If-Match', () => {
    it('reads with an ETag, acts through the staff use case, and stamps the app on the event', async () => {
      const id = await webReport(balikpapan, {}, true);
      const read = await call('GET', `/api/v1/integration/reports/${id}`);
      expect(read.status).toBe(200);
      expect(read.headers.get('etag')).toBe(`"${read.body.version}"`);
      const ack = await call(
        'POST',
        `/api/v1/integration/reports/${id}/actions`,
        { action: 'acknowledge', complexity: 'simple', message: 'Diterima oleh SITANGGAP.' },
        { 'if-match': read.headers.get('etag')! },
      );
      expect(ack.status, JSON.stringify(ack.body)).toBe(200);
      expect(ack.body.status).toBe('in_progress');
      expect(ack.headers.get('etag')).toBe(`"${read.body.version + 1}"`);
      const after = await call('GET', `/api/v1/integration/reports/${id}`);
      const event = after.body.timeline.find((e: { type: string }) => e.type === 'acknowledge');
      expect(event.payload.via).toMatchObject({ appId, name: 'Aplikasi sitanggap' });
      expect(event.actor).toMatchObject({ side: 'institution', role: 'integration' });
      // The staff timeline shows the same.
      const staff = await (await t.get(`/api/v1/reports/${id}/events`, h.liaison!)).json();
      expect(staff.events.find((e: { type: string }) => e.type === 'acknowledge').payload.via.appId).toBe(
        appId,
      );
    });

    it('posts a follow-up with an attachment uploaded with the key', async () => {
      const id = await webReport(balikpapan, {}, true);
      const read = await call('GET', `/api/v1/integration/reports/${id}`);
      const ack = await call(
        'POST',
        `/api/v1/integration/reports/${id}/actions`,
        { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
        { 'if-match': read.headers.get('etag')! },
      );
      const upload = await t.app.request('/api/v1/attachments', {
        method: 'POST',
        headers: { authorization: `Bearer ${key}` },
        body: uploadForm(await jpegWithGps(), 'tambalan.jpg', 'image/jpeg'),
      });
      const photo = ((await upload.json()) as { id: string }).id;
      expect(upload.status).toBe(201);
      const follow = await call(
        'POST',
        `/api/v1/integration/reports/${id}/actions`,
        {
          action: 'post_follow_up',
          message: 'Lubang sudah ditambal, foto terlampir.',
          attachmentIds: [photo],
        },
        { 'if-match': ack.headers.get('etag')! },
      );
      expect(follow.status, JSON.stringify(follow.body)).toBe(200);
      expect(follow.body.status).toBe('awaiting_reporter');
      const owner = await t.deps.db.execute(
        sql`select r.tracking_id from attachments a join reports r on r.id = a.report_id where a.id = ${photo}`,
      );
      expect(owner.rows[0]).toEqual({ tracking_id: id });
    });

    it('without If-Match 428, with a stale one 412; neither writes anything', async () => {
      const id = await webReport(balikpapan, {}, true);
      const before = await eventCount(id);
      const hold = { action: 'hold', question: 'Mohon kirim foto lokasi.' };
      const missing = await call('POST', `/api/v1/integration/reports/${id}/actions`, hold);
      expect(missing.status).toBe(428);
      expect(missing.body.errors[0].field).toBe('If-Match');
      const stale = await call('POST', `/api/v1/integration/reports/${id}/actions`, hold, {
        'if-match': '"1"',
      });
      expect(stale.status).toBe(412);
      expect(await eventCount(id)).toBe(before);
    });

    it('a key without reports:act is 403; a staff action and an app action on the same version: exactly one wins', async () => {
      const readOnly = (await createKey(t, h.developer!, appId, { permissions: ['reports:read'] })).key;
      const id = await webReport(balikpapan, {}, true);
      const version = (await call('GET', `/api/v1/integration/reports/${id}`)).body.version as number;
      const denied = await withKey(
        t,
        readOnly,
        'POST',
        `/api/v1/integration/reports/${id}/actions`,
        { action: 'hold', question: 'Foto?' },
        { 'if-match': `"${version}"` },
      );
      expect(denied.status).toBe(403);
      const before = await eventCount(id);
      const [staff, app] = await Promise.all([
        t.post(
          `/api/v1/reports/${id}/actions`,
          { action: 'acknowledge', complexity: 'simple', message: 'Kami tangani.' },
          h.liaison!,
        ),
        call(
          'POST',
          `/api/v1/integration/reports/${id}/actions`,
          { action: 'acknowledge', complexity: 'simple', message: 'SITANGGAP menangani.' },
          { 'if-match': `"${version}"` },
        ),
      ]);
      const statuses = [staff.status, app.status];
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      if (app.status !== 200) expect(app.status).toBe(412);
      else expect([409]).toContain(staff.status);
      expect(await eventCount(id)).toBe(before + 1);
    });
  });

  describe('privacy', () => {
    it('an anonymous report’s identity appears in no answer of the API (list, detail, actions, filing)', async () => {
      const webAnon = await webReport(balikpapan, { isAnonymous: true, reporter: ANONYMOUS }, true);
      const filed = await call('POST', '/api/v1/reports', {
        ...reportInput(ids.roads, { institutionId: balikpapan, location: BALIKPAPAN_PLACE }),
        isAnonymous: true,
        reporter: ANONYMOUS,
        externalRef: 'SITANGGAP-ANON',
      });
      expect(filed.status).toBe(201);
      await webReport(balikpapan, { reporter: { name: 'Budi Santoso', email: 'budi@example.id' } }, true);
      for (const scope of ['held', 'filed'])
        await call('GET', `/api/v1/integration/reports?scope=${scope}&limit=100`);
      for (const id of [webAnon, filed.body.trackingId]) {
        const read = await call('GET', `/api/v1/integration/reports/${id}`);
        expect(read.status).toBe(200);
        expect(JSON.stringify(read.body)).toContain('Pelapor Anonim');
      }
      const read = await call('GET', `/api/v1/integration/reports/${webAnon}`);
      const ack = await call(
        'POST',
        `/api/v1/integration/reports/${webAnon}/actions`,
        { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
        { 'if-match': read.headers.get('etag')! },
      );
      expect(ack.status).toBe(200);
      const follow = await call(
        'POST',
        `/api/v1/integration/reports/${webAnon}/actions`,
        { action: 'post_follow_up', message: 'Jalan sudah ditambal pada hari ini oleh Dinas PU.' },
        { 'if-match': ack.headers.get('etag')! },
      );
      expect(follow.status, JSON.stringify(follow.body)).toBe(200);
      await call('GET', `/api/v1/integration/reports/${webAnon}`);
      expect(seen.length).toBeGreaterThan(10);
      for (const body of seen)
        for (const secret of [ANONYMOUS.name, ANONYMOUS.email, ANONYMOUS.phone, 'Wahyuningsih', '77788899'])
          expect(body).not.toContain(secret);
    });
  });
});
