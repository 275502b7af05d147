/**
 * Oversight views: the reports overdue now and the institutions that never answer. Staff only: the national admin
 * and national oversight see everything, institution staff and scoped oversight their own subtrees. Items carry no
 * reporter identity and no title or body (a confidential report's content stays hidden here too).
 */

import type { Period, TimeZone } from '@pintu/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import { silentRows } from '../../db/postgres-stats';
import { fieldError, ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { actorsOf, requirePrincipal } from '../institutions/access';
import { inboxScopeOf } from '../institutions/list-inbox';
import type { CalendarSource } from '../reference/calendar-source';

export interface OversightParams {
  institutionId?: number | undefined;
  subtree?: boolean | undefined;
}

/** The institutions filter of the caller's scope narrowed to `institutionId` (which must be inside it). */
async function callerFilter(
  db: Db,
  principal: Principal | null,
  p: OversightParams,
  alias: string,
): Promise<SQL> {
  const scope = inboxScopeOf(actorsOf(requirePrincipal(principal)));
  if (!scope.national && scope.roots.length === 0)
    throw new ProblemError('NOT_ALLOWED', 'Hanya untuk petugas instansi, pengawas, dan admin nasional.');
  const col = sql.raw(`${alias}.institution_id`);
  const inRoots = (roots: number[]) =>
    sql`${col} in (select id from institutions where path && array[${sql.join(
      roots.map((r) => sql`${r}::int`),
      sql`, `,
    )}])`;
  let filter: SQL = scope.national ? sql`true` : inRoots(scope.roots);
  if (p.institutionId !== undefined) {
    const res = await db.execute(sql`select path from institutions where id = ${p.institutionId}`);
    const row = res.rows[0] as { path: number[] } | undefined;
    if (!row) throw fieldError('query.institutionId', 'unknown', 'Instansi tidak ditemukan.');
    if (!scope.national && !row.path.some((id) => scope.roots.includes(id)))
      throw new ProblemError('NOT_ALLOWED', 'Instansi itu berada di luar wilayah kewenangan Anda.');
    const own =
      p.subtree === false
        ? sql`${col} = ${p.institutionId}`
        : sql`${col} in (select id from institutions where path @> array[${p.institutionId}::int])`;
    filter = sql`${filter} and ${own}`;
  }
  return filter;
}

/** Reports whose institution stage deadline has passed, most overdue first (at most 1,000). */
export async function overdueReports(
  deps: { db: Db; calendar: CalendarSource; now: Date },
  principal: Principal | null,
  p: OversightParams,
) {
  const filter = await callerFilter(deps.db, principal, p, 'f');
  const res =
    await deps.db.execute(sql`select r.tracking_id as "trackingId", f.institution_id as "institutionId",
      i.name as "institutionName", i.time_zone as "timeZone", i.region_code as "regionCode",
      r.lifecycle->'clock'->>'stage' as stage, f.due_at as "dueAt"
    from stats_report_facts f join reports r on r.id = f.report_id join institutions i on i.id = f.institution_id
    where f.due_at < ${deps.now.toISOString()}::timestamptz and ${filter}
    order by f.due_at, r.id limit 1000`);
  const calendar = deps.calendar.get();
  return {
    items: (res.rows as Array<Record<string, string | number | null>>).map((r) => {
      const dueAt = new Date(r.dueAt as string);
      return {
        trackingId: r.trackingId as string,
        institutionId: r.institutionId as number,
        institutionName: r.institutionName as string,
        stage: r.stage as string,
        dueAt: dueAt.toISOString(),
        workingDaysOverdue: Math.max(
          0,
          calendar.elapsedWorkingDays(dueAt, deps.now, r.timeZone as TimeZone, r.regionCode as string | null),
        ),
      };
    }),
  };
}

/** Institutions (nodes) that received reports in the period and published no follow-up on any of them. */
export async function silentInstitutions(
  db: Db,
  principal: Principal | null,
  p: OversightParams,
  period: Period,
) {
  const filter = await callerFilter(db, principal, p, 'per');
  return { period, items: await silentRows(db, period, filter) };
}
