/**
 * One lifecycle action of domain.md §5 by a signed-in caller or a guest with the access code. The core decides
 * (table, policy, guards, payload); a refusal writes nothing.
 */
import {
  type Actor,
  applyAction,
  DomainFailure,
  fail,
  type LifecycleAction,
  type LifecycleActionName,
  type LifecycleContext,
  type Projector,
  REPORTER_ROLES,
  type ReportState,
  type WorkflowReport,
  type WorkflowReports,
} from '@pintu/core';
import { newTrackingId } from '../../security/ids';
import type { AppDeps } from '../deps';
import { dueNoticeOf } from '../reference/calendar-source';
import { resolveSplitParent } from '../sla/split-parent';
import {
  allowedForActors,
  chooseActor,
  credentialActors,
  guardContext,
  type WorkflowPorts,
  workflowReportsOf,
} from './action-context';
import type { Credentials } from './callers';
import { persistTransition } from './persist-action';
import { type ActionRequest, resolveAction } from './resolve-action';

type Env = Pick<AppDeps, 'db' | 'calendar'> &
  Partial<Pick<AppDeps, 'projectors' | 'federation' | 'programs'>> &
  WorkflowPorts & { now: Date };

/** What the credentials needs after an action: where the report is now, and what they may do next. */
export interface ActionOutcome {
  trackingId: string;
  action: LifecycleActionName;
  status: ReportState['status'];
  institution: { id: number; name: string } | null;
  stage: string | null;
  dueAt: Date | null;
  workingDaysLeft: number | null;
  dueNotice: ReturnType<typeof dueNoticeOf> | null;
  allowedActions: LifecycleActionName[];
  warnings: { code: string; message: string; similarity: number }[];
  /** Child reports created by verifying to several institutions. */
  children: { trackingId: string; institutionId: number }[];
  /** Set when the report is handled at another instance: the action was sent there and shows once it is applied. */
  forwardedTo?: string;
}

/** Core payload field names that callers name differently. */
const REQUEST_FIELDS: Record<string, string> = { duplicateOfId: 'duplicateOf' };

/** The attachments an action makes part of the report: a published follow-up's. */
function claimed(action: LifecycleAction, before: ReportState): string[] {
  if (action.type === 'post_follow_up') return action.attachmentIds ?? [];
  if (action.type === 'approve_follow_up') return before.draft?.attachmentIds ?? [];
  return [];
}

/** What an integration caller adds to an action (ADR 0012). */
export interface ActOptions {
  /** The report row version the caller's `If-Match` named: a report changed since is refused (`stale`). */
  expectedUpdatedAt?: Date;
  /** Stamped on every event of the action, so the staff timeline shows the app it came through. */
  via?: { [key: string]: string };
}

const stale = (): never =>
  fail('CONFLICT', 'Laporan ini baru saja diubah orang lain. Muat ulang lalu coba lagi.', [], 'stale');

/** Applies one action for the credentials and persists it; returns what the credentials needs next. */
export async function actOnReport(
  env: Env,
  trackingId: string,
  input: ActionRequest,
  credentials: Credentials,
  options: ActOptions = {},
): Promise<ActionOutcome> {
  const reports = workflowReportsOf(env);
  const report = await reports.load(trackingId);
  if (!report) fail('NOT_FOUND', 'Laporan tidak ditemukan.');
  if (options.expectedUpdatedAt && report.updatedAt.getTime() !== options.expectedUpdatedAt.getTime())
    stale();
  const actors = credentialActors(report, credentials);
  const guard = await guardContext(env, reports, report.state);
  const actor = chooseActor(report.state, input.action, actors, guard);
  if (report.handledAt) return commandAtWriter(env, reports, report, input, actor, actors, guard);
  return applyAndPersist(env, reports, report, input, actor, actors, guard, options);
}

/** The reporter's side, whose actions a mirror sends to the instance that handles the report (ADR 0013). */
export const REPORTER_SIDE: ReadonlySet<string> = new Set(REPORTER_ROLES);

/**
 * On a mirror (the report is handled at another instance) only the reporter acts, and only through the writer: the
 * action is checked here against the copy, then sent as a `report.command`; its events come back as any other.
 */
async function commandAtWriter(
  env: Env,
  reports: WorkflowReports,
  report: WorkflowReport,
  input: ActionRequest,
  actor: Actor,
  actors: readonly Actor[],
  guard: Awaited<ReturnType<typeof guardContext>>,
): Promise<ActionOutcome> {
  const handledAt = report.handledAt!;
  if (!REPORTER_SIDE.has(actor.role) || !env.federation)
    fail(
      'CONFLICT',
      `Laporan ini ditangani di instans ${handledAt}; tindakan petugas dilakukan di sana.`,
      [],
      'handled_elsewhere',
    );
  const action = await resolveAction(reports, report, input, env.programs);
  const result = applyAction(report.state, action, actor, env.now, { calendar: guard.calendar! });
  if (!result.ok) throw new DomainFailure(result.error);
  await env.federation.sendCommand(
    report.trackingId,
    handledAt,
    { action: input, actor: { role: actor.role, id: actor.id } },
    env.now,
  );
  const pending = await outcome(env, reports, report.state, action.type, actors, { ...result, created: [] });
  return Object.assign(pending, { forwardedTo: handledAt });
}

