/**
 * Time zone of a region from its Kemendagri code (domain.md §3): the province, the code's first two digits,
 * decides. Central institutions, which have no region, use WIB.
 */
import type { TimeZone } from './types';

// Province codes per zone (Kepmendagri region codes, 38 provinces including the four new Papua provinces 93–96).
const WIB_PROVINCES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '16',
  '17',
  '18',
  '19',
  '21',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '61',
  '62',
];
const WITA_PROVINCES = ['51', '52', '53', '63', '64', '65', '71', '72', '73', '74', '75', '76'];
const WIT_PROVINCES = ['81', '82', '91', '92', '93', '94', '95', '96'];

const ZONE_OF_PROVINCE: ReadonlyMap<string, TimeZone> = new Map<string, TimeZone>([
  ...WIB_PROVINCES.map((code) => [code, 'Asia/Jakarta'] as const),
  ...WITA_PROVINCES.map((code) => [code, 'Asia/Makassar'] as const),
  ...WIT_PROVINCES.map((code) => [code, 'Asia/Jayapura'] as const),
]);

/** The time zone used for institutions without a region (ministries, national agencies): WIB. */
export const CENTRAL_TIME_ZONE: TimeZone = 'Asia/Jakarta';

/** The two-digit Kemendagri codes of all 38 provinces. */
export const PROVINCE_CODES: readonly string[] = [...ZONE_OF_PROVINCE.keys()].sort();

/** The time zone of a province from its two-digit Kemendagri code; throws a RangeError for an unknown code. */
export function timeZoneOfProvince(provinceCode: string): TimeZone {
  const zone = ZONE_OF_PROVINCE.get(provinceCode);
  if (zone === undefined) throw new RangeError(`Unknown province code: ${JSON.stringify(provinceCode)}`);
  return zone;
}

/** The time zone of any region code ("64", "64.72", "64.72.01.1001") from its province; throws for an unknown one. */
export function timeZoneOfRegion(regionCode: string): TimeZone {
  if (!/^\d{2}(\.\d+)*$/.test(regionCode)) {
    throw new RangeError(`Not a Kemendagri region code: ${JSON.stringify(regionCode)}`);
  }
  return timeZoneOfProvince(regionCode.slice(0, 2));
}

/** Whether region `regionCode` equals `scopeCode` or lies under it ("64.72.01.1001" lies under "64" and "64.72"). */
export function isRegionWithin(regionCode: string, scopeCode: string): boolean {
  return (
    regionCode === scopeCode ||
    (regionCode.length > scopeCode.length &&
      regionCode.startsWith(scopeCode) &&
      regionCode.charCodeAt(scopeCode.length) === 46) // '.'
  );
}
