/**
 * Closed-form Monday–Friday arithmetic on day numbers, so the calendar counts weeks in O(1) instead of looping
 * day by day. Internal to the calendar; not exported from the package.
 */

// Day number of Monday 1970-01-05, the anchor of the weekday count below.
const MONDAY_ANCHOR = 4;

/**
 * A running count of weekdays: `weekdayIndex(b) - weekdayIndex(a)` is the number of Mondays–Fridays in the
 * day-number interval (a, b]. Any anchor works because only differences are used; floor division keeps it
 * right before the anchor.
 */
export function weekdayIndex(dayNumber: number): number {
  const offset = dayNumber - MONDAY_ANCHOR;
  const weeks = Math.floor(offset / 7);
  const dayInWeek = offset - weeks * 7; // 0 = Monday … 6 = Sunday
  return weeks * 5 + Math.min(dayInWeek + 1, 5);
}

/** The day number of the weekday whose `weekdayIndex` is `index`: the inverse of `weekdayIndex` on weekdays. */
export function dayNumberOfWeekdayIndex(index: number): number {
  const weeks = Math.floor((index - 1) / 5);
  return MONDAY_ANCHOR + weeks * 7 + (index - 1 - weeks * 5);
}

/** The number of Mondays–Fridays in the day-number interval (a, b]; 0 when b ≤ a. */
export function weekdaysBetween(a: number, b: number): number {
  return b <= a ? 0 : weekdayIndex(b) - weekdayIndex(a);
}

/** The day number of the `k`-th weekday after day `a` (k ≥ 1). */
export function addWeekdays(a: number, k: number): number {
  return dayNumberOfWeekdayIndex(weekdayIndex(a) + k);
}

/** How many values of a sorted array are ≤ `value` (binary search). */
export function countAtMost(sorted: Int32Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
