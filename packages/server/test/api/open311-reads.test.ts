/**
 * Open311 GeoReport v2 reads (issue 14): discovery, services, a service definition, requests (the default window
 * of 90 days, every filter, service_request_id overriding the rest, at most 1000), one request and a token — every
 * answer in XML and JSON through the format checker, with each holder's own offset and our statuses as open/closed.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { BASE, both, JURISDICTION, PUBLIC_URL } from '../support/open311-fixtures';
import { SHAPES } from '../support/open311-format';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

type Req = Record<string, string | number | null>;

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
const h: Record<string, Record<string, string>> = {};
const r: Record<'national' | 'samarinda' | 'papua' | 'archived' | 'old' | 'health', string> = {} as never;

async function file(over: Record<string, unknown> = {}, categoryId = ids.roads): Promise<string> {
  const res = await t.post('/api/v1/reports', reportInput(categoryId, over));
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body.trackingId;
}

async function act(id: string, body: Record<string, unknown>, who: string) {
  const res = await t.post(`/api/v1/reports/${id}/actions`, body, h[who]);
  expect(res.status, await res.clone().text()).toBe(200);
}

const requests = async (query = '') => {
  const { status, value } = await both(t, `${BASE}/requests.{format}${query}`, SHAPES.requests);
  expect(status).toBe(200);
  return value as Req[];
};
const dueAt = async (id: string) =>
  new Date(
    String(
      (await t.deps.db.execute(sql`select due_at from reports where tracking_id = ${id}`)).rows[0]!.due_at,
    ),
  );

// Both engines: the requests query is the one piece of SQL here.
describe.each(ENGINES)('on %s', (engine) => {
  beforeAll(async () => {
    // Monday 7 December 2026, 09:00 WIB.
    t = await startTestApp({ engine, now: '2026-12-07T02:00:00Z', publicUrl: PUBLIC_URL });
    ids = await refIds(t.deps.db);
    h.admin = (await signInAs(t, { role: 'national_admin' })).headers;
    h.liaison = (await signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda })).headers;
    t.setNow('2026-08-20T03:00:00Z'); // 109 days before: outside the default window
    r.old = await file();
    t.setNow('2026-12-01T02:00:00Z');
    r.national = await file();
    t.setNow('2026-12-02T02:00:00Z');
    r.samarinda = await file();
    await act(r.samarinda, { action: 'verify', targets: [ids.samarinda] }, 'admin');
    await act(
      r.samarinda,
      { action: 'acknowledge', complexity: 'simple', message: 'Kami tinjau.' },
      'liaison',
    );
    await act(
      r.samarinda,
      { action: 'post_follow_up', message: 'Jalan sudah ditambal hari ini.' },
      'liaison',
    );
    t.setNow('2026-12-03T02:00:00Z');
    r.papua = await file({ location: { regionCode: '94.01' } });
    await act(r.papua, { action: 'verify', targets: [ids.papuaTengahRegency] }, 'admin');
    t.setNow('2026-12-04T02:00:00Z');
    r.archived = await file();
    t.setNow('2026-12-04T05:30:00Z');
    await act(r.archived, { action: 'archive', reason: 'unclear' }, 'admin');
    t.setNow('2026-12-05T02:00:00Z');
    r.health = await file({}, ids.puskesmas);
    t.setNow('2026-12-07T02:00:00Z');
  });
  afterAll(() => t.close());

  describe('discovery, services and definitions', () => {
    it('discovery names the GeoReport v2 endpoint and both formats', async () => {
      const { value } = await both(t, `${BASE}/discovery.{format}`, SHAPES.discovery);
      expect(value).toMatchObject({
        endpoints: [
          {
            specification: 'http://wiki.open311.org/GeoReport_v2',
            url: `${PUBLIC_URL}/open311/v2`,
            type: 'production',
            formats: ['text/xml', 'application/json'],
          },
        ],
      });
    });

    it('services are every category, grouped by topic, realtime, with a definition', async () => {
      const { value } = await both(t, `${BASE}/services.{format}`, SHAPES.services);
      const services = value as Req[];
      const count = (await t.deps.db.execute(sql`select count(*)::int as n from categories`)).rows[0]!.n;
      expect(services).toHaveLength(Number(count));
      expect(new Set(services.map((s) => s.service_code)).size).toBe(services.length);
      expect(services.find((s) => s.service_code === 'infrastruktur.jalan-kabupaten')).toMatchObject({
        metadata: true,
        type: 'realtime',
        group: 'Infrastruktur & Pekerjaan Umum',
      });
      // With the jurisdiction_id of this instance, in any of its spellings, the same answer.
      for (const j of [JURISDICTION, 'www.pintu.example.id', 'https://pintu.example.id/'])
        expect(
          (await both(t, `${BASE}/services.{format}?jurisdiction_id=${j}`, SHAPES.services)).value,
        ).toEqual(services);
    });

    it('a service definition lists the report attributes; lists carry values, in a unique order', async () => {
      const { value } = await both(
        t,
        `${BASE}/services/infrastruktur.jalan-kabupaten.{format}`,
        SHAPES.serviceDefinition,
      );
      const def = value as { service_code: string; attributes: Req[] };
      expect(def.service_code).toBe('infrastruktur.jalan-kabupaten');
      expect(def.attributes.map((a) => a.code)).toEqual([
        'report_type',
        'title',
        'incident_date',
        'is_anonymous',
        'is_confidential',
        'privacy_notice',
      ]);
      const orders = def.attributes.map((a) => a.order as number);
      expect(new Set(orders).size).toBe(orders.length);
      for (const a of def.attributes) {
        expect(a.order).toBeGreaterThan(0);
        expect('values' in a, `${a.code}: values only for lists`).toBe(
          String(a.datatype).endsWith('valuelist'),
        );
      }
    });
  });

  describe('requests', () => {
    it('by default the last 90 days, newest first; each date-time in its holder’s offset', async () => {
      const list = await requests();
      expect(list.map((x) => x.service_request_id)).toEqual([
        r.health,
        r.archived,
        r.papua,
        r.samarinda,
        r.national,
      ]);
      const by = (id: string) => list.find((x) => x.service_request_id === id)!;
      // National queue: WIB; Pemerintah Kota Samarinda: WITA; a Papua Tengah regency: WIT.
      expect(by(r.national).requested_datetime).toBe('2026-12-01T09:00:00+07:00');
      expect(by(r.samarinda).requested_datetime).toBe('2026-12-02T10:00:00+08:00');
      expect(by(r.papua).requested_datetime).toBe('2026-12-03T11:00:00+09:00');
      for (const id of [r.national, r.papua]) {
        const expected = by(id).expected_datetime as string;
        // The running deadline, to the second (23:59:59.999 is shown as 23:59:59).
        expect(new Date(expected).getTime(), 'expected_datetime is the running deadline').toBe(
          Math.floor((await dueAt(id)).getTime() / 1000) * 1000,
        );
        expect(expected.slice(-6)).toBe(id === r.papua ? '+09:00' : '+07:00');
      }
    });

    it('maps statuses to open/closed, with notes, agency and notice', async () => {
      const list = await requests();
      const by = (id: string) => list.find((x) => x.service_request_id === id)!;
      expect(by(r.samarinda)).toMatchObject({
        status: 'open',
        status_notes: 'Jalan sudah ditambal hari ini.',
        agency_responsible: 'Pemerintah Kota Samarinda',
        service_code: 'infrastruktur.jalan-kabupaten',
      });
      expect(by(r.archived)).toMatchObject({
        status: 'closed',
        status_notes: 'Diarsipkan: Tidak jelas / Unclear',
        // A closed request's update is when it was closed.
        updated_datetime: '2026-12-04T12:30:00+07:00',
        expected_datetime: null,
      });
      expect(by(r.national)).toMatchObject({ status: 'open', status_notes: 'Belum Terverifikasi' });
      expect(by(r.national).service_notice).toMatch(/3 hari kerja/);
    });

    it('filters by status, service_code and dates; service_request_id overrides them all', async () => {
      expect((await requests('?status=closed')).map((x) => x.service_request_id)).toEqual([r.archived]);
      expect(await requests('?status=open,closed')).toEqual(await requests());
      expect(await requests('?status=open&status=closed')).toEqual(await requests());
      expect((await requests('?service_code=kesehatan.puskesmas')).map((x) => x.service_request_id)).toEqual([
        r.health,
      ]);
      const window = '?start_date=2026-08-01T00:00:00Z&end_date=2026-09-01T00:00:00%2B08:00';
      expect((await requests(window)).map((x) => x.service_request_id)).toEqual([r.old]);
      // A `+` sent unencoded arrives as a space; it is still read as the offset.
      expect(
        (await requests('?start_date=2026-12-04T00:00:00+07:00')).map((x) => x.service_request_id),
      ).toEqual([r.health, r.archived]);
      expect((await requests('?end_date=2026-12-01T23:00:00Z')).map((x) => x.service_request_id)).toEqual([
        r.national,
      ]);
      const ids = await requests(`?service_request_id=${r.old},${r.national.toLowerCase()}&status=closed`);
      expect(ids.map((x) => x.service_request_id).sort()).toEqual([r.old, r.national].sort());
    });

    it('one request, and a token, as the list shows it', async () => {
      const list = await requests();
      const one = await both(t, `${BASE}/requests/${r.samarinda}.{format}`, SHAPES.requests);
      expect(one.value).toEqual([list.find((x) => x.service_request_id === r.samarinda)]);
      const token = await both(t, `${BASE}/tokens/${r.samarinda}.{format}`, SHAPES.token);
      expect(token.value).toEqual([{ service_request_id: r.samarinda, token: r.samarinda }]);
    });

    it('answers at most 1000 requests', async () => {
      await t.deps.db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code,
          category_id, status, lifecycle, is_anonymous, is_confidential, channel, language, created_at, updated_at)
        select 'LPR-BULK-' || lpad(g::text, 4, '0') || '-TEST', type, title, body, incident_date, region_code,
          category_id, status, lifecycle, false, false, 'import', language, created_at, updated_at
        from reports, generate_series(1, 1001) g where tracking_id = ${r.national}`);
      const list = await requests();
      expect(list).toHaveLength(1000);
    });
  });
});
