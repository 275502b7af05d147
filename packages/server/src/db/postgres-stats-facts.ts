/**
 * Statistics read from the per-report facts (the open backlog, what is overdue now) and from the reference tables
 * (the scope's institutions, names of categories, provinces and scopes).
 */
import type { BacklogCounts, Period, StatsScope } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { num, type Row, str } from './postgres-stats-rows';
import { scopeFilter } from './stats-scope-filter';

/**
 * The open backlog by age and what is overdue now (index-only scans, both queries at once): the age buckets count
 * open reports disposed from `recentFrom`; the older ones are the rest of the open total, which the caller has.
 */
export async function backlogCounts(
  db: Db,
  scope: StatsScope,
  q: { period: Period; recentFrom: string; today: string; now: Date },
): Promise<BacklogCounts> {
  const { period, recentFrom: from, today, now } = q;
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
  const r: Row = recent.rows[0] ?? {};
  return {
    d0_3: num(r.d0_3),
    d4_7: num(r.d4_7),
    d8_14: num(r.d8_14),
    d15_30: num(r.d15_30),
    overdueNow: num(overdue.rows[0]?.n),
  };
}

/** Open reports of the period overdue at `now`, per province of the report location. */
export async function overdueByProvince(db: Db, scope: StatsScope, period: Period, now: Date) {
  const overdue = await db.execute(sql`select f.province_code as code, count(*)::int as n
    from stats_report_facts f where f.due_at < ${now.toISOString()}::timestamptz
      and f.bucket in ('in_process', 'not_followed_up', 'on_hold')
      and f.disposition_date between ${period.from} and ${period.to}
      and ${scopeFilter(scope, 'f')}
    group by 1`);
  return overdue.rows.map((o) => ({ code: str(o.code), n: num(o.n) }));
}

/** Institutions of the scope: how many, how many connected (SK recorded). */
export async function institutionCounts(db: Db, scope: StatsScope) {
  const nodes =
    scope.kind === 'institution'
      ? scope.subtree
        ? sql`path @> array[${scope.id}::int]`
        : sql`id = ${scope.id}`
      : scope.kind === 'region'
        ? sql`parent_id is null and region_code like ${`${scope.provinceCode}%`}`
        : sql`parent_id is null`;
  const res = await db.execute(sql`select count(*)::int as total,
      count(*) filter (where sk_number is not null)::int as connected
    from institutions i where active and ${nodes}`);
  const row: Row = res.rows[0] ?? {};
  return { total: num(row.total), connected: num(row.connected) };
}

export async function categoryNames(db: Db) {
  const names = await db.execute(sql`select id::text as id, name from categories`);
  return names.rows.map((n) => ({ id: str(n.id), name: str(n.name) }));
}

export async function provinces(db: Db) {
  const names = await db.execute(sql`select code, name from regions where level = 1 order by code`);
  return names.rows.map((p) => ({ code: str(p.code), name: str(p.name) }));
}

export async function institutionById(db: Db, id: number) {
  const res = await db.execute(sql`select id, name from institutions where id = ${id}`);
  const row = res.rows[0];
  return row ? { id: num(row.id), name: str(row.name) } : null;
}

export async function provinceByCode(db: Db, code: string) {
  const res = await db.execute(sql`select code, name from regions where code = ${code} and level = 1`);
  const row = res.rows[0];
  return row ? { code: str(row.code), name: str(row.name) } : null;
}
