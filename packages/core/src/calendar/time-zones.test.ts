import { describe, expect, it } from 'vitest';
import {
  CENTRAL_TIME_ZONE,
  isRegionWithin,
  PROVINCE_CODES,
  timeZoneOfProvince,
  timeZoneOfRegion,
} from './region-time-zones';
import { endOfLocalDay, localDate, startOfLocalDay, utcOffsetMs } from './time-zones';
import type { TimeZone } from './types';

const WIB: TimeZone = 'Asia/Jakarta';
const WITA: TimeZone = 'Asia/Makassar';
const WIT: TimeZone = 'Asia/Jayapura';

describe('localDate', () => {
  // One instant, three local dates: the zones split the evening of Friday 2024-04-05.
  it.each([
    ['2024-04-05T14:30:00Z', WIB, '2024-04-05'], // 21:30 WIB
    ['2024-04-05T14:30:00Z', WITA, '2024-04-05'], // 22:30 WITA
    ['2024-04-05T14:30:00Z', WIT, '2024-04-05'], // 23:30 WIT
    ['2024-04-05T15:30:00Z', WIB, '2024-04-05'], // 22:30 WIB
    ['2024-04-05T15:30:00Z', WITA, '2024-04-05'], // 23:30 WITA
    ['2024-04-05T15:30:00Z', WIT, '2024-04-06'], // 00:30 WIT, Saturday
    ['2024-04-05T16:30:00Z', WIB, '2024-04-05'], // 23:30 WIB
    ['2024-04-05T16:30:00Z', WITA, '2024-04-06'], // 00:30 WITA, Saturday
    ['2024-04-05T16:30:00Z', WIT, '2024-04-06'], // 01:30 WIT
    ['2024-04-05T17:30:00Z', WIB, '2024-04-06'], // 00:30 WIB, Saturday everywhere
    ['2024-04-05T16:59:59.999Z', WIB, '2024-04-05'], // the last millisecond of Friday in WIB
    ['2024-04-05T17:00:00.000Z', WIB, '2024-04-06'],
    ['2023-12-31T16:59:59.999Z', WIB, '2023-12-31'],
    ['2023-12-31T15:00:00.000Z', WIT, '2024-01-01'],
    ['1969-12-31T16:59:59.999Z', WIB, '1969-12-31'],
  ])('%s in %s is %s', (iso, tz, expected) => {
    expect(localDate(new Date(iso), tz)).toBe(expected);
  });

  it('rejects an invalid Date and an unknown zone', () => {
    expect(() => localDate(new Date('nope'), WIB)).toThrow(RangeError);
    expect(() => localDate(new Date(0), 'Asia/Singapore' as TimeZone)).toThrow(RangeError);
  });
});

describe('start and end of a local day', () => {
  it.each([
    ['2024-04-18', WIB, '2024-04-17T17:00:00.000Z', '2024-04-18T16:59:59.999Z'],
    ['2024-04-18', WITA, '2024-04-17T16:00:00.000Z', '2024-04-18T15:59:59.999Z'],
    ['2024-04-18', WIT, '2024-04-17T15:00:00.000Z', '2024-04-18T14:59:59.999Z'],
    ['2026-01-01', WIB, '2025-12-31T17:00:00.000Z', '2026-01-01T16:59:59.999Z'],
  ])('%s in %s runs from %s to %s', (date, tz, start, end) => {
    expect(startOfLocalDay(date, tz).toISOString()).toBe(start);
    expect(endOfLocalDay(date, tz).toISOString()).toBe(end);
    expect(localDate(startOfLocalDay(date, tz), tz)).toBe(date);
    expect(localDate(endOfLocalDay(date, tz), tz)).toBe(date);
  });

  it('offsets are fixed: +7, +8, +9 hours', () => {
    expect([WIB, WITA, WIT].map((tz) => utcOffsetMs(tz) / 3_600_000)).toEqual([7, 8, 9]);
  });
});

describe('time zone of a region', () => {
  it.each([
    ['11', WIB], // Aceh
    ['21', WIB], // Kepulauan Riau
    ['31', WIB], // DKI Jakarta
    ['36', WIB], // Banten
    ['61', WIB], // Kalimantan Barat
    ['62', WIB], // Kalimantan Tengah
    ['51', WITA], // Bali
    ['53', WITA], // NTT
    ['63', WITA], // Kalimantan Selatan
    ['64', WITA], // Kalimantan Timur
    ['65', WITA], // Kalimantan Utara
    ['71', WITA], // Sulawesi Utara
    ['76', WITA], // Sulawesi Barat
    ['81', WIT], // Maluku
    ['82', WIT], // Maluku Utara
    ['91', WIT], // Papua
    ['96', WIT], // Papua Barat Daya
  ])('province %s is in %s', (code, tz) => {
    expect(timeZoneOfProvince(code)).toBe(tz);
  });

  it('knows all 38 provinces', () => {
    expect(PROVINCE_CODES).toHaveLength(38);
    expect(CENTRAL_TIME_ZONE).toBe(WIB);
  });

  it.each(['10', '20', '22', '30', '37', '54', '66', '77', '83', '90', '97', '6', 'ab'])(
    'rejects unknown province %s',
    (code) => {
      expect(() => timeZoneOfProvince(code)).toThrow(RangeError);
    },
  );

  it.each([
    ['64.72.01.1001', WITA], // a village in Samarinda
    ['64.72', WITA],
    ['31.71.01', WIB],
    ['94.01', WIT],
    ['52', WITA],
  ])('region %s is in %s', (code, tz) => {
    expect(timeZoneOfRegion(code)).toBe(tz);
  });

  it.each(['', '6472', '64.', '64..72', '20.01', 'x4.72'])(
    'rejects malformed or unknown region %j',
    (code) => {
      expect(() => timeZoneOfRegion(code)).toThrow(RangeError);
    },
  );
});

describe('isRegionWithin', () => {
  it.each([
    ['64', '64', true],
    ['64.72', '64', true],
    ['64.72.01.1001', '64', true],
    ['64.72.01.1001', '64.72', true],
    ['64.71', '64.72', false],
    ['64.721', '64.72', false], // same prefix, different regency
    ['64', '64.72', false], // the province is not inside its regency
    ['641', '64', false],
  ])('%s within %s: %s', (region, scope, expected) => {
    expect(isRegionWithin(region, scope)).toBe(expected);
  });
});
