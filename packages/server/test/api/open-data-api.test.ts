/**
 * Open data's API and files (issue 15): keyset paging (a page past the end is empty, a foreign cursor is 400),
 * malformed filters refused field by field with 400, the small-count rule on the seeded set, the dump's atomic
 * refresh, conditional GETs, cross-origin reads, the dictionary against the files' columns, and the catalogues:
 * valid JSON-LD and DCAT-US with every distribution URL answering on the app.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DICTIONARY } from '../../src/app/open-data/dictionary';
import { encodeCursor } from '../../src/app/open-data/list-open-reports';
import { publishCells } from '../../src/app/open-data/open-aggregates';
import { COUNT_COLUMNS, REPORT_COLUMNS, TOTAL_COLUMNS } from '../../src/app/open-data/open-rows';
import { dumpOpenData } from '../../src/open-data/dump';
import { allPages, type OpenDataSet, PUBLIC_URL, seedOpenDataSet } from '../support/open-data-fixtures';

let s: OpenDataSet;
const local = (url: string) => url.replace(PUBLIC_URL, '');

beforeAll(async () => {
  s = await seedOpenDataSet();
});
afterAll(() => s.t.close());

describe('paging', () => {
  it('follows next through every public report once, in creation order', async () => {
    const { ids } = await allPages(s.t, 'limit=2');
    const one = await (await s.t.get('/api/v1/open-data/reports?limit=1000')).json();
    expect(one.next).toBeNull();
    expect(ids).toEqual(one.items.map((r: { tracking_id: string }) => r.tracking_id));
    expect(new Set(ids).size).toBe(5);
  });

  it('answers a page past the end with no items and no next', async () => {
    const past = encodeCursor({ createdAt: '2099-01-01T00:00:00.000000Z', trackingId: 'LPR-ZZZZ-ZZZZ-ZZZZ' });
    const res = await s.t.get(`/api/v1/open-data/reports?cursor=${past}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ items: [], next: null });
  });

  it('filters by place, category, type, status and dates', async () => {
    const q = async (query: string) =>
      (await (await s.t.get(`/api/v1/open-data/reports?${query}`)).json()).items.length;
    expect(await q('province=64&regency=64.72&category=infrastruktur&type=complaint')).toBe(5);
    expect(await q('status=resolved')).toBe(1);
    expect(await q('province=31')).toBe(0);
    expect(await q('from=2024-06-03&to=2024-06-03')).toBe(5);
    expect(await q('from=2024-06-04')).toBe(0);
    expect(await q('category=kesehatan')).toBe(0);
  });
});

describe('bad input', () => {
  const problem = async (query: string, path = 'reports') => {
    const res = await s.t.get(`/api/v1/open-data/${path}?${query}`);
    expect(res.status, query).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    return (await res.json()).errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`);
  };

  it('refuses malformed filters with one entry per field, never 500', async () => {
    expect(await problem('from=2024-13-01&limit=0&status=bogus&regency=64.72.08&regency_code=64.72')).toEqual(
      expect.arrayContaining([
        'query.from:invalid_format',
        'query.limit:too_small',
        'query.status:invalid_value',
        'query.regency:invalid_format',
        'query.regency_code:unrecognized_keys',
      ]),
    );
    expect(await problem('limit=1001')).toEqual(['query.limit:too_big']);
  });

  it('refuses a cursor it did not give and contradicting filters', async () => {
    expect(await problem('cursor=bm90LWEtY3Vyc29y')).toEqual(['query.cursor:invalid_cursor']);
    expect(await problem('cursor=%27%3B%20drop')).toEqual(['query.cursor:invalid_cursor']);
    expect(await problem('from=2024-06-05&to=2024-06-01&province=64&regency=31.71')).toEqual([
      'query.to:before_from',
      'query.regency:outside_province',
    ]);
  });

  it('refuses aggregates over more than 12 months or backwards', async () => {
    expect(await problem('from=2023-01&to=2024-06', 'aggregates')).toEqual(['query.to:span']);
    expect(await problem('from=2024-06&to=2024-01', 'aggregates')).toEqual(['query.to:before_from']);
    expect(await problem('from=2024-6', 'aggregates')).toEqual(['query.from:invalid_format']);
  });
});

describe('the small-count rule', () => {
  it('leaves out cells under 5 and rounds the rest and the totals to multiples of 5', async () => {
    const res = await (await s.t.get('/api/v1/open-data/aggregates?from=2024-06&to=2024-06')).json();
    // 6 submitted (4 public, 2 confidential) and 1 resolved in Kota Samarinda, infrastructure.
    expect(res.cells).toHaveLength(1);
    expect(res.cells[0]).toMatchObject({
      regency_code: '64.72',
      topic_code: 'infrastruktur',
      status: 'submitted',
    });
    expect([5, 10]).toContain(res.cells[0].reports);
    expect([5, 10]).toContain(res.totals[0].reports);
    expect(res.rule.en).toContain('under 5');
  });

  it('keeps province-month totals whole whatever the regency filter', () => {
    const cell = (regencyCode: string, exact: number, key: number) => ({
      month: '2024-06',
      provinceCode: '64',
      provinceName: 'Kalimantan Timur',
      regencyCode,
      regencyName: regencyCode,
      topicCode: 'infrastruktur',
      topicName: 'Infrastruktur',
      status: 'submitted',
      exact,
      key,
    });
    const cells = [cell('64.71', 3, 1), cell('64.72', 12, 4), cell('64.74', 4, 2)];
    const all = publishCells(cells);
    expect(all.cells.map((c) => [c.regency_code, c.reports])).toEqual([['64.72', 10]]);
    // 19 with key 7 (7 mod 5 = 2 < 4): rounded up to 20.
    expect(all.totals).toEqual([expect.objectContaining({ reports: 20 })]);
    expect(publishCells(cells, '64.71')).toEqual({ cells: [], totals: all.totals });
  });
});

describe('the dump', () => {
  it('writes every file atomically, refreshes them, and cleans up what a killed dump left', async () => {
    const first = await s.dump();
    await mkdir(join(s.dir, '.tmp-killed'));
    await writeFile(join(s.dir, '.tmp-killed', 'reports.csv'), 'half');
    s.t.setNow('2024-06-04T02:00:00Z');
    const second = await s.dump();
    expect(second.generatedAt).not.toBe(first.generatedAt);
    expect((await readdir(s.dir)).sort()).toEqual(
      [...second.files.map((f) => f.name), 'manifest.json'].sort(),
    );
    for (const f of second.files) {
      const bytes = await readFile(join(s.dir, f.name));
      expect(bytes.length, f.name).toBe(f.bytes);
    }
  });

  it('leaves the last dump whole when a dump fails half-way', async () => {
    const before = await readFile(join(s.dir, 'reports.csv'), 'utf8');
    const failing = Object.assign({}, s.t.deps.openData, {
      counts: async () => {
        throw new Error('database gone');
      },
    });
    await expect(
      dumpOpenData({
        openData: failing,
        dir: s.dir,
        secret: s.secret,
        now: new Date('2024-06-05T00:00:00Z'),
        baseUrl: PUBLIC_URL,
        publisher: 'Pintu (uji)',
        contactEmail: 'data@pintu.test',
      }),
    ).rejects.toThrow('database gone');
    expect(await readFile(join(s.dir, 'reports.csv'), 'utf8')).toBe(before);
    expect((await readdir(s.dir)).filter((n) => n.startsWith('.tmp-'))).toEqual([]);
  });

  it('serves each file with its type, ETag and Last-Modified, 304 when unchanged, to any origin', async () => {
    const res = await s.t.get('/open-data/reports.csv');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const etag = res.headers.get('etag')!;
    expect(etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect((await s.t.get('/open-data/reports.csv', { 'if-none-match': etag })).status).toBe(304);
    const since = res.headers.get('last-modified')!;
    expect((await s.t.get('/open-data/reports.csv', { 'if-modified-since': since })).status).toBe(304);
    expect((await s.t.get('/open-data/catalog.jsonld')).headers.get('content-type')).toContain(
      'application/ld+json',
    );
    for (const name of ['manifest.json', '..%2Fmanifest.json', '.tmp-x', 'secret.txt'])
      expect((await s.t.get(`/open-data/${name}`)).status, name).toBe(404);
    const api = await s.t.get('/api/v1/open-data/reports');
    expect(api.headers.get('access-control-allow-origin')).toBe('*');
    expect(api.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const other = await s.t.get('/api/v1/reports');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.headers.get('cross-origin-resource-policy')).toBe('same-origin');
  });

  it('has a dictionary naming exactly the columns of each file', async () => {
    const header = async (name: string) =>
      (await (await s.t.get(`/open-data/${name}`)).text()).split('\r\n')[0]!.split(',');
    const of = (table: string) => DICTIONARY.filter((f) => f.table === table).map((f) => f.field);
    expect(await header('reports.csv')).toEqual([...REPORT_COLUMNS]);
    expect(of('reports')).toEqual([...REPORT_COLUMNS]);
    expect(await header('aggregates.csv')).toEqual([...COUNT_COLUMNS]);
    expect(of('aggregates')).toEqual([...COUNT_COLUMNS]);
    expect(await header('aggregates-totals.csv')).toEqual([...TOTAL_COLUMNS]);
    expect(of('aggregates_totals')).toEqual([...TOTAL_COLUMNS]);
    const line = (await (await s.t.get('/open-data/reports.jsonl')).text()).split('\n')[0]!;
    expect(Object.keys(JSON.parse(line))).toEqual([...REPORT_COLUMNS]);
  });
});

describe('the catalogues', () => {
  const resolves = async (url: string, mediaType: string) => {
    expect(url.startsWith(`${PUBLIC_URL}/open-data/`), url).toBe(true);
    const res = await s.t.get(local(url));
    expect(res.status, url).toBe(200);
    expect(res.headers.get('content-type'), url).toContain(mediaType);
  };

  it('catalog.jsonld is DCAT JSON-LD a harvester can read: dataset, licence, dates, place, distributions', async () => {
    const doc = JSON.parse(await (await s.t.get('/open-data/catalog.jsonld')).text());
    expect(doc['@context'].dcat).toBe('http://www.w3.org/ns/dcat#');
    expect(doc['@context'].dct).toBe('http://purl.org/dc/terms/');
    expect(doc['@type']).toBe('dcat:Catalog');
    const ds = doc['dcat:dataset'];
    expect(ds['@type']).toBe('dcat:Dataset');
    for (const key of ['dct:title', 'dct:description', 'dct:publisher', 'dcat:contactPoint', 'dcat:keyword'])
      expect(ds[key], key).toBeTruthy();
    expect(ds['dct:license']['@id']).toBe('https://creativecommons.org/licenses/by/4.0/');
    expect(Date.parse(ds['dct:modified']['@value'])).not.toBeNaN();
    expect(ds['dct:temporal']['dcat:startDate']['@value']).toBe('2024-06-01');
    expect(ds['dct:spatial']['@id']).toMatch(/geonames/);
    const dists = ds['dcat:distribution'] as Record<string, { '@id': string } | string>[];
    expect(dists).toHaveLength(6);
    for (const d of dists) {
      expect(d['@type']).toBe('dcat:Distribution');
      const media = (d['dcat:mediaType'] as { '@id': string })['@id'].split('/media-types/')[1]!;
      await resolves((d['dcat:downloadURL'] as { '@id': string })['@id'], media);
    }
  });

  it('data.json is DCAT-US 1.1 with its required fields, every downloadURL answering', async () => {
    const res = await s.t.get('/open-data/data.json');
    expect(res.headers.get('content-type')).toContain('application/json');
    const doc = await res.json();
    expect(doc.conformsTo).toBe('https://project-open-data.cio.gov/v1.1/schema');
    expect(doc.dataset).toHaveLength(1);
    const ds = doc.dataset[0];
    for (const key of ['title', 'description', 'keyword', 'modified', 'identifier', 'accessLevel', 'license'])
      expect(ds[key], key).toBeTruthy();
    expect(ds.publisher.name).toBeTruthy();
    expect(ds.contactPoint).toMatchObject({ fn: expect.any(String), hasEmail: 'mailto:data@pintu.test' });
    expect(ds.accessLevel).toBe('public');
    for (const d of ds.distribution) await resolves(d.downloadURL, d.mediaType);
  });

  it('the index lists the files with sizes, the licence, the rule and the dictionary', async () => {
    const index = await (await s.t.get('/api/v1/open-data')).json();
    expect(index.licence.id).toBe('CC-BY-4.0');
    expect(index.files.map((f: { name: string }) => f.name)).toContain('reports.csv');
    expect(index.dictionary.length).toBe(DICTIONARY.length);
  });
});
