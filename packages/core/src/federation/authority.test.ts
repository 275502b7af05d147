import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AuthorityMap, authorityMapProblems, authorityOf, nextFederationAttempt } from './authority';

/** Kalimantan Timur's instance: the provincial government and its ten regencies/cities (ADR 0013). */
const KALTIM: AuthorityMap = {
  fallback: 'nasional',
  entries: [
    'pemprov-64',
    'pemda-64.01',
    'pemda-64.02',
    'pemda-64.03',
    'pemda-64.07',
    'pemda-64.08',
    'pemda-64.09',
    'pemda-64.11',
    'pemda-64.71',
    'pemda-64.72',
    'pemda-64.74',
  ].map((institutionCode) => ({ institutionCode, instance: 'kaltim' })),
};

describe('authorityOf', () => {
  it('sends a regency, a unit under it and the province to Kaltim; a ministry and the national queue stay', () => {
    expect(authorityOf(['pemda-64.72'], KALTIM)).toBe('kaltim');
    expect(authorityOf(['pemda-64.72', 'pemda-64.72-pu', 'pemda-64.72-pu-jalan'], KALTIM)).toBe('kaltim');
    expect(authorityOf(['pemprov-64'], KALTIM)).toBe('kaltim');
    expect(authorityOf(['kementerian-pupr'], KALTIM)).toBe('nasional');
    expect(authorityOf(['pemda-63.71'], KALTIM)).toBe('nasional');
    expect(authorityOf([], KALTIM)).toBe('nasional');
  });

  it('the nearest listed ancestor decides: a unit listed for another instance leaves its government', () => {
    const map = {
      ...KALTIM,
      entries: [...KALTIM.entries, { institutionCode: 'pemda-64.72-rs', instance: 'rs' }],
    };
    expect(authorityOf(['pemda-64.72', 'pemda-64.72-rs', 'pemda-64.72-rs-igd'], map)).toBe('rs');
    expect(authorityOf(['pemda-64.72', 'pemda-64.72-pu'], map)).toBe('kaltim');
  });

  it('for any path, the answer is the instance of the deepest listed code on it, else the fallback', () => {
    const code = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f');
    fc.assert(
      fc.property(
        fc.array(code, { maxLength: 5 }),
        fc.uniqueArray(fc.record({ institutionCode: code, instance: fc.constantFrom('x', 'y') }), {
          selector: (e) => e.institutionCode,
        }),
        (path, entries) => {
          const map = { fallback: 'n', entries };
          const listed = path.filter((c) => entries.some((e) => e.institutionCode === c));
          const deepest = listed.at(-1);
          const expected = deepest ? entries.find((e) => e.institutionCode === deepest)!.instance : 'n';
          expect(authorityOf(path, map)).toBe(expected);
        },
      ),
    );
  });
});

describe('authorityMapProblems', () => {
  it('accepts the Kaltim map and names a code listed twice or an empty name', () => {
    expect(authorityMapProblems(KALTIM)).toEqual([]);
    const bad: AuthorityMap = {
      fallback: ' ',
      entries: [
        { institutionCode: 'pemda-64.72', instance: 'kaltim' },
        { institutionCode: 'pemda-64.72', instance: 'nasional' },
        { institutionCode: '', instance: 'kaltim' },
      ],
    };
    expect(authorityMapProblems(bad)).toEqual([
      { code: 'empty', field: 'fallback' },
      { code: 'duplicate_institution', institutionCode: 'pemda-64.72' },
      { code: 'empty', field: 'institutionCode' },
    ]);
  });
});

describe('nextFederationAttempt', () => {
  const now = new Date('2026-12-07T00:00:00Z');
  const wait = (attempts: number, random: number, cap = 300_000) =>
    nextFederationAttempt(attempts, now, random, cap).getTime() - now.getTime();

  it('doubles from one second and stops at the cap', () => {
    expect([1, 2, 3, 4, 10].map((a) => wait(a, 0.5))).toEqual([1000, 2000, 4000, 8000, 300_000]);
    expect(wait(1000, 0.5, 2000)).toBe(2000);
  });

  it('stays within ±10 % and never waits less than 0.9 s', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200 }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        (a, r) => {
          const base = Math.min(300_000, 1000 * 2 ** Math.min(30, Math.max(0, a - 1)));
          const w = wait(a, r);
          return w >= Math.floor(base * 0.9) && w <= Math.ceil(base * 1.1) && w >= 900;
        },
      ),
    );
  });
});
