/**
 * Rebuilds the monitoring rollups from scratch: every report's fact from its lifecycle state (the projection of
 * its events) and the stage clocks, then the daily and monthly sums from the facts. For a database that had
 * reports before the rollups existed, a repair, and the benchmark. The incremental path (`rollup.ts`) gives the
 * same rows; test/db/stats-rollup.test.ts checks both against figures recomputed from the event log.
 */
import {
  COUNTER_COLUMNS,
  custodyStages,
  type ReportFact,
  reportFactOf,
  type StageCompliance,
  type WorkingDays,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { reviveState } from '../../db/lifecycle-codec';
import type { Db } from '../../db/open';
import { reviveStage, type StoredStage } from '../../db/stats-stage-codec';

interface SourceRow {
  id: number;
  lifecycle: unknown;
  categoryId: number;
  provinceCode: string;
  clocks: StoredStage[];
}

/** Recomputes every fact in batches of `batch` reports; returns the number of reports. */
export async function rebuildFacts(db: Db, calendar: WorkingDays, batch = 20_000): Promise<number> {
  await db.execute(sql`truncate stats_report_facts`);
  let last = 0;
  let total = 0;
  for (;;) {
    const res = await db.execute(sql`select r.id::float8 as id, r.lifecycle, r.category_id as "categoryId",
        g.province_code as "provinceCode",
        (select coalesce(json_agg(json_build_object('stage', c.stage, 'holderId', c.holder_institution_id::text,
            'startedAt', c.started_at, 'completedAt', c.completed_at, 'breached', c.breached_at is not null)), '[]')
          from sla_stage_clocks c where c.report_id = r.id and c.completed_at is not null
            and c.stage in ('verify', 'acknowledge', 'follow_up')) as clocks
      from reports r join regions g on g.code = r.region_code
      where r.id > ${last} order by r.id limit ${batch}`);
    const rows = res.rows as unknown as SourceRow[];
    if (rows.length === 0) return total;
    const facts = rows.map((r) => {
      const state = reviveState(r.lifecycle);
      return { r, f: reportFactOf(state, calendar), sla: custodyStages(state, r.clocks.map(reviveStage)) };
    });
    await insertFacts(db, facts);
    last = rows.at(-1)!.id;
    total += rows.length;
  }
}

async function insertFacts(db: Db, facts: Array<{ r: SourceRow; f: ReportFact; sla: StageCompliance }>) {
  const rows = facts.map(({ r, f, sla }) => {
    return {
      report_id: r.id,
      institution_id: f.institutionId === null ? null : Number(f.institutionId),
      disposition_date: f.dispositionDate,
      category_id: r.categoryId,
      province_code: r.provinceCode,
      bucket: f.bucket,
      follow_up_days: f.followUpDays,
      rating: f.rating,
      reopened: f.reopened ? 1 : 0,
      verify_met: sla.verifyMet,
      verify_breached: sla.verifyBreached,
      acknowledge_met: sla.acknowledgeMet,
      acknowledge_breached: sla.acknowledgeBreached,
      follow_up_met: sla.followUpMet,
      follow_up_breached: sla.followUpBreached,
      due_at: f.dueAt?.toISOString() ?? null,
    };
  });
  await db.execute(sql`insert into stats_report_facts (report_id, institution_id, disposition_date, category_id,
      province_code, bucket, follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met,
      acknowledge_breached, follow_up_met, follow_up_breached, due_at)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(report_id bigint, institution_id int,
      disposition_date date, category_id int, province_code text, bucket text, follow_up_days int, rating smallint,
      reopened smallint, verify_met smallint, verify_breached smallint, acknowledge_met smallint,
      acknowledge_breached smallint, follow_up_met smallint, follow_up_breached smallint, due_at timestamptz)`);
}

/** Recomputes the daily and monthly rollups from the facts. */
export async function rebuildRollups(db: Db): Promise<void> {
  const sums = sql.raw(`count(*), count(*) filter (where bucket = 'resolved'),
    count(*) filter (where bucket = 'in_process'), count(*) filter (where bucket = 'not_followed_up'),
    count(*) filter (where bucket = 'on_hold'), count(*) filter (where bucket = 'archived'),
    count(follow_up_days), coalesce(sum(follow_up_days), 0), count(rating), coalesce(sum(rating), 0),
    sum(reopened), sum(verify_met), sum(verify_breached), sum(acknowledge_met), sum(acknowledge_breached),
    sum(follow_up_met), sum(follow_up_breached)`);
  const cols = sql.raw(COUNTER_COLUMNS.join(', '));
  await db.execute(sql`truncate stats_daily, stats_monthly, stats_monthly_national`);
  await db.execute(sql`insert into stats_daily (institution_id, day, category_id, province_code, ${cols})
    select institution_id, disposition_date, category_id, province_code, ${sums}
    from stats_report_facts where bucket is not null group by 1, 2, 3, 4`);
  await db.execute(sql`insert into stats_monthly (institution_id, month, ${cols})
    select institution_id, date_trunc('month', disposition_date)::date, ${sums}
    from stats_report_facts where bucket is not null group by 1, 2`);
  await db.execute(sql`insert into stats_monthly_national (month, category_id, province_code, ${cols})
    select date_trunc('month', disposition_date)::date, category_id, province_code, ${sums}
    from stats_report_facts where bucket is not null group by 1, 2, 3`);
}

/**
 * Builds the rollups of a database whose reports predate them (filed before migration 0008), or whose rollups
 * migration 0015 emptied to count each holder's own custody (ADR 0009): when there are reports but no facts.
 * Afterwards every save keeps them up to date. Returns the number of reports, or 0.
 */
export async function rebuildIfMissing(db: Db, calendar: WorkingDays): Promise<number> {
  const res = await db.execute(sql`select exists(select 1 from reports) as "hasReports",
    exists(select 1 from stats_report_facts) as "hasFacts"`);
  const row = res.rows[0] as { hasReports: boolean; hasFacts: boolean };
  if (!row.hasReports || row.hasFacts) return 0;
  const n = await rebuildFacts(db, calendar);
  await rebuildRollups(db);
  return n;
}
