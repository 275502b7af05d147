/**
 * The rollup shard a lifecycle save writes (docs/decisions/0014-stats-shards.md). Every rollup and activity key is
 * split into shards: 0 is the base (rebuild, bulk import, the fold), 1–STATS_SHARDS take the saves. A saving
 * transaction leases one shard with a transaction-scoped advisory lock — the first free one from shard 1, so a
 * quiet system spreads its rows over few shards — and keeps it for all its rollup writes until it commits. So no
 * two saves in flight ever write the same rollup row: saves of different reports never wait for each other on a
 * counter, whatever institution, day or category they share, across any number of server processes.
 */
import { randomInt } from 'node:crypto';

/** Shards the saves write (1…STATS_SHARDS); more saves than this in flight wait for a lease. */
export const STATS_SHARDS = 16;

/** First key of the leases' advisory locks ('stat'); the second is the shard. */
export const LEASE_LOCK = 0x73746174;

/**
 * The SQL text of the transaction's shard: the one it leased already (a transaction-local setting, so a second save
 * in the same transaction — a split's children — reuses it and never holds two), else the first shard whose lock is
 * free, else it waits for `fallback` (SQL text of a shard number, a parameter or a literal). A save waiting for a
 * lease holds none, so leases cannot deadlock.
 */
export function leaseText(fallback: string): string {
  return `(select set_config('pintu.stats_shard', coalesce(
      nullif(current_setting('pintu.stats_shard', true), ''),
      (select s::text from generate_series(1, ${STATS_SHARDS}) s
        where pg_try_advisory_xact_lock(${LEASE_LOCK}, s) limit 1),
      (select (${fallback})::text from (select pg_advisory_xact_lock(${LEASE_LOCK}, (${fallback})::int)) w)
    ), true)::int)`;
}

/** A shard to wait for when all are leased: any, at random, so the waiters spread. */
export const fallbackShard = () => 1 + randomInt(STATS_SHARDS);
