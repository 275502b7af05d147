/** The shape of an action's effect handler and the event builder they share. */
import type { Actor } from '../policy/roles';
import type { ReportStatus } from '../report/report';
import type { ActionOf, LifecycleActionName } from './actions';
import type { SlaTable } from './sla';
import type {
  Json,
  LifecycleContext,
  LifecycleEvent,
  LifecycleEventType,
  LifecycleWarning,
  ReportState,
} from './state';

/** What a handler sees besides the state it changes. */
export interface EffectEnv {
  actor: Actor;
  now: Date;
  ctx: LifecycleContext;
  sla: SlaTable;
  /** The report as it was before the action. */
  before: ReportState;
}

/** What a handler adds to the generic status and clock change: event payload, child reports, warnings. */
export interface Effect {
  payload: { [key: string]: Json };
  created?: ReportState[];
  events?: LifecycleEvent[];
  warnings?: LifecycleWarning[];
}

/** A handler changes the copy `next` in place (status and clock are set afterwards from the table). */
export type Handler<N extends LifecycleActionName> = (
  next: ReportState,
  action: ActionOf<N>,
  env: EffectEnv,
) => Effect;

/** One handler per action. */
export type Handlers<N extends LifecycleActionName = LifecycleActionName> = { [K in N]: Handler<K> };

/** Builds an event of the append-only log. */
export function makeEvent(
  report: Pick<ReportState, 'id' | 'holder'>,
  type: LifecycleEventType,
  actor: Actor,
  at: Date,
  from: ReportStatus | null,
  to: ReportStatus,
  payload: { [key: string]: Json },
): LifecycleEvent {
  return {
    reportId: report.id,
    type,
    actorRole: actor.role,
    actorId: actor.id,
    institutionId: actor.institutionId,
    holderId: report.holder.institutionId,
    at,
    from,
    to,
    payload,
  };
}

/** Drops undefined values so a payload stays JSON. */
export function compact(payload: { [key: string]: Json | undefined }): { [key: string]: Json } {
  const out: { [key: string]: Json } = {};
  for (const [key, value] of Object.entries(payload)) if (value !== undefined) out[key] = value;
  return out;
}
