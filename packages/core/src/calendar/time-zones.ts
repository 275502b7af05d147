/**
 * Instants and local days in the three Indonesian time zones. Each has a fixed offset and no daylight saving
 * time, so local days are computed with integer arithmetic: no `Intl`, no time-zone database.
 */
import { DAY_MS, dayNumberOf, localDateOfDayNumber } from './local-date';
import type { LocalDate, TimeZone } from './types';

/** Offset from UTC, in minutes, of each Indonesian time zone: WIB +07:00, WITA +08:00, WIT +09:00. */
export const UTC_OFFSET_MINUTES: Readonly<Record<TimeZone, number>> = {
  'Asia/Jakarta': 7 * 60,
  'Asia/Makassar': 8 * 60,
  'Asia/Jayapura': 9 * 60,
};

/** The short Indonesian name of each time zone, for labels: WIB, WITA, WIT. */
export const TIME_ZONE_ABBREVIATIONS: Readonly<Record<TimeZone, 'WIB' | 'WITA' | 'WIT'>> = {
  'Asia/Jakarta': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
};

/** The UTC offset of a time zone in milliseconds; throws a RangeError for a zone outside Indonesia's three. */
export function utcOffsetMs(tz: TimeZone): number {
  const minutes = UTC_OFFSET_MINUTES[tz];
  if (minutes === undefined) throw new RangeError(`Not an Indonesian time zone: ${JSON.stringify(tz)}`);
  return minutes * 60_000;
}

/** The milliseconds since the epoch of an instant; throws a RangeError for an invalid Date. */
export function instantMs(t: Date): number {
  const ms = t.getTime();
  if (Number.isNaN(ms)) throw new RangeError('Invalid Date');
  return ms;
}

/** The day number (days since 1970-01-01) of the local date of instant `t` in time zone `tz`. */
export function localDayNumber(t: Date, tz: TimeZone): number {
  return Math.floor((instantMs(t) + utcOffsetMs(tz)) / DAY_MS);
}

/** The first instant (00:00:00.000 local time) of a day number in time zone `tz`. */
export function startOfDayNumber(dayNumber: number, tz: TimeZone): Date {
  return new Date(dayNumber * DAY_MS - utcOffsetMs(tz));
}

/** The last instant (23:59:59.999 local time) of a day number in time zone `tz`. */
export function endOfDayNumber(dayNumber: number, tz: TimeZone): Date {
  return new Date((dayNumber + 1) * DAY_MS - utcOffsetMs(tz) - 1);
}

/** The local calendar date of instant `t` in time zone `tz`. */
export function localDate(t: Date, tz: TimeZone): LocalDate {
  return localDateOfDayNumber(localDayNumber(t, tz));
}

/** The first instant (00:00:00.000 local time) of local date `d` in time zone `tz`. */
export function startOfLocalDay(d: LocalDate, tz: TimeZone): Date {
  return startOfDayNumber(dayNumberOf(d), tz);
}

/** The last instant (23:59:59.999 local time) of local date `d` in time zone `tz`: how deadlines end (§6). */
export function endOfLocalDay(d: LocalDate, tz: TimeZone): Date {
  return endOfDayNumber(dayNumberOf(d), tz);
}
