/**
 * Local calendar dates (`YYYY-MM-DD`) as plain strings, and their day numbers: whole days since 1970-01-01.
 * Day numbers let the calendar count and compare dates with integer arithmetic, without `Date` objects.
 */
import type { LocalDate } from './types';

/** Milliseconds in one calendar day (Indonesia has no daylight saving time, so every day has this length). */
export const DAY_MS = 86_400_000;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

// Days from 0000-03-01 to 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil-date algorithms).
const EPOCH_SHIFT = 719_468;

/** The day number (days since 1970-01-01) of a year, month (1–12) and day, in the proleptic Gregorian calendar. */
export function dayNumberFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - EPOCH_SHIFT;
}

/** The year, month (1–12) and day of a day number, in the proleptic Gregorian calendar. */
export function civilOfDayNumber(dayNumber: number): { year: number; month: number; day: number } {
  const z = dayNumber + EPOCH_SHIFT;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The local date of a day number (days since 1970-01-01), as `YYYY-MM-DD`. */
export function localDateOfDayNumber(dayNumber: number): LocalDate {
  const { year, month, day } = civilOfDayNumber(dayNumber);
  return `${String(year).padStart(4, '0')}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** The year of a day number (days since 1970-01-01). */
export function yearOfDayNumber(dayNumber: number): number {
  return civilOfDayNumber(dayNumber).year;
}

/** Whether a string is a real calendar date written `YYYY-MM-DD` (so `2023-02-29` is not). */
export function isLocalDate(value: string): value is LocalDate {
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (match === null) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return false;
  return localDateOfDayNumber(dayNumberFromCivil(Number(match[1]), month, day)) === value;
}

/** The day number (days since 1970-01-01) of a local date; throws a RangeError for anything but `YYYY-MM-DD`. */
export function dayNumberOf(date: LocalDate): number {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(date)}`);
  // The pattern fixed the positions, so slicing is safe and cheaper than a second regex run.
  return dayNumberFromCivil(Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The local date `n` calendar days after `date` (before it when `n` is negative). */
export function addDays(date: LocalDate, n: number): LocalDate {
  if (!Number.isInteger(n)) throw new RangeError(`addDays needs a whole number of days, got ${n}`);
  return localDateOfDayNumber(dayNumberOf(date) + n);
}

/** The day of the week of a day number: 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function dayOfWeekOfDayNumber(dayNumber: number): number {
  // 1970-01-01 was a Thursday (4); the double modulo keeps days before 1970 in 0…6.
  return (((dayNumber + 4) % 7) + 7) % 7;
}

/** The day of the week of a local date: 0 = Sunday … 6 = Saturday, as `Date#getUTCDay`. */
export function dayOfWeek(date: LocalDate): number {
  return dayOfWeekOfDayNumber(dayNumberOf(date));
}

/** Whether a day number falls on Saturday or Sunday, the weekly days off (domain.md §6). */
export function isWeekendDayNumber(dayNumber: number): boolean {
  const dow = dayOfWeekOfDayNumber(dayNumber);
  return dow === 0 || dow === 6;
}
