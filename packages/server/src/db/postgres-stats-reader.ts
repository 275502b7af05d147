/** The `StatsReader` port over SQL: the rollup sums, the per-report facts, oversight lists and aspirations. */
import type { StatsReader } from '@pintu/core';
import type { Db } from './open';
import { sumRollups, totalsByNode } from './postgres-stats';
import { aspirationGroups, aspirationTerms } from './postgres-stats-aspirations';
import {
  backlogCounts,
  categoryNames,
  institutionById,
  institutionCounts,
  overdueByProvince,
  provinceByCode,
  provinces,
} from './postgres-stats-facts';
import { institutionPath, overdueRows, silentRows } from './postgres-stats-oversight';

export function postgresStatsReader(db: Db): StatsReader {
  return {
    sumRollups: (scope, period, by) => sumRollups(db, scope, period, by),
    totalsByNode: (scope, period) => totalsByNode(db, scope, period),
    backlog: (scope, q) => backlogCounts(db, scope, q),
    institutionCounts: (scope) => institutionCounts(db, scope),
    categoryNames: () => categoryNames(db),
    provinces: () => provinces(db),
    overdueByProvince: (scope, period, now) => overdueByProvince(db, scope, period, now),
    institution: (id) => institutionById(db, id),
    province: (code) => provinceByCode(db, code),
    institutionPath: (id) => institutionPath(db, id),
    overdueReports: (filter, now) => overdueRows(db, filter, now),
    silentInstitutions: (filter, period) => silentRows(db, filter, period),
    aspirationGroups: (q) => aspirationGroups(db, q),
    aspirationTerms: (q) => aspirationTerms(db, q),
  };
}
