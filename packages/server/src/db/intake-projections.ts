/**
 * What intake's single statement writes besides the report and its first event — the stage clock with its reminder
 * instant and the outbox rows with their idempotency keys — computed per filing by the same core rules as the
 * projectors of record-transition, and passed to the statement as parameters (no rule in SQL). The report id is not
 * known before the insert: keys carry REPORT_SLOT, which the statement replaces with it.
 */
import { type LifecycleEvent, outboxRows, type ReportState, stageClockRows } from '@pintu/core';
import { reviveState } from './lifecycle-codec';

/** A filing's projected rows, as JSON values. */
export interface IntakeProjections {
  stageClock: unknown;
  outbox: unknown[];
}

/** Stands for the new report's id in the outbox keys until the statement knows it. */
export const REPORT_SLOT = '{report}';

/** The parameters of one filing that intake-statements.ts reads. */
export interface IntakeValues {
  trackingId: unknown;
  language: unknown;
  reporterSealed: unknown;
  reporterAccountId: unknown;
  lifecycle: unknown;
  action: unknown;
  actorId: unknown;
  actorRole: unknown;
  eventInstitutionId: unknown;
  at: unknown;
  fromStatus: unknown;
  toStatus: unknown;
  payload: unknown;
}

const text = (v: unknown) => (v === null || v === undefined ? null : String(v));

/** The report's first event as the core sees it. */
function firstEvent(v: IntakeValues, state: ReportState, payload?: unknown): LifecycleEvent {
  return {
    reportId: state.id,
    type: String(v.action) as LifecycleEvent['type'],
    actorRole: String(v.actorRole) as LifecycleEvent['actorRole'],
    actorId: String(v.actorId),
    institutionId: text(v.eventInstitutionId),
    holderId: state.holder.institutionId,
    at: new Date(String(v.at)),
    from: text(v.fromStatus) as LifecycleEvent['from'],
    to: String(v.toStatus) as LifecycleEvent['to'],
    payload: (payload ?? JSON.parse(String(v.payload))) as LifecycleEvent['payload'],
  };
}

/**
 * The projection parameters of one filing: `stageClock` (the running clock's row, or null) and `outbox` (rows). A
 * filing has no rollup change nor activity (core rules); test/db/transition-intake-projections.test.ts fails if a
 * change of those rules would leave them unwritten here (not checked per filing: this is intake's hot path). A
 * split child's rollups are written by its caller (persist-action.ts).
 */
export function intakeProjections(
  v: IntakeValues,
  /** The live state and payload, when the caller has them: intake's hot path then parses nothing again. */
  parsed?: { state: ReportState; payload: unknown },
): IntakeProjections {
  const state =
    parsed?.state ?? reviveState(typeof v.lifecycle === 'string' ? JSON.parse(v.lifecycle) : v.lifecycle);
  const event = firstEvent(v, state, parsed?.payload);
  const { running, paused } = stageClockRows(state);
  // A filing starts in `submitted`. Tests and imports also store a report in a later state through the same
  // statement and then record that state with saveTransition, which projects the rest (paused clocks, rollups).
  const filing = state.status === 'submitted';
  if (paused && filing) throw new Error('intake: a new report has no paused clock');
  const outbox = outboxRows(
    {
      reportId: REPORT_SLOT,
      trackingId: String(v.trackingId),
      language: String(v.language),
      hasContact: v.reporterSealed !== null && v.reporterSealed !== undefined,
      accountId: text(v.reporterAccountId),
      institutionId: state.holder.institutionId === null ? null : Number(state.holder.institutionId),
      path: null,
    },
    [{ seq: 1, action: event.type, fromStatus: event.from, toStatus: event.to, payload: event.payload }],
    () => {
      throw new Error('intake: a new report notifies no staff');
    },
  );
  return { stageClock: running, outbox };
}
