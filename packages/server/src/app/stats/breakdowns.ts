/** Rankings, monthly trends and the breakdowns by category and by province, all from the rollups. */
import {
  DEFAULT_GRADE_SCALE,
  GRADE_LABELS_ID,
  type GradeScale,
  indicatorsFromTotals,
  type Period,
  type StatsScope,
} from '@pintu/core';
import type { AppDeps } from '../deps';

type Reader = Pick<AppDeps, 'statsReader'>;

export const RANKING_KINDS = {
  regional_government: ['provincial_government', 'regency_government'],
  ministry: ['ministry'],
} as const;
export type RankingKind = keyof typeof RANKING_KINDS;

/** Top-level institutions of a kind that received reports, best first: completion, then follow-up rate, then volume. */
export async function statsRankings(
  deps: Reader,
  kind: RankingKind,
  period: Period,
  limit: number,
  scale: GradeScale = DEFAULT_GRADE_SCALE,
) {
  const kinds: readonly string[] = RANKING_KINDS[kind];
  const rows = (await deps.statsReader.totalsByNode({ kind: 'national' }, period)).map((r) => ({
    ...r,
    institutionId: r.nodeId,
  }));
  const ranked = rows
    .filter((r) => r.received > 0 && kinds.includes(r.kind))
    .map((r) => ({ r, ind: indicatorsFromTotals(r, scale) }))
    .sort(
      (a, b) =>
        (b.ind.completionRate ?? -1) - (a.ind.completionRate ?? -1) ||
        (b.ind.followUpRate ?? -1) - (a.ind.followUpRate ?? -1) ||
        b.r.received - a.r.received ||
        a.r.institutionId - b.r.institutionId,
    )
    .slice(0, limit);
  return {
    kind,
    period,
    items: ranked.map(({ r, ind }, i) => ({
      rank: i + 1,
      institutionId: r.institutionId,
      name: r.name,
      received: ind.received,
      resolved: ind.resolved,
      completionRate: ind.completionRate,
      followUpRate: ind.followUpRate,
      averageFollowUpSpeed: ind.averageFollowUpSpeed,
      grade: ind.grade === null ? null : { code: ind.grade, label: GRADE_LABELS_ID[ind.grade] },
    })),
  };
}

/** One row per month of the period that has received reports. */
export async function statsTrends(deps: Reader, scope: StatsScope, period: Period) {
  const rows = await deps.statsReader.sumRollups(scope, period, 'month');
  return {
    period,
    items: rows.map((r) => {
      const ind = indicatorsFromTotals(r);
      return {
        month: r.key ?? '',
        received: ind.received,
        resolved: ind.resolved,
        completionRate: ind.completionRate,
        followUpRate: ind.followUpRate,
        averageFollowUpSpeed: ind.averageFollowUpSpeed,
      };
    }),
  };
}

/** Received and resolved per category. */
export async function statsByCategory(deps: Reader, scope: StatsScope, period: Period) {
  const rows = await deps.statsReader.sumRollups(scope, period, 'category');
  const names = await deps.statsReader.categoryNames();
  const nameOf = new Map(names.map((n) => [n.id, n.name]));
  return {
    period,
    items: rows
      .map((r) => {
        const ind = indicatorsFromTotals(r);
        return {
          categoryId: Number(r.key),
          name: nameOf.get(r.key ?? '') ?? '',
          received: ind.received,
          resolved: ind.resolved,
          completionRate: ind.completionRate,
        };
      })
      .sort((a, b) => b.received - a.received || a.categoryId - b.categoryId),
  };
}

/** Received, resolved and overdue-now per province of the reports' location. */
export async function statsByRegion(deps: Reader, scope: StatsScope, period: Period, now: Date) {
  const rows = await deps.statsReader.sumRollups(scope, period, 'province');
  const names = await deps.statsReader.provinces();
  const overdue = await deps.statsReader.overdueByProvince(scope, period, now);
  const overdueOf = new Map(overdue.map((o) => [o.code, o.n]));
  const byCode = new Map(rows.map((r) => [r.key, r]));
  return {
    period,
    items: names
      .filter((p) => byCode.has(p.code))
      .map((p) => {
        const ind = indicatorsFromTotals(byCode.get(p.code)!);
        return {
          regionCode: p.code,
          name: p.name,
          received: ind.received,
          resolved: ind.resolved,
          completionRate: ind.completionRate,
          overdueNow: overdueOf.get(p.code) ?? 0,
        };
      }),
  };
}
