/**
 * Bad input on intake: every case gets a 4xx problem+json that names the field, and no row is added anywhere
 * (reports, events, attachments).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput, rowCounts, uploadForm } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.deps.db);
});
afterAll(() => t.close());

const valid = () => reportInput(ids.roads, { incidentDate: '2024-06-01' });
const without = (key: string) => {
  const v: Record<string, unknown> = valid();
  delete v[key];
  return v;
};

interface Case {
  name: string;
  body: () => unknown;
  status: number;
  field: string;
}

const cases: Case[] = [
  { name: 'missing title', body: () => without('title'), status: 422, field: 'title' },
  { name: 'missing type', body: () => without('type'), status: 422, field: 'type' },
  { name: 'missing location', body: () => without('location'), status: 422, field: 'location' },
  { name: 'title too short', body: () => ({ ...valid(), title: 'Jalan' }), status: 422, field: 'title' },
  {
    name: 'title too long',
    body: () => ({ ...valid(), title: 'x'.repeat(151) }),
    status: 422,
    field: 'title',
  },
  // 10 emoji are 20 UTF-16 units but 10 characters: the limit counts characters, as PostgreSQL does.
  {
    name: 'title of 9 emoji',
    body: () => ({ ...valid(), title: '🚧'.repeat(9) }),
    status: 422,
    field: 'title',
  },
  { name: 'body too short', body: () => ({ ...valid(), body: 'Jalan rusak.' }), status: 422, field: 'body' },
  { name: 'body too long', body: () => ({ ...valid(), body: 'a'.repeat(8001) }), status: 422, field: 'body' },
  { name: 'body of spaces', body: () => ({ ...valid(), body: ' '.repeat(60) }), status: 422, field: 'body' },
  {
    name: 'NUL byte',
    body: () => ({ ...valid(), body: `${'a'.repeat(40)}\u0000` }),
    status: 422,
    field: 'body',
  },
  {
    name: 'wrong type: title number',
    body: () => ({ ...valid(), title: 12345678901 }),
    status: 422,
    field: 'title',
  },
  {
    name: 'wrong type: categoryId string',
    body: () => ({ ...valid(), categoryId: 'jalan' }),
    status: 422,
    field: 'categoryId',
  },
  { name: 'unknown report type', body: () => ({ ...valid(), type: 'praise' }), status: 422, field: 'type' },
  {
    name: 'incident date in the future',
    body: () => ({ ...valid(), incidentDate: '2024-06-04' }),
    status: 422,
    field: 'incidentDate',
  },
  {
    name: 'incident date not a date',
    body: () => ({ ...valid(), incidentDate: '2024-02-30' }),
    status: 422,
    field: 'incidentDate',
  },
  {
    name: 'region code that does not exist',
    body: () => ({ ...valid(), location: { regionCode: '64.99' } }),
    status: 422,
    field: 'location.regionCode',
  },
  {
    name: 'region code malformed',
    body: () => ({ ...valid(), location: { regionCode: "64'; --" } }),
    status: 422,
    field: 'location.regionCode',
  },
  {
    name: 'point outside Indonesia',
    body: () => ({ ...valid(), location: { regionCode: '64.72', lat: 51.5, lng: -0.12 } }),
    status: 422,
    field: 'location.lat',
  },
  {
    name: 'latitude without longitude',
    body: () => ({ ...valid(), location: { regionCode: '64.72', lat: -0.5 } }),
    status: 422,
    field: 'location.lng',
  },
  {
    name: 'category that does not exist',
    body: () => ({ ...valid(), categoryId: 999999 }),
    status: 422,
    field: 'categoryId',
  },
  {
    name: 'institution that does not exist',
    body: () => ({ ...valid(), institutionId: 999999 }),
    status: 422,
    field: 'institutionId',
  },
  {
    name: 'attachment that does not exist',
    body: () => ({ ...valid(), attachmentIds: ['8a7c1b2e-0f3d-4c5b-9a8e-7d6c5b4a3f21'] }),
    status: 422,
    field: 'attachmentIds.0',
  },
  {
    name: 'six attachments',
    body: () => ({ ...valid(), attachmentIds: Array.from({ length: 6 }, () => crypto.randomUUID()) }),
    status: 422,
    field: 'attachmentIds',
  },
  { name: 'named reporter missing', body: () => without('reporter'), status: 422, field: 'reporter.name' },
  {
    name: 'bad e-mail',
    body: () => ({ ...valid(), reporter: { name: 'Budi', email: 'budi@' } }),
    status: 422,
    field: 'reporter.email',
  },
  {
    name: 'bad phone',
    body: () => ({ ...valid(), reporter: { name: 'Budi', phone: '12345' } }),
    status: 422,
    field: 'reporter.phone',
  },
  { name: 'unknown field', body: () => ({ ...valid(), status: 'resolved' }), status: 422, field: 'status' },
  { name: 'malformed JSON', body: () => '{"type": "complaint", "title": ', status: 400, field: 'body' },
  { name: 'JSON array', body: () => '[1,2,3]', status: 422, field: 'body' },
  {
    name: 'a body of 5 MB',
    body: () => ({ ...valid(), body: 'a'.repeat(5 * 1024 * 1024) }),
    status: 413,
    field: 'body',
  },
];

describe('POST /api/v1/reports with bad input', () => {
  it.each(cases)('$name → $status naming $field, nothing stored', async (c) => {
    const before = await rowCounts(t.deps.db);
    const res = await t.post('/api/v1/reports', c.body());
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = await res.json();
    expect(problem).toMatchObject({
      status: c.status,
      title: expect.any(String),
      detail: expect.any(String),
    });
    expect(problem.errors.map((e: { field: string }) => e.field)).toContain(c.field);
    for (const e of problem.errors) expect(e.message.length).toBeGreaterThan(3);
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });

  it('reports every bad field at once', async () => {
    const res = await t.post('/api/v1/reports', { ...valid(), title: 'x', body: 'y', categoryId: -1 });
    const fields = (await res.json()).errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['title', 'body', 'categoryId']));
  });

  it('a valid report still goes through after all that', async () => {
    const res = await t.post('/api/v1/reports', valid());
    expect(res.status).toBe(201);
  });
});

describe('POST /api/v1/attachments with bad files', () => {
  const elf = Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4096, 1)]);
  const exe = Buffer.concat([
    Buffer.from('MZ'),
    Buffer.alloc(62),
    Buffer.from('PE\0\0'),
    Buffer.alloc(4096, 7),
  ]);
  const fileCases = [
    {
      name: 'an ELF executable renamed .jpg',
      form: () => uploadForm(elf, 'foto.jpg', 'image/jpeg'),
      status: 422,
    },
    {
      name: 'a Windows executable renamed .jpg',
      form: () => uploadForm(exe, 'foto.jpg', 'image/jpeg'),
      status: 422,
    },
    {
      name: 'an HTML page renamed .png',
      form: () => uploadForm(Buffer.from('<html><script>alert(1)</script></html>'), 'x.png', 'image/png'),
      status: 422,
    },
    {
      name: 'a truncated JPEG',
      form: () =>
        uploadForm(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1]), 'x.jpg'),
      status: 422,
    },
    { name: 'an empty file', form: () => uploadForm(Buffer.alloc(0), 'x.jpg'), status: 422 },
    {
      name: 'a file over 10 MB',
      form: () => uploadForm(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), 'big.jpg'),
      status: 413,
    },
    { name: 'no file field', form: () => new FormData(), status: 422 },
  ];
  it.each(fileCases)('$name → $status naming file, nothing stored', async (c) => {
    const before = await rowCounts(t.deps.db);
    const res = await t.upload(c.form());
    expect(res.status).toBe(c.status);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await res.json()).errors[0].field).toBe('file');
    expect(await rowCounts(t.deps.db)).toEqual(before);
  });
});
