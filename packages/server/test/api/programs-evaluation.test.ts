/**
 * Counting program grievances in the normal evaluation (issue 15): a program that counts them adds them to its
 * handlers' figures from filing on (a grievance opens dispositioned); one that does not leaves every institution's
 * figures unchanged, through filing, acknowledgement and raising. Either way the incremental rollups equal a rebuild
 * from the reports' states (domain.md §9, the program case of test/db/stats-rollup.test.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildFacts, rebuildRollups } from '../../src/app/stats/rebuild';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
let ids: Awaited<ReturnType<typeof refIds>>;
type Who = 'admin';
const h = {} as Record<Who, Record<string, string>>;
const JUNE = 'from=2024-06-01&to=2024-06-30';

const program = (code: string, countsInEvaluation: boolean) => ({
  code,
  name: `Program ${code}`,
  ownerCode: 'pemprov-64',
  areaRegionCodes: ['64.72'],
  categories: [{ code: 'jalan', name: 'Jalan desa', categoryId: ids.roads }],
  levels: [
    { level: 'village', handler: { kind: 'village_unit' }, deadlineDays: 10 },
    { level: 'regency', handler: { kind: 'regional_government' }, deadlineDays: 10 },
  ],
  countsInEvaluation,
});

const file = async (code: string, village: string) => {
  const res = await t.post(
    '/api/v1/reports',
    reportInput(ids.roads, {
      location: { regionCode: village },
      program: { code, categoryCode: 'jalan', fields: {} },
    }),
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(201);
  return body as { trackingId: string; institution: { id: number } };
};

/** Received in June by Kota Samarinda with its subtree (its village units included), from the rollups. */
async function samarindaReceived(): Promise<number> {
  const res = await t.get(
    `/api/v1/stats/summary?institutionId=${ids.samarinda}&subtree=true&${JUNE}`,
    h.admin,
  );
  const body = await res.json();
  expect(res.status, JSON.stringify(body)).toBe(200);
  expect(typeof body.indicators.received).toBe('number');
  return body.indicators.received;
}

const rollupRows = async () =>
  // Summed over the shards (ADR 0014): saves write shards 1…, a rebuild shard 0.
  (
    await t.deps.db.execute(sql`select institution_id, day::text, category_id, province_code,
      sum(received)::int as received, sum(resolved)::int as resolved, sum(in_process)::int as in_process,
      sum(not_followed_up)::int as not_followed_up
      from stats_daily group by 1, 2, 3, 4
      having sum(received) <> 0 or sum(resolved) <> 0 or sum(in_process) <> 0 or sum(not_followed_up) <> 0
      order by 1, 2, 3, 4`)
  ).rows;

beforeAll(async () => {
  t = await startTestApp({ now: '2024-06-03T02:00:00Z' });
  ids = await refIds(t.deps.db);
  h.admin = (await signInAs(t, { role: 'national_admin' })).headers;
  for (const [code, counts] of [
    ['uji-dihitung', true],
    ['uji-tidak-dihitung', false],
  ] as const)
    expect((await t.post('/api/v1/admin/programs', program(code, counts), h.admin)).status).toBe(201);
});
afterAll(() => t.close());

describe('counts in evaluation', () => {
  it('a counted grievance is received by its village unit at filing', async () => {
    const before = await samarindaReceived();
    await file('uji-dihitung', '64.72.01.1003');
    expect(await samarindaReceived()).toBe(before + 1);
  });

  it('a grievance of a program kept out changes no institution’s figures, acknowledged and raised', async () => {
    const before = await samarindaReceived();
    const rows = await rollupRows();
    const filed = await file('uji-tidak-dihitung', '64.72.01.1004');
    const liaison = (await signInAs(t, { role: 'liaison_officer', institutionId: filed.institution.id }))
      .headers;
    t.setNow('2024-06-04T02:00:00Z');
    const path = `/api/v1/reports/${filed.trackingId}/actions`;
    expect(
      (await t.post(path, { action: 'acknowledge', complexity: 'simple', message: 'Diterima.' }, liaison))
        .status,
    ).toBe(200);
    t.setNow('2024-06-05T02:00:00Z');
    const raised = await t.post(path, { action: 'raise_level', reason: 'Perlu kota.' }, liaison);
    expect(raised.status).toBe(200);
    expect(await samarindaReceived()).toBe(before);
    expect(await rollupRows()).toEqual(rows);
  });

  it('the rollups equal a rebuild from the reports’ states', async () => {
    const incremental = await rollupRows();
    await rebuildFacts(t.deps.db, t.deps.calendar.get());
    await rebuildRollups(t.deps.db);
    expect(await rollupRows()).toEqual(incremental);
  });
});
