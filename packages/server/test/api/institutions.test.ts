/**
 * Institution administration over HTTP (issue 3 part 2): units (create, rename, move, deactivate) within scope,
 * the SK record with its PDF, settings, and the audit — with nothing partial left behind by a refused change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jpegWithGps, refIds, uploadForm } from '../support/fixtures';
import { placeReport } from '../support/institution-fixtures';
import { type SignedIn, signInAs } from '../support/sessions';
import { startTestApp, type TestApp, type TestResponse } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
let balikpapan: number;
let national: SignedIn;
let smdCoordinator: SignedIn;
let bppCoordinator: SignedIn;
let smdLiaison: SignedIn;
let citizen: SignedIn;

const call = async (
  method: string,
  path: string,
  who: SignedIn | null,
  body?: unknown,
): Promise<TestResponse> =>
  t.app.request(path, {
    method,
    headers: { 'content-type': 'application/json', ...(who?.headers ?? {}) },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  }) as Promise<TestResponse>;

const createUnit = async (parentId: number, body: Record<string, unknown>, who = smdCoordinator) => {
  const res = await call('POST', `/api/v1/institutions/${parentId}/units`, who, body);
  expect(res.status, JSON.stringify(await res.clone().json())).toBe(201);
  return (await res.json()) as { id: number; path: number[] } & Record<string, unknown>;
};

/** The rows a refused change must not touch: institutions, SK records, audit entries, settings and names. */
async function snapshot() {
  const res = await t.deps.db.execute(sql`select
    (select count(*)::int from institutions) as institutions,
    (select count(*)::int from institution_sk) as sks,
    (select count(*)::int from institution_audit) as audits,
    (select md5(string_agg(id || name || active || path::text || settings::text || coalesce(sk_number, ''), ',' order by id))
      from institutions where path @> array[${ids.samarinda}::int] or path @> array[${balikpapan}::int]) as tree`);
  return res.rows[0];
}

async function expectProblem(res: TestResponse, status: number, field?: string, code?: string) {
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  if (field)
    expect(body.errors, JSON.stringify(body)).toContainEqual(
      expect.objectContaining({ field, ...(code ? { code } : {}) }),
    );
  return body;
}

const pdf = () =>
  Buffer.from(
    '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n' +
      'trailer << /Root 1 0 R >>\n%%EOF\n',
  );
const upload = async (bytes: Buffer, name: string) => {
  const res = await t.upload(uploadForm(bytes, name));
  expect(res.status).toBe(201);
  return (await res.json()).id as string;
};

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.deps.db);
  balikpapan = (
    (await t.deps.db.execute(sql`select id from institutions where code = 'pemda-64.71'`)).rows[0] as {
      id: number;
    }
  ).id;
  [national, smdCoordinator, bppCoordinator, smdLiaison, citizen] = await Promise.all([
    signInAs(t, { role: 'national_admin' }),
    signInAs(t, { role: 'coordinator', institutionId: ids.samarinda }),
    signInAs(t, { role: 'coordinator', institutionId: balikpapan }),
    signInAs(t, { role: 'liaison_officer', institutionId: ids.samarinda }),
    signInAs(t, { role: 'citizen' }),
  ]);
});
afterAll(() => t.close());

