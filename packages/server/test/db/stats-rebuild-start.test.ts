/**
 * A database whose reports predate the monitoring rollups gets them built once at start (`rebuildIfMissing`), with
 * the same figures the incremental path keeps; a database that has them is left alone.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildIfMissing } from '../../src/stats/rebuild';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { startTestApp, type TestApp } from '../support/test-app';
import { ENGINES } from '../support/test-db';

describe.each(ENGINES)('rollups of an older database on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ engine, now: '2024-06-03T02:00:00Z' });
  });
  afterAll(() => t.close());

  const summary = async () =>
    (await (await t.get('/api/v1/stats/summary?from=2024-06-01&to=2024-06-30')).json()).indicators;

  it('are rebuilt once when reports exist without facts, to the same figures', async () => {
    const ids = await refIds(t.deps.db);
    const admin = await signInAs(t, { role: 'national_admin' });
    for (let i = 0; i < 3; i++) {
      const filed = await (await t.post('/api/v1/reports', reportInput(ids.roads))).json();
      const res = await t.post(
        `/api/v1/reports/${filed.trackingId}/actions`,
        { action: 'verify', targets: [ids.samarinda] },
        admin.headers,
      );
      expect(res.status).toBe(200);
    }
    const kept = await summary();
    expect(kept.received).toBe(3);
    expect(await rebuildIfMissing(t.deps.db, t.deps.calendar.get())).toBe(0);

    // What a database from before migration 0008 looks like: reports, no rollups.
    await t.deps.db.execute(
      sql`truncate stats_report_facts, stats_daily, stats_monthly, stats_monthly_national`,
    );
    expect((await summary()).received).toBe(0);
    expect(await rebuildIfMissing(t.deps.db, t.deps.calendar.get())).toBe(3);
    expect(await summary()).toEqual(kept);
  });
});
