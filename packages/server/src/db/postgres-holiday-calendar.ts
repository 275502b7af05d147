/**
 * The working-day calendar for the rollups, read inside the saving transaction. The lifecycle save has no calendar
 * of its own, so the holidays are fingerprinted (one cheap query) and the calendar is rebuilt only when they change
 * — an edit by the national admin is seen by the very next save.
 */
import { createCalendar, type Holiday, type HolidayKind, type WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { prepared } from './prepared';

/** Prepared: it runs on every save that counts a follow-up's working days. */
const FINGERPRINT = prepared<never>(
  'pintu_holidays_fingerprint',
  () => `select md5(coalesce(string_agg(date::text || kind || coalesce(region_code, ''),
    ',' order by date, kind, region_code), '')) as fingerprint from holidays`,
);

let cached: { fingerprint: string; calendar: WorkingDayCalendar } | null = null;

const holidayOf = (r: Record<string, unknown>): Holiday => ({
  date: String(r.date),
  name: String(r.name),
  kind: String(r.kind) as HolidayKind,
  regionCode: r.regionCode === null ? null : String(r.regionCode),
  source: String(r.source),
});

/** The calendar of the holidays table as the transaction sees it. */
export async function holidayCalendar(db: Db): Promise<WorkingDayCalendar> {
  const [row] = await FINGERPRINT(db, {});
  const fingerprint = String(row?.fingerprint);
  if (cached?.fingerprint === fingerprint) return cached.calendar;
  const all = await db.execute(sql`select to_char(date, 'YYYY-MM-DD') as date, name, kind,
    region_code as "regionCode", source from holidays`);
  cached = { fingerprint, calendar: createCalendar(all.rows.map(holidayOf)) };
  return cached.calendar;
}
