/**
 * The small-count rule of the open aggregates (issue 15, docs/open-data.md), so that no published count singles
 * out a person:
 * - a count below 5 is never published: its cell is left out, exactly like an empty one (0–4 look the same);
 * - every published count — cells and totals alike — is a multiple of 5: the exact count rounded down or up, up
 *   with probability (count mod 5) / 5, so the rounding is unbiased. Which way is decided by the cell's key, the
 *   sum of its reports' secret keys (the "cell key" method of the Australian Bureau of Statistics): the same cell
 *   always gets the same answer, and without the server's secret no one can tell which way it went.
 * Deterministic rounding is not enough: with nearest-5 cells and totals a total minus its cells pins suppressed
 * cells in edge cases (two cells of 4 under a total of 8 → 10 can only be 4 and 4); the exhaustive test in
 * small-counts.test.ts checks that no hidden cell is ever pinned under this rule.
 */

/** The smallest count published. */
export const SMALL_COUNT_MIN = 5;
/** Every published count is a multiple of this. */
export const COUNT_ROUNDING_BASE = 5;
/** Cell keys are sums of 16-bit report keys, modulo this. */
export const CELL_KEY_MODULUS = 65_536;

/**
 * The published form of an exact count with its cell key: null below 5 (left out); a multiple of 5 as it is;
 * otherwise the multiple of 5 below or above, above when `key mod 5 < count mod 5`.
 */
export function publishCount(exact: number, key: number): number | null {
  if (!Number.isInteger(exact) || exact < 0) throw new RangeError(`not a count: ${exact}`);
  if (exact < SMALL_COUNT_MIN) return null;
  const base = COUNT_ROUNDING_BASE;
  const rest = exact % base;
  const down = exact - rest;
  return rest === 0 ? exact : ((key % base) + base) % base < rest ? down + base : down;
}

/** The key of a group of cells (a total): the sum of their keys, as if its reports were one cell. */
export function sumKeys(keys: readonly number[]): number {
  let k = 0;
  for (const key of keys) k = (k + key) % CELL_KEY_MODULUS;
  return k;
}
