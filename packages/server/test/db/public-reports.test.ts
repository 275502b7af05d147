/**
 * The public list at national size (issue 17): keyset pages, indexable region filters, capped totals and searches
 * that rank the newest matches — each checked against the plain answer computed here from every row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/open';
import { decodeCursor, type PublicSearch, searchPublicReports } from '../../src/db/postgres-public-reports';
import { insertTestReport } from '../support/db-fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';

// Kalimantan Timur, two of its regencies, a district and one of its villages, and another province.
const PLACES = ['64.72', '64.72.01', '64.72.01.1001', '64.71', '64.71.02', '11.01', '11.01.01.2001'];

describe.each(ENGINES)('public list and search (%s)', (engine) => {
  let d: Database;
  const all: Array<{ trackingId: string; at: number; id: number; region: string; confidential: boolean }> =
    [];

  beforeAll(async () => {
    d = await openTestDatabase(engine);
    for (let k = 0; k < 45; k += 1) {
      // Three reports share each second, so the order needs its tie-breaker (the id).
      const at = new Date(Date.UTC(2025, 0, 1, 0, 0, Math.floor(k / 3), (k * 7) % 1000));
      const region = PLACES[k % PLACES.length]!;
      const confidential = k % 5 === 0;
      const title = k % 4 === 0 ? 'Jembatan gantung putus di desa' : 'Lampu penerangan jalan mati total';
      const r = await insertTestReport(d.db, { at, regionCode: region, isConfidential: confidential, title });
      all.push({ ...r, at: at.getTime(), region, confidential });
    }
  });
  afterAll(async () => {
    await d?.close();
  });

  const expected = (keep: (r: (typeof all)[number]) => boolean) =>
    all
      .filter((r) => !r.confidential && keep(r))
      .sort((a, b) => b.at - a.at || b.id - a.id)
      .map((r) => r.trackingId);

  /** Every page by cursor, as a client pages on. */
  async function walk(s: Omit<PublicSearch, 'page' | 'pageSize'>, pageSize: number) {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let guard = 0; guard < 50; guard += 1) {
      const page = await searchPublicReports(d.db, { ...s, cursor, page: 1, pageSize });
      seen.push(...page.rows.map((r) => r.trackingId));
      if (!page.nextCursor) return seen;
      cursor = page.nextCursor;
    }
    throw new Error('the cursor never ended');
  }

  it('pages by cursor through every public report once, newest first, never a confidential one', async () => {
    const want = expected(() => true);
    expect(await walk({}, 4)).toEqual(want);
    // Pages by number agree with the cursor's.
    const byNumber: string[] = [];
    for (let page = 1; page <= Math.ceil(want.length / 4); page += 1)
      byNumber.push(
        ...(await searchPublicReports(d.db, { page, pageSize: 4 })).rows.map((r) => r.trackingId),
      );
    expect(byNumber).toEqual(want);
  });

  it.each(['64', '64.72', '64.72.01', '64.72.01.1001', '11'])(
    'filters region %s with everything under it',
    async (code) => {
      const want = expected((r) => r.region === code || r.region.startsWith(`${code}.`));
      expect(want.length).toBeGreaterThan(0);
      expect(await walk({ regionCode: code }, 3)).toEqual(want);
      const first = await searchPublicReports(d.db, { regionCode: code, page: 1, pageSize: 3 });
      expect(first).toMatchObject({ total: want.length, totalExact: true });
    },
  );

  it('counts exactly up to the cap and estimates beyond it, never below the cap', async () => {
    const exact = await searchPublicReports(d.db, { page: 1, pageSize: 5 });
    expect(exact).toMatchObject({ total: expected(() => true).length, totalExact: true });
    const capped = await searchPublicReports(d.db, { page: 1, pageSize: 5 }, { count: 10, candidates: 5 });
    expect(capped.totalExact).toBe(false);
    expect(capped.total).toBeGreaterThanOrEqual(10);
    expect(capped.rows).toHaveLength(5);
  });

  it('ranks a search among its newest candidates, and pages by number within them', async () => {
    const want = expected((r) => all.indexOf(r) % 4 === 0);
    const found = await searchPublicReports(d.db, { q: 'jembatan', page: 1, pageSize: 50 });
    expect(found.rows.map((r) => r.trackingId).sort()).toEqual([...want].sort());
    expect(found).toMatchObject({ total: want.length, totalExact: true, nextCursor: null });
    // With three candidates, the three newest matches are the only ones ranked.
    const few = await searchPublicReports(
      d.db,
      { q: 'jembatan', page: 1, pageSize: 50 },
      { count: 10, candidates: 3 },
    );
    expect(few.rows.map((r) => r.trackingId).sort()).toEqual(want.slice(0, 3).sort());
    expect(few).toMatchObject({ total: 3, totalExact: false });
  });

  it('reads only cursors it made', () => {
    expect(decodeCursor('bm90LWEtY3Vyc29y')).toBeNull();
    expect(decodeCursor(Buffer.from('1735689600000000.42').toString('base64url'))).toEqual({
      micros: '1735689600000000',
      id: 42,
    });
  });
});
