/**
 * The public statistics never expose a confidential report's content or a reporter's identity (domain.md §7):
 * confidential reports count in aggregates, but their words never reach the aspiration terms, and no public answer
 * carries a tracking id, a title, a body or a reporter. Aspirations for musrenbang are grouped by topic and province.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toCsv } from '../../src/http/stats/export-table';
import { refIds, reportInput } from '../support/fixtures';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
const filed: string[] = [];

const REPORTER = { name: 'Siti Rahmawati', email: 'siti.rahmawati@example.id', phone: '081234567890' };

async function file(over: Record<string, unknown>) {
  const res = await t.post('/api/v1/reports', reportInput(ids.roads, { reporter: REPORTER, ...over }));
  if (res.status !== 201) throw new Error(JSON.stringify(await res.json()));
  filed.push((await res.json()).trackingId);
}

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.database.db);
  for (let i = 0; i < 3; i++)
    await file({
      type: 'aspiration',
      title: `Usulan pembangunan taman bermain anak ${i + 1}`,
      body: 'Kami mengusulkan pembangunan taman bermain anak dan jalur pejalan kaki di kelurahan kami.',
    });
  // Confidential: counted, but its words ("gratifikasi", "Sumarno") must never be shown.
  for (let i = 0; i < 3; i++)
    await file({
      type: 'aspiration',
      isConfidential: true,
      title: `Usulan pengawasan gratifikasi Sumarno ${i + 1}`,
      body: 'Usulan pengawasan gratifikasi oleh pejabat Sumarno pada proyek taman bermain kelurahan.',
    });
  // An aspiration elsewhere (Jakarta Pusat) and a word in one report only ("Wiranto"): not a term.
  await file({
    type: 'aspiration',
    title: 'Usulan taman bermain di Gambir',
    body: 'Usulan taman bermain anak dari warga bernama Wiranto di wilayah Gambir Jakarta Pusat.',
    location: { regionCode: '31.71', address: 'Jl. Merdeka' },
  });
  await file({ type: 'complaint', isAnonymous: true });
  t.setNow('2024-06-20T02:00:00Z');
}, 120_000);
afterAll(() => t.close());

describe('aspirations (musrenbang)', () => {
  it('groups by topic and province, counting confidential ones', async () => {
    const res = await t.get('/api/v1/stats/aspirations?from=2024-06-01&to=2024-06-30');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.groups).toEqual([
      { topic: expect.any(String), regionCode: '64', regionName: expect.any(String), count: 6 },
      { topic: expect.any(String), regionCode: '31', regionName: expect.any(String), count: 1 },
    ]);
    const inKaltim = await (
      await t.get('/api/v1/stats/aspirations?from=2024-06-01&to=2024-06-30&regionCode=64')
    ).json();
    expect(inKaltim.groups.map((g: { count: number }) => g.count)).toEqual([6]);
  });

  it('lists frequent terms from non-confidential aspirations that occur in at least 3 reports', async () => {
    const body = await (await t.get('/api/v1/stats/aspirations?from=2024-06-01&to=2024-06-30')).json();
    const terms = body.terms.map((x: { term: string }) => x.term);
    expect(terms).toEqual(expect.arrayContaining(['taman', 'main']));
    expect(body.terms.find((x: { term: string }) => x.term === 'taman').count).toBe(4);
    for (const secret of ['gratifikasi', 'sumarno', 'wiranto']) expect(terms.join(' ')).not.toContain(secret);
  });
});

describe('public answers are aggregates only', () => {
  it('carry no tracking id, title, body or reporter anywhere', async () => {
    const paths = [
      'summary',
      'rankings',
      'trends',
      'by-category',
      'by-region',
      'aspirations',
      'summary?format=csv',
      'aspirations?format=csv',
    ];
    for (const path of paths) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await t.get(`/api/v1/stats/${path}${sep}from=2024-06-01&to=2024-06-30`);
      expect(res.status, path).toBe(200);
      const text = await res.text();
      for (const id of filed) expect(text, path).not.toContain(id);
      for (const word of ['Siti', 'Rahmawati', 'example.id', '0812', 'Sumarno', 'gratifikasi', 'Usulan'])
        expect(text, `${path} leaks ${word}`).not.toContain(word);
    }
  });

  it('keeps the oversight lists for staff', async () => {
    expect((await t.get('/api/v1/stats/overdue')).status).toBe(401);
    expect((await t.get('/api/v1/stats/silent-institutions')).status).toBe(401);
  });

  it('documents every statistics route in OpenAPI', async () => {
    const doc = await (await t.get('/api/openapi.json')).json();
    for (const p of [
      '/api/v1/stats/summary',
      '/api/v1/stats/rankings',
      '/api/v1/stats/trends',
      '/api/v1/stats/by-category',
      '/api/v1/stats/by-region',
      '/api/v1/stats/overdue',
      '/api/v1/stats/silent-institutions',
      '/api/v1/stats/aspirations',
      '/api/v1/stats/institutions/{id}/evaluation.pdf',
    ])
      expect(doc.paths[p], p).toBeDefined();
  });
});

describe('CSV exports', () => {
  it('neutralise cells that a spreadsheet would run as formulas, and quote separators', () => {
    const csv = toCsv({
      name: 'x',
      columns: [
        { key: 'name', header: 'name' },
        { key: 'n', header: 'n' },
      ],
      rows: [
        { name: '=HYPERLINK("http://evil.example","klik")', n: -1 },
        { name: 'Dinas "PU", Kota', n: 2 },
      ],
    });
    expect(csv).toBe(
      '\uFEFFname,n\r\n"\'=HYPERLINK(""http://evil.example"",""klik"")",-1\r\n"Dinas ""PU"", Kota",2\r\n',
    );
  });
});
