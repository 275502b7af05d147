/**
 * Staff activity: recorded by the stats-rollup projector (db/postgres-stats-rollup.ts), read by the summary
 * (db/postgres-stats-activity.ts).
 */
export { activityOf } from '../../db/postgres-stats-activity';
