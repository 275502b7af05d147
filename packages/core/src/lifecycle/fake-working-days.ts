/**
 * TEST DOUBLE — not the working-day calendar. A tiny stand-in for tests of the lifecycle and indicators: Saturday and
 * Sunday off plus a given set of local dates, no regions. The real calendar lives in `calendar/`.
 */
import type { LocalDate, TimeZone } from '../calendar/types';
import { TIME_ZONE_OFFSET_MINUTES, type WorkingDays } from './working-days';

const DAY_MS = 24 * 60 * 60 * 1000;

/** TEST DOUBLE: a working-day calendar with weekends and the given local dates (`YYYY-MM-DD`) off. */
export function fakeWorkingDays(holidays: readonly LocalDate[] = []): WorkingDays {
  const off = new Set(holidays);
  const offset = (tz: TimeZone) => TIME_ZONE_OFFSET_MINUTES[tz] * 60 * 1000;
  // Day number since the epoch of the local date of t.
  const localDay = (t: Date, tz: TimeZone) => Math.floor((t.getTime() + offset(tz)) / DAY_MS);
  const isWorking = (day: number) => {
    const date = new Date(day * DAY_MS);
    const weekday = date.getUTCDay();
    return weekday !== 0 && weekday !== 6 && !off.has(date.toISOString().slice(0, 10));
  };
  return {
    addWorkingDays(t, n, tz) {
      let day = localDay(t, tz);
      for (let left = n; left > 0; ) {
        day += 1;
        if (isWorking(day)) left -= 1;
      }
      return new Date((day + 1) * DAY_MS - 1 - offset(tz));
    },
    elapsedWorkingDays(start, end, tz) {
      const from = localDay(start, tz);
      const to = localDay(end, tz);
      let count = 0;
      for (let day = from + 1; day <= to; day++) if (isWorking(day)) count += 1;
      return count;
    },
  };
}