describe('creating units', () => {
  it('creates a unit under the coordinator’s institution: kind unit, path, time zone and region inherited', async () => {
    const unit = await createUnit(ids.samarinda, { name: 'Dinas Pekerjaan Umum dan Penataan Ruang' });
    expect(unit).toMatchObject({
      kind: 'unit',
      parentId: ids.samarinda,
      path: [ids.samarinda, unit.id],
      timeZone: 'Asia/Makassar',
      regionCode: '64.72',
      active: true,
      connected: false,
      code: `unit-${unit.id}`,
      sk: null,
      effectiveSettings: { followUpRequiresApproval: true, defaultComplexity: {} },
    });
    const audit = await (await call('GET', `/api/v1/institutions/${unit.id}/audit`, smdCoordinator)).json();
    expect(audit.items).toEqual([
      expect.objectContaining({
        action: 'create_unit',
        actorId: smdCoordinator.userId,
        actorRole: 'coordinator',
        actorInstitutionId: ids.samarinda,
        before: null,
        after: expect.objectContaining({
          parentId: ids.samarinda,
          name: 'Dinas Pekerjaan Umum dan Penataan Ruang',
        }),
      }),
    ]);
    const children = await (
      await call('GET', `/api/v1/institutions/${ids.samarinda}/units`, smdLiaison)
    ).json();
    expect(children.items).toContainEqual(
      expect.objectContaining({ id: unit.id, openReports: 0, active: true }),
    );
  });

  it('creates a district of the pemda and a village of the district, each inside its parent’s region', async () => {
    const district = await createUnit(ids.samarinda, {
      name: 'Kecamatan Samarinda Ulu',
      regionCode: '64.72.03',
    });
    const village = await createUnit(district.id, {
      name: 'Kelurahan Air Hitam',
      regionCode: '64.72.03.1006',
    });
    expect(village).toMatchObject({
      path: [ids.samarinda, district.id, village.id],
      regionCode: '64.72.03.1006',
    });
  });

  it('refuses a region outside the parent’s, an unknown region, a taken name or a bad name — storing nothing', async () => {
    const before = await snapshot();
    const outside = await call('POST', `/api/v1/institutions/${ids.samarinda}/units`, smdCoordinator, {
      name: 'Kecamatan Balikpapan Timur',
      regionCode: '64.71.01',
    });
    const problem = await expectProblem(outside, 422, 'regionCode', 'outside_parent');
    expect(problem.detail).toContain('Pemerintah Kota Samarinda');
    await expectProblem(
      await call('POST', `/api/v1/institutions/${ids.samarinda}/units`, smdCoordinator, {
        name: 'Kecamatan X',
        regionCode: '64.72.99',
      }),
      422,
      'regionCode',
      'unknown',
    );
    await expectProblem(
      await call('POST', `/api/v1/institutions/${ids.samarinda}/units`, smdCoordinator, {
        name: 'dinas pekerjaan umum dan penataan ruang',
      }),
      422,
      'name',
      'taken',
    );
    await expectProblem(
      await call('POST', `/api/v1/institutions/${ids.samarinda}/units`, smdCoordinator, { name: 'X' }),
      422,
      'name',
    );
    await expectProblem(
      await call('POST', `/api/v1/institutions/${ids.samarinda}/units`, smdCoordinator, {
        name: 'Dinas Sosial',
        kind: 'ministry',
      }),
      422,
      'kind',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refuses callers out of scope: another coordinator, a liaison officer, a citizen (403), nobody signed in (401)', async () => {
    const before = await snapshot();
    const path = `/api/v1/institutions/${ids.samarinda}/units`;
    await expectProblem(await call('POST', path, bppCoordinator, { name: 'Dinas Siluman' }), 403);
    await expectProblem(await call('POST', path, smdLiaison, { name: 'Dinas Siluman' }), 403);
    await expectProblem(await call('POST', path, citizen, { name: 'Dinas Siluman' }), 403);
    await expectProblem(await call('POST', path, null, { name: 'Dinas Siluman' }), 401);
    await expectProblem(
      await call('POST', '/api/v1/institutions/99999999/units', smdCoordinator, { name: 'Dinas Siluman' }),
      404,
    );
    expect(await snapshot()).toEqual(before);
  });

  it('lets the national admin create anywhere', async () => {
    const unit = await createUnit(balikpapan, { name: 'Dinas Perhubungan' }, national);
    expect(unit.path).toEqual([balikpapan, unit.id]);
  });
});

describe('renaming and moving', () => {
  it('renames a unit of the subtree, but not the institution itself nor another’s units', async () => {
    const unit = await createUnit(ids.samarinda, { name: 'Dinas Kesehatn' });
    const res = await call('PATCH', `/api/v1/institutions/${unit.id}`, smdCoordinator, {
      name: 'Dinas Kesehatan',
    });
    expect(res.status).toBe(200);
    expect((await res.json()).name).toBe('Dinas Kesehatan');
    const audit = await (await call('GET', `/api/v1/institutions/${unit.id}/audit`, smdCoordinator)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'rename',
      before: { name: 'Dinas Kesehatn' },
      after: { name: 'Dinas Kesehatan' },
    });
    const before = await snapshot();
    await expectProblem(
      await call('PATCH', `/api/v1/institutions/${ids.samarinda}`, smdCoordinator, { name: 'Kota Tepian' }),
      403,
    );
    await expectProblem(
      await call('PATCH', `/api/v1/institutions/${unit.id}`, bppCoordinator, { name: 'Dinas Lain' }),
      403,
    );
    await expectProblem(await call('PATCH', `/api/v1/institutions/${unit.id}`, smdCoordinator, {}), 422);
    expect(await snapshot()).toEqual(before);
  });

  it('moves a unit with its whole subtree, rewriting paths and the ancestors of the reports held there', async () => {
    const a = await createUnit(ids.samarinda, { name: 'Bagian A' });
    const b = await createUnit(ids.samarinda, { name: 'Bagian B' });
    const a1 = await createUnit(a.id, { name: 'Subbagian A1' });
    const a1x = await createUnit(a1.id, { name: 'Seksi A1x' });
    const held = await placeReport(t.deps.db, {
      holderId: a1x.id,
      status: 'in_progress',
      dueAt: '2024-06-20T15:59:59.999Z',
      categoryId: ids.roads,
    });
    const res = await call('PATCH', `/api/v1/institutions/${a.id}`, smdCoordinator, { parentId: b.id });
    expect(res.status).toBe(200);
    expect((await res.json()).path).toEqual([ids.samarinda, b.id, a.id]);
    const paths = await t.deps.db.execute(sql`select id, path, parent_id as "parentId" from institutions
      where id in (${a.id}, ${a1.id}, ${a1x.id}) order by id`);
    expect(paths.rows).toEqual([
      { id: a.id, path: [ids.samarinda, b.id, a.id], parentId: b.id },
      { id: a1.id, path: [ids.samarinda, b.id, a.id, a1.id], parentId: a.id },
      { id: a1x.id, path: [ids.samarinda, b.id, a.id, a1.id, a1x.id], parentId: a1.id },
    ]);
    const state = await t.deps.db.execute(
      sql`select lifecycle->'holder'->'ancestorIds' as ancestors from reports where tracking_id = ${held}`,
    );
    expect(state.rows[0]).toEqual({ ancestors: [ids.samarinda, b.id, a.id, a1.id].map(String) });
    const audit = await (await call('GET', `/api/v1/institutions/${a.id}/audit`, smdCoordinator)).json();
    expect(audit.items[0]).toMatchObject({
      action: 'move',
      before: { parentId: ids.samarinda },
      after: { parentId: b.id },
    });
  });

  it('refuses cycles, destinations out of scope or outside the region — and changes nothing', async () => {
    const top = await createUnit(ids.samarinda, { name: 'Bagian Umum' });
    const mid = await createUnit(top.id, { name: 'Subbagian Rumah Tangga' });
    const low = await createUnit(mid.id, { name: 'Urusan Kendaraan' });
    const palaran = await createUnit(ids.samarinda, { name: 'Kecamatan Palaran', regionCode: '64.72.01' });
    const ulu = await createUnit(ids.samarinda, {
      name: 'Kecamatan Samarinda Ulu Lama',
      regionCode: '64.72.03',
    });
    const village = await createUnit(ulu.id, { name: 'Kelurahan Sidodadi', regionCode: '64.72.03.1005' });
    const before = await snapshot();
    const patch = (id: number, body: unknown, who = smdCoordinator) =>
      call('PATCH', `/api/v1/institutions/${id}`, who, body);
    await expectProblem(await patch(top.id, { parentId: low.id }), 422, 'parentId', 'cycle');
    await expectProblem(await patch(top.id, { parentId: top.id }), 422, 'parentId', 'cycle');
    await expectProblem(await patch(top.id, { parentId: balikpapan }), 403);
    await expectProblem(await patch(village.id, { parentId: palaran.id }), 422, 'parentId', 'outside_parent');
    // A rename riding along with a refused move is not stored either.
    await expectProblem(
      await patch(mid.id, { name: 'Nama Baru Sekali', parentId: low.id }),
      422,
      'parentId',
      'cycle',
    );
    await expectProblem(await patch(top.id, { parentId: 99999999 }), 422, 'parentId', 'unknown');
    expect(await snapshot()).toEqual(before);
    // The national admin may move across institutions, still inside the region: a unit of Samarinda never lands in
    // Balikpapan, but a ministry's unit with no region of its own may go to a province.
    await expectProblem(
      await patch(low.id, { parentId: balikpapan }, national),
      422,
      'parentId',
      'outside_parent',
    );
    const office = await createUnit(ids.kemenpu, { name: 'Satuan Kerja Pelaksanaan Jalan' }, national);
    expect(office).toMatchObject({ regionCode: null, timeZone: 'Asia/Jakarta' });
    const moved = await patch(office.id, { parentId: ids.kaltim }, national);
    expect(moved.status).toBe(200);
    expect((await moved.json()).path).toEqual([ids.kaltim, office.id]);
  });
});

