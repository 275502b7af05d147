/**
 * The national holidays whose date the decree itself fixes (1 January, 1 May, 1 June, 17 August, 25 December):
 * they hold in every year, whether or not the year's SKB 3 Menteri has been entered, so a deadline that crosses
 * into a year without its decree still skips them. Every movable day off comes only from a decree (<year>.json).
 * The rules and their sources are data: `packages/core/reference/holidays/fixed-dates.json`.
 */
import fixedDates from '../../reference/holidays/fixed-dates.json' with { type: 'json' };
import type { HolidaySource } from './holiday-file';
import { dayNumberFromCivil, isWeekendDayNumber, yearOfDayNumber } from './local-date';
import type { Holiday } from './types';

/** One fixed-date holiday: its month and day, off every year from `since`, under the decree `source`. */
export interface FixedDateHoliday {
  month: number;
  day: number;
  /** Its name; `{year}` is replaced by the year. */
  name: string;
  since: number;
  source: string;
}

/** The fixed-date rules, in calendar order, and the decrees they cite. */
export const FIXED_DATE_HOLIDAYS: readonly FixedDateHoliday[] = Object.freeze(
  [...(fixedDates.days as FixedDateHoliday[])].sort((a, b) => a.month - b.month || a.day - b.day),
);
export const FIXED_DATE_SOURCES: readonly Omit<HolidaySource, 'kind'>[] = fixedDates.sources;

/** The fixed-date holiday of a rule in a year, as a holiday row; null before the rule applies. */
export function fixedHolidayOf(rule: FixedDateHoliday, year: number): Holiday | null {
  if (year < rule.since) return null;
  const mm = String(rule.month).padStart(2, '0');
  const dd = String(rule.day).padStart(2, '0');
  const date = `${String(year).padStart(4, '0')}-${mm}-${dd}`;
  return { date, name: rule.name.replace('{year}', String(year)), kind: 'national', source: rule.source };
}

/** Every fixed-date holiday of a year, in date order. */
export function fixedHolidaysOf(year: number): Holiday[] {
  return FIXED_DATE_HOLIDAYS.map((rule) => fixedHolidayOf(rule, year)).filter((h) => h !== null);
}

/**
 * Counts the fixed-date holidays on weekdays in the day-number interval (a, b] that `skip` does not already count.
 * Closed form per year (five rules), so it holds for any year without enumerating them.
 */
export function fixedWeekdayHolidaysBetween(a: number, b: number, skip: (day: number) => boolean): number {
  if (b <= a) return 0;
  let count = 0;
  for (let year = yearOfDayNumber(a + 1), last = yearOfDayNumber(b); year <= last; year++) {
    for (const rule of FIXED_DATE_HOLIDAYS) {
      if (year < rule.since) continue;
      const day = dayNumberFromCivil(year, rule.month, rule.day);
      if (day > a && day <= b && !isWeekendDayNumber(day) && !skip(day)) count++;
    }
  }
  return count;
}

/** The fixed-date holiday on a day number, if any. */
export function fixedHolidayOnDayNumber(day: number): Holiday | null {
  const year = yearOfDayNumber(day);
  for (const rule of FIXED_DATE_HOLIDAYS)
    if (dayNumberFromCivil(year, rule.month, rule.day) === day) return fixedHolidayOf(rule, year);
  return null;
}
