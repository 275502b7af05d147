/**
 * The Open311 pieces without a database: locating an address or a point, the W3C date-times both ways, titles
 * from descriptions, and XML that stays well-formed for any text a report may hold (property-based).
 */
import type { Open311Store, RegionEntry } from '@pintu/core';
import fc from 'fast-check';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { titleFrom } from '../../src/app/open311/file-request';
import { locate, regionOfAddress } from '../../src/app/open311/locate';
import { provinceAt } from '../../src/app/open311/province-shapes';
import { w3cDateTime } from '../../src/http/open311/open311.presenter';
import { parseW3c } from '../../src/http/open311/open311.schema';
import { fields, toJsonValue, toXml } from '../../src/http/open311/open311-document';

const REGIONS: RegionEntry[] = [
  { code: '32', name: 'Jawa Barat', level: 1 },
  { code: '64', name: 'Kalimantan Timur', level: 1 },
  { code: '94', name: 'Papua Tengah', level: 1 },
  { code: '91', name: 'Papua', level: 1 },
  { code: '32.04', name: 'Kabupaten Bandung', level: 2 },
  { code: '32.17', name: 'Kabupaten Bandung Barat', level: 2 },
  { code: '32.73', name: 'Kota Bandung', level: 2 },
  { code: '64.72', name: 'Kota Samarinda', level: 2 },
  { code: '64.72.03', name: 'Samarinda Ulu', level: 3 },
  { code: '64.72.08', name: 'Sungai Pinang', level: 3 },
  { code: '64.72.08.1001', name: 'Sungai Pinang Dalam', level: 4 },
  { code: '64.72.08.1002', name: 'Sungai Pinang Luar', level: 4 },
];
const store: Pick<Open311Store, 'region' | 'upperRegions' | 'regionsUnder'> = {
  region: async (code) => REGIONS.find((r) => r.code === code) ?? null,
  upperRegions: async () => REGIONS.filter((r) => r.level <= 2),
  regionsUnder: async (code) =>
    REGIONS.filter(
      (r) => r.code.startsWith(`${code}.`) && r.code.split('.').length === code.split('.').length + 1,
    ),
};

describe('locating', () => {
  it.each([
    ['Jl. Juanda, Samarinda', '64.72'],
    ['Sungai Pinang Dalam, Kec. Sungai Pinang, Kota Samarinda', '64.72.08.1001'],
    ['SAMARINDA ULU, samarinda', '64.72.03'],
    ['Bandung Barat', '32.17'],
    // Kota or Kabupaten Bandung: the address does not say, so only the province it names.
    ['Jl. Asia Afrika, Bandung, Jawa Barat', '32'],
    ['Jl. Asia Afrika, Kota Bandung', '32.73'],
    ['Nabire, Papua Tengah', '94'],
    ['Jalan Tanpa Nama', null],
  ])('%s → %s', async (address, code) => {
    expect(await regionOfAddress(store, address)).toBe(code);
  });

  it('a point gets its province; abroad or far at sea, none', () => {
    expect(provinceAt(-0.4948, 117.1436)).toBe('64');
    expect(provinceAt(-6.2, 106.8)).toBe('31');
    expect(provinceAt(-2.53, 140.7)).toBe('91');
    expect(provinceAt(3.139, 101.6869)).toBeNull(); // Kuala Lumpur
    expect(provinceAt(-8.55, 125.57)).toBeNull(); // Dili
    expect(provinceAt(-5, 110)).toBeNull(); // the Java Sea, far from any coast
  });

  it('address_id first, then the address, then the point; a point abroad always fails', async () => {
    expect(await locate(store, { addressId: '64.72', lat: -6.2, lng: 106.8 })).toEqual({
      ok: true,
      regionCode: '64.72',
    });
    expect(await locate(store, { addressString: 'Samarinda', lat: -6.2, lng: 106.8 })).toEqual({
      ok: true,
      regionCode: '64.72',
    });
    expect(await locate(store, { addressString: 'Jalan Tanpa Nama', lat: -6.2, lng: 106.8 })).toEqual({
      ok: true,
      regionCode: '31',
    });
    expect(await locate(store, { addressId: '64.72', lat: 48.85, lng: 2.35 })).toMatchObject({
      ok: false,
      reason: 'outside_indonesia',
    });
    expect(await locate(store, { addressId: '99' })).toMatchObject({ ok: false, reason: 'unknown_region' });
  });
});

describe('W3C date-times', () => {
  it('are written in the zone’s own offset', () => {
    const t = new Date('2026-12-07T16:30:05.999Z');
    expect(w3cDateTime(t, 'Asia/Jakarta')).toBe('2026-12-07T23:30:05+07:00');
    expect(w3cDateTime(t, 'Asia/Makassar')).toBe('2026-12-08T00:30:05+08:00');
    expect(w3cDateTime(t, 'Asia/Jayapura')).toBe('2026-12-08T01:30:05+09:00');
  });

  it('read back to the same second, whatever the zone (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura' as const),
        (t, tz) => {
          expect(parseW3c(w3cDateTime(t, tz))?.getTime()).toBe(Math.floor(t.getTime() / 1000) * 1000);
        },
      ),
    );
  });

  it('are refused without a zone or outside the calendar', () => {
    for (const bad of [
      '2026-12-01T00:00:00',
      '2026-02-30',
      '2026-12-01T24:00:00Z',
      '2026-12-01T00:00+15:00',
      'x',
    ])
      expect(parseW3c(bad), bad).toBeNull();
    expect(parseW3c('2026-12-01')?.toISOString()).toBe('2026-11-30T17:00:00.000Z');
    expect(parseW3c('2026-12-01T08:00:00 08:00')?.toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe('titles and XML', () => {
  it('takes the first sentence, else names the service, never over 150 characters', () => {
    expect(titleFrom('Jalan', 'Jalan berlubang besar. Sudah lama.')).toBe('Jalan berlubang besar.');
    expect(titleFrom('Jalan', 'Rusak. Tolong diperbaiki segera ya.')).toBe('Laporan Jalan: Rusak.');
    const long = titleFrom('Jalan', `${'kata '.repeat(60)}.`);
    expect([...long].length).toBeLessThanOrEqual(150);
    expect(long.endsWith('…')).toBe(true);
  });

  it('any text stays well-formed XML and reads back as itself, less what XML cannot carry (property)', () => {
    const parser = new XMLParser({ parseTagValue: false, trimValues: false, processEntities: true });
    const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), (a, b) => {
        const text = `${a}<&>"'${b}`;
        const xml = toXml('request', fields(['description', text]));
        expect(XMLValidator.validate(xml)).toBe(true);
        // XML 1.0 §2.11: a parser reads CR LF and a lone CR as LF, so the writer sends them as LF.
        const kept = text.replace(NOT_XML, '').replace(/\r\n?/g, '\n');
        expect(String(parser.parse(xml).request.description)).toBe(kept);
        expect(toJsonValue(fields(['description', text]))).toEqual({ description: text });
      }),
    );
  });
});
