/**
 * On PostgreSQL, saves that move reports in opposite directions at the same moment (A → B and B → A) touch the same
 * rollup rows in opposite roles. The rollups are updated table by table in key order, so no save deadlocks another,
 * and the rollups still equal a full rebuild afterwards.
 */
import { applyAction } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { rebuildFacts, rebuildRollups } from '../../src/app/stats/rebuild';
import type { Database } from '../../src/db/open';
import { loadReportState, saveTransition } from '../../src/db/postgres-lifecycle';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
import { NO_POSTGRES, openTestDatabase, postgresOnly } from '../support/test-db';

const N = 12;

describe.skipIf(NO_POSTGRES)(postgresOnly('stats rollups under concurrent saves (PostgreSQL)'), () => {
  let d: Database;

  beforeAll(async () => {
    d = await openTestDatabase('postgres');
  });
  afterAll(() => d.close());

  it('moves reports both ways at once without deadlocks, and the rollups equal a rebuild', async () => {
    const db = d.db;
    const calendar = (await loadCalendar(db)).get();
    const ids = await refIds(db);
    const [a, b] = [await holderById(db, ids.samarinda), await holderById(db, ids.kaltim)];
    const filedAt = new Date('2024-06-03T01:00:00Z');
    const verifiedAt = new Date('2024-06-03T02:00:00Z');
    const reports: Array<{ trackingId: string; from: typeof a; to: typeof a }> = [];
    for (let i = 0; i < 2 * N; i++) {
      const [from, to] = i % 2 === 0 ? [a, b] : [b, a];
      const id = Number(from.institutionId);
      const trackingId = await fileInto(db, calendar, id, filedAt);
      await act(
        db,
        calendar,
        trackingId,
        { type: 'verify', targets: [from] },
        staffOf(id).coordinator,
        verifiedAt,
      );
      reports.push({ trackingId, from, to });
    }
    const movedAt = new Date('2024-06-04T02:00:00Z');
    const results = await Promise.allSettled(
      reports.map(async ({ trackingId, from, to }) => {
        const stored = (await loadReportState(db, trackingId))!;
        const coordinator = staffOf(Number(from.institutionId)).coordinator;
        const r = applyAction(
          stored.state,
          { type: 'not_our_authority', reason: 'Kewenangan instansi lain.', target: to },
          coordinator,
          movedAt,
          { calendar },
        );
        if (!r.ok) throw new Error(r.error.message);
        return saveTransition(db, trackingId, stored.updatedAt, r.report, r.events, movedAt);
      }),
    );
    expect(
      results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason)),
    ).toEqual([]);
    expect(results.map((r) => (r as PromiseFulfilledResult<{ ok: boolean }>).value.ok)).toEqual(
      reports.map(() => true),
    );

    const snapshot = async () =>
      (
        await db.execute(sql`select institution_id, day, sum(received)::int as received,
            sum(not_followed_up)::int as not_followed_up
          from stats_daily group by 1, 2 having sum(received) <> 0 order by institution_id, day`)
      ).rows;
    const incremental = await snapshot();
    expect(incremental).toEqual(
      [
        { institution_id: ids.samarinda, day: '2024-06-04', received: N, not_followed_up: N },
        { institution_id: ids.kaltim, day: '2024-06-04', received: N, not_followed_up: N },
      ].sort((x, y) => x.institution_id - y.institution_id),
    );
    await rebuildFacts(db, calendar);
    await rebuildRollups(db);
    expect(await snapshot()).toEqual(incremental);
  }, 120_000);
});
