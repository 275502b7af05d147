/**
 * The §9 indicators of a scope and period (GET /api/v1/stats/summary): status counts and ratios from the rollups,
 * backlog and "overdue now" from the per-report facts, and the scope's institutions (connected, active).
 */
import {
  DEFAULT_GRADE_SCALE,
  GRADE_LABELS_ID,
  type GradeScale,
  indicatorsFromTotals,
  type Period,
  percentage,
  type StatsScope,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { backlogOf, type RollupTotals, sumTotals, totalsByNode } from '../../db/postgres-stats';
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

/** Institutions of the scope: how many, how many connected (SK recorded), how many active (followed up). */
async function institutionsOf(db: Db, scope: StatsScope) {
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
  return res.rows[0] as { total: number; connected: number };
}

/** Every indicator of one scope and period; the independent queries run at once. */
export async function statsSummary(
  db: Db,
  resolved: ResolvedScope,
  period: Period,
  now: Date,
  scale: GradeScale = DEFAULT_GRADE_SCALE,
) {
  const nodesP = totalsByNode(db, resolved.scope, period);
  const totalsP = nodesP.then(sumTotals);
  const [nodes, totals, backlog, institutions, activity] = await Promise.all([
    nodesP,
    totalsP,
    backlogOf(
      db,
      resolved.scope,
      period,
      now,
      todayOf(now),
      totalsP.then((t) => t.inProcess + t.notFollowedUp + t.onHold),
    ),
    institutionsOf(db, resolved.scope),
    // Staff activity and forwards: for an institution's scope only (null for the nation or a province).
    activityOf(db, resolved.scope, period),
  ]);
  const { grade, ...indicators } = indicatorsOf(totals, scale);
  // Active: nodes (top-level institutions, or the institution's own nodes) that published a first follow-up.
  const active = nodes.filter((n) => n.followUpCount > 0).length;
  return {
    scope: resolved.describe,
    period,
    indicators: { ...indicators, overdueNow: backlog.overdueNow, backlogAge: backlog.backlogAge },
    institutions: { ...institutions, active },
    activity,
    grade,
  };
}
