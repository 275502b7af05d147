/**
 * The holiday data files under `packages/core/reference/holidays/<year>.json`: one per year, every day off with the
 * decree it comes from (domain.md §6: stored as data with the source).
 */
import { isLocalDate } from './local-date';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from './types';

/** One decree a year's holidays come from: the SKB 3 Menteri, each of its revisions, a Keppres. */
export interface HolidaySource {
  /** The short reference holidays cite in their `source` field, e.g. "SKB 855/2023" or "Keppres 10/2024". */
  ref: string;
  /** The decree's full title. */
  title: string;
  /** The day it was signed or announced, `YYYY-MM-DD`. */
  date: string;
  /** What it decided, how it was checked, and any doubt. */
  note: string;
}

/** One year's holiday file: its decrees and every day off with the decree it comes from. */
export interface HolidayFile {
  year: number;
  sources: HolidaySource[];
  holidays: Holiday[];
}

/** Check a parsed holiday file and return it typed; throws a RangeError naming the first problem found. */
export function parseHolidayFile(data: unknown): HolidayFile {
  const file = asRecord(data, 'holiday file');
  const year = file.year;
  if (typeof year !== 'number' || !Number.isInteger(year))
    throw new RangeError('Holiday file: year must be an integer');
  const where = `holidays ${year}`;
  const sources = asArray(file.sources, `${where}: sources`).map((raw, i) => {
    const s = asRecord(raw, `${where}: sources[${i}]`);
    return {
      ref: asString(s.ref, `${where}: sources[${i}].ref`),
      title: asString(s.title, `${where}: sources[${i}].title`),
      date: asString(s.date, `${where}: sources[${i}].date`),
      note: asString(s.note, `${where}: sources[${i}].note`),
    };
  });
  const holidays = asArray(file.holidays, `${where}: holidays`).map((raw, i): Holiday => {
    const h = asRecord(raw, `${where}: holidays[${i}]`);
    const date = asString(h.date, `${where}: holidays[${i}].date`);
    if (!isLocalDate(date)) throw new RangeError(`${where}: holidays[${i}].date is not YYYY-MM-DD: ${date}`);
    const kind = asString(h.kind, `${where}: holidays[${i}].kind`);
    if (!(HOLIDAY_KINDS as readonly string[]).includes(kind)) {
      throw new RangeError(`${where}: holidays[${i}].kind is unknown: ${kind}`);
    }
    const holiday: Holiday = {
      date,
      name: asString(h.name, `${where}: holidays[${i}].name`),
      kind: kind as HolidayKind,
      source: asString(h.source, `${where}: holidays[${i}].source`),
    };
    if (h.regionCode !== undefined && h.regionCode !== null) {
      holiday.regionCode = asString(h.regionCode, `${where}: holidays[${i}].regionCode`);
    }
    return holiday;
  });
  return { year, sources, holidays };
}

function asRecord(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new RangeError(`${what} must be an object`);
  }
  return value as Record<string, unknown>;
}

function asArray(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new RangeError(`${what} must be an array`);
  return value;
}

function asString(value: unknown, what: string): string {
  if (typeof value !== 'string' || value.length === 0)
    throw new RangeError(`${what} must be a non-empty string`);
  return value;
}
