/** Deterministic randomness for the data generator: the same seed and report number give the same report. */

/** mulberry32: a small, fast PRNG with 32 bits of state; numbers in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit mix of two integers (for per-report seeds and stable per-item weights). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export type Rnd = () => number;

export const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** A uniform number in [lo, hi). */
export const between = (rnd: Rnd, lo: number, hi: number) => lo + rnd() * (hi - lo);

/** Picks from weighted items through a cumulative table built once. */
export function weighted<T>(items: readonly { item: T; weight: number }[]): (rnd: Rnd) => T {
  const cum: number[] = [];
  let sum = 0;
  for (const i of items) {
    sum += i.weight;
    cum.push(sum);
  }
  return (rnd) => {
    const x = rnd() * sum;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo]!.item;
  };
}

// Crockford base32 without I, L, O, U, as packages/server/src/security/ids.ts.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const MASK = (1n << 60n) - 1n;
// An odd multiplier: n → n·K mod 2^60 is a bijection, so every report number has its own tracking id, and the ids
// look random (as the server's 60 random bits do).
const K = (0x5deece66dn * 0x9e3779b97f4a7c1n) & MASK;

/**
 * The tracking id of report number `n` (1-based), in the server's form `LPR-XXXX-XXXX-XXXX` (12 characters, 5 bits
 * each, `newTrackingId` in security/ids.ts). Scrambled by a fixed odd multiplier, so ids are spread like random ones.
 */
export function trackingIdOf(n: number, salt: number): string {
  let v = ((BigInt(n) ^ (BigInt(salt) << 32n)) * K) & MASK;
  let s = '';
  for (let i = 0; i < 12; i++) {
    s = ALPHABET[Number(v & 31n)]! + s;
    v >>= 5n;
  }
  return `LPR-${s.slice(0, 4)}-${s.slice(4, 8)}-${s.slice(8)}`;
}
