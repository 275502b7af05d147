/** What deciding an action needs besides the report: the guard context, and the actor a credentials acts as. */
import {
  type Actor,
  allowedActions,
  checkAction,
  type DomainError,
  DomainFailure,
  domainError,
  fail,
  type GuardContext,
  LIFECYCLE_ACTIONS,
  type LifecycleActionName,
  type ReportState,
  type WorkflowReport,
  type WorkflowReports,
} from '@pintu/core';
import type { Db } from '../../db/open';
import { postgresWorkflowReports } from '../../db/postgres-workflow';
import type { AppDeps } from '../deps';
import { type Credentials, callerActors, guestActor, holdsAccessCode } from './callers';

/** The workflow port; callers that still hand over only the database get it over that (ADR 0011, transitional). */
export type WorkflowPorts = Partial<Pick<AppDeps, 'workflowReports'>> & { db?: Db };

export function workflowReportsOf(deps: WorkflowPorts): WorkflowReports {
  if (deps.workflowReports) return deps.workflowReports;
  if (!deps.db) throw new Error('the workflow needs its port (workflowReports) or a database');
  return postgresWorkflowReports(deps.db);
}

type Env = Pick<AppDeps, 'calendar'> & { now: Date };

/**
 * The guard context of a report at `now`: calendar, the holder's follow-up approval setting, child statuses.
 * `settings`: the holder's, already read in this request (the same holder after an action), so not read again.
 */
export async function guardContext(
  env: Env,
  reports: WorkflowReports,
  state: ReportState,
  settings?: GuardContext['settings'],
): Promise<GuardContext & { now: Date }> {
  const [requiresApproval, children] = await Promise.all([
    settings?.followUpRequiresApproval ?? reports.followUpRequiresApproval(state.holder),
    reports.childStatuses(state.childIds),
  ]);
  return {
    now: env.now,
    calendar: env.calendar.get(),
    settings: { followUpRequiresApproval: requiresApproval },
    childStatuses: children,
  };
}

/** Why the credentials has no actor at all: nobody signed in and no access code (only HTTP can answer that: 401). */
export class NoCredentials extends Error {
  constructor() {
    super('no caller and no access code');
    this.name = 'NoCredentials';
  }
}

/**
 * The actors the credentials may try: the guest behind a matching access code, else every role grant of the caller.
 * A wrong access code, or an account without a role, is NOT_ALLOWED; no credentials at all is `NoCredentials`.
 */
export function credentialActors(report: WorkflowReport, credentials: Credentials): Actor[] {
  if (credentials.reporterProven) return [guestActor(report)];
  if (credentials.accessCode !== undefined && credentials.accessCode !== '') {
    if (holdsAccessCode(report, credentials)) return [guestActor(report)];
    fail('NOT_ALLOWED', 'The access code does not match this report', undefined, 'access_code');
  }
  if (!credentials.caller) throw new NoCredentials();
  const actors = callerActors(credentials.caller);
  if (actors.length === 0) fail('NOT_ALLOWED', 'This account holds no role', undefined, 'no_role');
  return actors;
}

/** How much a refusal tells the credentials: a guard's reason beats a status mismatch beats the role or the scope. */
function informativeness(error: DomainError): number {
  if (error.code === 'NOT_ALLOWED' && error.reason === undefined) return 0;
  if (error.reason === 'role_status') return 1;
  if (error.code === 'INVALID_TRANSITION' && error.reason === 'status') return 2;
  return 3;
}

/** The first actor the core lets take the action; otherwise the most informative refusal, as a failure. */
export function chooseActor(
  state: ReportState,
  action: LifecycleActionName,
  actors: readonly Actor[],
  ctx: GuardContext,
): Actor {
  let best: DomainError | null = null;
  for (const actor of actors) {
    const check = checkAction(state, action, actor, ctx);
    if (check.ok) return actor;
    if (best === null || informativeness(check.error) > informativeness(best)) best = check.error;
  }
  throw new DomainFailure(best ?? domainError('NOT_ALLOWED', `You may not ${action} this report`));
}

/** The actions any of the credentials's actors may take now, in table order. */
export function allowedForActors(
  state: ReportState,
  actors: readonly Actor[],
  ctx: GuardContext,
): LifecycleActionName[] {
  const allowed = new Set(actors.flatMap((actor) => allowedActions(state, actor, ctx)));
  return LIFECYCLE_ACTIONS.filter((a) => allowed.has(a));
}
