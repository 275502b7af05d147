/**
 * Dates as legacy exports write them: `2024-03-05`, `2024-03-05 14:30`, `05/03/2024` (day first, as Indonesia
 * writes it, unless the mapping says `mdy`), `5 Maret 2024`, `Selasa, 5 Mar 2024 14.30`, and Excel serial numbers
 * in XLSX. A time without a zone is local time of the mapping's zone; a date alone is the start of that local day.
 */
import type { TimeZone } from '@pintu/core';

const MONTHS: Record<string, number> = {
  januari: 1, january: 1, jan: 1,
  februari: 2, pebruari: 2, february: 2, feb: 2, peb: 2,
  maret: 3, march: 3, mar: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, june: 6, jun: 6,
  juli: 7, july: 7, jul: 7,
  agustus: 8, august: 8, agu: 8, agt: 8, aug: 8,
  september: 9, sept: 9, sep: 9,
  oktober: 10, october: 10, okt: 10, oct: 10,
  november: 11, nopember: 11, nov: 11, nop: 11,
  desember: 12, december: 12, des: 12, dec: 12,
}; // biome-ignore format: one month per line

const OFFSET_H: Record<TimeZone, number> = { 'Asia/Jakarta': 7, 'Asia/Makassar': 8, 'Asia/Jayapura': 9 };
const ISO =
  /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:,?\s+(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const WORDS =
  /^(\d{1,2})\s+([a-z]+)\.?\s+(\d{4})(?:,?\s+(?:pukul\s+|jam\s+)?(\d{1,2})[:.](\d{2})(?:[:.](\d{2}))?)?$/;
const SERIAL = /^\d{4,5}(\.\d+)?$/;

export interface DateOptions {
  timeZone: TimeZone;
  dateOrder: 'dmy' | 'mdy';
  /** Excel serial numbers are read only from workbooks: in a CSV a bare number is not a date. */
  serials: boolean;
}

function instant(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  zone: string | null,
  tz: TimeZone,
) {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return null;
  const utc = Date.UTC(y, mo - 1, d, h, mi, s);
  if (new Date(utc).getUTCDate() !== d || y < 1990) return null; // 31/02, or an impossible year for a complaint
  let offsetMin = OFFSET_H[tz] * 60;
  if (zone === 'Z') offsetMin = 0;
  else if (zone) {
    const [, sign, hh, mm] = /^([+-])(\d{2}):?(\d{2})$/.exec(zone)!;
    offsetMin = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm));
  }
  return new Date(utc - offsetMin * 60_000);
}

/** A legacy date: its instant, and whether the cell named only a day (no time). */
export interface LegacyDate {
  at: Date;
  dateOnly: boolean;
}

/** The instant a legacy date cell names (and whether it named only a day), or null when it is not a date. */
export function parseLegacyDate(raw: string, o: DateOptions): LegacyDate | null {
  const v = raw
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+,\s*/, '');
  if (v === '') return null;
  const of = (at: Date | null, dateOnly: boolean) => (at === null ? null : { at, dateOnly });
  let m = ISO.exec(v);
  if (m)
    return of(
      instant(
        +m[1]!,
        +m[2]!,
        +m[3]!,
        +(m[4] ?? 0),
        +(m[5] ?? 0),
        +(m[6] ?? 0),
        m[7]?.toUpperCase() ?? null,
        o.timeZone,
      ),
      m[4] === undefined,
    );
  m = NUMERIC.exec(v);
  if (m) {
    const [a, b] = o.dateOrder === 'dmy' ? [+m[1]!, +m[2]!] : [+m[2]!, +m[1]!];
    return of(
      instant(+m[3]!, b, a, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), null, o.timeZone),
      m[4] === undefined,
    );
  }
  m = WORDS.exec(v);
  if (m) {
    const month = MONTHS[m[2]!];
    if (!month) return null;
    return of(
      instant(+m[3]!, month, +m[1]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), null, o.timeZone),
      m[4] === undefined,
    );
  }
  if (o.serials && SERIAL.test(v)) {
    // Excel's day 0 is 1899-12-30 (counting its phantom 29 February 1900); the fraction is the time of day.
    const d = new Date(Math.round((Number(v) - 25569) * 86_400_000));
    const at = instant(
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      null,
      o.timeZone,
    );
    return of(at, Number.isInteger(Number(v)));
  }
  return null;
}

/** The local calendar date (YYYY-MM-DD) of an instant in a zone. */
export function localDay(t: Date, tz: TimeZone): string {
  return new Date(t.getTime() + OFFSET_H[tz] * 3_600_000).toISOString().slice(0, 10);
}
