/**
 * Configuring programs (issue 15): who may (national admin any, a provincial admin only its own province, others
 * 403), bad configurations as field-level 422 with nothing stored, and the public reads — the seeded FCPF-CF East
 * Kalimantan program among them.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
type Who = 'admin' | 'kaltim' | 'jatim' | 'samarinda' | 'citizen';
const h = {} as Record<Who, Record<string, string>>;

const config = (over: Record<string, unknown> = {}) => ({
  code: 'uji-samarinda',
  name: 'Program Uji Samarinda',
  ownerCode: 'pemprov-64',
  areaRegionCodes: ['64.72'],
  categories: [{ code: 'jalan', name: 'Jalan desa', categoryId: ids.roads }],
  fields: [{ key: 'dusun', label: 'Dusun', type: 'text', required: true }],
  levels: [
    { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 10 },
    { level: 'regency', handler: { kind: 'regional_government' }, deadlineDays: 10 },
  ],
  ...over,
});

async function programCount(): Promise<number> {
  const res = await t.deps.db.execute(sql`select count(*)::int as n from programs`);
  return (res.rows[0] as { n: number }).n;
}

beforeAll(async () => {
  t = await startTestApp();
  ids = await refIds(t.deps.db);
  const jatim = await t.deps.db.execute(sql`select id from institutions where code = 'pemprov-35'`);
  h.admin = (await signInAs(t, { role: 'national_admin' })).headers;
  h.kaltim = (await signInAs(t, { role: 'coordinator', institutionId: ids.kaltim })).headers;
  h.jatim = (
    await signInAs(t, { role: 'coordinator', institutionId: (jatim.rows[0] as { id: number }).id })
  ).headers;
  h.samarinda = (await signInAs(t, { role: 'coordinator', institutionId: ids.samarinda })).headers;
  h.citizen = (await signInAs(t, { role: 'citizen' })).headers;
});
afterAll(() => t.close());

const put = (code: string, body: unknown, headers: Record<string, string>) =>
  t.app.request(`/api/v1/admin/programs/${code}`, {
    method: 'PUT',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the seeded FCPF-CF East Kalimantan program', () => {
  it('is public, with its area, levels and a cited source', async () => {
    const list = await (await t.get('/api/v1/programs')).json();
    expect(list.items.map((p: { code: string }) => p.code)).toContain('fcpf-cf-kaltim');
    const p = await (await t.get('/api/v1/programs/fcpf-cf-kaltim')).json();
    expect(p).toMatchObject({
      owner: { id: ids.kaltim, name: 'Pemerintah Provinsi Kalimantan Timur' },
      areaRegionCodes: ['64'],
      levels: [
        { level: 'village', deadlineDays: 14, handlerName: 'Pemerintah Desa/Kelurahan setempat' },
        { level: 'regency', deadlineDays: 14, handlerName: 'Pemerintah Kabupaten/Kota setempat' },
        { level: 'province', deadlineDays: 14, handlerName: 'Pemerintah Provinsi Kalimantan Timur' },
      ],
    });
    expect(p.categories).toHaveLength(5);
    expect(p.source).toContain('bappeda.kaltimprov.go.id');
    expect(p.source).toContain('bawaan Pintu');
  });

  it('is offered for a village in East Kalimantan, not elsewhere', async () => {
    const inside = await (await t.get('/api/v1/programs?regionCode=64.72.01.1001')).json();
    expect(inside.items.map((p: { code: string }) => p.code)).toEqual(['fcpf-cf-kaltim']);
    const outside = await (await t.get('/api/v1/programs?regionCode=35.78.01.1001')).json();
    expect(outside.items).toEqual([]);
    expect((await t.get('/api/v1/programs/tidak-ada')).status).toBe(404);
  });
});

describe('who configures a program', () => {
  it('refuses a regency coordinator, another province and a citizen (403), and a guest (401); nothing stored', async () => {
    const before = await programCount();
    for (const who of ['samarinda', 'jatim', 'citizen'] as const)
      expect((await t.post('/api/v1/admin/programs', config(), h[who])).status, who).toBe(403);
    expect((await t.post('/api/v1/admin/programs', config())).status).toBe(401);
    expect((await t.get('/api/v1/admin/programs', h.citizen)).status).toBe(403);
    expect(await programCount()).toBe(before);
  });

  it('lets the provincial admin create one in its province, and the national admin change it', async () => {
    const res = await t.post('/api/v1/admin/programs', config(), h.kaltim);
    expect(res.status).toBe(201);
    expect(await res.json()).toMatchObject({ code: 'uji-samarinda', ownerCode: 'pemprov-64', active: true });
    expect((await t.post('/api/v1/admin/programs', config(), h.admin)).status).toBe(409);
    const { code: _code, ...rest } = config({
      name: 'Program Uji Samarinda (diubah)',
      countsInEvaluation: false,
    });
    const changed = await put('uji-samarinda', rest, h.admin);
    expect(changed.status).toBe(200);
    expect(await changed.json()).toMatchObject({
      name: 'Program Uji Samarinda (diubah)',
      countsInEvaluation: false,
    });
    // Another province's admin may neither change it nor see it in its list.
    expect((await put('uji-samarinda', rest, h.jatim)).status).toBe(403);
    const theirs = await (await t.get('/api/v1/admin/programs', h.jatim)).json();
    expect(theirs.items).toEqual([]);
    const mine = await (await t.get('/api/v1/admin/programs', h.kaltim)).json();
    expect(mine.items.map((p: { code: string }) => p.code).sort()).toEqual([
      'fcpf-cf-kaltim',
      'uji-samarinda',
    ]);
  });

  it('refuses a provincial admin a program reaching outside its province', async () => {
    const res = await t.post(
      '/api/v1/admin/programs',
      config({ code: 'uji-luar', areaRegionCodes: ['64', '35'] }),
      h.kaltim,
    );
    expect(res.status).toBe(403);
  });
});

describe('a bad configuration is a field-level 422 and stores nothing', () => {
  const cases: [string, Record<string, unknown>, string[]][] = [
    [
      'a level missing between village and province',
      {
        levels: [
          { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 10 },
          { level: 'province', handler: { kind: 'institution', code: 'pemprov-64' }, deadlineDays: 10 },
        ],
      },
      ['levels.1.handler'],
    ],
    ['an area code that does not exist', { areaRegionCodes: ['64.99'] }, ['areaRegionCodes.0']],
    [
      'an unknown national category',
      { categories: [{ code: 'jalan', name: 'Jalan', categoryId: 999_999 }] },
      ['categories.0.categoryId'],
    ],
    [
      'an unknown handler institution',
      {
        levels: [
          { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 10 },
          { level: 'regency', handler: { kind: 'institution', code: 'tidak-ada' }, deadlineDays: 10 },
        ],
      },
      ['levels.1.handler.code'],
    ],
    ['an unknown owner', { ownerCode: 'tidak-ada' }, ['ownerCode']],
    [
      'a select field without options',
      { fields: [{ key: 'x', label: 'X', type: 'select' }] },
      ['fields.0.options'],
    ],
  ];
  it.each(cases)('%s', async (_label, over, fields) => {
    const before = await programCount();
    const res = await t.post('/api/v1/admin/programs', config({ code: 'uji-buruk', ...over }), h.admin);
    expect(res.status).toBe(422);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = await res.json();
    expect(body.errors.map((e: { field: string }) => e.field)).toEqual(fields);
    expect(await programCount()).toBe(before);
  });
});
