/** Staff activity: recorded by the stats-rollup projector, read by the summary; both in db/postgres-stats-activity. */
export { activityOf, recordActivity } from '../../db/postgres-stats-activity';
