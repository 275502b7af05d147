/** The rollup counters summed over a scope and period, under the names the indicators use. */
/** Summed counters, camelCased (one per `COUNTER_COLUMNS` entry, same order). */
export interface RollupTotals {
  received: number;
  resolved: number;
  inProcess: number;
  notFollowedUp: number;
  onHold: number;
  archived: number;
  followUpCount: number;
  followUpDays: number;
  rated: number;
  ratingSum: number;
  reopened: number;
  verifyMet: number;
  verifyBreached: number;
  acknowledgeMet: number;
  acknowledgeBreached: number;
  followUpMet: number;
  followUpBreached: number;
}

/** The camelCase name of a counter column, e.g. `not_followed_up` → `notFollowedUp`. */
export const totalKeyOf = (column: string): string =>
  column.replace(/_([a-z])/g, (_, x: string) => x.toUpperCase());

/** The keys of `RollupTotals` in `COUNTER_COLUMNS` order (totals.test.ts checks they match). */
export const TOTAL_KEYS = [
  'received',
  'resolved',
  'inProcess',
  'notFollowedUp',
  'onHold',
  'archived',
  'followUpCount',
  'followUpDays',
  'rated',
  'ratingSum',
  'reopened',
  'verifyMet',
  'verifyBreached',
  'acknowledgeMet',
  'acknowledgeBreached',
  'followUpMet',
  'followUpBreached',
] as const satisfies ReadonlyArray<keyof RollupTotals>;

/** A zero total. */
export function zeroTotals(): RollupTotals {
  return {
    received: 0,
    resolved: 0,
    inProcess: 0,
    notFollowedUp: 0,
    onHold: 0,
    archived: 0,
    followUpCount: 0,
    followUpDays: 0,
    rated: 0,
    ratingSum: 0,
    reopened: 0,
    verifyMet: 0,
    verifyBreached: 0,
    acknowledgeMet: 0,
    acknowledgeBreached: 0,
    followUpMet: 0,
    followUpBreached: 0,
  };
}

/** Adds totals up (only the counters: extra fields of the rows are ignored). */
export function sumTotals(rows: readonly RollupTotals[]): RollupTotals {
  const total = zeroTotals();
  for (const r of rows) for (const k of TOTAL_KEYS) total[k] += r[k] ?? 0;
  return total;
}

/** How the rollup sums are grouped: not at all, or by institution, month (`YYYY-MM`), category or province. */
export type RollupGroupBy = 'none' | 'institution' | 'month' | 'category' | 'province';

/** A group's totals; `key` is the group (institution id, month, category id, province code) or null. */
export type KeyedTotals = RollupTotals & { key: string | null };

/**
 * A node's totals: a top-level institution summed over its subtree (nation or province), or an institution or unit
 * of an institution's scope.
 */
export type NodeTotals = RollupTotals & { nodeId: number; name: string; kind: string };
