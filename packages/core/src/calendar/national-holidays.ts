/**
 * The national days off shipped with Pintu, read from `packages/core/reference/holidays/<year>.json` (SKB 3 Menteri
 * with its revisions, and Keppres days off). The national admin edits the live calendar; this is the seed and the
 * calendar of the core's own tests.
 */
import y2023 from '../../reference/holidays/2023.json' with { type: 'json' };
import y2024 from '../../reference/holidays/2024.json' with { type: 'json' };
import y2025 from '../../reference/holidays/2025.json' with { type: 'json' };
import y2026 from '../../reference/holidays/2026.json' with { type: 'json' };
import { type HolidayFile, hasAnnualDecree, parseHolidayFile } from './holiday-file';
import type { Holiday } from './types';
import { createCalendar, type WorkingDayCalendar } from './working-day-calendar';

/** Every shipped holiday file, checked, oldest year first. */
export const HOLIDAY_FILES: readonly HolidayFile[] = [y2023, y2024, y2025, y2026].map(parseHolidayFile);

/**
 * The years the shipped data decrees (an annual SKB 3 Menteri); any other year is provisional: only weekends and
 * the fixed-date holidays are known to be off (provisional.ts).
 */
export const holidayYears: readonly number[] = HOLIDAY_FILES.filter((f) => hasAnnualDecree(f.sources)).map(
  (f) => f.year,
);

/** Every national holiday, cuti bersama and special day off of the shipped years, in date order. */
export const NATIONAL_HOLIDAYS: readonly Holiday[] = HOLIDAY_FILES.flatMap((f) => f.holidays).sort((a, b) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
);

/** Whether the shipped holiday data decrees a year (a deadline counted through another one is provisional). */
export function isHolidayYearCovered(year: number): boolean {
  return holidayYears.includes(year);
}

let defaultInstance: WorkingDayCalendar | undefined;

/** The calendar of the shipped national holidays, built once and shared. */
export function defaultCalendar(): WorkingDayCalendar {
  defaultInstance ??= createCalendar(NATIONAL_HOLIDAYS);
  return defaultInstance;
}
