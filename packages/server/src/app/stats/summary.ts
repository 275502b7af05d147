/**
 * The §9 indicators of a scope and period (GET /api/v1/stats/summary): status counts and ratios from the rollups,
 * backlog and "overdue now" from the per-report facts, and the scope's institutions (connected, active). One
 * round of queries, all at once.
 */
import {
  DEFAULT_GRADE_SCALE,
  GRADE_LABELS_ID,
  type GradeScale,
  indicatorsFromTotals,
  type Period,
  percentage,
  type RollupTotals,
  recentBacklogFrom,
  sumTotals,
} from '@pintu/core';
import type { AppDeps } from '../deps';
import { activityOf } from './activity';
import { type ResolvedScope, todayOf } from './resolve';

const round2 = (v: number) => Math.round(v * 100) / 100;

/** The indicators the API shows, from rollup totals (rates 2 decimals, speed 1 decimal, null when undefined). */
export function indicatorsOf(t: RollupTotals, scale: GradeScale = DEFAULT_GRADE_SCALE) {
  const base = indicatorsFromTotals(t, scale);
  const sla = (stage: string, met: number, breached: number) => ({
    stage,
    met,
    breached,
    rate: percentage(met, met + breached),
  });
  return {
    received: base.received,
    resolved: base.resolved,
    inProcess: base.inProcess,
    notFollowedUp: base.notFollowedUp,
    onHold: base.onHold,
    archived: base.archived,
    completionRate: base.completionRate,
    followUpRate: base.followUpRate,
    averageFollowUpSpeed: base.averageFollowUpSpeed,
    followedUp: t.followUpCount,
    reopenRate: percentage(t.reopened, t.received),
    meanRating: t.rated === 0 ? null : round2(t.ratingSum / t.rated),
    rated: t.rated,
    slaCompliance: [
      sla('verify', t.verifyMet, t.verifyBreached),
      sla('acknowledge', t.acknowledgeMet, t.acknowledgeBreached),
      sla('follow_up', t.followUpMet, t.followUpBreached),
    ],
    grade: base.grade === null ? null : { code: base.grade, label: GRADE_LABELS_ID[base.grade] },
  };
}

/** Every indicator of one scope and period; the independent queries run at once. */
export async function statsSummary(
  deps: Pick<AppDeps, 'statsReader' | 'db'>,
  resolved: ResolvedScope,
  period: Period,
  now: Date,
  scale: GradeScale = DEFAULT_GRADE_SCALE,
) {
  const reader = deps.statsReader;
  const today = todayOf(now);
  const [nodes, backlog, institutions, activity] = await Promise.all([
    reader.totalsByNode(resolved.scope, period),
    reader.backlog(resolved.scope, { period, recentFrom: recentBacklogFrom(period, today), today, now }),
    reader.institutionCounts(resolved.scope),
    // Staff activity and forwards: for an institution's scope only (null for the nation or a province).
    activityOf(deps.db, resolved.scope, period),
  ]);
  const totals = sumTotals(nodes);
  const { grade, ...indicators } = indicatorsOf(totals, scale);
  // Active: nodes (top-level institutions, or the institution's own nodes) that published a first follow-up.
  const active = nodes.filter((n) => n.followUpCount > 0).length;
  // The backlog older than 30 days: the rest of the open total, which the rollups give.
  const open = totals.inProcess + totals.notFollowedUp + totals.onHold;
  const young = backlog.d0_3 + backlog.d4_7 + backlog.d8_14 + backlog.d15_30;
  const backlogAge = [
    { bucket: '0-3', count: backlog.d0_3 },
    { bucket: '4-7', count: backlog.d4_7 },
    { bucket: '8-14', count: backlog.d8_14 },
    { bucket: '15-30', count: backlog.d15_30 },
    { bucket: '>30', count: Math.max(0, open - young) },
  ];
  return {
    scope: resolved.describe,
    period,
    indicators: { ...indicators, overdueNow: backlog.overdueNow, backlogAge },
    institutions: { ...institutions, active },
    activity,
    grade,
  };
}
