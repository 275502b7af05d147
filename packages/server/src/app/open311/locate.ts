/**
 * An Open311 location (lat/long, address_string or address_id) as the region code every report needs (domain.md
 * §4). address_id is a Kemendagri region code; an address is matched by the names of the regions it contains, from
 * the regency down; a point alone gets its province from the shapes. The first that answers wins, in that order.
 */
import { isInIndonesia, type Open311Store, type RegionEntry } from '@pintu/core';
import { provinceAt } from './province-shapes';

export type LocationInput = {
  lat?: number | undefined;
  lng?: number | undefined;
  addressString?: string | undefined;
  addressId?: string | undefined;
};

export type Located =
  | { ok: true; regionCode: string }
  | { ok: false; field: 'lat' | 'address_string' | 'address_id'; reason: LocateFailure };

export type LocateFailure = 'outside_indonesia' | 'unknown_region' | 'address_not_found';

/** Lower case, letters and digits only, single spaces, padded: `' kota samarinda '`. */
export function normalized(text: string): string {
  const plain = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

// What people leave out when they name a region: "Samarinda" for "Kota Samarinda", "Jakarta" for "DKI Jakarta".
const PREFIXES =
  /^(kabupaten administrasi|kota administrasi|kabupaten|kota|provinsi|daerah istimewa|dki|di) /;

/**
 * How well `address` names the region: by its full name (2) or without "Kota"/"Kabupaten" (1), with the length
 * of the words matched; 0 when it does not.
 */
function match(address: string, region: RegionEntry): { score: number; length: number } {
  const full = normalized(region.name);
  if (address.includes(full)) return { score: 2, length: full.length };
  const short = full.trim().replace(PREFIXES, '');
  return short.length >= 4 && short !== full.trim() && address.includes(` ${short} `)
    ? { score: 1, length: short.length }
    : { score: 0, length: 0 };
}

/**
 * The region of `regions` the address names best (a longer match is the more specific: "Sungai Pinang Dalam"
 * over "Sungai Pinang"); null when it names none, or two equally well (Kota and Kabupaten Bandung for "Bandung").
 */
function best(address: string, regions: RegionEntry[]): RegionEntry | null {
  let top: RegionEntry | null = null;
  let topMatch = { score: 0, length: 0 };
  let tie = false;
  for (const r of regions) {
    const m = match(address, r);
    if (m.score === 0) continue;
    const better = m.score > topMatch.score || (m.score === topMatch.score && m.length > topMatch.length);
    if (better) [top, topMatch, tie] = [r, m, false];
    else if (m.score === topMatch.score && m.length === topMatch.length) tie = true;
  }
  return tie ? null : top;
}

/** The most specific region an address names, going down from the regency; null when it names none for sure. */
export async function regionOfAddress(
  store: Pick<Open311Store, 'upperRegions' | 'regionsUnder'>,
  addressString: string,
): Promise<string | null> {
  const address = normalized(addressString);
  const upper = await store.upperRegions();
  const province = best(
    address,
    upper.filter((r) => r.level === 1),
  );
  // A regency of the named province, when the address names one (two "Bandung"s: the province tells them apart).
  const regencies = upper.filter((r) => r.level === 2);
  const inProvince = province ? regencies.filter((r) => r.code.startsWith(`${province.code}.`)) : [];
  const found = best(address, inProvince.length ? inProvince : regencies) ?? province;
  if (found?.level !== 2) return found?.code ?? null;
  // Then its district, then that district's village, as long as the address names them.
  const district = best(address, await store.regionsUnder(found.code));
  if (!district) return found.code;
  const village = best(address, await store.regionsUnder(district.code));
  return (village ?? district).code;
}

const REGION_CODE = /^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$/;

/** The region of an Open311 location; the caller has checked that one of its forms was given. */
export async function locate(
  store: Pick<Open311Store, 'region' | 'upperRegions' | 'regionsUnder'>,
  input: LocationInput,
): Promise<Located> {
  const { lat, lng } = input;
  const point = lat !== undefined && lng !== undefined;
  // A point is checked even when the address decides the region: it is stored with the report.
  if (point && !isInIndonesia(lat, lng)) return { ok: false, field: 'lat', reason: 'outside_indonesia' };
  if (input.addressId !== undefined) {
    const code = input.addressId.trim();
    const region = REGION_CODE.test(code) ? await store.region(code) : null;
    return region
      ? { ok: true, regionCode: region.code }
      : { ok: false, field: 'address_id', reason: 'unknown_region' };
  }
  if (input.addressString !== undefined) {
    const code = await regionOfAddress(store, input.addressString);
    if (code) return { ok: true, regionCode: code };
    if (!point) return { ok: false, field: 'address_string', reason: 'address_not_found' };
  }
  if (!point) return { ok: false, field: 'address_string', reason: 'address_not_found' };
  const province = provinceAt(lat, lng);
  return province
    ? { ok: true, regionCode: province }
    : { ok: false, field: 'lat', reason: 'outside_indonesia' };
}
