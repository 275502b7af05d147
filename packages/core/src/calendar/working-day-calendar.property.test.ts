import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FIXED_DATE_HOLIDAYS } from './fixed-holidays';
import { DAY_MS, dayNumberOf, isWeekendDayNumber, localDateOfDayNumber } from './local-date';
import { NATIONAL_HOLIDAYS } from './national-holidays';
import { isRegionWithin } from './region-time-zones';
import { localDate, localDayNumber, utcOffsetMs } from './time-zones';
import { type Holiday, TIME_ZONES } from './types';
import { createCalendar } from './working-day-calendar';

// The shipped national data plus a few regional days, so region handling is exercised too.
const REGIONAL: Holiday[] = [
  { date: '2024-09-25', name: 'Galungan', kind: 'regional', regionCode: '51', source: 'test' },
  { date: '2024-09-25', name: 'Galungan (Denpasar)', kind: 'regional', regionCode: '51.71', source: 'test' },
  { date: '2025-04-23', name: 'Galungan', kind: 'regional', regionCode: '51', source: 'test' },
  {
    date: '2026-01-21',
    name: 'Hari jadi kota (test)',
    kind: 'regional',
    regionCode: '64.72',
    source: 'test',
  },
  { date: '2023-07-11', name: 'Regency day (test)', kind: 'regional', regionCode: '94.01', source: 'test' },
];
const HOLIDAYS = [...NATIONAL_HOLIDAYS, ...REGIONAL];
const calendar = createCalendar(HOLIDAYS);
const REGIONS = [null, '51', '51.71.01.1001', '52', '64.72', '64.71', '94.01.02'];

// A deliberately naive oracle: day by day, holidays looked up in a plain list, and the fixed-date national days
// (1 Jan, 1 May, 1 Jun, 17 Aug, 25 Dec) off in every year, decree or not (2027 and 2028 have none here).
function isWorkingDayNaive(day: number, region: string | null): boolean {
  if (isWeekendDayNumber(day)) return false;
  const date = localDateOfDayNumber(day);
  const fixed = FIXED_DATE_HOLIDAYS.some(
    (f) => date.slice(5) === `${String(f.month).padStart(2, '0')}-${String(f.day).padStart(2, '0')}`,
  );
  return (
    !fixed &&
    !HOLIDAYS.some(
      (h) =>
        h.date === date &&
        (h.kind !== 'regional' || (region !== null && isRegionWithin(region, h.regionCode as string))),
    )
  );
}

const instant = fc
  .integer({ min: Date.UTC(2023, 0, 1) - 9 * 3_600_000, max: Date.UTC(2029, 0, 1) - 7 * 3_600_000 - 1 })
  .map((ms) => new Date(ms));
const zone = fc.constantFrom(...TIME_ZONES);
const region = fc.constantFrom(...REGIONS);

describe('working-day properties, 2023–2028 (two years without a decree), every zone', () => {
  it('elapsedWorkingDays(t, addWorkingDays(t, n)) = n and workingDaysLeft(t, due) = n', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), zone, region, (t, n, tz, r) => {
        const due = calendar.addWorkingDays(t, n, tz, r);
        expect(calendar.elapsedWorkingDays(t, due, tz, r)).toBe(n);
        expect(calendar.workingDaysLeft(t, due, tz, r)).toBe(n);
      }),
      { numRuns: 3000 },
    );
  });

  it('the deadline is the end of a local day, a working day when n ≥ 1, and matches the naive count', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 60 }), zone, region, (t, n, tz, r) => {
        const due = calendar.addWorkingDays(t, n, tz, r);
        expect((due.getTime() + utcOffsetMs(tz) + 1) % DAY_MS).toBe(0);
        let day = localDayNumber(t, tz);
        for (let left = n; left > 0; ) {
          day++;
          if (isWorkingDayNaive(day, r)) left--;
        }
        expect(localDate(due, tz)).toBe(localDateOfDayNumber(day));
        if (n >= 1) expect(calendar.isWorkingDay(localDate(due, tz), r)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('one more working day is always a later deadline', () => {
    fc.assert(
      fc.property(instant, fc.integer({ min: 0, max: 59 }), zone, region, (t, n, tz, r) => {
        expect(calendar.addWorkingDays(t, n + 1, tz, r).getTime()).toBeGreaterThan(
          calendar.addWorkingDays(t, n, tz, r).getTime(),
        );
      }),
      { numRuns: 500 },
    );
  });

  it('elapsedWorkingDays between any two instants matches counting day by day', () => {
    fc.assert(
      fc.property(instant, instant, zone, region, (a, b, tz, r) => {
        const from = localDayNumber(a, tz);
        const to = localDayNumber(b, tz);
        let expected = 0;
        for (let day = from + 1; day <= to; day++) if (isWorkingDayNaive(day, r)) expected++;
        expect(calendar.elapsedWorkingDays(a, b, tz, r)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('isWorkingDay matches the naive rule on every day of 2023–2028 in every region', () => {
    for (let day = dayNumberOf('2023-01-01'); day <= dayNumberOf('2028-12-31'); day++) {
      for (const r of REGIONS) {
        expect(calendar.isWorkingDay(localDateOfDayNumber(day), r)).toBe(isWorkingDayNaive(day, r));
      }
    }
  });
});
