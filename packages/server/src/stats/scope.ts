/** What the statistics are about: the nation, an institution (with or without its subtree) or a province, and when. */
import { type SQL, sql } from 'drizzle-orm';

export type StatsScope =
  | { kind: 'national' }
  | { kind: 'institution'; id: number; subtree: boolean }
  | { kind: 'region'; provinceCode: string };

/** Inclusive local dates `YYYY-MM-DD`, by disposition date. */
export interface Period {
  from: string;
  to: string;
}

/** The filter of a table with an `institution_id` column (and `province_code` when `regional`). */
export function scopeFilter(scope: StatsScope, alias: string): SQL {
  const col = sql.raw(`${alias}.institution_id`);
  switch (scope.kind) {
    case 'national':
      return sql`true`;
    case 'institution':
      return scope.subtree
        ? sql`${col} in (select id from institutions where path @> array[${scope.id}::int])`
        : sql`${col} = ${scope.id}`;
    case 'region':
      return sql`${sql.raw(`${alias}.province_code`)} = ${scope.provinceCode}`;
  }
}

const addMonths = (month: string, n: number) => {
  const d = new Date(`${month}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 10);
};
const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The whole months inside a period, `[start, end)` as first days of months; empty when start = end. */
export function wholeMonths(period: Period): { start: string; end: string } {
  const first = `${period.from.slice(0, 7)}-01`;
  const start = first === period.from ? first : addMonths(first, 1);
  const afterTo = nextDay(period.to);
  const lastFirst = `${afterTo.slice(0, 7)}-01`;
  const end = lastFirst === afterTo ? afterTo : lastFirst;
  return start < end ? { start, end } : { start, end: start };
}