describe('deactivating', () => {
  it('refuses while the unit holds open reports, naming the count, and stores nothing', async () => {
    const unit = await createUnit(ids.samarinda, { name: 'Dinas Lingkungan Hidup' });
    for (const status of ['dispositioned', 'on_hold', 'resolved', 'archived'])
      await placeReport(t.deps.db, { holderId: unit.id, status, dueAt: null, categoryId: ids.roads });
    const before = await snapshot();
    const res = await call('PATCH', `/api/v1/institutions/${unit.id}`, smdCoordinator, {
      name: 'DLH',
      active: false,
    });
    const problem = await expectProblem(res, 409, 'active', 'open_reports');
    expect(problem.detail).toContain('2 laporan terbuka');
    expect(await snapshot()).toEqual(before);
  });

  it('refuses while active units remain below; deactivates a free leaf; an inactive parent takes no new unit', async () => {
    const parent = await createUnit(ids.samarinda, { name: 'Badan Pendapatan Daerah' });
    const child = await createUnit(parent.id, { name: 'Bidang Pajak Daerah' });
    await expectProblem(
      await call('PATCH', `/api/v1/institutions/${parent.id}`, smdCoordinator, { active: false }),
      409,
      'active',
      'active_units',
    );
    const off = await call('PATCH', `/api/v1/institutions/${child.id}`, smdCoordinator, { active: false });
    expect(off.status).toBe(200);
    expect((await off.json()).active).toBe(false);
    const parentOff = await call('PATCH', `/api/v1/institutions/${parent.id}`, smdCoordinator, {
      active: false,
    });
    expect(parentOff.status).toBe(200);
    await expectProblem(
      await call('POST', `/api/v1/institutions/${parent.id}/units`, smdCoordinator, { name: 'Bidang Baru' }),
      409,
    );
    // Reactivating the child first is refused: its parent is inactive.
    await expectProblem(
      await call('PATCH', `/api/v1/institutions/${child.id}`, smdCoordinator, { active: true }),
      422,
      'active',
      'parent_inactive',
    );
    expect(
      (await call('PATCH', `/api/v1/institutions/${parent.id}`, smdCoordinator, { active: true })).status,
    ).toBe(200);
    const audit = await (await call('GET', `/api/v1/institutions/${parent.id}/audit`, smdCoordinator)).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual([
      'reactivate',
      'deactivate',
      'create_unit',
    ]);
  });
});

