/** Types of the working-day calendar (domain.md §6). */

/** The three Indonesian time zones: WIB, WITA, WIT. */
export const TIME_ZONES = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;
export type TimeZone = (typeof TIME_ZONES)[number];

/** A local calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

/** Kinds of days off: national holidays, collective leave, separately decreed days off, regional holidays. */
export const HOLIDAY_KINDS = ['national', 'cuti_bersama', 'special', 'regional'] as const;
export type HolidayKind = (typeof HOLIDAY_KINDS)[number];

/** One day off. A regional holiday carries the province or regency code it applies to. */
export interface Holiday {
  date: LocalDate;
  name: string;
  kind: HolidayKind;
  /** Kemendagri code of a province ("64") or regency ("64.72"); only for `regional`. */
  regionCode?: string | null;
  /** The decree the day comes from (SKB 3 Menteri number, Keppres, Perda…). */
  source: string;
}
