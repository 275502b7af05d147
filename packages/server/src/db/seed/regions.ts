/** Seeds the Kemendagri regions from the npm package `idn-area-data` (38 provinces, 514 regencies/cities, …). */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import type { Progress } from '../../cli/progress';
import type { Db } from '../open';
import { regions } from '../schema';
import { insertInBatches } from './batch';

const KEEP_UPPER = new Set([
  'DKI',
  'DI',
  'II',
  'III',
  'IV',
  'VII',
  'VIII',
  'IX',
  'X',
  'XI',
  'XII',
  'XIII',
  'XIV',
]);
const KEEP_LOWER = new Set(['dan']);

/** Turns the package's upper-case names ("KOTA SAMARINDA") into display case ("Kota Samarinda"). */
export function displayName(raw: string): string {
  return raw
    .split(/(\s+|-|\(|\))/)
    .map((w) => {
      if (KEEP_UPPER.has(w)) return w;
      const lower = w.toLowerCase();
      if (KEEP_LOWER.has(lower)) return lower;
      return lower.charAt(0).toUpperCase() + lower.slice(1);
    })
    .join('');
}

export interface RegionSource {
  provinces: { code: string; name: string }[];
  regencies: { code: string; province_code: string; name: string }[];
}

/** Loads the province and regency lists (also used to build the regional governments). */
export async function loadRegionSource(): Promise<RegionSource> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  return { provinces, regencies };
}

/** Inserts every province, regency/city, district and village. */
export async function seedRegions(db: Db, src: RegionSource, progress: Progress): Promise<void> {
  const [districts, villages] = await Promise.all([getDistricts(), getVillages()]);
  const rows: (typeof regions.$inferInsert)[] = [
    ...src.provinces.map((p) => ({
      code: p.code,
      name: displayName(p.name),
      level: 1,
      provinceCode: p.code,
    })),
    ...src.regencies.map((r) => ({
      code: r.code,
      name: displayName(r.name),
      level: 2,
      parentCode: r.province_code,
      provinceCode: r.province_code,
    })),
    ...districts.map((d) => ({
      code: d.code,
      name: d.name,
      level: 3,
      parentCode: d.regency_code,
      provinceCode: d.code.slice(0, 2),
    })),
    ...villages.map((v) => ({
      code: v.code,
      name: v.name,
      level: 4,
      parentCode: v.district_code,
      provinceCode: v.code.slice(0, 2),
    })),
  ];
  progress.step('Wilayah (regions)', rows.length);
  await insertInBatches(db, regions, rows, progress, 4000);
  progress.done();
}
