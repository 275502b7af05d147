import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumberFromCivil,
  dayNumberOf,
  dayOfWeek,
  isLocalDate,
  isWeekendDayNumber,
  localDateOfDayNumber,
} from './local-date';
import { addWeekdays, countAtMost, weekdaysBetween } from './weekdays';

describe('day numbers', () => {
  it.each([
    ['1970-01-01', 0],
    ['1969-12-31', -1],
    ['2000-02-29', 11_016],
    ['2024-04-05', 19_818],
    ['2026-12-31', 20_818],
    ['0001-01-01', -719_162],
  ])('%s is day %i', (date, dayNumber) => {
    expect(dayNumberOf(date)).toBe(dayNumber);
    expect(localDateOfDayNumber(dayNumber)).toBe(date);
  });

  it('agrees with Date.UTC on every day from 1900 to 2100', () => {
    const mismatches: string[] = [];
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      const day = ms / 86_400_000;
      if (dayNumberOf(date) !== day || localDateOfDayNumber(day) !== date) mismatches.push(date);
    }
    expect(mismatches).toEqual([]);
  });

  it('civil components map to the same day number', () => {
    expect(dayNumberFromCivil(2024, 4, 10)).toBe(dayNumberOf('2024-04-10'));
  });
});

describe('isLocalDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-13-01', false],
    ['2024-04-31', false],
    ['2024-4-5', false],
    ['2024-04-05T00:00', false],
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(isLocalDate(value)).toBe(expected);
  });

  it('dayNumberOf rejects a non-date', () => {
    expect(() => dayNumberOf('2023-02-29')).toThrow(RangeError);
  });
});

describe('addDays and dayOfWeek', () => {
  it.each([
    ['2024-04-05', 1, '2024-04-06'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2024-04-05', 0, '2024-04-05'],
    ['2024-04-05', 366, '2025-04-06'],
  ])('%s + %i days = %s', (date, n, expected) => {
    expect(addDays(date, n)).toBe(expected);
  });

  it('refuses a fractional number of days', () => {
    expect(() => addDays('2024-04-05', 0.5)).toThrow(RangeError);
  });

  it.each([
    ['2024-04-05', 5], // Friday
    ['2024-04-06', 6], // Saturday
    ['2024-04-07', 0], // Sunday
    ['2024-04-08', 1], // Monday
    ['1969-12-28', 0], // Sunday before the epoch
    ['2026-03-21', 6], // Idul Fitri 1447 H, a Saturday
  ])('%s is day %i of the week', (date, dow) => {
    expect(dayOfWeek(date)).toBe(dow);
    expect(isWeekendDayNumber(dayNumberOf(date))).toBe(dow === 0 || dow === 6);
  });
});

describe('weekday arithmetic', () => {
  const d = dayNumberOf;
  it.each([
    ['2024-04-05', '2024-04-05', 0],
    ['2024-04-05', '2024-04-07', 0], // Fri → Sun
    ['2024-04-05', '2024-04-08', 1], // Fri → Mon
    ['2024-04-06', '2024-04-12', 5], // Sat → Fri
    ['2024-04-01', '2024-04-30', 21],
    ['2024-04-08', '2024-04-01', 0], // reversed
    ['1969-12-26', '1970-01-05', 6], // across the anchor and the epoch
  ])('weekdays in (%s, %s] = %i', (a, b, n) => {
    expect(weekdaysBetween(d(a), d(b))).toBe(n);
  });

  it.each([
    ['2024-04-05', 1, '2024-04-08'],
    ['2024-04-06', 1, '2024-04-08'],
    ['2024-04-07', 5, '2024-04-12'],
    ['2024-04-08', 5, '2024-04-15'],
    ['1969-12-25', 3, '1969-12-30'],
  ])('weekday %i after %s is %s', (a, k, expected) => {
    expect(localDateOfDayNumber(addWeekdays(d(a), k))).toBe(expected);
  });

  it('agrees with counting day by day over 1960–2040 spans', () => {
    const mismatches: string[] = [];
    for (let a = d('1960-01-01'); a < d('2040-01-01'); a += 367) {
      let count = 0;
      for (let b = a + 1; b < a + 800; b++) {
        if (!isWeekendDayNumber(b)) {
          count++;
          if (addWeekdays(a, count) !== b) mismatches.push(`addWeekdays(${a}, ${count})`);
        }
        if (weekdaysBetween(a, b) !== count) mismatches.push(`weekdaysBetween(${a}, ${b})`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  it('countAtMost is an upper-bound binary search', () => {
    const sorted = Int32Array.from([2, 4, 4, 9]);
    expect([1, 2, 3, 4, 8, 9, 10].map((v) => countAtMost(sorted, v))).toEqual([0, 1, 1, 3, 3, 4, 4]);
    expect(countAtMost(new Int32Array(0), 5)).toBe(0);
  });
});