/** Applies `input` as `actor` and persists it; `projectors` replaces env's (a peer's command adds its stream's). */
export async function applyAndPersist(
  env: Env,
  reports: WorkflowReports,
  report: WorkflowReport,
  input: ActionRequest,
  actor: Actor,
  actors: readonly Actor[],
  guard: Awaited<ReturnType<typeof guardContext>>,
  options: ActOptions & { projectors?: readonly Projector[] } = {},
): Promise<ActionOutcome> {
  const action = await resolveAction(reports, report, input, env.programs);
  const ctx: LifecycleContext = {
    calendar: guard.calendar!,
    ...(guard.settings ? { settings: guard.settings } : {}),
    ...(guard.childStatuses ? { childStatuses: guard.childStatuses } : {}),
    newReportId: newTrackingId,
    ...(action.type === 'post_follow_up' || action.type === 'approve_follow_up'
      ? { earlierFollowUps: await reports.earlierFollowUps(report.state.holder.institutionId) }
      : {}),
  };
  const result = applyAction(report.state, action, actor, env.now, ctx);
  if (!result.ok) {
    const fields = result.error.fields?.map((f) => ({ ...f, field: REQUEST_FIELDS[f.field] ?? f.field }));
    throw new DomainFailure({ ...result.error, ...(fields ? { fields } : {}) });
  }
  const { via } = options;
  await persistTransition(
    env.db,
    report,
    {
      state: result.report,
      events: via ? result.events.map((e) => ({ ...e, payload: { ...e.payload, via } })) : result.events,
      created: result.created,
      claim: claimed(action, report.state),
    },
    env.now,
    options.projectors ?? env.projectors,
  );
  if (result.report.parentId && ['resolved', 'archived'].includes(result.report.status))
    await resolveParentWhenDone(env, result.report.parentId).catch((err) => {
      // The child's action is done and saved; the parent is resolved again when another child closes.
      console.error(`[resolve_parent ${result.report.parentId}]`, err);
    });
  // The holder's settings were read for this action; a new holder's are read afresh.
  const same = result.report.holder.institutionId === report.state.holder.institutionId;
  return outcome(env, reports, result.report, action.type, actors, result, same ? guard : undefined);
}

async function outcome(
  env: Env,
  reports: WorkflowReports,
  state: ReportState,
  action: LifecycleAction['type'],
  actors: readonly Actor[],
  result: Extract<ReturnType<typeof applyAction>, { ok: true }>,
  sameHolder?: Awaited<ReturnType<typeof guardContext>>,
): Promise<ActionOutcome> {
  const after = await guardContext(env, reports, state, sameHolder?.settings);
  const clock = state.clock;
  const holderId = state.holder.institutionId;
  const names = holderId ? await reports.institutionNames([holderId]) : {};
  return {
    trackingId: state.id,
    action,
    status: state.status,
    institution: holderId ? { id: Number(holderId), name: names[holderId] ?? '' } : null,
    stage: clock?.stage ?? null,
    dueAt: clock?.dueAt ?? null,
    workingDaysLeft: clock
      ? env.calendar
          .get()
          .workingDaysLeft(env.now, clock.dueAt, state.holder.timeZone, state.holder.regionCode)
      : null,
    dueNotice: clock ? dueNoticeOf(env.calendar, clock.startedAt, clock.dueAt, state.holder.timeZone) : null,
    allowedActions: allowedForActors(state, actors, after),
    warnings: result.warnings.map((w) => ({ code: w.code, message: w.message, similarity: w.similarity })),
    children: result.created.map((c) => ({
      trackingId: c.id,
      institutionId: Number(c.holder.institutionId),
    })),
  };
}

/**
 * A split parent is resolved by the system once every child is resolved or archived (domain.md §5). Through the
 * sweep's own path (sla/split-parent.ts): the parent's row is locked before the children are read, so a child closed
 * here and another auto-resolved by the sweep at the same moment cannot each see the other still open.
 */
async function resolveParentWhenDone(env: Env, parentTrackingId: string): Promise<void> {
  await env.db.transaction((tx) =>
    resolveSplitParent(tx as unknown as Env['db'], env.calendar.get(), parentTrackingId, env.now, env.now),
  );
}
