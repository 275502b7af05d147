/**
 * Reads of the monitoring rollups: sums of the counters over a scope and period, optionally grouped. Whole months
 * come from `stats_monthly`, the days around them from `stats_daily`, so a year costs ~12 rows per institution.
 */
import { COUNTER_COLUMNS, coverPlan, type DayRange, type Period, type StatsScope } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { scopeFilter } from './stats-scope-filter';

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
const NEG_COLS = sql.raw(COUNTER_COLUMNS.map((c) => `-${c} as ${c}`).join(', '));

/** A zero total. */
export const zeroTotals = (): RollupTotals =>
  Object.fromEntries(COUNTER_COLUMNS.map((c) => [camel(c), 0])) as unknown as RollupTotals;

/**
 * The union of the rollup rows covering the period (see `coverPlan`), with a `key` column for the grouping: whole
 * months from `stats_monthly` (by institution) or `stats_monthly_national` (nation or province, not by
 * institution), plus and minus days from `stats_daily` — which alone serves an institution's scope by category or
 * province, and a province by institution.
 */
function coveringRows(scope: StatsScope, period: Period, by: GroupBy): SQL {
  const national = scope.kind !== 'institution' && by !== 'institution';
  const dailyOnly = !national && (scope.kind === 'region' || by === 'category' || by === 'province');
  const dayKey: Record<GroupBy, SQL> = {
    none: sql`null::text`,
    institution: sql`t.institution_id::text`,
    month: sql`to_char(t.day, 'YYYY-MM')`,
    category: sql`t.category_id::text`,
    province: sql`t.province_code`,
  };
  const daily = (ranges: DayRange[], cols: SQL) =>
    sql`select ${dayKey[by]} as key, ${cols} from stats_daily t
      where (${sql.join(
        ranges.map(([a, b]) => sql`t.day between ${a} and ${b}`),
        sql` or `,
      )}) and ${scopeFilter(scope, 't')}`;
  if (dailyOnly) return daily([[period.from, period.to]], COLS);
  const plan = coverPlan(period);
  const monthKey = by === 'month' ? sql`to_char(t.month, 'YYYY-MM')` : dayKey[by];
  const parts: SQL[] = [];
  if (plan.months)
    parts.push(
      national
        ? sql`select ${monthKey} as key, ${COLS} from stats_monthly_national t
            where t.month >= ${plan.months.start} and t.month < ${plan.months.end}
              ${scope.kind === 'region' ? sql`and t.province_code = ${scope.provinceCode}` : sql``}`
        : sql`select ${monthKey} as key, ${COLS} from stats_monthly t
            where t.month >= ${plan.months.start} and t.month < ${plan.months.end} and ${scopeFilter(scope, 't')}`,
    );
  if (plan.plus.length) parts.push(daily(plan.plus, COLS));
  if (plan.minus.length) parts.push(daily(plan.minus, NEG_COLS));
  return parts.length ? sql.join(parts, sql` union all `) : daily([[period.from, period.to]], COLS);
}

/** Sums over the scope and period, one row per key (`null` key when not grouped). */
export async function sumRollups(
  db: Db,
  scope: StatsScope,
  period: Period,
  by: GroupBy = 'none',
): Promise<Array<RollupTotals & { key: string | null }>> {
  const res = await db.execute(
    // A key whose days were all subtracted sums to zero: nothing was received there in the period.
    sql`select key, ${SUMS} from (${coveringRows(scope, period, by)}) x group by key having sum(received) <> 0
      order by key`,
  );
  return res.rows as unknown as Array<RollupTotals & { key: string | null }>;
}

/** The scope's totals over the period. */
export async function totalsOf(db: Db, scope: StatsScope, period: Period): Promise<RollupTotals> {
  const [row] = await sumRollups(db, scope, period);
  if (!row) return zeroTotals();
  const { key: _key, ...totals } = row;
  return totals;
}

/**
 * Totals per node in one scan: per top-level institution (summed over its subtree) for the nation or a province,
 * per institution or unit for an institution's scope. The scope's totals, its active institutions and the
 * rankings all come from this.
 */
