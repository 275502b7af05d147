/**
 * Reads of the monitoring rollups: sums of the counters over a scope and period, optionally grouped. Whole months
 * come from `stats_monthly`, the days around them from `stats_daily`, so a year costs ~12 rows per institution.
 */
import {
  COUNTER_COLUMNS,
  coverPlan,
  type DayRange,
  type KeyedTotals,
  type NodeTotals,
  type Period,
  type RollupGroupBy,
  type RollupTotals,
  type StatsScope,
  totalKeyOf,
  zeroTotals,
} from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from './open';
import { keyedTotalsOfRow, nodeTotalsOfRow } from './postgres-stats-rows';
import { scopeFilter } from './stats-scope-filter';

export type { RollupTotals } from '@pintu/core';
export { sumTotals, zeroTotals } from '@pintu/core';
export type GroupBy = RollupGroupBy;

const SUMS = sql.raw(
  COUNTER_COLUMNS.map((c) => `coalesce(sum(${c}), 0)::float8 as "${totalKeyOf(c)}"`).join(', '),
);
const COLS = sql.raw(COUNTER_COLUMNS.join(', '));
const NEG_COLS = sql.raw(COUNTER_COLUMNS.map((c) => `-${c} as ${c}`).join(', '));

/**
 * The union of the rollup rows covering the period (see `coverPlan`), with a `key` column for the grouping: whole
 * months from `stats_monthly` (by institution) or `stats_monthly_national` (nation or province, not by
 * institution), plus and minus days from `stats_daily` — which alone serves an institution's scope by category or
 * province, and a province by institution.
 */
export function coveringRows(scope: StatsScope, period: Period, by: GroupBy): SQL {
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
): Promise<KeyedTotals[]> {
  const res = await db.execute(
    // A key whose days were all subtracted sums to zero: nothing was received there in the period.
    sql`select key, ${SUMS} from (${coveringRows(scope, period, by)}) x group by key having sum(received) <> 0
      order by key`,
  );
  return res.rows.map(keyedTotalsOfRow);
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
export async function totalsByNode(db: Db, scope: StatsScope, period: Period): Promise<NodeTotals[]> {
  const join =
    scope.kind === 'institution'
      ? sql`join institutions n on n.id = x.key::int`
      : sql`join institutions i on i.id = x.key::int join institutions n on n.id = i.path[1]`;
  const res = await db.execute(sql`select n.id as "nodeId", n.name, n.kind, ${SUMS}
    from (${coveringRows(scope, period, 'institution')}) x ${join}
    group by n.id, n.name, n.kind having sum(x.received) <> 0`);
  return res.rows.map(nodeTotalsOfRow);
}
