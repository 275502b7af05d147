/** The pooled random source behind tracking ids, access codes and sealing IVs: fresh bytes, no favoured character. */
import { describe, expect, it } from 'vitest';
import { newAccessCode, newTrackingId } from '../../src/security/ids';
import { randomPooled } from '../../src/security/random';

describe('randomPooled', () => {
  it('never hands out the same bytes twice, across many refills of the pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5_000; i++) seen.add(randomPooled(12).toString('hex')); // ~15 refills of 4 KB
    expect(seen.size).toBe(5_000);
    expect(() => randomPooled(4097)).toThrow(/at most/);
  });

  it('gives every one of the 32 characters of an id about equally often', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 4_000; i++)
      for (const ch of (newTrackingId().slice(4) + newAccessCode()).replaceAll('-', ''))
        counts.set(ch, (counts.get(ch) ?? 0) + 1);
    expect(counts.size).toBe(32);
    // 112,000 draws: 3,500 expected per character; a bias of one bit would show as 0 or 7,000.
    for (const n of counts.values()) expect(Math.abs(n - 3_500)).toBeLessThan(400);
  });
});
