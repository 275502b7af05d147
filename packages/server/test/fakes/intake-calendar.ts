/** The calendar source of the intake use-case tests: the national holidays in core, nothing from a database. */
import { defaultCalendar } from '@pintu/core';
import type { CalendarSource } from '../../src/app/reference/calendar-source';

export function fakeCalendarSource(): CalendarSource {
  const calendar = defaultCalendar();
  return {
    get: () => calendar,
    decreedYears: () => new Set([2023, 2024, 2025, 2026]),
    reload: async () => {},
  };
}
