/**
 * Keeps the monitoring rollups up to date (docs/decisions/0007-stats-rollups.md). Called by `saveTransition` in the
 * transaction that saves the report, after the stage clocks are projected: the report's fact is derived again from
 * its state and the rollups change by (new fact − stored fact), so they never drift whatever the transition.
 */
import {
  COUNTER_COLUMNS,
  type CounterVector,
  counterVector,
  custodyStages,
  factNeedsCalendar,
  isZero,
  type LifecycleEvent,
  minus,
  plus,
  type ReportFact,
  type ReportState,
  reportFactOf,
  type WorkingDays,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { reviveStage, type StoredStage } from '../../db/stats-stage-codec';
import { recordActivity } from './activity';
import { holidayCalendar } from './holiday-calendar';

interface StoredFact {
  categoryId: number;
  provinceCode: string;
  institutionId: number | null;
  dispositionDate: string | null;
  bucket: string | null;
  followUpDays: number | null;
  rating: number | null;
  reopened: number | null;
  dueAt: string | null;
  stages: Record<string, number> | null;
  /** The report's completed stage clocks (the core keeps those of the holder's custody). */
  clocks: StoredStage[];
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
  const stored = res.rows[0] as unknown as StoredFact | undefined;
  if (!stored) return;
  const fact = reportFactOf(state, await calendarFor(db, state, stored));
  const sla = custodyStages(state, stored.clocks.map(reviveStage));
  const before: CounterVector | null =
    stored.stages === null ? null : counterVector(storedAsFact(stored), stored.stages);
  const after = counterVector(fact, sla);
  const oldKey = stored.stages === null ? null : keyOf(stored.institutionId, stored.dispositionDate);
  const newKey = keyOf(fact.institutionId === null ? null : Number(fact.institutionId), fact.dispositionDate);
  const sameFact =
    before !== null &&
    oldKey === newKey &&
    isZero(minus(after, before)) &&
    (stored.dueAt === null ? null : new Date(stored.dueAt).getTime()) === (fact.dueAt?.getTime() ?? null);
  if (sameFact) return;
  await saveFact(db, reportId, stored, fact, sla);
  const deltas = new Map<string, CounterVector>();
  if (before && oldKey) deltas.set(oldKey, minus(zeroVector(), before));
  if (newKey) deltas.set(newKey, plus(deltas.get(newKey) ?? zeroVector(), after));
  await addToRollups(db, deltas, stored.categoryId, stored.provinceCode);
}

const keyOf = (institutionId: number | null, day: string | null) =>
  institutionId === null || day === null ? null : `${institutionId}|${day}`;

const zeroVector = (): CounterVector => COUNTER_COLUMNS.map(() => 0);

function storedAsFact(s: StoredFact): ReportFact {
  return {
    institutionId: s.institutionId === null ? null : String(s.institutionId),
    dispositionDate: s.dispositionDate,
    bucket: s.bucket as ReportFact['bucket'],
    followUpDays: s.followUpDays,
    rating: s.rating,
    reopened: (s.reopened ?? 0) > 0,
    dueAt: s.dueAt === null ? null : new Date(s.dueAt),
  };
}

/**
 * The calendar only when a follow-up must be counted and the stored count cannot be reused: the first follow-up
 * never moves, so the same holder and disposition day give the same number of working days.
 */
async function calendarFor(db: Db, state: ReportState, stored: StoredFact): Promise<WorkingDays> {
  const reusable: WorkingDays = {
    addWorkingDays: () => {
      throw new Error('not needed');
    },
    elapsedWorkingDays: () => stored.followUpDays ?? 0,
  };
  if (!factNeedsCalendar(state)) return reusable;
  const dispositioned = state.dispositionedAt;
  const sameHolder =
    stored.followUpDays !== null &&
    String(stored.institutionId) === state.holder.institutionId &&
    dispositioned !== null &&
    stored.dispositionDate === localDay(dispositioned, state.holder.timeZone);
  return sameHolder ? reusable : holidayCalendar(db);
}

function localDay(t: Date, tz: ReportState['holder']['timeZone']): string {
  const offset = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 }[tz] * 3_600_000;
  return new Date(t.getTime() + offset).toISOString().slice(0, 10);
}

