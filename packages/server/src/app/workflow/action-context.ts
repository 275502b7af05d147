/** What deciding an action needs besides the report: the guard context, and the actor a caller acts as. */
import {
  type Actor,
  allowedActions,
  checkAction,
  type DomainError,
  domainError,
  type GuardContext,
  LIFECYCLE_ACTIONS,
  type LifecycleActionName,
  type ReportState,
} from '@pintu/core';
import { childStatuses, followUpRequiresApproval, type WorkflowReport } from '../../db/postgres-workflow';
import type { Deps } from '../../http/context';
import { domainProblem, ProblemError } from '../../http/problem';
import { type Caller, guestActor, holdsAccessCode, principalActors } from './callers';

type Env = Pick<Deps, 'db' | 'calendar'> & { now: Date };

/** The guard context of a report at `now`: calendar, the holder's follow-up approval setting, child statuses. */
export async function guardContext(env: Env, state: ReportState): Promise<GuardContext & { now: Date }> {
  const [requiresApproval, children] = await Promise.all([
    followUpRequiresApproval(env.db, state.holder),
    childStatuses(env.db, state.childIds),
  ]);
  return {
    now: env.now,
    calendar: env.calendar.get(),
    settings: { followUpRequiresApproval: requiresApproval },
    childStatuses: children,
  };
}

/**
 * The actors the caller may try: the guest behind a matching access code, else every role grant of the principal.
 * A wrong access code or no credentials at all is NOT_ALLOWED.
 */
export function callerActors(report: WorkflowReport, caller: Caller): Actor[] {
  if (caller.accessCode !== undefined && caller.accessCode !== '') {
    if (holdsAccessCode(report, caller)) return [guestActor(report)];
    throw domainProblem(
      domainError('NOT_ALLOWED', 'The access code does not match this report', 'access_code'),
    );
  }
  const actors = caller.principal ? principalActors(caller.principal) : [];
  if (!caller.principal)
    throw new ProblemError(
      'UNAUTHENTICATED',
      'Masuk, atau sertakan kode akses laporan ini (X-Access-Code). / Sign in, or give the access code.',
    );
  if (actors.length === 0)
    throw domainProblem(domainError('NOT_ALLOWED', 'This account holds no role', 'no_role'));
  return actors;
}

/** How much a refusal tells the caller: a guard's reason beats a status mismatch beats the role or the scope. */
function informativeness(error: DomainError): number {
  if (error.code === 'NOT_ALLOWED' && error.reason === undefined) return 0;
  if (error.reason === 'role_status') return 1;
  if (error.code === 'INVALID_TRANSITION' && error.reason === 'status') return 2;
  return 3;
}

/** The first actor the core lets take the action; otherwise the most informative refusal, as a problem. */
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
  throw domainProblem(best ?? domainError('NOT_ALLOWED', `You may not ${action} this report`));
}

/** The actions any of the caller's actors may take now, in table order. */
export function allowedForActors(
  state: ReportState,
  actors: readonly Actor[],
  ctx: GuardContext,
): LifecycleActionName[] {
  const allowed = new Set(actors.flatMap((actor) => allowedActions(state, actor, ctx)));
  return LIFECYCLE_ACTIONS.filter((a) => allowed.has(a));
}
