/**
 * Issue 15's proof: every open-data output of a seeded set — every page of the API, the aggregates, the index,
 * every dump file and both catalogues — is scanned for the set's personal data and confidential content, and none
 * is found. Confidential reports are absent from the per-report outputs but counted in the aggregates; a withheld
 * attachment is absent from open data, the public view and the public attachment route.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPEN_FILES } from '../../src/app/open-data/publication';
import {
  allPages,
  CONFIDENTIAL,
  NIK,
  type OpenDataSet,
  PEOPLE,
  PLACE,
  PROGRAM_SECRET,
  PUBLIC_BODY,
  seedOpenDataSet,
} from '../support/open-data-fixtures';
import { ENGINES } from '../support/test-db';

describe.each(ENGINES)('open data of a seeded set (%s)', (engine) => {
  let s: OpenDataSet;
  /** Every byte open data published, by where it came from. */
  const outputs = new Map<string, string>();
  let perReport: string[] = [];

  beforeAll(async () => {
    s = await seedOpenDataSet(engine);
    await s.dump();
    const pages = await allPages(s.t);
    for (const [i, b] of pages.bodies.entries()) outputs.set(`api page ${i + 1}`, b);
    perReport = [...pages.bodies];
    for (const path of ['/api/v1/open-data', '/api/v1/open-data/aggregates?from=2024-01&to=2024-12'])
      outputs.set(path, await (await s.t.get(path)).text());
    for (const f of OPEN_FILES) {
      const res = await s.t.get(`/open-data/${f.name}`);
      expect(res.status, f.name).toBe(200);
      const text = await res.text();
      outputs.set(f.name, text);
      if (f.name.startsWith('reports.')) perReport.push(text);
    }
  });
  afterAll(() => s.t.close());

  describe('every open-data output of the seeded set', () => {
    it('carries no personal data, no confidential content, no reporter text, no place finer than the regency', async () => {
      const names = await s.t.deps.db.execute(
        sql`select name from regions where code in ('64.72.08', ${PLACE.regionCode})`,
      );
      const secrets = [
        ...PEOPLE.flatMap((p) => [p.name, p.email, p.phone]),
        NIK,
        PLACE.address,
        'Kenanga',
        String(PLACE.lat),
        String(PLACE.lng),
        PLACE.regionCode,
        '64.72.08',
        ...(names.rows as { name: string }[]).map((r) => r.name),
        CONFIDENTIAL.title,
        CONFIDENTIAL.body,
        'Pungutan liar',
        PUBLIC_BODY,
        'Jalan berlubang di Jalan Juanda',
        PROGRAM_SECRET.field,
        PROGRAM_SECRET.category,
        'female',
        'gender',
        'foto-rumah.jpg',
        'uji-kunci-sel',
        s.photos.withheld,
        s.photos.confidential,
        ...s.ids.confidential,
      ];
      expect(outputs.size).toBeGreaterThan(OPEN_FILES.length);
      for (const [where, text] of outputs)
        for (const secret of secrets) expect(text.includes(secret), `${secret} in ${where}`).toBe(false);
    });

    it('lists every public report, anonymous ones too, and its published attachment', () => {
      const all = perReport.join('\n');
      for (const id of [...s.ids.named, s.ids.anonymous, s.ids.withPhotos]) expect(all).toContain(id);
      expect(all).toContain(`/api/v1/reports/${s.ids.withPhotos}/attachments/${s.photos.published}`);
    });

    it('counts the confidential reports in the aggregates', async () => {
      const exact = await s.t.deps.openData.counts({ fromMonth: '2024-06', toMonth: '2024-06' }, s.secret);
      const total = exact.reduce((n, c) => n + c.exact, 0);
      const all = await s.t.deps.db.execute(sql`select count(*)::int as n from reports`);
      expect(total).toBe((all.rows[0] as { n: number }).n);
      const confidential = await s.t.deps.db.execute(
        sql`select count(*)::int as n from reports where is_confidential`,
      );
      expect((confidential.rows[0] as { n: number }).n).toBe(2);
      // Seven reports in Kota Samarinda's June: the province-month total is published (5 or 10), the cells are not.
      const res = await (await s.t.get('/api/v1/open-data/aggregates?from=2024-06&to=2024-06')).json();
      expect(res.totals).toEqual([
        {
          month: '2024-06',
          province_code: '64',
          province_name: expect.any(String),
          reports: expect.any(Number),
        },
      ]);
      expect([5, 10]).toContain(res.totals[0].reports);
    });

    it('shows the reporter view only the flag: the public view and route never give a withheld attachment', async () => {
      const url = `/api/v1/reports/${s.ids.withPhotos}/attachments/${s.photos.withheld}`;
      const pub = await (await s.t.get(`/api/v1/reports/${s.ids.withPhotos}`)).json();
      expect(pub.attachments.map((a: { id: string }) => a.id)).toEqual([s.photos.published]);
      expect(JSON.stringify(pub)).not.toContain('withheld');
      expect((await s.t.get(url)).status).toBe(404);
      expect((await s.t.get(url, s.guest)).status).toBe(200);
      expect((await s.t.get(url, s.staff)).status).toBe(200);
      const mine = await (await s.t.get(`/api/v1/reports/${s.ids.withPhotos}`, s.guest)).json();
      expect(mine.attachments).toEqual(
        expect.arrayContaining([expect.objectContaining({ id: s.photos.withheld, withheld: true })]),
      );
    });

    it('lets only the report’s staff withhold or publish an attachment', async () => {
      const path = `/api/v1/reports/${s.ids.withPhotos}/attachments/${s.photos.published}/publication`;
      expect((await s.t.post(path, { withheld: true })).status).toBe(401);
      const res = await s.t.post(path, { withheld: true }, s.staff);
      expect(await res.json()).toMatchObject({ id: s.photos.published, withheld: true });
      expect((await s.t.get(`/api/v1/reports/${s.ids.withPhotos}`)).status).toBe(200);
      const pub = await (await s.t.get(`/api/v1/reports/${s.ids.withPhotos}`)).json();
      expect(pub.attachments).toEqual([]);
      const again = await (await s.t.post(path, { withheld: false }, s.staff)).json();
      expect(again).toEqual({ id: s.photos.published, withheld: false, withheldAt: null });
      const other = `/api/v1/reports/${s.ids.named[0]}/attachments/${s.photos.published}/publication`;
      expect((await s.t.post(other, { withheld: true }, s.staff)).status).toBe(404);
    });

    it('gives the Open311 reads no withheld photo', async () => {
      const res = await s.t.get(`/open311/v2/requests/${s.ids.withPhotos}.json`);
      const text = await res.text();
      expect(res.status, text).toBe(200);
      expect(text).not.toContain(s.photos.withheld);
    });
  });
});
