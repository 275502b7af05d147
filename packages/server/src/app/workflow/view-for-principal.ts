/**
 * A signed-in principal's view of a report: staff in scope, national roles and oversight get the staff view
 * (content, deadline, allowed actions, custody); the reporter's own account gets the reporter view.
 */
import { custodyWorkingDays, type ReportState } from '@pintu/core';
import type { ReportRow } from '../../db/postgres-reports';
import { childrenOf, institutionNames, loadWorkflowReport, trackingIdOf } from '../../db/postgres-workflow';
import type { Deps } from '../../http/context';
import {
  presentForReporter,
  presentForStaff,
  type ReporterIdentity,
} from '../../http/reports/reports.presenter';
import type { ReportView } from '../../http/reports/reports.schema';
import type { Handling } from '../../http/workflow/workflow.schema';
import type { Principal } from '../accounts/principal';
import { dueNoticeOf } from '../reference/calendar-source';
import { allowedForActors, guardContext } from './action-context';
import { audienceOf } from './callers';

type Env = Pick<Deps, 'db' | 'sealer' | 'calendar'> & { now: Date };

async function handlingOf(
  env: Env,
  report: { id: number; parentReportId: number | null },
  state: ReportState,
  allowed: Handling['allowedActions'],
): Promise<Handling> {
  const calendar = env.calendar.get();
  const custody = custodyWorkingDays(state, env.now, calendar);
  const [names, children, parent] = await Promise.all([
    institutionNames(
      env.db,
      custody.flatMap((c) => (c.institutionId ? [c.institutionId] : [])),
    ),
    childrenOf(env.db, report.id),
    report.parentReportId ? trackingIdOf(env.db, report.parentReportId) : Promise.resolve(null),
  ]);
  const clock = state.clock;
  const draft = state.draft;
  return {
    stage: clock?.stage ?? null,
    dueAt: clock?.dueAt.toISOString() ?? null,
    // Deadlines end at 23:59:59.999 in the holder's zone (domain.md §6): show them there, not in the browser's.
    timeZone: state.holder.timeZone,
    workingDaysLeft: clock
      ? calendar.workingDaysLeft(env.now, clock.dueAt, state.holder.timeZone, state.holder.regionCode)
      : null,
    dueNotice: clock ? dueNoticeOf(env.calendar, clock.startedAt, clock.dueAt, state.holder.timeZone) : null,
    allowedActions: allowed,
    complexity: state.complexity,
    hops: state.hops,
    followUpCount: state.followUpCount,
    rating: state.rating,
    custody: custody.map((c) => ({
      institution: c.institutionId
        ? { id: Number(c.institutionId), name: names[c.institutionId] ?? '' }
        : null,
      workingDays: c.workingDays,
    })),
    draft: draft
      ? {
          message: draft.message,
          attachmentIds: draft.attachmentIds,
          state: draft.state,
          returnNote: draft.returnNote,
          at: draft.at.toISOString(),
        }
      : null,
    parent,
    children,
    duplicateOf: state.duplicateOfId,
  };
}

/**
 * The view for a principal, or null when the principal sees no more than the public (out of scope).
 * The reporter's identity is opened only for a non-anonymous report, and staff see it masked.
 */
export async function viewForPrincipal(
  env: Env,
  row: ReportRow,
  principal: Principal,
): Promise<ReportView | null> {
  const report = await loadWorkflowReport(env.db, row.trackingId);
  if (!report) return null;
  const { audience, actors } = audienceOf(report, { principal });
  const identity = () =>
    report.reporterSealed ? env.sealer.open<ReporterIdentity>(report.reporterSealed) : null;
  if (audience === 'reporter') return presentForReporter(row, identity());
  if (audience !== 'staff' && audience !== 'oversight') return null;
  const guard = await guardContext(env, report.state);
  const handling = await handlingOf(env, report, report.state, allowedForActors(report.state, actors, guard));
  return presentForStaff(row, report.isAnonymous ? null : identity(), handling);
}
