/** Intake: filing a report, reading it back by trackingId, and the two queues (domain.md §4, §5). */
import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, refIds, reportInput, uploadForm } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  // Friday 2024-04-05 16:00 WIB, just before Lebaran 2024: the verify deadline must skip the holidays.
  t = await startTestApp({ now: '2024-04-05T09:00:00Z' });
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

describe('POST /api/v1/reports', () => {
  it('files into the national queue with a 3-working-day verify deadline across Lebaran 2024', async () => {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.trackingId).toMatch(/^LPR-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(body.accessCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$/);
    expect(body).toMatchObject({ status: 'submitted', queue: 'national', institution: null });
    // 10–11 April Idul Fitri, 8, 9, 12, 15 April cuti bersama: 3 working days → end of Thu 18 April, WIB.
    expect(body.dueAt).toBe('2024-04-18T16:59:59.999Z');
    expect(res.headers.get('location')).toBe(`/api/v1/reports/${body.trackingId}`);
  });

  it('files into the chosen institution’s queue, with the deadline in its time zone (WITA)', async () => {
    const res = await t.post('/api/v1/reports', reportInput(ids.roads, { institutionId: ids.samarinda }));
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body).toMatchObject({
      queue: 'institution',
      institution: { id: ids.samarinda, name: 'Pemerintah Kota Samarinda' },
    });
    expect(body.dueAt).toBe('2024-04-18T15:59:59.999Z');
  });

  it('comes back by its trackingId: public view without identity, full view with the access code', async () => {
    const created = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
    const pub = await t.get(`/api/v1/reports/${created.trackingId}`);
    expect(pub.status).toBe(200);
    const pubBody = await pub.json();
    expect(pubBody).toMatchObject({
      view: 'public',
      title: reportInput(ids.roads).title,
      status: 'submitted',
    });
    expect(pubBody.statusLabel).toBe('Belum Terverifikasi');
    const text = JSON.stringify(pubBody);
    const names = await t.deps.db.execute(
      sql`select code, name from regions where code in ('64.72', '64.72.01') order by code`,
    );
    const [regency, district] = names.rows as { code: string; name: string }[];
    // The regency's code with the regency's name: the district's name would reveal what the code hides.
    expect(pubBody.region).toEqual({ code: '64.72', name: regency!.name });
    for (const secret of ['Siti', 'siti.rahmawati@example.id', '081234567890', '64.72.01', 'Juanda, depan']) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(district!.name);
    const full = await (
      await t.get(`/api/v1/reports/${created.trackingId}`, { 'x-access-code': created.accessCode })
    ).json();
    expect(full).toMatchObject({
      view: 'reporter',
      reporter: { name: 'Siti Rahmawati', email: 'siti.rahmawati@example.id', phone: '081234567890' },
      region: { code: '64.72.01', name: district!.name },
      location: { lat: -0.4948, lng: 117.1436 },
    });
    // Typed loosely on a phone: lower case, no dashes.
    const loose = created.accessCode.toLowerCase().replaceAll('-', '');
    expect(
      (await (await t.get(`/api/v1/reports/${created.trackingId}`, { 'x-access-code': loose })).json()).view,
    ).toBe('reporter');
    // A wrong code is simply the public view.
    const wrong = await (
      await t.get(`/api/v1/reports/${created.trackingId}`, { 'x-access-code': 'AAAA-BBBB-CCCC-DDDD' })
    ).json();
    expect(wrong.view).toBe('public');
  });

  it('keeps the reporter identity sealed at rest', async () => {
    const created = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
    const { rows } = await t.deps.db.execute(
      sql`select * from reports where tracking_id = ${created.trackingId}`,
    );
    const raw = JSON.stringify(rows[0]);
    expect(raw).not.toContain('Siti');
    expect(raw).not.toContain('081234567890');
    expect(raw).not.toContain(created.accessCode);
  });

  it('an anonymous report shows “Pelapor Anonim” and no identity anywhere public', async () => {
    const created = await (
      await t.post(
        '/api/v1/reports',
        reportInput(ids.roads, { isAnonymous: true, title: 'Pungutan liar di kantor kelurahan' }),
      )
    ).json();
    const pub = await (await t.get(`/api/v1/reports/${created.trackingId}`)).json();
    expect(pub.reporter).toEqual({ display: 'Pelapor Anonim' });
    const list = await (await t.get('/api/v1/reports?q=pungutan')).text();
    expect(list).toContain(created.trackingId);
    for (const secret of ['Siti', 'rahmawati', '081234567890']) expect(list).not.toContain(secret);
  });

  it('a confidential report shows the public its status only and never appears in lists or search', async () => {
    const created = await (
      await t.post(
        '/api/v1/reports',
        reportInput(ids.roads, { isConfidential: true, title: 'Rahasia: suap izin bangunan gedung' }),
      )
    ).json();
    const pub = await (await t.get(`/api/v1/reports/${created.trackingId}`)).json();
    expect(pub).toMatchObject({
      isConfidential: true,
      title: null,
      body: null,
      category: null,
      region: null,
      attachments: [],
    });
    expect(pub.status).toBe('submitted');
    for (const q of ['suap', 'rahasia', '']) {
      const list = await (await t.get(`/api/v1/reports?q=${q}&pageSize=100`)).text();
      expect(list).not.toContain(created.trackingId);
      expect(list).not.toContain('suap izin');
    }
    const own = await (
      await t.get(`/api/v1/reports/${created.trackingId}`, { 'x-access-code': created.accessCode })
    ).json();
    expect(own.title).toBe('Rahasia: suap izin bangunan gedung');
  });

  it('stores injection strings literally and returns them as JSON data', async () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, on purpose
    const template = '{{7*7}} ${7*7}';
    const evil = `<script>alert('x')</script>'; DROP TABLE reports; --`;
    const res = await t.post(
      '/api/v1/reports',
      reportInput(ids.roads, { title: evil, body: `${evil} ${template.repeat(3)}` }),
    );
    expect(res.status).toBe(201);
    const { trackingId } = await res.json();
    const got = await t.get(`/api/v1/reports/${trackingId}`);
    expect(got.headers.get('content-type')).toContain('application/json');
    const view = await got.json();
    expect(view.title).toBe(evil);
    expect(view.body).toContain(template);
    expect((await t.get('/api/v1/reports?pageSize=1')).status).toBe(200); // the table is still there
  });

  it('attachments: EXIF/GPS stripped, linked to the report, served with the report', async () => {
    const original = await jpegWithGps();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const up = await t.upload(uploadForm(original, 'foto jalan.jpg', 'image/jpeg'));
    expect(up.status).toBe(201);
    const att = await up.json();
    expect(att).toMatchObject({ kind: 'image', mime: 'image/jpeg' });
    const created = await (
      await t.post('/api/v1/reports', reportInput(ids.roads, { attachmentIds: [att.id] }))
    ).json();
    const view = await (await t.get(`/api/v1/reports/${created.trackingId}`)).json();
    expect(view.attachments).toHaveLength(1);
    const file = await t.get(view.attachments[0].url);
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe('image/jpeg');
    const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
    expect(meta.exif).toBeUndefined();
    expect(meta.width).toBe(64);
    // The same attachment cannot be claimed by a second report.
    const again = await t.post('/api/v1/reports', reportInput(ids.roads, { attachmentIds: [att.id] }));
    expect(again.status).toBe(422);
    expect((await again.json()).errors[0].field).toBe('attachmentIds.0');
  });
});

