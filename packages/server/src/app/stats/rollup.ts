/** The monitoring rollups of a saved state: the stats-rollup projector (db/postgres-stats-rollup.ts, rules in core). */
export { updateStatsRollup } from '../../db/postgres-stats-rollup';