describe('the SK record', () => {
  it('records the SK with its PDF: the institution is connected, and its units with it', async () => {
    const unit = await createUnit(ids.samarinda, { name: 'Dinas Perhubungan Kota' });
    const file = await upload(pdf(), 'sk-pejabat-penghubung.pdf');
    const res = await call('PUT', `/api/v1/institutions/${ids.samarinda}/sk`, smdCoordinator, {
      number: '100.3.3.2/245/HK-KS/2024',
      date: '2024-05-20',
      attachmentId: file,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      connected: true,
      sk: { number: '100.3.3.2/245/HK-KS/2024', date: '2024-05-20', attachmentId: file },
    });
    const ref = await (await t.get(`/api/v1/institutions/${ids.samarinda}`)).json();
    expect(ref.connected).toBe(true);
    const unitView = await (await call('GET', `/api/v1/institutions/${unit.id}/admin`, smdLiaison)).json();
    expect(unitView.connected).toBe(true);
    const audit = await (await call('GET', `/api/v1/institutions/${ids.samarinda}/audit`, national)).json();
    expect(audit.items[0]).toMatchObject({ action: 'record_sk', after: { attachmentId: file } });
  });

  it('refuses a JPEG, a future date, an unknown file, a unit, another’s institution — storing nothing', async () => {
    const jpeg = await upload(await jpegWithGps(), 'sk.jpg');
    const file = await upload(pdf(), 'sk-bpp.pdf');
    const unit = await createUnit(balikpapan, { name: 'Dinas Pendidikan' }, national);
    const before = await snapshot();
    const put = (id: number, body: unknown, who = bppCoordinator) =>
      call('PUT', `/api/v1/institutions/${id}/sk`, who, body);
    const sk = { number: 'SK-001/2024', date: '2024-05-02', attachmentId: file };
    const jpegProblem = await expectProblem(
      await put(balikpapan, { ...sk, attachmentId: jpeg }),
      422,
      'attachmentId',
      'not_pdf',
    );
    expect(jpegProblem.errors[0].message).toContain('image/jpeg');
    await expectProblem(await put(balikpapan, { ...sk, date: '2024-06-04' }), 422, 'date', 'future');
    await expectProblem(
      await put(balikpapan, { ...sk, attachmentId: '00000000-0000-4000-8000-000000000000' }),
      422,
      'attachmentId',
      'unknown',
    );
    await expectProblem(await put(balikpapan, { ...sk, attachmentId: 'not-a-uuid' }), 422, 'attachmentId');
    await expectProblem(await put(unit.id, sk), 422, 'id', 'unit');
    await expectProblem(await put(ids.samarinda, sk), 403);
    await expectProblem(await put(balikpapan, sk, smdLiaison), 403);
    expect(await snapshot()).toEqual(before);
    // The Samarinda SK's PDF cannot be reused for Balikpapan.
    const smdSk = await (await call('GET', `/api/v1/institutions/${ids.samarinda}/admin`, national)).json();
    await expectProblem(
      await put(balikpapan, { ...sk, attachmentId: smdSk.sk.attachmentId }),
      422,
      'attachmentId',
      'taken',
    );
    expect((await put(balikpapan, sk)).status).toBe(200);
  });
});

