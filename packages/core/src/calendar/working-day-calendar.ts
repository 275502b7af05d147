/**
 * The working-day calendar of domain.md §6: weekends, national holidays, cuti bersama and separately decreed days
 * off apply everywhere; regional holidays apply inside their province or regency. Deadlines are counted in
 * working days on local dates and end at 23:59:59.999 local time of the holding institution.
 *
 * The fixed-date national holidays (1 January, 1 May, 1 June, 17 August, 25 December: fixed-holidays.ts) are off in
 * every year whether or not `holidays` lists them; the movable ones exist only as `holidays` gives them.
 *
 * Built once from holiday data, then every query is allocation-free apart from the returned Date: weeks are
 * counted in closed form and holidays with binary searches over sorted integer arrays, so a deadline or an
 * elapsed count costs O(log holidays) whatever the span (SLA sweeps run over millions of rows).
 */
import { fixedHolidayOnDayNumber, fixedWeekdayHolidaysBetween } from './fixed-holidays';
import { dayNumberOf, isWeekendDayNumber } from './local-date';
import { isRegionWithin } from './region-time-zones';
import { endOfDayNumber, instantMs, localDayNumber } from './time-zones';
import { HOLIDAY_KINDS, type Holiday, type LocalDate, type TimeZone } from './types';
import { addWeekdays, countAtMost, weekdaysBetween } from './weekdays';

/** Working-day arithmetic over one set of holidays; `regionCode` is a Kemendagri code, absent for central bodies. */
export interface WorkingDayCalendar {
  /** Whether `date` is a working day: not a weekend, not a holiday everywhere, not a regional holiday of the region. */
  isWorkingDay(date: LocalDate, regionCode?: string | null): boolean;
  /**
   * The deadline `n` working days after instant `t` (§6): working day 1 is the first working day after the local
   * date of `t`, and the result is the end (23:59:59.999 local) of working day `n`. `n = 0` gives the end of the
   * local day of `t` itself, working day or not. Throws a RangeError unless `n` is a whole number ≥ 0.
   */
  addWorkingDays(t: Date, n: number, tz: TimeZone, regionCode?: string | null): Date;
  /**
   * The working days after the local date of `start` up to and including the local date of `end` (§6): the same
   * local day gives 0, and so does an `end` on an earlier local day than `start` (never negative).
   */
  elapsedWorkingDays(start: Date, end: Date, tz: TimeZone, regionCode?: string | null): number;
  /**
   * Signed working days from `now` to `due`, for inbox colours. Not yet due (`now ≤ due`): the working days after
   * today up to and including the due date, so 0 means due today (or before the next working day starts).
   * Overdue (`now > due`): minus the working days after the due date up to and including today, and at least −1,
   * so an overdue item is never shown as 0 (a deadline missed on Friday reads −1 on Saturday and Monday).
   */
  workingDaysLeft(now: Date, due: Date, tz: TimeZone, regionCode?: string | null): number;
  /** The working days after local date `from` up to and including local date `to`; 0 when `to` ≤ `from`. */
  workingDaysBetween(from: LocalDate, to: LocalDate, regionCode?: string | null): number;
  /**
   * The holidays on `date` that apply to the region (all non-regional ones when no region is given), including a
   * fixed-date national holiday of a year whose decree is not entered.
   */
  holidaysOn(date: LocalDate, regionCode?: string | null): readonly Holiday[];
}

const REGION_CODE_PATTERN = /^\d{2}(\.\d+)*$/;
const NO_HOLIDAYS: readonly Holiday[] = Object.freeze([]);

