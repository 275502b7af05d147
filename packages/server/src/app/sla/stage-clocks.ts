/**
 * The stage-clock projection (issue 4): its rows are core's (`stageClockRows`), its writer the stage-clock
 * projector of record-transition (db/postgres-stage-clocks.ts). Kept here for the sweep and the start-up backfill.
 */
export { backfillStageClocks, projectStageClocks } from '../../db/postgres-stage-clocks';
