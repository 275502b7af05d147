/** The demo data set: every status present, built by the real lifecycle, chains intact, idempotent. */
import { REPORT_STATUSES } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentProgress } from '../../src/cli/progress';
import { verifyChain } from '../../src/db/event-chain';
import { readEvents } from '../../src/db/postgres-lifecycle';
import { DEMO_ACCESS_CODE, seedDemoData } from '../../src/db/seed/demo';
import { startTestApp, type TestApp } from '../support/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ now: '2026-11-23T03:00:00Z' });
});
afterAll(() => t.close());

describe('demo data', () => {
  it('adds 50 reports in each of the 7 statuses, once', async () => {
    expect(await seedDemoData(t.deps, silentProgress)).toEqual({ added: 350 });
    expect(await seedDemoData(t.deps, silentProgress)).toEqual({ added: 0 });
    const res = await t.deps.db.execute(sql`select status, count(*)::int as n from reports group by status`);
    const counts = Object.fromEntries(
      (res.rows as { status: string; n: number }[]).map((r) => [r.status, r.n]),
    );
    for (const s of REPORT_STATUSES) expect(counts[s]).toBe(50);
  });

  it('gives each report an intact event chain that matches its status', async () => {
    const res = await t.deps.db.execute(
      sql`select tracking_id as id, status from reports order by id limit 21`,
    );
    for (const { id, status } of res.rows as { id: string; status: string }[]) {
      const events = await readEvents(t.deps.db, id);
      expect(verifyChain(events)).toBeNull();
      expect(events.at(-1)!.toStatus).toBe(status);
    }
  });

  it('opens any demo report with the demo access code, and hides identities publicly', async () => {
    const own = await (
      await t.get('/api/v1/reports/LPR-DEMO-0005-RESO', { 'x-access-code': DEMO_ACCESS_CODE })
    ).json();
    expect(own).toMatchObject({ view: 'reporter', status: 'resolved' });
    expect(own.reporter.name).toBeTruthy();
    const list = await (await t.get('/api/v1/reports?pageSize=100')).text();
    expect(list).not.toContain(own.reporter.name);
  });

  it('opens every demo report, as the README promises, in the reporter view with the demo access code', async () => {
    const res = await t.deps.db.execute(sql`select tracking_id as id, status from reports order by id`);
    const rows = res.rows as { id: string; status: string }[];
    expect(rows.length).toBeGreaterThanOrEqual(350);
    const unopened: string[] = [];
    for (const { id, status } of rows) {
      const r = await t.get(`/api/v1/reports/${id}`, { 'x-access-code': DEMO_ACCESS_CODE });
      const body = r.status === 200 ? await r.json() : null;
      if (body?.view !== 'reporter' || body.status !== status) unopened.push(`${id} (${r.status})`);
    }
    expect(unopened).toEqual([]);
  });
});
