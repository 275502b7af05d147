/**
 * A year whose SKB 3 Menteri has not been entered is *provisional*: its fixed-date holidays hold (fixed-holidays.ts)
 * but its movable ones are unknown, so a deadline counted through it may still move when the decree is entered.
 * The calendar says so rather than go silent: from 1 October of the year before, and on every deadline whose
 * count runs through such a year.
 */

import { civilOfDayNumber, dayNumberOf } from './local-date';
import { localDayNumber } from './time-zones';
import type { LocalDate, TimeZone } from './types';

/** The month (October) from which next year's calendar is announced as provisional until its decree is entered. */
export const PROVISIONAL_NOTICE_MONTH = 10;

/** The years to warn about on `today`: this year, and from 1 October next year, when not decreed. */
export function provisionalYears(decreedYears: ReadonlySet<number>, today: LocalDate): number[] {
  const { year, month } = civilOfDayNumber(dayNumberOf(today));
  const watched = month >= PROVISIONAL_NOTICE_MONTH ? [year, year + 1] : [year];
  return watched.filter((y) => !decreedYears.has(y));
}

/**
 * The first year without a decree between two instants' local days (a stage's start, or now, and its due day, in
 * either order); null when every such year is decreed.
 */
export function provisionalYearOf(
  a: Date,
  b: Date,
  tz: TimeZone,
  decreedYears: ReadonlySet<number>,
): number | null {
  const ya = civilOfDayNumber(localDayNumber(a, tz)).year;
  const yb = civilOfDayNumber(localDayNumber(b, tz)).year;
  for (let y = Math.min(ya, yb); y <= Math.max(ya, yb); y++) if (!decreedYears.has(y)) return y;
  return null;
}

/**
 * What a deadline shown to staff must say when it is provisional: counted from `now` (or the stage's start) to
 * `due` through a year without its decree. Null when it is firm.
 */
export function deadlineNotice(
  from: Date,
  due: Date,
  tz: TimeZone,
  decreedYears: ReadonlySet<number>,
): { year: number; id: string; en: string } | null {
  const year = provisionalYearOf(from, due, tz, decreedYears);
  return year === null ? null : { year, ...provisionalNotice(year) };
}

/** What staff and operators are told, in Indonesian and English. */
export function provisionalNotice(year: number): { id: string; en: string } {
  return {
    id: `Kalender ${year} belum ditetapkan — tenggat bersifat sementara`,
    en: `The ${year} calendar has not been decreed — deadlines are provisional`,
  };
}
