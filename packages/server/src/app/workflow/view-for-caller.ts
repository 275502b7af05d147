/**
 * A signed-in caller's view of a report: staff in scope, national roles and oversight get the staff view
 * (content, deadline, allowed actions, custody); the reporter's own account gets the reporter view.
 */
import {
  type ComplexityClass,
  custodyWorkingDays,
  type LifecycleActionName,
  type ModerationState,
  type ReportState,
  type WorkflowReports,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { dueNoticeOf } from '../reference/calendar-source';
import { allowedForActors, guardContext, type WorkflowPorts, workflowReportsOf } from './action-context';
import { audienceOf } from './callers';
import type { ReporterIdentity } from './reveal-identity';

type Env = Pick<AppDeps, 'sealer' | 'calendar'> & WorkflowPorts & { now: Date };

/** What staff in scope see of a report's handling. */
export interface HandlingView {
  stage: string | null;
  dueAt: string | null;
  /** The holder's time zone: deadlines end at 23:59:59.999 there (domain.md §6). */
  timeZone: string;
  workingDaysLeft: number | null;
  dueNotice: ReturnType<typeof dueNoticeOf> | null;
  allowedActions: LifecycleActionName[];
  complexity: ComplexityClass | null;
  hops: number;
  followUpCount: number;
  rating: number | null;
  custody: { institution: { id: number; name: string } | null; workingDays: number }[];
  draft: {
    message: string;
    attachmentIds: string[];
    state: 'pending' | 'returned';
    returnNote: string | null;
    at: string;
  } | null;
  parent: string | null;
  children: { trackingId: string; status: string }[];
  duplicateOf: string | null;
  /** A flag as spam or abuse and its decision (docs/abuse.md); null when never flagged. */
  moderation: (Omit<ModerationState, 'flaggedAt' | 'hidden'> & { flaggedAt: string }) | null;
}

/** What a caller sees beyond the public view: the reporter's own view, or the staff view with handling. */
export type CallerView =
  | { audience: 'reporter'; identity: ReporterIdentity | null }
  | { audience: 'staff' | 'oversight'; identity: ReporterIdentity | null; handling: HandlingView };

async function handlingOf(
  env: Env,
  reports: WorkflowReports,
  report: { id: number; parentReportId: number | null },
  state: ReportState,
  allowed: LifecycleActionName[],
): Promise<HandlingView> {
  const calendar = env.calendar.get();
  const custody = custodyWorkingDays(state, env.now, calendar);
  const [names, children, parent] = await Promise.all([
    reports.institutionNames(custody.flatMap((c) => (c.institutionId ? [c.institutionId] : []))),
    reports.childrenOf(report.id),
    report.parentReportId ? reports.trackingIdOf(report.parentReportId) : Promise.resolve(null),
  ]);
  const clock = state.clock;
  const draft = state.draft;
  return {
    stage: clock?.stage ?? null,
    dueAt: clock?.dueAt.toISOString() ?? null,
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
    moderation: state.moderation
      ? {
          status: state.moderation.status,
          reason: state.moderation.reason,
          source: state.moderation.source,
          rules: state.moderation.rules,
          flaggedAt: state.moderation.flaggedAt.toISOString(),
        }
      : null,
  };
}

/**
 * What the caller sees of the report beyond the public, or null when no more than the public (out of scope).
 * The reporter's identity is opened only for a non-anonymous report when staff look (they see it masked).
 */
export async function callerView(env: Env, trackingId: string, caller: Caller): Promise<CallerView | null> {
  const reports = workflowReportsOf(env);
  const report = await reports.load(trackingId);
  if (!report) return null;
  const { audience, actors } = audienceOf(report, { caller });
  const identity = () =>
    report.reporterSealed ? env.sealer.open<ReporterIdentity>(report.reporterSealed) : null;
  if (audience === 'reporter') return { audience, identity: identity() };
  if (audience !== 'staff' && audience !== 'oversight') return null;
  const guard = await guardContext(env, reports, report.state);
  const allowed = allowedForActors(report.state, actors, guard);
  const handling = await handlingOf(env, reports, report, report.state, allowed);
  return { audience, identity: report.isAnonymous ? null : identity(), handling };
}
