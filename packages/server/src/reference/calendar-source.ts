/** The working-day calendar built from the holidays table, cached and rebuilt when holidays change. */
import { createCalendar, type Holiday, type WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../db/open';

export interface CalendarSource {
  get(): WorkingDayCalendar;
  reload(): Promise<void>;
}

/** Loads every holiday once; `reload()` after the national admin edits the calendar. */
export async function loadCalendar(db: Db): Promise<CalendarSource> {
  let calendar: WorkingDayCalendar;
  const reload = async () => {
    const res = await db.execute(sql`select to_char(date, 'YYYY-MM-DD') as date, name, kind,
      region_code as "regionCode", source from holidays`);
    calendar = createCalendar(res.rows as unknown as Holiday[]);
  };
  await reload();
  return { get: () => calendar, reload };
}
