/**
 * Folds the rollup shards the lifecycle saves wrote into shard 0 (ADR 0014), so the dashboard reads one row per key
 * again; run every minute by the `stats-fold` job (jobs/start-jobs.ts). The SQL is in db/postgres-stats-fold.ts.
 */
export { foldStatsShards } from '../../db/postgres-stats-fold';
