/**
 * A database whose reports predate the monitoring rollups gets them built once at start (`rebuildIfMissing`), with
 * the same figures the incremental path keeps; a database that has them is left alone. A database from before
 * issue 10 gets its forwarded reports' projections repaired and its rollups rebuilt by migration 0015 plus that
 * start-up step.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Actor } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildFacts, rebuildIfMissing } from '../../src/app/stats/rebuild';
import { refIds, reportInput } from '../support/fixtures';
import { signInAs } from '../support/sessions';
import { act, fileInto, holderById, staffOf } from '../support/sla-fixtures';
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

  it('are rebuilt with each holder’s own facts after upgrading a database from before issue 10', async () => {
    const db = t.deps.db;
    const calendar = t.deps.calendar.get();
    const ids = await refIds(db);
    const a = staffOf(ids.samarinda);
    const wita = (local: string) => new Date(`${local}:00+08:00`);
    const reporter: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };
    const id = await fileInto(db, calendar, ids.samarinda, wita('2024-06-03T08:00'));
    const step = (action: Parameters<typeof act>[3], actor: Actor, at: string) =>
      act(db, calendar, id, action, actor, wita(at));
    await step(
      { type: 'verify', targets: [await holderById(db, ids.samarinda)] },
      a.coordinator,
      '2024-06-03T10:00',
    );
    await step(
      { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
      a.liaison,
      '2024-06-04T09:00',
    );
    await step({ type: 'post_follow_up', message: 'Sudah kami periksa.' }, a.liaison, '2024-06-05T09:00');
    await step({ type: 'reporter_reply', message: 'Belum diperbaiki.' }, reporter, '2024-06-06T09:00');
    const b = await holderById(db, ids.kemenpu);
    await step(
      { type: 'not_our_authority', reason: 'Jalan nasional.', target: b },
      a.coordinator,
      '2024-06-24T10:00',
    );
    const ofB = async () =>
      (
        await (
          await t.get(`/api/v1/stats/summary?institutionId=${ids.kemenpu}&from=2024-06-01&to=2024-06-30`)
        ).json()
      ).indicators;
    const kept = { b: await ofB(), all: await summary() };
    expect(kept.b).toMatchObject({ received: 1, notFollowedUp: 1, inProcess: 0, averageFollowUpSpeed: null });

    // What the old core left behind: A's first follow-up kept after the forward, and rollups counting it for B.
    await db.execute(sql`update reports set lifecycle = lifecycle || jsonb_build_object('firstFollowUpAt',
        ${wita('2024-06-05T09:00').toISOString()}::text) where tracking_id = ${id}`);
    await db.execute(sql`update stats_monthly set in_process = in_process + 1, not_followed_up = not_followed_up - 1,
        follow_up_count = follow_up_count + 1, follow_up_met = follow_up_met + 1 where institution_id = ${ids.kemenpu}`);
    expect(await ofB()).toMatchObject({ inProcess: 1, notFollowedUp: 0, averageFollowUpSpeed: 0 });
    // The new core refuses to count a follow-up dated before the disposition: the projection must be repaired.
    await expect(rebuildFacts(db, calendar)).rejects.toThrow(/precedes the disposition/);

    // Upgrade: migration 0015 (as the migrator runs it), then start-up.
    const dir = join(import.meta.dirname, '../../src/db/migrations');
    const journal = JSON.parse(readFileSync(join(dir, 'meta/_journal.json'), 'utf8'));
    expect(journal.entries.map((e: { tag: string }) => e.tag)).toContain('0015_custody_attribution');
    for (const statement of readFileSync(join(dir, '0015_custody_attribution.sql'), 'utf8').split(
      '--> statement-breakpoint',
    ))
      await db.execute(sql.raw(statement));
    expect(await rebuildIfMissing(db, calendar)).toBe(4);
    expect(await ofB()).toEqual(kept.b);
    expect(await summary()).toEqual(kept.all);
    const repaired =
      await db.execute(sql`select lifecycle->'firstFollowUpAt' as f, lifecycle->'reopenCount' as n
      from reports where tracking_id = ${id}`);
    expect(repaired.rows[0]).toEqual({ f: null, n: 0 });
  });
});