export async function totalsByNode(
  db: Db,
  scope: StatsScope,
  period: Period,
): Promise<Array<RollupTotals & { nodeId: number; name: string; kind: string }>> {
  const join =
    scope.kind === 'institution'
      ? sql`join institutions n on n.id = x.key::int`
      : sql`join institutions i on i.id = x.key::int join institutions n on n.id = i.path[1]`;
  const res = await db.execute(sql`select n.id as "nodeId", n.name, n.kind, ${SUMS}
    from (${coveringRows(scope, period, 'institution')}) x ${join}
    group by n.id, n.name, n.kind having sum(x.received) <> 0`);
  return res.rows as unknown as Array<RollupTotals & { nodeId: number; name: string; kind: string }>;
}

/** Adds totals up. */
export function sumTotals(rows: readonly RollupTotals[]): RollupTotals {
  const total = zeroTotals() as unknown as Record<string, number>;
  for (const r of rows)
    for (const k of Object.keys(total))
      total[k] = (total[k] ?? 0) + ((r as unknown as Record<string, number>)[k] ?? 0);
  return total as unknown as RollupTotals;
}

/**
 * The open backlog by age and what is overdue now, from the per-report facts (index-only scans, both queries at
 * once): the age buckets up to 30 days count recent open reports; older ones are the rest of the open total, which
 * the caller takes from the rollups (`openTotal`, awaited only after the queries are sent).
 */
export async function backlogOf(
  db: Db,
  scope: StatsScope,
  period: Period,
  now: Date,
  today: string,
  openTotal: Promise<number>,
) {
  const recentFrom = new Date(Date.parse(`${today}T00:00:00Z`) - 30 * 86_400_000).toISOString().slice(0, 10);
  const from = [recentFrom, period.from].sort()[1];
  const [recent, overdue] = await Promise.all([
    db.execute(sql`select
      count(*) filter (where ${today}::date - f.disposition_date <= 3)::int as "d0_3",
      count(*) filter (where ${today}::date - f.disposition_date between 4 and 7)::int as "d4_7",
      count(*) filter (where ${today}::date - f.disposition_date between 8 and 14)::int as "d8_14",
      count(*) filter (where ${today}::date - f.disposition_date between 15 and 30)::int as "d15_30"
    from stats_report_facts f
    where f.bucket in ('in_process', 'not_followed_up', 'on_hold')
      and f.disposition_date between ${from} and ${period.to} and ${scopeFilter(scope, 'f')}`),
    db.execute(sql`select count(*)::int as n from stats_report_facts f
    where f.due_at < ${now.toISOString()}::timestamptz
      and f.disposition_date between ${period.from} and ${period.to} and ${scopeFilter(scope, 'f')}`),
  ]);
  const r = recent.rows[0] as Record<string, number>;
  const young = (r.d0_3 ?? 0) + (r.d4_7 ?? 0) + (r.d8_14 ?? 0) + (r.d15_30 ?? 0);
  return {
    overdueNow: (overdue.rows[0] as { n: number }).n,
    backlogAge: [
      { bucket: '0-3', count: r.d0_3 ?? 0 },
      { bucket: '4-7', count: r.d4_7 ?? 0 },
      { bucket: '8-14', count: r.d8_14 ?? 0 },
      { bucket: '15-30', count: r.d15_30 ?? 0 },
      { bucket: '>30', count: Math.max(0, (await openTotal) - young) },
    ],
  };
}

/**
 * Institutions (nodes) that received reports in the period and published no follow-up on any, most received
 * first; `filter` narrows on `per.institution_id` (the caller's scope).
 */
export async function silentRows(db: Db, period: Period, filter: SQL) {
  const res = await db.execute(sql`with per as (
      select key::int as institution_id, sum(received)::int as received,
        sum(not_followed_up)::int as "notFollowedUp"
      from (${coveringRows({ kind: 'national' }, period, 'institution')}) x
      group by key having sum(received) > 0 and sum(follow_up_count) = 0)
    select per.institution_id as "institutionId", i.name, i.kind, (i.sk_number is not null) as connected,
      per.received, per."notFollowedUp"
    from per join institutions i on i.id = per.institution_id
    where ${filter}
    order by per.received desc, per.institution_id limit 1000`);
  return res.rows as Array<{
    institutionId: number;
    name: string;
    kind: string;
    connected: boolean;
    received: number;
    notFollowedUp: number;
  }>;
}
