/**
 * The reference data the generator's workers draw from (plain, so it crosses to worker threads): institutions with
 * their paths, units, districts per regency, leaf categories and holidays; and the units and SKs the generator adds.
 */
import type { Holiday } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../packages/server/src/db/open';
import { postgresHolidays } from '../../packages/server/src/db/postgres-holidays';

export interface GenInstitution {
  id: number;
  code: string;
  kind: string;
  name: string;
  path: number[];
  timeZone: string;
  regionCode: string | null;
}

export interface GenReference {
  institutions: GenInstitution[];
  /** Regency government id → its units' ids. */
  unitsOf: Record<number, number[]>;
  /** Regency code → its district codes. */
  districtsOf: Record<string, string[]>;
  regencyCodes: string[];
  categoryIds: number[];
  holidays: Holiday[];
  /** The regency government that gets the big inbox (≥ 10,000 open reports at 1 million). */
  bigId: number;
}

/** The big inbox's institution: Pemerintah Kota Surabaya, or the first regency government if that is missing. */
export const BIG_CODE = 'pemda-35.78';

const OPD = [
  'Dinas Pekerjaan Umum dan Penataan Ruang',
  'Dinas Kesehatan',
  'Dinas Pendidikan',
  'Dinas Lingkungan Hidup',
  'Dinas Perhubungan',
  'Dinas Kependudukan dan Pencatatan Sipil',
  'Dinas Sosial',
  'Satuan Polisi Pamong Praja',
  'Perusahaan Daerah Air Minum',
  'Dinas Perumahan dan Kawasan Permukiman',
  'Badan Penanggulangan Bencana Daerah',
  'Dinas Penanaman Modal dan PTSP',
  'Dinas Perdagangan',
  'Dinas Pertanian',
  'Rumah Sakit Umum Daerah',
  'Dinas Komunikasi dan Informatika',
  'Badan Pendapatan Daerah',
  'Dinas Pemadam Kebakaran',
  'Dinas Koperasi dan UKM',
  'Dinas Ketenagakerjaan',
];

/**
 * Adds `count` units (OPD) under regency governments, spread over them by a fixed step, plus one of every OPD
 * under the big regency government; path = parent's path + own id, as institution administration makes it.
 */
export async function addUnits(db: Db, count: number): Promise<void> {
  const opd = sql.raw(`array[${OPD.map((o) => `'${o}'`).join(',')}]`);
  await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
    select p.id, p.path, 'bench-unit-' || g, 'unit', (${opd})[1 + g % ${OPD.length}] || ' ' || p.name,
      p.region_code, p.time_zone
    from generate_series(1, ${count}) g
      join (select row_number() over (order by id) as k, * from institutions where kind = 'regency_government') p
        on p.k = 1 + (g * 7919) % (select count(*) from institutions where kind = 'regency_government')`);
  await db.execute(sql`insert into institutions (parent_id, path, code, kind, name, region_code, time_zone)
    select p.id, p.path, 'bench-big-unit-' || g, 'unit', (${opd})[g] || ' ' || p.name, p.region_code, p.time_zone
    from generate_series(1, ${OPD.length}) g cross join institutions p where p.code = ${BIG_CODE}`);
  await db.execute(sql`update institutions set path = path || id
    where code like 'bench-%unit-%' and not (id = any(path))`);
}

/**
 * Records an SK (decree number and date) for 85% of the top-level institutions, the big one included, so that
 * most are connected and the national admin's "unattended" share is realistic. Only the columns: no document.
 */
export async function connectInstitutions(db: Db): Promise<void> {
  await db.execute(sql`update institutions set sk_number = 'SK-BENCH/' || id || '/2025', sk_date = '2025-01-15'
    where parent_id is null and (id % 20 < 17 or code = ${BIG_CODE})`);
}

/** Reads everything the workers need. */
export async function loadReference(db: Db): Promise<GenReference> {
  const rows = (
    await db.execute(sql`select id, code, kind, name, path, time_zone as "timeZone", region_code as "regionCode"
      from institutions where active order by id`)
  ).rows as unknown as GenInstitution[];
  const institutions = rows.map((r) => ({ ...r, id: Number(r.id), path: r.path.map(Number) }));
  const unitsOf: Record<number, number[]> = {};
  const push = <K extends string | number, V>(m: Record<K, V[]>, k: K, v: V) => {
    m[k] ??= [];
    m[k].push(v);
  };
  for (const i of institutions) if (i.kind === 'unit') push(unitsOf, i.path[i.path.length - 2]!, i.id);
  const districts = (await db.execute(sql`select code from regions where level = 3 order by code`)).rows;
  const districtsOf: Record<string, string[]> = {};
  for (const { code } of districts as { code: string }[]) push(districtsOf, code.slice(0, 5), code);
  const regencyCodes = (
    (await db.execute(sql`select code from regions where level = 2 order by code`)).rows as { code: string }[]
  ).map((r) => r.code);
  const categoryIds = (
    (await db.execute(sql`select id from categories where parent_id is not null order by id`)).rows as {
      id: number;
    }[]
  ).map((r) => Number(r.id));
  const big =
    institutions.find((i) => i.code === BIG_CODE) ??
    institutions.find((i) => i.kind === 'regency_government');
  if (!big) throw new Error('no regency government: was the reference data seeded?');
  return {
    institutions,
    unitsOf,
    districtsOf,
    regencyCodes,
    categoryIds,
    holidays: await postgresHolidays(db).all(),
    bigId: big.id,
  };
}
