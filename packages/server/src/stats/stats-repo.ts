/**
 * Reads of the monitoring rollups: sums of the counters over a scope and period, optionally grouped. Whole months
 * come from `stats_monthly`, the days around them from `stats_daily`, so a year costs ~12 rows per institution.
 */
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../db/open';
import { COUNTER_COLUMNS } from './counters';
import { type Period, type StatsScope, scopeFilter, wholeMonths } from './scope';

/** Summed counters, camelCased. */
export interface RollupTotals {
  received: number;
  resolved: number;
  inProcess: number;
  notFollowedUp: number;
  onHold: number;
  archived: number;
  followUpCount: number;
  followUpDays: number;
  rated: number;
  ratingSum: number;
  reopened: number;
  verifyMet: number;
  verifyBreached: number;
  acknowledgeMet: number;
  acknowledgeBreached: number;
  followUpMet: number;
  followUpBreached: number;
}

export type GroupBy = 'none' | 'institution' | 'month' | 'category' | 'province';

const camel = (c: string) => c.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());
const SUMS = sql.raw(
  COUNTER_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::float8 as "${camel(c)}"`).join(', '),
);
const COLS = sql.raw(COUNTER_COLUMNS.join(', '));

/** A zero total. */
export const zeroTotals = (): RollupTotals =>
  Object.fromEntries(COUNTER_COLUMNS.map((c) => [camel(c), 0])) as unknown as RollupTotals;

/** The union of the rollup rows covering the period, with a `key` column for the grouping. */
function coveringRows(scope: StatsScope, period: Period, by: GroupBy): SQL {
  const dailyOnly = scope.kind === 'region' || by === 'category' || by === 'province';
  const daily = (key: SQL, range: SQL) =>
    sql`select ${key} as key, ${COLS} from stats_daily t where ${range} and ${scopeFilter(scope, 't')}`;
  const dayKey: Record<GroupBy, SQL> = {
    none: sql`null::text`,
    institution: sql`t.institution_id::text`,
    month: sql`to_char(t.day, 'YYYY-MM')`,
    category: sql`t.category_id::text`,
    province: sql`t.province_code`,
  };
  if (dailyOnly) return daily(dayKey[by], sql`t.day between ${period.from} and ${period.to}`);
  const m = wholeMonths(period);
  const monthKey = by === 'month' ? sql`to_char(t.month, 'YYYY-MM')` : dayKey[by];
  return sql`select ${monthKey} as key, ${COLS} from stats_monthly t
      where t.month >= ${m.start} and t.month < ${m.end} and ${scopeFilter(scope, 't')}
    union all ${daily(
      dayKey[by],
      sql`t.day between ${period.from} and ${period.to} and not (t.day >= ${m.start} and t.day < ${m.end})`,
    )}`;
}

/** Sums over the scope and period, one row per key (`null` key when not grouped). */
export async function sumRollups(
  db: Db,
  scope: StatsScope,
  period: Period,
  by: GroupBy = 'none',
): Promise<Array<RollupTotals & { key: string | null }>> {
  const res = await db.execute(
    sql`select key, ${SUMS} from (${coveringRows(scope, period, by)}) x group by key order by key`,
  );
  return res.rows as unknown as Array<RollupTotals & { key: string | null }>;
}

/** The scope's totals over the period. */
export async function totalsOf(db: Db, scope: StatsScope, period: Period): Promise<RollupTotals> {
  const [row] = await sumRollups(db, scope, period);
  return row ?? zeroTotals();
}

/** Totals per top-level institution of the given kinds, each summed over its subtree. */
export async function totalsByRoot(
  db: Db,
  kinds: readonly string[],
  period: Period,
): Promise<Array<RollupTotals & { institutionId: number; name: string }>> {
  const res = await db.execute(sql`with per as (
      select key::int as institution_id, ${SUMS} from (${coveringRows({ kind: 'national' }, period, 'institution')}) x
      group by key)
    select r.id as "institutionId", r.name,
      ${sql.raw(COUNTER_COLUMNS.map((c) => `sum(per."${camel(c)}")::float8 as "${camel(c)}"`).join(', '))}
    from per join institutions i on i.id = per.institution_id join institutions r on r.id = i.path[1]
    where r.kind in (${sql.join(
      kinds.map((k) => sql`${k}`),
      sql`, `,
    )})
    group by r.id, r.name`);
  return res.rows as unknown as Array<RollupTotals & { institutionId: number; name: string }>;
}

/** The open backlog and what is overdue now, from the per-report facts. */
export async function backlogOf(db: Db, scope: StatsScope, period: Period, now: Date, today: string) {
  const res = await db.execute(sql`select
      count(*) filter (where f.due_at < ${now.toISOString()}::timestamptz)::int as "overdueNow",
      count(*) filter (where ${today}::date - f.disposition_date <= 3)::int as "d0_3",
      count(*) filter (where ${today}::date - f.disposition_date between 4 and 7)::int as "d4_7",
      count(*) filter (where ${today}::date - f.disposition_date between 8 and 14)::int as "d8_14",
      count(*) filter (where ${today}::date - f.disposition_date between 15 and 30)::int as "d15_30",
      count(*) filter (where ${today}::date - f.disposition_date > 30)::int as "d31"
    from stats_report_facts f
    where f.bucket in ('in_process', 'not_followed_up', 'on_hold')
      and f.disposition_date between ${period.from} and ${period.to} and ${scopeFilter(scope, 'f')}`);
  const r = res.rows[0] as Record<string, number>;
  return {
    overdueNow: r.overdueNow ?? 0,
    backlogAge: [
      { bucket: '0-3', count: r.d0_3 ?? 0 },
      { bucket: '4-7', count: r.d4_7 ?? 0 },
      { bucket: '8-14', count: r.d8_14 ?? 0 },
      { bucket: '15-30', count: r.d15_30 ?? 0 },
      { bucket: '>30', count: r.d31 ?? 0 },
    ],
  };
}

/**
 * Active institutions: those that published a first follow-up on a report received in the period. Counted per
 * top-level institution for the nation or a province, per node for an institution's subtree.
 */
export async function activeInstitutions(db: Db, scope: StatsScope, period: Period): Promise<number> {
  const node = scope.kind === 'institution' ? sql`i.id` : sql`i.path[1]`;
  const res = await db.execute(sql`with per as (
      select key::int as id from (${coveringRows(scope, period, 'institution')}) x
      group by key having sum(follow_up_count) > 0)
    select count(distinct ${node})::int as n from per join institutions i on i.id = per.id`);
  return (res.rows[0] as { n: number }).n;
}
