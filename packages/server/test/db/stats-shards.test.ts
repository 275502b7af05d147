/**
 * ADR 0014 on PostgreSQL: full lifecycles of many reports of ONE institution saved at once — every save touching the
 * same rollup and activity keys — complete without a deadlock, and their rollups equal a rebuild, with and without
 * the fold running alongside. The shard lease: a save takes the first free shard, keeps it for its transaction, and
 * waits (holding no lease) when all are taken.
 */
import { type Actor, applyAction, type LifecycleAction, type WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { rebuildFacts, rebuildRollups } from '../../src/app/stats/rebuild';
import type { Database, Db } from '../../src/db/open';
import { loadReportState, saveTransition } from '../../src/db/postgres-lifecycle';
import { foldStatsShards } from '../../src/db/postgres-stats-fold';
import { LEASE_LOCK, leaseText, STATS_SHARDS } from '../../src/db/stats-shard';
import { refIds } from '../support/fixtures';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
import { rollupSums } from '../support/stats-shards';
import { NO_POSTGRES, openTestDatabase, postgresOnly } from '../support/test-db';

const N = 24;
const REPORTER: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };

describe.skipIf(NO_POSTGRES)(postgresOnly('rollup shards under concurrent saves (PostgreSQL)'), () => {
  let d: Database;
  let db: Db;
  let calendar: WorkingDayCalendar;
  let samarinda: number;
  let pool: pg.Pool;

  beforeAll(async () => {
    d = await openTestDatabase('postgres');
    db = d.db;
    calendar = (await loadCalendar(db)).get();
    samarinda = (await refIds(db)).samarinda;
    pool = (db as unknown as { $client: pg.Pool }).$client;
  });
  afterAll(() => d.close());

  /** Saves `action` on `trackingId` at `at`, reading the state afresh. */
  async function save(trackingId: string, action: LifecycleAction, actor: Actor, at: Date) {
    const stored = (await loadReportState(db, trackingId))!;
    const r = applyAction(stored.state, action, actor, at, { calendar });
    if (!r.ok) throw new Error(`${action.type}: ${r.error.message}`);
    const saved = await saveTransition(db, trackingId, stored.updatedAt, r.report, r.events, at);
    if (!saved.ok) throw new Error(`${action.type}: ${saved.reason}`);
  }

  /** N reports of Samarinda filed on `day`, then walked to acceptance all at once (4 saves each, same keys). */
  async function lifecycles(day: string) {
    const at = (h: number) => new Date(`${day}T0${h}:00:00Z`);
    const holder = await holderById(db, samarinda);
    const staff = staffOf(samarinda);
    const ids: string[] = [];
    for (let i = 0; i < N; i++) ids.push(await fileInto(db, calendar, samarinda, at(1)));
    return Promise.allSettled(
      ids.map(async (id) => {
        await save(id, { type: 'verify', targets: [holder] }, staff.coordinator, at(2));
        await save(
          id,
          { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
          staff.liaison,
          at(3),
        );
        await save(id, { type: 'post_follow_up', message: 'Sudah diperbaiki.' }, staff.liaison, at(4));
        await save(id, { type: 'accept', rating: 4 }, REPORTER, at(5));
      }),
    );
  }

  const failures = (results: PromiseSettledResult<unknown>[]) =>
    results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));

  /** The rollups equal a rebuild from the reports' states (summed over shards), and stay equal after a fold. */
  async function expectRebuildEqual() {
    const incremental = await rollupSums(db);
    await rebuildFacts(db, calendar);
    await rebuildRollups(db);
    const rebuilt = await rollupSums(db);
    expect(rebuilt.daily).toEqual(incremental.daily);
    expect(rebuilt.monthly).toEqual(incremental.monthly);
    expect(rebuilt.national).toEqual(incremental.national);
  }

  it('many lifecycles of one institution at once: no deadlock, several shards, rollups equal a rebuild', async () => {
    const results = await lifecycles('2024-06-03');
    expect(failures(results)).toEqual([]);
    // The saves overlapped: they wrote the same keys to different shards rather than waiting for each other.
    const shards = await db.execute(sql`select count(distinct shard)::int as n from stats_activity
      where institution_id = ${samarinda} and day = '2024-06-03'`);
    expect((shards.rows[0] as { n: number }).n).toBeGreaterThan(1);
    const activity = await db.execute(sql`select action, sum(events)::int as n from stats_activity
      where institution_id = ${samarinda} and day = '2024-06-03' group by 1 order by 1`);
    expect(activity.rows).toEqual(
      ['accept', 'acknowledge', 'post_follow_up', 'verify'].map((action) => ({ action, n: N })),
    );
    const activityBefore = (await rollupSums(db)).activity;
    await expectRebuildEqual();
    // Folding changes no sum and leaves one row per key.
    await foldStatsShards(db);
    expect((await rollupSums(db)).activity).toEqual(activityBefore);
    const left = await db.execute(sql`select (select count(*) from stats_daily where shard <> 0)
      + (select count(*) from stats_monthly where shard <> 0) + (select count(*) from stats_activity where shard <> 0)
      + (select count(*) from stats_monthly_national where shard <> 0) as n`);
    expect(Number((left.rows[0] as { n: number }).n)).toBe(0);
  }, 120_000);

  it('the fold running alongside the saves loses and doubles nothing', async () => {
    let done = false;
    let folded = 0;
    const folding = (async () => {
      while (!done) folded += await foldStatsShards(db, 2);
    })();
    const results = await lifecycles('2024-06-04');
    done = true;
    await folding;
    expect(failures(results)).toEqual([]);
    expect(folded).toBeGreaterThan(0);
    const activity = await db.execute(sql`select action, sum(events)::int as n from stats_activity
      where institution_id = ${samarinda} and day = '2024-06-04' group by 1 order by 1`);
    expect(activity.rows).toEqual(
      ['accept', 'acknowledge', 'post_follow_up', 'verify'].map((action) => ({ action, n: N })),
    );
    await expectRebuildEqual();
  }, 120_000);

  it('a save leases the first free shard, keeps it for its transaction, and waits when all are leased', async () => {
    const other = await pool.connect();
    const lease = (tx: Db) =>
      tx.execute(sql.raw(`select ${leaseText('1')} as shard`)).then((r) => Number(r.rows[0]!.shard));
    try {
      // Shard 1 leased elsewhere: the next is taken, and kept even once shard 1 is free again.
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1, 1)', [LEASE_LOCK]);
      const kept = await db.transaction(async (tx) => {
        const first = await lease(tx as unknown as Db);
        await other.query('commit');
        return [first, await lease(tx as unknown as Db)];
      });
      expect(kept).toEqual([2, 2]);
      // A new transaction starts from shard 1 again.
      expect(await db.transaction((tx) => lease(tx as unknown as Db))).toBe(1);

      // All shards leased elsewhere: a save waits, without failing, until one is free.
      const id = await fileInto(db, calendar, samarinda, new Date('2024-06-05T01:00:00Z'));
      await other.query('begin');
      await other.query('select pg_advisory_xact_lock($1, s) from generate_series(1, $2::int) s', [
        LEASE_LOCK,
        STATS_SHARDS,
      ]);
      let finished = false;
      const saving = act(
        db,
        calendar,
        id,
        { type: 'verify', targets: [await holderById(db, samarinda)] },
        staffOf(samarinda).coordinator,
        new Date('2024-06-05T02:00:00Z'),
      ).then(() => {
        finished = true;
      });
      await new Promise((r) => setTimeout(r, 500));
      expect(finished).toBe(false);
      await other.query('commit');
      await saving;
      expect(finished).toBe(true);
    } finally {
      await other.query('rollback').catch(() => {});
      other.release();
    }
  }, 60_000);
});
