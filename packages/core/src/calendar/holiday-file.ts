/**
 * The holiday data files under `packages/core/reference/holidays/<year>.json`: one per year, every day off with the
 * decree it comes from (domain.md §6: stored as data with the source). The same format is what the national admin
 * imports to enter a year's decree, so the checks name every problem by its path, for field-level errors.
 */
import { isLocalDate } from './local-date';
import { HOLIDAY_KINDS, type Holiday, type HolidayKind } from './types';

/**
 * What a decree is for the year: `annual` is the SKB 3 Menteri on the year's national holidays and cuti bersama
 * (a year is decreed once it has one); `revision` changes it; `special` adds days off by itself (a Keppres for an
 * election day, say) and does not make the year decreed.
 */
export const DECREE_KINDS = ['annual', 'revision', 'special'] as const;
export type DecreeKind = (typeof DECREE_KINDS)[number];

/** One decree a year's holidays come from: the SKB 3 Menteri, each of its revisions, a Keppres. */
export interface HolidaySource {
  /** The short reference holidays cite in their `source` field, e.g. "SKB 855/2023" or "Keppres 10/2024". */
  ref: string;
  kind: DecreeKind;
  /** The decree's full title. */
  title: string;
  /** The day it was signed or announced, `YYYY-MM-DD`. */
  date: string;
  /** What it decided, how it was checked, and any doubt; may be empty for a decree entered by hand. */
  note: string;
}

/** One year's holiday file: its decrees and every day off with the decree it comes from. */
export interface HolidayFile {
  year: number;
  sources: HolidaySource[];
  holidays: Holiday[];
}

/** One problem of a holiday file: where (`sources.0.date`, `holidays.3.source`) and what. */
export interface HolidayFileProblem {
  path: string;
  message: string;
}

export type HolidayFileCheck =
  | { ok: true; file: HolidayFile }
  | { ok: false; problems: HolidayFileProblem[] };

const REGION_CODE = /^\d{2}(\.\d+)*$/;

/** Checks a parsed holiday file: every problem, each with its path; or the file, typed. */
export function checkHolidayFile(data: unknown): HolidayFileCheck {
  const problems: HolidayFileProblem[] = [];
  const at = (path: string, message: string) => problems.push({ path, message });
  if (!isRecord(data)) return { ok: false, problems: [{ path: '', message: 'must be an object' }] };
  const year = data.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 1953 || year > 9999)
    at('year', 'must be a whole year from 1953');
  const sources = list(data.sources, 'sources', at).map((raw, i): HolidaySource => {
    const s = record(raw, `sources.${i}`, at);
    const kind = str(s.kind, `sources.${i}.kind`, at);
    if (kind && !(DECREE_KINDS as readonly string[]).includes(kind))
      at(`sources.${i}.kind`, `must be one of ${DECREE_KINDS.join(', ')}`);
    const date = str(s.date, `sources.${i}.date`, at);
    if (date && !isLocalDate(date)) at(`sources.${i}.date`, 'is not a date (YYYY-MM-DD)');
    return {
      ref: str(s.ref, `sources.${i}.ref`, at),
      kind: kind as DecreeKind,
      title: str(s.title, `sources.${i}.title`, at),
      date,
      note: optionalText(s.note, `sources.${i}.note`, at),
    };
  });
  if (Array.isArray(data.sources) && sources.length === 0) at('sources', 'needs at least one decree');
  const refs = new Set<string>();
  sources.forEach((s, i) => {
    if (refs.has(s.ref)) at(`sources.${i}.ref`, `repeats ${s.ref}`);
    refs.add(s.ref);
  });
  const seen = new Set<string>();
  const holidays = list(data.holidays, 'holidays', at).map((raw, i): Holiday => {
    const h = record(raw, `holidays.${i}`, at);
    const where = `holidays.${i}`;
    const date = str(h.date, `${where}.date`, at);
    if (date && !isLocalDate(date)) at(`${where}.date`, 'is not a date (YYYY-MM-DD)');
    else if (date && typeof year === 'number' && !date.startsWith(`${year}-`))
      at(`${where}.date`, `is not in ${year}`);
    const kind = str(h.kind, `${where}.kind`, at);
    if (kind && !(HOLIDAY_KINDS as readonly string[]).includes(kind))
      at(`${where}.kind`, `must be one of ${HOLIDAY_KINDS.join(', ')}`);
    const source = str(h.source, `${where}.source`, at);
    if (source && !refs.has(source)) at(`${where}.source`, `is not one of the file's decrees: ${source}`);
    const holiday: Holiday = {
      date,
      name: str(h.name, `${where}.name`, at),
      kind: kind as HolidayKind,
      source,
    };
    const region = h.regionCode ?? null;
    if (region !== null) {
      if (typeof region !== 'string' || !REGION_CODE.test(region))
        at(`${where}.regionCode`, 'is not a Kemendagri region code');
      else holiday.regionCode = region;
    }
    if ((kind === 'regional') !== (region !== null))
      at(`${where}.regionCode`, 'a regional holiday needs a region code, and only a regional one');
    const key = `${date}|${kind}|${region ?? ''}`;
    if (seen.has(key)) at(`${where}.date`, `repeats ${date} (${kind})`);
    seen.add(key);
    return holiday;
  });
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, file: { year: year as number, sources, holidays } };
}

/** Check a parsed holiday file and return it typed; throws a RangeError naming the first problem found. */
export function parseHolidayFile(data: unknown): HolidayFile {
  const checked = checkHolidayFile(data);
  if (checked.ok) return checked.file;
  const year = isRecord(data) ? data.year : undefined;
  const first = checked.problems[0]!;
  throw new RangeError(`Holiday file ${year ?? '?'}: ${first.path || 'file'} ${first.message}`);
}

/** Whether a year's decrees include its annual SKB (then the year is decreed, not provisional). */
export function hasAnnualDecree(sources: readonly Pick<HolidaySource, 'kind'>[]): boolean {
  return sources.some((s) => s.kind === 'annual');
}

type At = (path: string, message: string) => void;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, path: string, at: At): Record<string, unknown> {
  if (isRecord(value)) return value;
  at(path, 'must be an object');
  return {};
}

function list(value: unknown, path: string, at: At): unknown[] {
  if (Array.isArray(value)) return value;
  at(path, 'must be a list');
  return [];
}

function optionalText(value: unknown, path: string, at: At): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  at(path, 'must be text');
  return '';
}

function str(value: unknown, path: string, at: At): string {
  if (typeof value === 'string' && value.trim().length > 0) return value;
  at(path, 'must be non-empty text');
  return '';
}