/** Build a calendar from holiday data (national, cuti bersama, special and regional days off). */
export function createCalendar(holidays: readonly Holiday[]): WorkingDayCalendar {
  const everywhere = new Set<number>();
  const byDay = new Map<number, Holiday[]>();
  const regionalEntries: { day: number; regionCode: string }[] = [];

  for (const holiday of holidays) {
    const day = checkedDayNumber(holiday);
    const sameDay = byDay.get(day);
    if (sameDay) sameDay.push(holiday);
    else byDay.set(day, [holiday]);
    if (holiday.kind === 'regional') regionalEntries.push({ day, regionCode: holiday.regionCode as string });
    else everywhere.add(day);
  }

  // Only holidays on weekdays change a count: weekends are already off.
  const everywhereWeekdays = Int32Array.from([...everywhere].filter((d) => !isWeekendDayNumber(d))).sort();
  const regional = regionalEntries
    .filter(
      (e) => !isWeekendDayNumber(e.day) && !everywhere.has(e.day) && fixedHolidayOnDayNumber(e.day) === null,
    )
    .sort((x, y) => x.day - y.day);
  const regionalDays = Int32Array.from(regional.map((e) => e.day));
  const regionalCodes = regional.map((e) => e.regionCode);
  const regionalCodesByDay = new Map<number, string[]>();
  for (const e of regional) {
    const codes = regionalCodesByDay.get(e.day);
    if (codes) codes.push(e.regionCode);
    else regionalCodesByDay.set(e.day, [e.regionCode]);
  }

  function isRegionalHoliday(day: number, region: string | null | undefined): boolean {
    if (!region) return false;
    const codes = regionalCodesByDay.get(day);
    if (codes === undefined) return false;
    for (const code of codes) if (isRegionWithin(region, code)) return true;
    return false;
  }

  const isListed = (day: number) => everywhere.has(day);

  function isWorkingDayNumber(day: number, region: string | null | undefined): boolean {
    if (isWeekendDayNumber(day) || everywhere.has(day) || isRegionalHoliday(day, region)) return false;
    return fixedHolidayOnDayNumber(day) === null;
  }

  // Distinct regional holiday days of the region in (a, b]; the window is found by binary search.
  function regionalDaysBetween(a: number, b: number, region: string | null | undefined): number {
    if (!region || regionalDays.length === 0) return 0;
    let count = 0;
    let lastCounted = Number.NaN;
    for (let i = countAtMost(regionalDays, a), end = countAtMost(regionalDays, b); i < end; i++) {
      const day = regionalDays[i] as number;
      if (day !== lastCounted && isRegionWithin(region, regionalCodes[i] as string)) {
        count++;
        lastCounted = day;
      }
    }
    return count;
  }

  // Working days in the day-number interval (a, b].
  function between(a: number, b: number, region: string | null | undefined): number {
    if (b <= a) return 0;
    const holidaysOnWeekdays =
      countAtMost(everywhereWeekdays, b) -
      countAtMost(everywhereWeekdays, a) +
      fixedWeekdayHolidaysBetween(a, b, isListed);
    // Regional days exclude every national day off (listed or fixed), so nothing is subtracted twice.
    return weekdaysBetween(a, b) - holidaysOnWeekdays - regionalDaysBetween(a, b, region);
  }

  return {
    isWorkingDay(date, regionCode) {
      return isWorkingDayNumber(dayNumberOf(date), checkedRegion(regionCode));
    },

    addWorkingDays(t, n, tz, regionCode) {
      if (!Number.isInteger(n) || n < 0) {
        throw new RangeError(`addWorkingDays needs a whole number of working days ≥ 0, got ${n}`);
      }
      const region = checkedRegion(regionCode);
      let day = localDayNumber(t, tz);
      let remaining = n;
      // Jump to the day `remaining` weekdays ahead, then subtract the holidays passed on the way. The answer is
      // never before that day, so each jump is safe; it takes one jump per cluster of holidays crossed.
      while (remaining > 0) {
        const next = addWeekdays(day, remaining);
        remaining -= between(day, next, region);
        day = next;
      }
      return endOfDayNumber(day, tz);
    },

    elapsedWorkingDays(start, end, tz, regionCode) {
      return between(localDayNumber(start, tz), localDayNumber(end, tz), checkedRegion(regionCode));
    },

    workingDaysLeft(now, due, tz, regionCode) {
      const region = checkedRegion(regionCode);
      const today = localDayNumber(now, tz);
      const dueDay = localDayNumber(due, tz);
      if (instantMs(now) <= instantMs(due)) return between(today, dueDay, region);
      return -Math.max(1, between(dueDay, today, region));
    },

    workingDaysBetween(from, to, regionCode) {
      return between(dayNumberOf(from), dayNumberOf(to), checkedRegion(regionCode));
    },

    holidaysOn(date, regionCode) {
      const region = checkedRegion(regionCode);
      const day = dayNumberOf(date);
      const found = byDay.get(day);
      const fixed = everywhere.has(day) ? null : fixedHolidayOnDayNumber(day);
      if (found === undefined) return fixed ? [fixed] : NO_HOLIDAYS;
      return [...(fixed ? [fixed] : []), ...found].filter(
        (h) => h.kind !== 'regional' || (region !== null && isRegionWithin(region, h.regionCode as string)),
      );
    },
  };
}

function checkedDayNumber(holiday: Holiday): number {
  const label = `holiday ${JSON.stringify(holiday.name)} on ${JSON.stringify(holiday.date)}`;
  if (!(HOLIDAY_KINDS as readonly string[]).includes(holiday.kind)) {
    throw new RangeError(`Unknown kind ${JSON.stringify(holiday.kind)} of ${label}`);
  }
  if (holiday.kind === 'regional' && !REGION_CODE_PATTERN.test(holiday.regionCode ?? '')) {
    throw new RangeError(`A regional ${label} needs a Kemendagri regionCode`);
  }
  try {
    return dayNumberOf(holiday.date);
  } catch {
    throw new RangeError(`Invalid date of ${label}`);
  }
}

function checkedRegion(regionCode: string | null | undefined): string | null {
  if (regionCode === undefined || regionCode === null || regionCode === '') return null;
  if (!REGION_CODE_PATTERN.test(regionCode)) {
    throw new RangeError(`Not a Kemendagri region code: ${JSON.stringify(regionCode)}`);
  }
  return regionCode;
}
