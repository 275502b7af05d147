/** Seeds all reference data on first start; each part is skipped when its table already has rows. */
import { statusPairs } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { seedCategories } from './categories';
import { seedHolidayDecrees, seedHolidays } from './holidays';
import { seedInstitutions } from './institutions';
import { seedPrograms } from './programs';
import { loadRegionSource, seedRegions } from './regions';

async function isEmpty(db: Db, table: string): Promise<boolean> {
  const res = await db.execute(sql`select exists(select 1 from ${sql.identifier(table)}) as has`);
  return !(res.rows[0] as { has: boolean }).has;
}

/** Seeds regions, institutions, categories and holidays, in one transaction per part. */
export async function seedReferenceData(db: Db, progress: Progress): Promise<{ seeded: string[] }> {
  const seeded: string[] = [];
  const needRegions = await isEmpty(db, 'regions');
  const needInstitutions = await isEmpty(db, 'institutions');
  if (needRegions || needInstitutions) {
    const src = await loadRegionSource();
    if (needRegions) {
      await db.transaction((tx) => seedRegions(tx as unknown as Db, src, progress));
      seeded.push('regions');
    }
    if (needInstitutions) {
      await db.transaction((tx) => seedInstitutions(tx as unknown as Db, src, progress));
      seeded.push('institutions');
    }
  }
  if (await isEmpty(db, 'categories')) {
    await db.transaction((tx) => seedCategories(tx as unknown as Db, progress));
    seeded.push('categories');
  }
  if (await isEmpty(db, 'holidays')) {
    await db.transaction((tx) => seedHolidays(tx as unknown as Db, progress));
    seeded.push('holidays');
  }
  if (await isEmpty(db, 'holiday_decrees')) {
    await db.transaction((tx) => seedHolidayDecrees(tx as unknown as Db, progress));
    seeded.push('holiday_decrees');
  }
  // Program channels (issue 15): the reference programs, after the institutions and categories they name.
  if (await isEmpty(db, 'programs')) {
    if (await db.transaction((tx) => seedPrograms(tx as unknown as Db))) seeded.push('programs');
  }
  await syncLifecyclePairs(db);
  if (seeded.length) await db.execute(sql`analyze`);
  return { seeded };
}

/**
 * Copies the core lifecycle's status pairs into the table the events trigger checks (migration 0017), at every
 * start: a new release's lifecycle takes effect with the code that runs it, and nothing else writes the table.
 */
export async function syncLifecyclePairs(db: Db): Promise<void> {
  const values = sql.join(
    statusPairs().map(([from, to]) => sql`(${from}, ${to})`),
    sql`, `,
  );
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from lifecycle_status_pairs`);
    await tx.execute(sql`insert into lifecycle_status_pairs (from_status, to_status) values ${values}`);
  });
}
