/**
 * The StatsReader port over SQL on each engine: every method runs and maps its columns to the port's types (dates
 * as Date, paths as numbers, booleans), over three reports filed as aspirations and verified to Samarinda.
 */
import { TIME_ZONES } from '@pintu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

const JUNE = { from: '2024-06-01', to: '2024-06-30' };

describe.each(ENGINES)('StatsReader on %s', (engine) => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof refIds>>;
  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T02:00:00Z' });
    ids = await refIds(t.deps.db);
    const admin = await signInAs(t, { role: 'national_admin' });
    for (let i = 0; i < 3; i++) {
      const filed = await (
        await t.post('/api/v1/reports', reportInput(ids.roads, { type: 'aspiration' }))
      ).json();
      const res = await t.post(
        `/api/v1/reports/${filed.trackingId}/actions`,
        { action: 'verify', targets: [ids.samarinda] },
        admin.headers,
      );
      expect(res.status).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('reads the rollups and the facts', async () => {
    const r = t.deps.statsReader;
    const [total] = await r.sumRollups({ kind: 'national' }, JUNE);
    expect(total).toMatchObject({ key: null, received: 3, notFollowedUp: 3, resolved: 0 });
    const byMonth = await r.sumRollups({ kind: 'region', provinceCode: '64' }, JUNE, 'month');
    expect(byMonth.map((m) => [m.key, m.received])).toEqual([['2024-06', 3]]);
    const nodes = await r.totalsByNode({ kind: 'national' }, JUNE);
    expect(nodes).toEqual([expect.objectContaining({ nodeId: ids.samarinda, received: 3 })]);
    expect(typeof nodes[0]?.name).toBe('string');
    const backlog = await r.backlog(
      { kind: 'national' },
      { period: JUNE, recentFrom: '2024-06-01', today: '2024-06-03', now: new Date('2024-06-03T02:00:00Z') },
    );
    expect(backlog).toEqual({ d0_3: 3, d4_7: 0, d8_14: 0, d15_30: 0, overdueNow: 0 });
    const later = new Date('2024-09-01T00:00:00Z');
    expect(await r.overdueByProvince({ kind: 'national' }, JUNE, later)).toEqual([{ code: '64', n: 3 }]);
    const counts = await r.institutionCounts({ kind: 'institution', id: ids.samarinda, subtree: false });
    expect(counts).toEqual({ total: 1, connected: expect.any(Number) });
  });

  it('reads names, paths and the oversight lists', async () => {
    const r = t.deps.statsReader;
    expect(await r.institution(ids.samarinda)).toEqual({ id: ids.samarinda, name: expect.any(String) });
    expect(await r.institution(-1)).toBeNull();
    expect(await r.province('64')).toEqual({ code: '64', name: expect.any(String) });
    expect(await r.province('64.72')).toBeNull();
    expect((await r.provinces()).some((p) => p.code === '64')).toBe(true);
    expect((await r.categoryNames()).some((c) => c.id === String(ids.roads))).toBe(true);
    const path = await r.institutionPath(ids.samarinda);
    expect(path?.at(-1)).toBe(ids.samarinda);
    expect(await r.institutionPath(-1)).toBeNull();

    const all = { roots: null, within: null };
    const overdue = await r.overdueReports(all, new Date('2024-09-01T00:00:00Z'));
    expect(overdue).toHaveLength(3);
    expect(overdue[0]?.dueAt).toBeInstanceOf(Date);
    expect(TIME_ZONES).toContain(overdue[0]?.timeZone);
    expect(overdue[0]).toMatchObject({ institutionId: ids.samarinda, stage: 'acknowledge' });
    const elsewhere = { roots: [ids.kemenpu], within: null };
    expect(await r.overdueReports(elsewhere, new Date('2024-09-01T00:00:00Z'))).toEqual([]);
    const silent = await r.silentInstitutions(
      { roots: null, within: { institutionId: ids.samarinda, subtree: false } },
      JUNE,
    );
    expect(silent).toEqual([
      {
        institutionId: ids.samarinda,
        name: expect.any(String),
        kind: expect.any(String),
        connected: expect.any(Boolean),
        received: 3,
        notFollowedUp: 3,
      },
    ]);
  });

  it('reads the aspirations', async () => {
    const r = t.deps.statsReader;
    const q = { period: JUNE, regionCode: '64' };
    expect(await r.aspirationGroups(q)).toEqual([
      { topic: expect.any(String), regionCode: '64', regionName: expect.any(String), count: 3 },
    ]);
    const terms = await r.aspirationTerms({ ...q, minReports: 3, limit: 5 });
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.every((w) => w.count === 3 && typeof w.term === 'string')).toBe(true);
  });
});
