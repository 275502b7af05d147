/** Reference data over the API: regions, institutions, categories, holidays, routing, and the OpenAPI docs. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

describe('GET /api/v1/institutions', () => {
  it('lists all 38 provincial and 514 regency/city governments', async () => {
    const res = await (await t.get('/api/v1/institutions?pageSize=1000')).json();
    const count = (kind: string) => res.items.filter((i: { kind: string }) => i.kind === kind).length;
    expect(count('provincial_government')).toBe(38);
    expect(count('regency_government')).toBe(514);
    expect(count('ministry')).toBeGreaterThanOrEqual(40);
    expect(res.total).toBe(res.items.length);
  });

  it('gives each regional government the time zone of its province', async () => {
    const tz = async (q: string) =>
      (await (await t.get(`/api/v1/institutions?q=${encodeURIComponent(q)}`)).json()).items[0].timeZone;
    expect(await tz('Kota Samarinda')).toBe('Asia/Makassar');
    expect(await tz('Kota Medan')).toBe('Asia/Jakarta');
    expect(await tz('Kota Jayapura')).toBe('Asia/Jayapura');
    expect(await tz('Kementerian Kesehatan')).toBe('Asia/Jakarta');
  });

  it('searches by name or acronym, filters by kind, and shows one institution with its children', async () => {
    const bpjs = await (await t.get('/api/v1/institutions?q=bpjs')).json();
    expect(bpjs.items.map((i: { code: string }) => i.code)).toContain('bpjs-kesehatan');
    const ministries = await (await t.get('/api/v1/institutions?kind=ministry')).json();
    expect(ministries.items.every((i: { kind: string }) => i.kind === 'ministry')).toBe(true);
    const one = await (await t.get(`/api/v1/institutions/${ids.samarinda}`)).json();
    expect(one).toMatchObject({
      name: 'Pemerintah Kota Samarinda',
      regionCode: '64.72',
      ancestors: [],
      children: [],
    });
    expect((await t.get('/api/v1/institutions/999999')).status).toBe(404);
  });
});

describe('GET /api/v1/regions', () => {
  it('cascades province → regency → district → village', async () => {
    const provinces = await (await t.get('/api/v1/regions')).json();
    expect(provinces.items).toHaveLength(38);
    const kaltim = await (await t.get('/api/v1/regions?parent=64')).json();
    expect(kaltim.items.map((r: { name: string }) => r.name)).toContain('Kota Samarinda');
    const districts = await (await t.get('/api/v1/regions?parent=64.72')).json();
    expect(districts.items.length).toBeGreaterThan(5);
    const villages = await (await t.get(`/api/v1/regions?parent=${districts.items[0].code}`)).json();
    expect(villages.items[0].level).toBe(4);
  });

  it('finds a village by name with its path', async () => {
    const res = await (await t.get('/api/v1/regions?q=Keude%20Bakongan&level=4')).json();
    expect(res.items[0]).toMatchObject({ name: 'Keude Bakongan', level: 4 });
    expect(res.items[0].path).toContain('Aceh');
  });
});

describe('GET /api/v1/categories and /api/v1/holidays', () => {
  it('returns the category tree', async () => {
    const res = await (await t.get('/api/v1/categories')).json();
    expect(res.items.length).toBeGreaterThanOrEqual(15);
    const infra = res.items.find((c: { code: string }) => c.code === 'infrastruktur');
    expect(infra.children.map((c: { code: string }) => c.code)).toContain('infrastruktur.jalan-kabupaten');
  });

  it('returns the decreed days off of a year, with sources', async () => {
    const res = await (await t.get('/api/v1/holidays?year=2024')).json();
    const dates = res.items.map((h: { date: string }) => h.date);
    expect(dates).toEqual(
      expect.arrayContaining(['2024-04-10', '2024-04-11', '2024-04-08', '2024-04-15', '2024-02-14']),
    );
    expect(res.items.every((h: { source: string }) => h.source.length > 3)).toBe(true);
    expect(res.items.every((h: { id: number }) => Number.isInteger(h.id) && h.id > 0)).toBe(true);
    expect(dates.every((d: string) => d.startsWith('2024-'))).toBe(true);
  });
});

describe('GET /api/v1/routing/suggest', () => {
  it('regency roads in Samarinda → Pemerintah Kota Samarinda first, then the province', async () => {
    const res = await (
      await t.get(`/api/v1/routing/suggest?regionCode=64.72.01&categoryId=${ids.roads}`)
    ).json();
    expect(res.items.map((i: { institution: { code: string } }) => i.institution.code)).toEqual([
      'pemda-64.72',
      'pemprov-64',
    ]);
    expect(res.items[0].reason).toBe('category');
  });

  it('a central category suggests the ministry first', async () => {
    const cats = await (await t.get('/api/v1/categories')).json();
    const national = cats.items
      .flatMap((c: { children: { code: string; id: number }[] }) => c.children)
      .find((c: { code: string }) => c.code === 'infrastruktur.jalan-nasional');
    const res = await (
      await t.get(`/api/v1/routing/suggest?regionCode=64.72&categoryId=${national.id}`)
    ).json();
    expect(res.items[0].institution.code).toBe('kemenpu');
  });

  it('names the bad parameter', async () => {
    const res = await t.get('/api/v1/routing/suggest?regionCode=xx&categoryId=0');
    expect(res.status).toBe(422);
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['query.regionCode', 'query.categoryId']));
  });
});

describe('OpenAPI', () => {
  it('serves the document with every v1 route, and a docs page', async () => {
    const doc = await (await t.get('/api/openapi.json')).json();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of [
      '/api/v1/reports',
      '/api/v1/reports/{trackingId}',
      '/api/v1/institutions',
      '/api/v1/regions',
      '/api/v1/categories',
      '/api/v1/holidays',
      '/api/v1/attachments',
      '/api/v1/routing/suggest',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    const page = await t.get('/api/docs');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('/api/docs/init.js');
    expect(await (await t.get('/api/docs/init.js')).text()).toContain('/api/openapi.json');
    expect((await t.get('/api/docs/swagger-ui-bundle.js')).status).toBe(200);
  });

  it('answers unknown API paths with problem+json', async () => {
    const res = await t.get('/api/v1/nothing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
  });
});
