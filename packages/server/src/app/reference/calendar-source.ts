/**
 * The working-day calendar built from the holidays table, and the years whose decree is entered (any other year is
 * provisional: core provisional.ts). Cached, and rebuilt when holidays or decrees change.
 */
import {
  createCalendar,
  deadlineNotice,
  type HolidayReads,
  localDate,
  provisionalNotice,
  provisionalYears,
  type TimeZone,
  type WorkingDayCalendar,
} from '@pintu/core';
import type { Db } from '../../db/open';
import { postgresHolidays } from '../../db/postgres-holidays';

export interface CalendarSource {
  get(): WorkingDayCalendar;
  /** The years with their annual SKB 3 Menteri entered. */
  decreedYears(): ReadonlySet<number>;
  reload(): Promise<void>;
}

/** Loads every holiday and decree once; `reload()` after the national admin edits the calendar. */
export async function loadCalendar(db: Db): Promise<CalendarSource> {
  return calendarFrom(postgresHolidays(db));
}

/** The calendar over any holidays port (a fake in the use-case tests). */
export async function calendarFrom(
  holidays: Pick<HolidayReads, 'all' | 'annualDecreeYears'>,
): Promise<CalendarSource> {
  let calendar: WorkingDayCalendar;
  let decreed: ReadonlySet<number>;
  const reload = async () => {
    const days = await holidays.all();
    const years = await holidays.annualDecreeYears();
    calendar = createCalendar(days);
    decreed = new Set(years);
  };
  await reload();
  return { get: () => calendar, decreedYears: () => decreed, reload };
}

/** What the calendar must say about itself now: the provisional years (WIB date) and their notices. */
export function calendarStatus(source: CalendarSource, now: Date) {
  const provisional = provisionalYears(source.decreedYears(), localDate(now, 'Asia/Jakarta'));
  return {
    decreedYears: [...source.decreedYears()].sort((a, b) => a - b),
    provisionalYears: provisional,
    notices: provisional.map((year) => ({ year, ...provisionalNotice(year) })),
  };
}

/**
 * The notice a deadline shown to staff carries when it is provisional: counted from `from` (the stage's start, or
 * now when unknown) to `due` through a year without its decree.
 */
export function dueNoticeOf(source: CalendarSource, from: Date, due: Date, tz: TimeZone) {
  const start = from.getTime() < due.getTime() ? from : due;
  return deadlineNotice(start, due, tz, source.decreedYears());
}