async function saveFact(
  db: Db,
  reportId: number,
  stored: StoredFact,
  fact: ReportFact,
  sla: Record<string, number>,
) {
  const n = (k: string) => sla[k] ?? 0;
  await db.execute(sql`insert into stats_report_facts (report_id, institution_id, disposition_date, category_id,
      province_code, bucket, follow_up_days, rating, reopened, verify_met, verify_breached, acknowledge_met,
      acknowledge_breached, follow_up_met, follow_up_breached, due_at)
    values (${reportId}, ${fact.institutionId === null ? null : Number(fact.institutionId)}, ${fact.dispositionDate},
      ${stored.categoryId}, ${stored.provinceCode}, ${fact.bucket}, ${fact.followUpDays}, ${fact.rating},
      ${fact.reopened ? 1 : 0}, ${n('verifyMet')}, ${n('verifyBreached')}, ${n('acknowledgeMet')},
      ${n('acknowledgeBreached')}, ${n('followUpMet')}, ${n('followUpBreached')}, ${fact.dueAt?.toISOString() ?? null})
    on conflict (report_id) do update set institution_id = excluded.institution_id,
      disposition_date = excluded.disposition_date, bucket = excluded.bucket,
      follow_up_days = excluded.follow_up_days, rating = excluded.rating, reopened = excluded.reopened,
      verify_met = excluded.verify_met, verify_breached = excluded.verify_breached,
      acknowledge_met = excluded.acknowledge_met, acknowledge_breached = excluded.acknowledge_breached,
      follow_up_met = excluded.follow_up_met, follow_up_breached = excluded.follow_up_breached,
      due_at = excluded.due_at`);
}

/**
 * Upserts the deltas into the three rollups, table by table and in key order, so two saves touching the same rows
 * always lock them in the same order and cannot deadlock each other.
 */
async function addToRollups(
  db: Db,
  deltas: Map<string, CounterVector>,
  categoryId: number,
  provinceCode: string,
) {
  const daily = new Map<string, { institutionId: number; day: string; delta: CounterVector }>();
  const monthly = new Map<string, { institutionId: number; month: string; delta: CounterVector }>();
  const national = new Map<string, { month: string; delta: CounterVector }>();
  for (const [key, delta] of deltas) {
    const [id, day] = key.split('|') as [string, string];
    const institutionId = Number(id);
    const month = `${day.slice(0, 7)}-01`;
    const merge = <T extends { delta: CounterVector }>(m: Map<string, T>, k: string, row: T) =>
      m.set(k, m.has(k) ? { ...row, delta: plus(m.get(k)!.delta, delta) } : row);
    merge(daily, `${String(institutionId).padStart(10, '0')}|${day}`, { institutionId, day, delta });
    merge(monthly, `${String(institutionId).padStart(10, '0')}|${month}`, { institutionId, month, delta });
    merge(national, month, { month, delta });
  }
  const cols = sql.raw(COUNTER_COLUMNS.join(', '));
  const values = (delta: CounterVector) =>
    sql.join(
      delta.map((v) => sql`${v}`),
      sql`, `,
    );
  const add = (table: string) =>
    sql.raw(COUNTER_COLUMNS.map((c) => `${c} = ${table}.${c} + excluded.${c}`).join(', '));
  const sorted = <T extends { delta: CounterVector }>(m: Map<string, T>) =>
    [...m.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, row]) => row)
      .filter((row) => !isZero(row.delta));
  for (const r of sorted(daily))
    await db.execute(sql`insert into stats_daily (institution_id, day, category_id, province_code, ${cols})
      values (${r.institutionId}, ${r.day}, ${categoryId}, ${provinceCode}, ${values(r.delta)})
      on conflict (institution_id, day, category_id, province_code) do update set ${add('stats_daily')}`);
  for (const r of sorted(monthly))
    await db.execute(sql`insert into stats_monthly (institution_id, month, ${cols})
      values (${r.institutionId}, ${r.month}, ${values(r.delta)})
      on conflict (institution_id, month) do update set ${add('stats_monthly')}`);
  for (const r of sorted(national))
    await db.execute(sql`insert into stats_monthly_national (month, category_id, province_code, ${cols})
      values (${r.month}, ${categoryId}, ${provinceCode}, ${values(r.delta)})
      on conflict (month, category_id, province_code) do update set ${add('stats_monthly_national')}`);
}
