/**
 * The SLA stages a received report counts for its holder (domain.md §5, §9; docs/decisions/0009): only those of the
 * holder's own custody, so no institution is judged on a deadline another one held before a forward.
 */
import type { ReportState } from '../lifecycle/state';
import { INSTITUTION_STAGES, indicatorRowOf } from './report-fact';

/** A completed stage clock as the stage-clock projection recorded it. */
export interface CompletedStage {
  stage: string;
  /** Who held the report when the stage ended (after a dispose_down, the unit). */
  holderId: string | null;
  startedAt: Date;
  completedAt: Date;
  /** Ended after its deadline (or was breached while it ran). */
  breached: boolean;
}

/** Completed institution stages on time (met) and late (breached), by stage. */
export type StageCompliance = Record<
  | 'verifyMet'
  | 'verifyBreached'
  | 'acknowledgeMet'
  | 'acknowledgeBreached'
  | 'followUpMet'
  | 'followUpBreached',
  number
>;

const PREFIX = { verify: 'verify', acknowledge: 'acknowledge', follow_up: 'followUp' } as const;

/** No stage at all. */
export const noStages = (): StageCompliance => ({
  verifyMet: 0,
  verifyBreached: 0,
  acknowledgeMet: 0,
  acknowledgeBreached: 0,
  followUpMet: 0,
  followUpBreached: 0,
});

/**
 * Whether a completed stage belongs to the custody that began with the report's current disposition: every stage
 * started from the disposition on (dispose_down keeps the custody: the institution's units share it), and the
 * verify stage that ended in this disposition when the receiving institution held it itself (its own queue, or
 * an ancestor's above a unit). A verify stage of the national queue or of another institution, and every stage
 * before a forward, belong to no later holder.
 */
export function isOfCustody(state: ReportState, stage: CompletedStage): boolean {
  const disposition = indicatorRowOf(state).dispositionedAt;
  if (disposition === null) return false;
  if (stage.startedAt.getTime() >= disposition.getTime()) return true;
  const lineage = [state.holder.institutionId, ...state.holder.ancestorIds];
  return (
    stage.stage === 'verify' &&
    stage.completedAt.getTime() >= disposition.getTime() &&
    stage.holderId !== null &&
    lineage.includes(stage.holderId)
  );
}

/** The institution stages of the holder's custody, met and breached; none when the report is not received. */
export function custodyStages(state: ReportState, stages: readonly CompletedStage[]): StageCompliance {
  const counts = noStages();
  for (const s of stages) {
    if (!(INSTITUTION_STAGES as readonly string[]).includes(s.stage) || !isOfCustody(state, s)) continue;
    const prefix = PREFIX[s.stage as keyof typeof PREFIX];
    counts[`${prefix}${s.breached ? 'Breached' : 'Met'}`] += 1;
  }
  return counts;
}
