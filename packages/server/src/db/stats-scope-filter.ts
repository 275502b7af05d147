/** The SQL filter of a statistics scope (core/src/stats/scope.ts) over a table with an `institution_id` column. */
import type { StatsScope } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';

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
