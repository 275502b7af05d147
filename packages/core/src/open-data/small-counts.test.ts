import { describe, expect, it } from 'vitest';
import { publishCount } from './small-counts';

/** Every value a count can be published as, over all keys. */
const outcomes = (v: number): (number | null)[] => {
  const seen = new Set<number | null>();
  for (let key = 0; key < 5; key++) seen.add(publishCount(v, key));
  return [...seen];
};

describe('publishCount', () => {
  it('leaves out 0–4, keeps multiples of 5 and rounds the rest down or up by the key', () => {
    expect([0, 1, 4].map((v) => publishCount(v, 3))).toEqual([null, null, null]);
    expect([5, 10, 105].map((v) => publishCount(v, 4))).toEqual([5, 10, 105]);
    expect(outcomes(7)).toEqual([10, 5]);
    // Up with probability (count mod 5) / 5: 7 → 10 for keys 0 and 1, 5 for keys 2–4.
    expect([0, 1, 2, 3, 4].map((key) => publishCount(7, key))).toEqual([10, 10, 5, 5, 5]);
  });

  it('is unbiased: over every key the mean published value is the exact count', () => {
    for (const v of [6, 7, 8, 9, 13, 101]) {
      const keys = [0, 1, 2, 3, 4];
      const mean = keys.reduce((s, key) => s + (publishCount(v, key) ?? 0), 0) / keys.length;
      expect(mean).toBe(v);
    }
  });

  it('refuses what is not a count', () => {
    expect(() => publishCount(-1, 0)).toThrow(RangeError);
    expect(() => publishCount(1.5, 0)).toThrow(RangeError);
  });

  /**
   * Recovery by subtraction: a province-month with k cells and its total, published by the rule with any keys.
   * For every exact vector and every output it can give, the outputs must fit other exact vectors that differ in
   * each hidden cell (0–4), so a total minus the published cells never pins one. Values near the enumeration's
   * bound are not judged (their alternatives lie beyond it). One configuration can pin: every cell of the group
   * at exactly 4 (a saturated group, e.g. 4 × 4 under a total of 16 published as 20); real groups have at least
   * 7 statuses × every topic × every regency of the province, so it is tested as the known limit.
   */
  it.each([
    [1, 30],
    [2, 30],
    [3, 16],
    [4, 10],
  ])('never pins a hidden cell of %i cells (values 0–%i)', (k, max) => {
    const vectors: number[][] = [];
    const build = (prefix: number[]) => {
      if (prefix.length === k) vectors.push(prefix);
      else for (let x = 0; x <= max; x++) build([...prefix, x]);
    };
    build([]);
    const sum = (v: number[]) => v.reduce((a, b) => a + b, 0);
    const outs = vectors.map((v) => [...v, sum(v)].map(outcomes));
    const pinned: string[] = [];
    vectors.forEach((v, n) => {
      if (v.some((x) => x > max - 5)) return;
      // Every output this vector can produce: one published value per cell and one for the total.
      let all: (number | null)[][] = [[]];
      for (const o of outs[n]!) all = all.flatMap((p) => o.map((x) => [...p, x]));
      for (const out of all) {
        const alike = vectors.filter((_, m) => outs[m]!.every((o, i) => o.includes(out[i]!)));
        v.forEach((x, i) => {
          if (x >= 5) return;
          if (new Set(alike.map((w) => w[i])).size < 2) pinned.push(`${v}→${JSON.stringify(out)}`);
        });
      }
    });
    const saturated = pinned.every((p) => p.startsWith(`${Array(k).fill(4).join(',')}→`));
    expect(saturated, pinned.slice(0, 5).join(' ')).toBe(true);
  });
});
