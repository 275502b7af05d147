/**
 * Oversight views: the reports overdue now and the institutions that never answer. For the grants holding the
 * policy's `view_overdue`: the national admin and national oversight see everything, institution staff and scoped
 * oversight their own subtrees (core `oversightFilterOf`). Items carry no reporter identity and no title or body
 * (a confidential report's content stays hidden here too).
 */

import {
  type Actor,
  can,
  type OversightFilter,
  oversightFilterOf,
  type Period,
  requireOversight,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { actorsOf, requireCaller } from '../institutions/access';
import { inboxScopeOf } from '../institutions/list-inbox';

export interface OversightParams {
  institutionId?: number | undefined;
  subtree?: boolean | undefined;
}

/** The subject of an actor's own grant: its institution's subtree, or the nation for a national grant. */
const ownScope = (a: Actor) => ({ holder: { institutionId: a.institutionId, ancestorIds: [] } });

/** The caller's institutions narrowed to `institutionId` (which must be inside them). */
async function callerFilter(
  deps: Pick<AppDeps, 'statsReader'>,
  caller: Caller | null,
  p: OversightParams,
): Promise<OversightFilter> {
  // The policy's `view_overdue` decides who reads these lists (a unit operator sees its reports, not these lists).
  const actors = actorsOf(requireCaller(caller)).filter((a) => can(a, 'view_overdue', ownScope(a)));
  const access = inboxScopeOf(actors);
  requireOversight(access);
  if (p.institutionId === undefined) return oversightFilterOf(access);
  const path = await deps.statsReader.institutionPath(p.institutionId);
  return oversightFilterOf(access, { id: p.institutionId, path, subtree: p.subtree });
}

/** Reports whose institution stage deadline has passed, most overdue first (at most 1,000). */
export async function overdueReports(
  deps: Pick<AppDeps, 'statsReader' | 'calendar'> & { now: Date },
  caller: Caller | null,
  p: OversightParams,
) {
  const filter = await callerFilter(deps, caller, p);
  const rows = await deps.statsReader.overdueReports(filter, deps.now);
  const calendar = deps.calendar.get();
  return {
    items: rows.map((r) => ({
      trackingId: r.trackingId,
      institutionId: r.institutionId,
      institutionName: r.institutionName,
      stage: r.stage,
      dueAt: r.dueAt.toISOString(),
      workingDaysOverdue: Math.max(
        0,
        calendar.elapsedWorkingDays(r.dueAt, deps.now, r.timeZone, r.regionCode),
      ),
    })),
  };
}

/** Institutions (nodes) that received reports in the period and published no follow-up on any of them. */
export async function silentInstitutions(
  deps: Pick<AppDeps, 'statsReader'>,
  caller: Caller | null,
  p: OversightParams,
  period: Period,
) {
  const filter = await callerFilter(deps, caller, p);
  return { period, items: await deps.statsReader.silentInstitutions(filter, period) };
}
