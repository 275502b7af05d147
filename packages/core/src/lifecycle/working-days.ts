/** The part of the working-day calendar the lifecycle needs; the calendar module's `WorkingDayCalendar` fits it. */
import type { TimeZone } from '../calendar/types';

/** Working-day arithmetic of domain.md §6, in the holding institution's time zone and region. */
export interface WorkingDays {
  /** The end (23:59:59.999 local) of the Nth working day after the local date of `t`; n = 0 is the end of that local day. */
  addWorkingDays(t: Date, n: number, tz: TimeZone, regionCode?: string | null): Date;
  /** Working days after the local date of `start` up to and including the local date of `end` (same day = 0). */
  elapsedWorkingDays(start: Date, end: Date, tz: TimeZone, regionCode?: string | null): number;
}

/** UTC offsets of the Indonesian zones in minutes; Indonesia has kept fixed offsets without daylight saving since 1964. */
export const TIME_ZONE_OFFSET_MINUTES: Record<TimeZone, number> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** The end (23:59:59.999 local) of the Nth calendar day after the local date of `t`, for windows counted in plain days. */
export function endOfCalendarDay(t: Date, n: number, tz: TimeZone): Date {
  const offset = TIME_ZONE_OFFSET_MINUTES[tz] * 60 * 1000;
  const localMidnight = Math.floor((t.getTime() + offset) / DAY_MS) * DAY_MS;
  return new Date(localMidnight + (n + 1) * DAY_MS - 1 - offset);
}
