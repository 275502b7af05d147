/**
 * The SQL of the rollups' rebuild (app/stats/rebuild.ts): the reports with their completed stage clocks in id
 * order, the facts written back in one statement per batch, and the daily and monthly sums from the facts.
 */
import { COUNTER_COLUMNS, type ReportFact, type StageCompliance } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { bool, num, str, strOrNull } from './postgres-stats-rows';
import type { StoredStage } from './stats-stage-codec';

/** A report as the rebuild reads it: its lifecycle state (still to revive) and its completed stage clocks. */
export interface FactSourceRow {
  id: number;
  lifecycle: unknown;
  categoryId: number;
  provinceCode: string;
  clocks: StoredStage[];
}

/** One `stats_report_facts` row, by column. */
export interface FactRow {
  report_id: number;
  institution_id: number | null;
  disposition_date: string | null;
  category_id: number;
  province_code: string;
  bucket: string | null;
  follow_up_days: number | null;
  rating: number | null;
  reopened: number;
  verify_met: number;
  verify_breached: number;
  acknowledge_met: number;
  acknowledge_breached: number;
  follow_up_met: number;
  follow_up_breached: number;
  due_at: string | null;
}

/** The fact of report `reportId` (keyed by its category and province) as its row: the rebuild's and the projector's. */
export function factRowOf(
  reportId: number,
  key: { categoryId: number; provinceCode: string },
  fact: ReportFact,
  sla: StageCompliance,
): FactRow {
  return {
    report_id: reportId,
    institution_id: fact.institutionId === null ? null : Number(fact.institutionId),
    disposition_date: fact.dispositionDate,
    category_id: key.categoryId,
    province_code: key.provinceCode,
    bucket: fact.bucket,
    follow_up_days: fact.followUpDays,
    rating: fact.rating,
    reopened: fact.reopened ? 1 : 0,
    verify_met: sla.verifyMet,
    verify_breached: sla.verifyBreached,
    acknowledge_met: sla.acknowledgeMet,
    acknowledge_breached: sla.acknowledgeBreached,
    follow_up_met: sla.followUpMet,
    follow_up_breached: sla.followUpBreached,
    due_at: fact.dueAt?.toISOString() ?? null,
  };
}

const obj = (v: unknown): Record<string, unknown> => (typeof v === 'object' && v !== null ? { ...v } : {});

/** A stage clock of the JSON aggregate, field by field. */
function storedStageOf(v: unknown): StoredStage {
  const c = obj(v);
  return {
    stage: str(c.stage),
    holderId: strOrNull(c.holderId),
    startedAt: str(c.startedAt),
    completedAt: str(c.completedAt),
    breached: bool(c.breached),
  };
}

export async function truncateFacts(db: Db): Promise<void> {
  await db.execute(sql`truncate stats_report_facts`);
}

/** The next `batch` reports after id `last`. */
export async function factSources(db: Db, last: number, batch: number): Promise<FactSourceRow[]> {
  const res = await db.execute(sql`select r.id::float8 as id, r.lifecycle, r.category_id as "categoryId",
        g.province_code as "provinceCode",
        (select coalesce(json_agg(json_build_object('stage', c.stage, 'holderId', c.holder_institution_id::text,
            'startedAt', c.started_at, 'completedAt', c.completed_at, 'breached', c.breached_at is not null)), '[]')
          from sla_stage_clocks c where c.report_id = r.id and c.completed_at is not null
            and c.stage in ('verify', 'acknowledge', 'follow_up')) as clocks
      from reports r join regions g on g.code = r.region_code
      where r.id > ${last} order by r.id limit ${batch}`);
  return res.rows.map((r) => ({
    id: num(r.id),
    lifecycle: r.lifecycle,
    categoryId: num(r.categoryId),
    provinceCode: str(r.provinceCode),
    clocks: (Array.isArray(r.clocks) ? r.clocks : []).map(storedStageOf),
  }));
}

export async function insertFacts(db: Db, rows: FactRow[]): Promise<void> {
  await db.execute(sql`insert into stats_report_facts (report_id, institution_id, disposition_date, category_id,
      province_code, bucket, follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met,
      acknowledge_breached, follow_up_met, follow_up_breached, due_at)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as t(report_id bigint, institution_id int,
      disposition_date date, category_id int, province_code text, bucket text, follow_up_days int, rating smallint,
      reopened smallint, verify_met smallint, verify_breached smallint, acknowledge_met smallint,
      acknowledge_breached smallint, follow_up_met smallint, follow_up_breached smallint, due_at timestamptz)`);
}

/** Recomputes the daily and monthly rollups from the facts, all in shard 0 (ADR 0014; truncate empties the rest). */
export async function rebuildRollupTables(db: Db): Promise<void> {
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

/** Whether there are reports, and facts: the rollups are missing when there are the first but not the second. */
export async function rebuildState(db: Db): Promise<{ hasReports: boolean; hasFacts: boolean }> {
  const res = await db.execute(sql`select exists(select 1 from reports) as "hasReports",
    exists(select 1 from stats_report_facts) as "hasFacts"`);
  const row = res.rows[0] ?? {};
  return { hasReports: bool(row.hasReports), hasFacts: bool(row.hasFacts) };
}
