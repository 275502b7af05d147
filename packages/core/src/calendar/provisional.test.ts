import { describe, expect, it } from 'vitest';
import { provisionalNotice, provisionalYearOf, provisionalYears } from './provisional';

const DECREED = new Set([2023, 2024, 2025, 2026]);

describe('provisional years', () => {
  it.each([
    ['2026-09-30', []],
    ['2026-10-01', [2027]],
    ['2026-12-06', [2027]],
    ['2027-01-01', [2027]],
    ['2027-10-01', [2027, 2028]],
    ['2025-12-31', []],
  ])('on %s: %j', (today, years) => {
    expect(provisionalYears(DECREED, today)).toEqual(years);
  });

  it('a deadline is provisional when its count runs through a year without a decree', () => {
    const wib = 'Asia/Jakarta';
    const start = new Date('2026-12-28T10:00:00+07:00');
    expect(provisionalYearOf(start, new Date('2027-01-05T23:59:59.999+07:00'), wib, DECREED)).toBe(2027);
    expect(provisionalYearOf(start, new Date('2026-12-31T23:59:59.999+07:00'), wib, DECREED)).toBeNull();
    // 31 December 2026 16:59:59.999 UTC is still 2026 in WIB but 2027 in WIT.
    const edge = new Date('2026-12-31T16:59:59.999Z');
    expect(provisionalYearOf(start, edge, wib, DECREED)).toBeNull();
    expect(provisionalYearOf(start, edge, 'Asia/Jayapura', DECREED)).toBe(2027);
    expect(provisionalYearOf(start, edge, 'Asia/Jayapura', new Set([...DECREED, 2027]))).toBeNull();
  });

  it('says so in both languages', () => {
    expect(provisionalNotice(2027).id).toBe('Kalender 2027 belum ditetapkan — tenggat bersifat sementara');
    expect(provisionalNotice(2027).en).toContain('2027');
  });
});
