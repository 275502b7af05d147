/**
 * The monitoring rollups' projector (docs/decisions/0007-stats-rollups.md): reads the report's stored fact and its
 * completed stage clocks, lets core `rollupChange` compute the new fact and the counter deltas, and writes them —
 * after the stage clocks are projected, in the same transaction. Counts the events' activity first.
 */
import {
  COUNTER_COLUMNS,
  type CounterVector,
  custodyStages,
  factNeedsCalendar,
  followUpDaysReusable,
  type LifecycleEvent,
  type Projector,
  type ReportFact,
  type ReportState,
  reportFactOf,
  rollupChange,
  type StageCompliance,
  type StoredFact,
  type WorkingDays,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { holidayCalendar } from './postgres-holiday-calendar';
import { recordActivity } from './postgres-stats-activity';
import { reviveStage, type StoredStage } from './stats-stage-codec';

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/** The report's row of `stats_report_facts` (null: none yet) and what the rollups key it by. */
interface Stored {
  categoryId: number;
  provinceCode: string;
  fact: StoredFact | null;
  clocks: StoredStage[];
}

function storedOf(r: Record<string, unknown>): Stored {
  const stages = r.stages as Record<string, number> | null;
  const fact: ReportFact = {
    institutionId: r.institutionId === null ? null : String(r.institutionId),
    dispositionDate: r.dispositionDate === null ? null : String(r.dispositionDate),
    bucket: r.bucket as ReportFact['bucket'],
    followUpDays: num(r.followUpDays),
    rating: num(r.rating),
    reopened: (num(r.reopened) ?? 0) > 0,
    dueAt: r.dueAt === null ? null : new Date(String(r.dueAt)),
  };
  return {
    categoryId: Number(r.categoryId),
    provinceCode: String(r.provinceCode),
    fact: stages === null ? null : { fact, stages },
    clocks: r.clocks as StoredStage[],
  };
}

/** Re-derives the report's fact and applies the difference to the daily and monthly rollups; counts the events. */
export async function updateStatsRollup(
  db: Db,
  reportId: number,
  state: ReportState,
  events: readonly LifecycleEvent[] = [],
): Promise<void> {
  await recordActivity(db, events);
  const res = await db.execute(sql`select r.category_id as "categoryId", g.province_code as "provinceCode",
      f.institution_id as "institutionId", to_char(f.disposition_date, 'YYYY-MM-DD') as "dispositionDate",
      f.bucket, f.follow_up_days as "followUpDays", f.rating, f.reopened, f.due_at as "dueAt",
      case when f.report_id is null then null else json_build_object('verifyMet', f.verify_met,
        'verifyBreached', f.verify_breached, 'acknowledgeMet', f.acknowledge_met,
        'acknowledgeBreached', f.acknowledge_breached, 'followUpMet', f.follow_up_met,
        'followUpBreached', f.follow_up_breached) end as stages,
      (select coalesce(json_agg(json_build_object('stage', c.stage, 'holderId', c.holder_institution_id::text,
          'startedAt', c.started_at, 'completedAt', c.completed_at, 'breached', c.breached_at is not null)), '[]')
       from sla_stage_clocks c where c.report_id = r.id and c.completed_at is not null
         and c.stage in ('verify', 'acknowledge', 'follow_up')) as clocks
    from reports r join regions g on g.code = r.region_code
      left join stats_report_facts f on f.report_id = r.id
    where r.id = ${reportId}`);
  if (!res.rows[0]) return;
  const stored = storedOf(res.rows[0]);
  const fact = reportFactOf(state, await calendarFor(db, state, stored.fact?.fact ?? null));
  const change = rollupChange(stored.fact, fact, custodyStages(state, stored.clocks.map(reviveStage)));
  if (!change.save) return;
  await saveFact(db, reportId, stored, change.save.fact, change.save.stages);
  const cols = sql.raw(COUNTER_COLUMNS.join(', '));
  const values = (delta: CounterVector) =>
    sql.join(
      delta.map((v) => sql`${v}`),
      sql`, `,
    );
  const add = (table: string) =>
    sql.raw(COUNTER_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
  const { categoryId, provinceCode } = stored;
  for (const r of change.daily)
    await db.execute(sql`insert into stats_daily (institution_id, day, category_id, province_code, ${cols})
      values (${r.institutionId}, ${r.day}, ${categoryId}, ${provinceCode}, ${values(r.delta)})
      on conflict (institution_id, day, category_id, province_code) do update set ${add('stats_daily')}`);
  for (const r of change.monthly)
    await db.execute(sql`insert into stats_monthly (institution_id, month, ${cols})
      values (${r.institutionId}, ${r.month}, ${values(r.delta)})
      on conflict (institution_id, month) do update set ${add('stats_monthly')}`);
  for (const r of change.national)
    await db.execute(sql`insert into stats_monthly_national (month, category_id, province_code, ${cols})
      values (${r.month}, ${categoryId}, ${provinceCode}, ${values(r.delta)})
      on conflict (month, category_id, province_code) do update set ${add('stats_monthly_national')}`);
}

/** The calendar only when a follow-up must be counted and the stored count cannot be reused (core rule). */
async function calendarFor(db: Db, state: ReportState, stored: ReportFact | null): Promise<WorkingDays> {
  const reusable: WorkingDays = {
    addWorkingDays: () => {
      throw new Error('not needed');
    },
    elapsedWorkingDays: () => stored?.followUpDays ?? 0,
  };
  if (!factNeedsCalendar(state) || followUpDaysReusable(state, stored)) return reusable;
  return holidayCalendar(db);
}

async function saveFact(db: Db, reportId: number, stored: Stored, fact: ReportFact, sla: StageCompliance) {
  await db.execute(sql`insert into stats_report_facts (report_id, institution_id, disposition_date, category_id,
      province_code, bucket, follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met,
      acknowledge_breached, follow_up_met, follow_up_breached, due_at)
    values (${reportId}, ${fact.institutionId === null ? null : Number(fact.institutionId)}, ${fact.dispositionDate},
      ${stored.categoryId}, ${stored.provinceCode}, ${fact.bucket}, ${fact.followUpDays}, ${fact.rating},
      ${fact.reopened ? 1 : 0}, ${sla.verifyMet}, ${sla.verifyBreached}, ${sla.acknowledgeMet},
      ${sla.acknowledgeBreached}, ${sla.followUpMet}, ${sla.followUpBreached}, ${fact.dueAt?.toISOString() ?? null})
    on conflict (report_id) do update set institution_id = excluded.institution_id,
      disposition_date = excluded.disposition_date, bucket = excluded.bucket,
      follow_up_days = excluded.follow_up_days, rating = excluded.rating, reopened = excluded.reopened,
      verify_met = excluded.verify_met, verify_breached = excluded.verify_breached,
      acknowledge_met = excluded.acknowledge_met, acknowledge_breached = excluded.acknowledge_breached,
      follow_up_met = excluded.follow_up_met, follow_up_breached = excluded.follow_up_breached,
      due_at = excluded.due_at`);
}

/** The rollups (and activity) projector of record-transition. */
export const statsRollupProjector: Projector<Db> = {
  name: 'stats-rollup',
  project: (tx, change) =>
    updateStatsRollup(
      tx,
      change.reportId,
      change.state,
      change.events.map((e) => e.event),
    ),
};
