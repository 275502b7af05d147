/**
 * The monitoring rollups' projector (docs/decisions/0007-stats-rollups.md, 0014-stats-shards.md): reads the report's
 * stored fact and its completed stage clocks, lets core `rollupChange` compute the new fact and the counter deltas,
 * and writes them with the events' activity — after the stage clocks are projected, in the same transaction. Two
 * prepared statements: the read, which also leases the transaction's shard, and one write of the activity, the fact
 * and the three rollups.
 */
import {
  activityRows,
  COUNTER_COLUMNS,
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
import type { Db } from './open';
import { holidayCalendar } from './postgres-holiday-calendar';
import { activityJson, activityUpsertText } from './postgres-stats-activity';
import { factRowOf } from './postgres-stats-rebuild';
import { prepared } from './prepared';
import { fallbackShard, leaseText } from './stats-shard';
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

/**
 * The read: the transaction's shard lease, the report's category and province, its stored fact and its completed
 * stage clocks. `l` always gives one row, so the lease is taken even for a report that is gone.
 */
const READ = prepared<'reportId' | 'fallback'>(
  'pintu_stats_rollup_read',
  (p) => `select l.shard, r.category_id as "categoryId", g.province_code as "provinceCode",
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
    from (select ${leaseText(`${p('fallback')}::int`)} as shard) l
      left join reports r on r.id = ${p('reportId')}::bigint
      left join regions g on g.code = r.region_code
      left join stats_report_facts f on f.report_id = r.id`,
);

const COLS = COUNTER_COLUMNS.join(', ');
/** The counters of a `json_to_recordset` row `x` whose `c` is the counter vector. */
const VALUES = COUNTER_COLUMNS.map((_, i) => `(x.c->>${i})::bigint`).join(', ');
const ADD = (table: string) => COUNTER_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', ');

/**
 * The write: the activity, the fact (none or one) and the three rollups of one save, each table's rows one JSON
 * array (often empty) in key order — one statement, planned once per connection, whatever the save changed. Every
 * row goes to the transaction's leased shard, which no other save writes until this one commits (ADR 0014).
 */
const WRITE = prepared<
  'shard' | 'activity' | 'fact' | 'daily' | 'monthly' | 'national' | 'categoryId' | 'provinceCode'
>(
  'pintu_stats_rollup_write',
  (p) => `with a as (
    ${activityUpsertText(`${p('activity')}::json`, `${p('shard')}::smallint`)}
  ), f as (
    insert into stats_report_facts (report_id, institution_id, disposition_date, category_id, province_code, bucket,
      follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met, acknowledge_breached,
      follow_up_met, follow_up_breached, due_at)
    select * from json_to_recordset(${p('fact')}::json) as x(report_id bigint, institution_id int,
      disposition_date date, category_id int, province_code text, bucket text, follow_up_days int, rating smallint,
      reopened smallint, verify_met smallint, verify_breached smallint, acknowledge_met smallint,
      acknowledge_breached smallint, follow_up_met smallint, follow_up_breached smallint, due_at timestamptz)
    on conflict (report_id) do update set institution_id = excluded.institution_id,
      disposition_date = excluded.disposition_date, bucket = excluded.bucket,
      follow_up_days = excluded.follow_up_days, rating = excluded.rating, reopened = excluded.reopened,
      verify_met = excluded.verify_met, verify_breached = excluded.verify_breached,
      acknowledge_met = excluded.acknowledge_met, acknowledge_breached = excluded.acknowledge_breached,
      follow_up_met = excluded.follow_up_met, follow_up_breached = excluded.follow_up_breached,
      due_at = excluded.due_at
  ), d as (
    insert into stats_daily (institution_id, day, category_id, province_code, shard, ${COLS})
    select x.i, x.d, ${p('categoryId')}::int, ${p('provinceCode')}::text, ${p('shard')}::smallint, ${VALUES}
    from json_to_recordset(${p('daily')}::json) as x(i int, d date, c json)
    order by 1, 2
    on conflict (institution_id, day, category_id, province_code, shard) do update set ${ADD('stats_daily')}
  ), m as (
    insert into stats_monthly (institution_id, month, shard, ${COLS})
    select x.i, x.m, ${p('shard')}::smallint, ${VALUES}
    from json_to_recordset(${p('monthly')}::json) as x(i int, m date, c json)
    order by 1, 2
    on conflict (institution_id, month, shard) do update set ${ADD('stats_monthly')}
  ), n as (
    insert into stats_monthly_national (month, category_id, province_code, shard, ${COLS})
    select x.m, ${p('categoryId')}::int, ${p('provinceCode')}::text, ${p('shard')}::smallint, ${VALUES}
    from json_to_recordset(${p('national')}::json) as x(m date, c json)
    order by 1
    on conflict (month, category_id, province_code, shard) do update set ${ADD('stats_monthly_national')}
  )
  select 1`,
);

/**
 * Re-derives the report's fact and applies the difference to the daily and monthly rollups; counts the events.
 * Everything goes to the shard this transaction leased (stats-shard.ts), which no other save writes until commit.
 */
export async function updateStatsRollup(
  db: Db,
  reportId: number,
  state: ReportState,
  events: readonly LifecycleEvent[] = [],
): Promise<void> {
  const activity = activityRows(events);
  const [row] = await READ(db, { reportId, fallback: fallbackShard() });
  if (!row) throw new Error('the rollup read returned no row');
  // No report (or no region): nothing to roll up, as before; its events still count as activity.
  const stored = row.categoryId === null || row.provinceCode === null ? null : storedOf(row);
  const change = stored
    ? rollupChange(
        stored.fact,
        reportFactOf(state, await calendarFor(db, state, stored.fact?.fact ?? null)),
        custodyStages(state, stored.clocks.map(reviveStage)),
      )
    : null;
  if (activity.length === 0 && !change?.save) return;
  const save =
    stored && change?.save ? factRowOf(reportId, stored, change.save.fact, change.save.stages) : null;
  await WRITE(db, {
    shard: Number(row.shard),
    activity: activityJson(activity),
    fact: JSON.stringify(save ? [save] : []),
    daily: JSON.stringify((change?.daily ?? []).map((r) => ({ i: r.institutionId, d: r.day, c: r.delta }))),
    monthly: JSON.stringify(
      (change?.monthly ?? []).map((r) => ({ i: r.institutionId, m: r.month, c: r.delta })),
    ),
    national: JSON.stringify((change?.national ?? []).map((r) => ({ m: r.month, c: r.delta }))),
    categoryId: stored?.categoryId ?? 0,
    provinceCode: stored?.provinceCode ?? '',
  });
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
