/**
 * Exactly once under real conditions: two sweepers at the same instant over many due items — on one database
 * handle (PGlite and PostgreSQL), and as two processes would, through two connection pools on the CI PostgreSQL
 * with 1,000 items — record every reminder and escalation once and transition every report once.
 */
import { randomBytes } from 'node:crypto';
import type { WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { type SweepResult, sweep } from '../../src/app/sla/sweep';
import { type Database, type Db, openDatabase } from '../../src/db/open';
import { refIds } from '../support/fixtures';
import { fileInto } from '../support/sla-fixtures';
import { ENGINES, NO_POSTGRES, openTestDatabase, postgresOnly } from '../support/test-db';

/** Files one report into Samarinda on Friday 5 April 2024 and clones it `n - 1` times, stage row included. */
async function dueItems(db: Db, calendar: WorkingDayCalendar, n: number, prefix: string) {
  const ids = await refIds(db);
  const seed = await fileInto(db, calendar, ids.samarinda, new Date('2024-04-05T02:00:00Z'));
  await db.execute(sql`insert into reports (tracking_id, type, title, body, incident_date, region_code, category_id,
      institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel, language, created_at, updated_at)
    select ${prefix} || g, type, title, body, incident_date, region_code, category_id, institution_id, status, due_at,
      jsonb_set(lifecycle, '{id}', to_jsonb(${prefix} || g)), is_anonymous, is_confidential, channel, language,
      created_at, updated_at
    from reports r cross join generate_series(2, ${n}) g where r.tracking_id = ${seed}`);
  await db.execute(sql`insert into sla_stage_clocks (report_id, stage, holder_institution_id, time_zone, region_code,
      started_at, working_days, anchor_at, anchor_days, due_at, escalation_level, next_at)
    select c.id, s.stage, s.holder_institution_id, s.time_zone, s.region_code, s.started_at, s.working_days,
      s.anchor_at, s.anchor_days, s.due_at, s.escalation_level, s.next_at
    from sla_stage_clocks s join reports r on r.id = s.report_id and r.tracking_id = ${seed}
      cross join reports c where c.tracking_id like ${`${prefix}%`}`);
  await db.execute(sql`update reports set tracking_id = ${`${prefix}1`},
      lifecycle = jsonb_set(lifecycle, '{id}', to_jsonb(${`${prefix}1`}::text)) where tracking_id = ${seed}`);
}

/** Per report: escalate events and notices by kind; every report must show exactly `expected`. */
async function tally(db: Db, prefix: string) {
  const res = await db.execute(sql`select r.tracking_id as "trackingId",
      (select count(*) from events e where e.report_id = r.id and e.action = 'escalate')::int as escalations,
      (select count(*) from sla_notices n where n.report_id = r.id and n.kind = 'reminder')::int as reminders,
      (select count(*) from sla_notices n where n.report_id = r.id and n.kind = 'escalation')::int as notices,
      (select max(escalation_level) from sla_stage_clocks s where s.report_id = r.id)::int as level
    from reports r where r.tracking_id like ${`${prefix}%`}`);
  return res.rows as {
    trackingId: string;
    escalations: number;
    reminders: number;
    notices: number;
    level: number;
  }[];
}

const sum = (rs: SweepResult[], k: keyof SweepResult) => rs.reduce((a, r) => a + r[k], 0);
// Tuesday 23 April 2024, 00:00 WITA and later: the reminder, level 1 and level 2 of every report are due.
const NOW = new Date('2024-04-23T03:00:00Z');

describe.each(ENGINES)('SLA sweep on %s', (engine) => {
  let d: Database;
  let calendar: WorkingDayCalendar;
  beforeAll(async () => {
    d = await openTestDatabase(engine);
    calendar = (await loadCalendar(d.db)).get();
  });
  afterAll(() => d.close());

  it('two sweeps at once on one handle process 200 due items exactly once', async () => {
    await dueItems(d.db, calendar, 200, 'LPR-ONE-');
    const deps = { db: d.db, calendar: () => calendar };
    const results = await Promise.all([sweep(deps, NOW, { batch: 50 }), sweep(deps, NOW, { batch: 50 })]);
    expect(sum(results, 'reminders')).toBe(200);
    expect(sum(results, 'escalations')).toBe(400);
    const rows = await tally(d.db, 'LPR-ONE-');
    expect(rows).toHaveLength(200);
    for (const r of rows) expect(r).toMatchObject({ escalations: 2, reminders: 1, notices: 2, level: 2 });
    expect(await sweep(deps, NOW)).toMatchObject({ reminders: 0, escalations: 0 });
  });
});

describe.skipIf(NO_POSTGRES)(postgresOnly('two processes on one PostgreSQL'), () => {
  const url = process.env.TEST_DATABASE_URL!;
  const name = `pintu_test_sla_${randomBytes(4).toString('hex')}`;
  let a: Database;
  let b: Database;
  const admin = async (q: string) => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(q);
    await c.end();
  };
  beforeAll(async () => {
    await admin(`create database ${name} template ${process.env.PINTU_PG_TEMPLATE}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    a = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
    b = await openDatabase({ databaseUrl: target.toString(), poolSize: 4 });
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
    await admin(`drop database if exists ${name}`);
  });

  it('1,000 due items, two sweepers with their own pools: every step once, no duplicate', async () => {
    const calendar = (await loadCalendar(a.db)).get();
    await dueItems(a.db, calendar, 1000, 'LPR-TWO-');
    const started = Date.now();
    const results = await Promise.all([
      sweep({ db: a.db, calendar: () => calendar }, NOW),
      sweep({ db: b.db, calendar: () => calendar }, NOW),
    ]);
    const ms = Date.now() - started;
    console.log(`two sweepers, 1,000 items: ${ms} ms; split ${results.map((r) => r.processed).join(' / ')}`);
    expect(sum(results, 'reminders')).toBe(1000);
    expect(sum(results, 'escalations')).toBe(2000);
    expect(results.every((r) => r.processed > 0)).toBe(true);
    const rows = await tally(a.db, 'LPR-TWO-');
    expect(rows).toHaveLength(1000);
    for (const r of rows) expect(r).toMatchObject({ escalations: 2, reminders: 1, notices: 2, level: 2 });
    const dup = await a.db.execute(sql`select count(*)::int as n from (select report_id, seq from events
      group by report_id, seq having count(*) > 1) x`);
    expect(dup.rows[0]).toEqual({ n: 0 });
    // Later sweeps at once, on both: level 3 on Monday 29 April (25, 26, 29 April... the 5th working day).
    const later = await Promise.all([
      sweep({ db: a.db, calendar: () => calendar }, new Date('2024-05-01T00:00:00Z')),
      sweep({ db: b.db, calendar: () => calendar }, new Date('2024-05-01T00:00:00Z')),
    ]);
    expect(sum(later, 'escalations')).toBe(1000);
    expect(sum(later, 'reminders')).toBe(0);
  });
});