describe('GET /api/v1/reports (public list)', () => {
  it('searches in Indonesian (stemming: “layanan” finds “pelayanan”) and filters', async () => {
    const filed = await (
      await t.post(
        '/api/v1/reports',
        reportInput(ids.puskesmas, {
          type: 'aspiration',
          title: 'Pelayanan puskesmas lambat sekali',
          location: { regionCode: '64.71.01' },
          institutionId: ids.kaltim,
        }),
      )
    ).json();
    const found = await (await t.get('/api/v1/reports?q=layanan')).json();
    expect(found.items.map((r: { trackingId: string }) => r.trackingId)).toContain(filed.trackingId);
    const byType = await (await t.get('/api/v1/reports?type=aspiration')).json();
    expect(byType.items.every((r: { type: string }) => r.type === 'aspiration')).toBe(true);
    expect(byType.total).toBeGreaterThanOrEqual(1);
    const byRegion = await (await t.get('/api/v1/reports?regionCode=64.71&pageSize=100')).json();
    expect(byRegion.items.map((r: { trackingId: string }) => r.trackingId)).toEqual([filed.trackingId]);
    const byInstitution = await (await t.get(`/api/v1/reports?institutionId=${ids.kaltim}`)).json();
    expect(byInstitution.items.map((r: { trackingId: string }) => r.trackingId)).toEqual([filed.trackingId]);
    const byTopic = await (
      await t.get(`/api/v1/reports?categoryId=${ids.infrastructure}&pageSize=100`)
    ).json();
    expect(byTopic.items.length).toBeGreaterThan(0);
    expect(
      byTopic.items.every((r: { category: { code: string } }) =>
        r.category.code.startsWith('infrastruktur.'),
      ),
    ).toBe(true);
  });

  it('paginates', async () => {
    const p1 = await (await t.get('/api/v1/reports?pageSize=2&page=1')).json();
    const p2 = await (await t.get('/api/v1/reports?pageSize=2&page=2')).json();
    expect(p1.items).toHaveLength(2);
    expect(p1.total).toBe(p2.total);
    expect(p1.items[0].trackingId).not.toBe(p2.items[0].trackingId);
  });
});
