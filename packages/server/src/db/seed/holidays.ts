/** Seeds the national holidays and cuti bersama of the SKB 3 Menteri decrees shipped with core. */
import { NATIONAL_HOLIDAYS } from '@pintu/core';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { holidays } from '../schema';
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