describe('settings', () => {
  it('stores follow-up approval and default complexity; units inherit them', async () => {
    const unit = await createUnit(ids.samarinda, { name: 'Dinas Sosial' });
    const res = await call('PUT', `/api/v1/institutions/${ids.samarinda}/settings`, smdCoordinator, {
      followUpRequiresApproval: false,
      defaultComplexity: { [ids.roads]: 'field_exam', [ids.puskesmas]: 'simple' },
    });
    expect(res.status).toBe(200);
    expect((await res.json()).settings).toEqual({
      followUpRequiresApproval: false,
      defaultComplexity: { [ids.roads]: 'field_exam', [ids.puskesmas]: 'simple' },
    });
    // The unit overrides one category and inherits the rest.
    const own = await call('PUT', `/api/v1/institutions/${unit.id}/settings`, smdCoordinator, {
      defaultComplexity: { [ids.roads]: 'no_field_exam' },
    });
    expect((await own.json()).effectiveSettings).toEqual({
      followUpRequiresApproval: false,
      defaultComplexity: { [ids.roads]: 'no_field_exam', [ids.puskesmas]: 'simple' },
    });
    const audit = await (
      await call('GET', `/api/v1/institutions/${ids.samarinda}/audit`, smdCoordinator)
    ).json();
    expect(audit.items[0]).toMatchObject({
      action: 'update_settings',
      before: {},
      after: { followUpRequiresApproval: false },
    });
  });

  it('answers 422 naming the field, and 403 out of scope — storing nothing', async () => {
    const before = await snapshot();
    const put = (body: unknown, who = smdCoordinator) =>
      call('PUT', `/api/v1/institutions/${ids.samarinda}/settings`, who, body);
    await expectProblem(
      await put({ followUpRequiresApproval: 'yes' }),
      422,
      'followUpRequiresApproval',
      'invalid_type',
    );
    await expectProblem(
      await put({ defaultComplexity: { [ids.roads]: 'hard' } }),
      422,
      `defaultComplexity.${ids.roads}`,
    );
    await expectProblem(
      await put({ defaultComplexity: { 999999: 'simple' } }),
      422,
      'defaultComplexity.999999',
      'unknown',
    );
    await expectProblem(
      await put({ defaultComplexity: { jalan: 'simple' } }),
      422,
      'defaultComplexity.jalan',
    );
    await expectProblem(
      await put({ followUpRequiresApproval: true, approval: false }),
      422,
      'approval',
      'unrecognized_keys',
    );
    await expectProblem(await put('{"followUpRequiresApproval": tru'), 400);
    await expectProblem(await put({ followUpRequiresApproval: true }, bppCoordinator), 403);
    await expectProblem(await put({ followUpRequiresApproval: true }, smdLiaison), 403);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the audit', () => {
  it('is append-only', async () => {
    const causedBy = (e: unknown) =>
      /append-only/.test(`${(e as Error).message} ${(e as { cause?: Error }).cause?.message}`);
    await expect(t.deps.db.execute(sql`update institution_audit set actor_id = 'someone'`)).rejects.toSatisfy(
      causedBy,
    );
    await expect(t.deps.db.execute(sql`delete from institution_audit`)).rejects.toSatisfy(causedBy);
  });

  it('is readable by staff in scope, not by others', async () => {
    expect((await call('GET', `/api/v1/institutions/${ids.samarinda}/audit`, smdLiaison)).status).toBe(200);
    await expectProblem(
      await call('GET', `/api/v1/institutions/${ids.samarinda}/audit`, bppCoordinator),
      403,
    );
    await expectProblem(await call('GET', `/api/v1/institutions/${ids.samarinda}/admin`, citizen), 403);
  });
});

describe('OpenAPI', () => {
  it('documents the administration and inbox routes', async () => {
    const doc = await (await t.get('/api/openapi.json')).json();
    expect(doc.paths['/api/v1/institutions/{id}/units']).toHaveProperty('post');
    expect(doc.paths['/api/v1/institutions/{id}/units']).toHaveProperty('get');
    expect(doc.paths['/api/v1/institutions/{id}']).toHaveProperty('patch');
    expect(doc.paths['/api/v1/institutions/{id}/sk']).toHaveProperty('put');
    expect(doc.paths['/api/v1/institutions/{id}/settings']).toHaveProperty('put');
    expect(doc.paths['/api/v1/institutions/{id}/audit']).toHaveProperty('get');
    expect(doc.paths['/api/v1/inbox']).toHaveProperty('get');
    expect(Object.keys(doc.components.schemas)).toEqual(
      expect.arrayContaining(['InboxItem', 'InstitutionAdmin']),
    );
  });
});
