/** Seeds the national holidays and cuti bersama of the SKB 3 Menteri decrees shipped with core, and the decrees. */
import { HOLIDAY_FILES, NATIONAL_HOLIDAYS } from '@pintu/core';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { holidayDecrees, holidays } from '../schema';
import { insertInBatches } from './batch';

/** Inserts every decreed day off of the years the reference data covers. */
export async function seedHolidays(db: Db, progress: Progress): Promise<void> {
  const rows = NATIONAL_HOLIDAYS.map((h) => ({
    date: h.date,
    name: h.name,
    kind: h.kind,
    regionCode: h.regionCode ?? null,
    source: h.source,
  }));
  progress.step('Hari libur (holidays)', rows.length);
  await insertInBatches(db, holidays, rows, progress);
  progress.done();
}

/**
 * Inserts the decrees of the shipped years (which make them decreed, not provisional). Separate from the days, so a
 * database whose holidays predate the decrees table gets them on upgrade without its edited days being touched.
 */
export async function seedHolidayDecrees(db: Db, progress: Progress): Promise<void> {
  const rows = HOLIDAY_FILES.flatMap((f) =>
    f.sources.map((s) => ({
      year: f.year,
      ref: s.ref,
      kind: s.kind,
      title: s.title,
      signedOn: s.date,
      note: s.note,
    })),
  );
  progress.step('Keputusan hari libur (holiday decrees)', rows.length);
  await insertInBatches(db, holidayDecrees, rows, progress);
  progress.done();
}
