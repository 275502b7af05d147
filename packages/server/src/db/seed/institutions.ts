/** Seeds the institutions: a government for every province and regency/city, and the central institutions. */
import { timeZoneOfProvince } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { institutions } from '../schema';
import { insertInBatches } from './batch';
import { loadCentralInstitutions } from './reference-files';
import { displayName, type RegionSource } from './regions';

/** The institution code of a region's government: `pemprov-64`, `pemda-64.72`. */
export function regionalGovernmentCode(regionCode: string): string {
  return regionCode.includes('.') ? `pemda-${regionCode}` : `pemprov-${regionCode}`;
}

/** Inserts the regional governments and the central institutions, then fills each node's path. */
export async function seedInstitutions(db: Db, src: RegionSource, progress: Progress): Promise<void> {
  const central = loadCentralInstitutions();
  const rows: (typeof institutions.$inferInsert)[] = [
    ...central.map((c) => ({
      code: c.code,
      kind: c.kind,
      name: c.name,
      nameEn: c.nameEn ?? null,
      acronym: c.acronym ?? null,
      timeZone: 'Asia/Jakarta', // central institutions work on WIB (domain.md §3)
      path: [],
    })),
    ...src.provinces.map((p) => ({
      code: regionalGovernmentCode(p.code),
      kind: 'provincial_government',
      name: `Pemerintah Provinsi ${displayName(p.name)}`,
      regionCode: p.code,
      timeZone: timeZoneOfProvince(p.code),
      path: [],
    })),
    ...src.regencies.map((r) => ({
      code: regionalGovernmentCode(r.code),
      kind: 'regency_government',
      name: `Pemerintah ${displayName(r.name)}`,
      regionCode: r.code,
      timeZone: timeZoneOfProvince(r.province_code),
      path: [],
    })),
  ];
  progress.step('Instansi (institutions)', rows.length);
  await insertInBatches(db, institutions, rows, progress, 500);
  // Every seeded institution is a root; its path is itself. Units added later extend their parent's path.
  await db.execute(sql`update institutions set path = array[id] where parent_id is null and path = '{}'`);
  progress.done();
}
