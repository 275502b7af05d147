import { describe, expect, it } from 'vitest';
import { checkHolidayFile, parseHolidayFile } from './holiday-file';
import { dayOfWeek, isLocalDate } from './local-date';
import {
  defaultCalendar,
  HOLIDAY_FILES,
  holidayYears,
  isHolidayYearCovered,
  NATIONAL_HOLIDAYS,
} from './national-holidays';
import type { HolidayKind } from './types';

interface Expected {
  year: number;
  /** Days per kind as the decrees state them; the comment names the decree that says so. */
  counts: Record<Exclude<HolidayKind, 'regional'>, number>;
  /** The Islamic holidays as decreed (the decree wins over astronomical calendars). */
  islamic: {
    israMikraj: string;
    idulFitri: [string, string];
    idulAdha: string;
    tahunBaruIslam: string;
    maulid: string;
  };
  /** Working days in the year (weekdays minus holidays on weekdays), derived from the list by hand. */
  workingDays: number;
}

const EXPECTED: Expected[] = [
  {
    year: 2023,
    // SKB 1066/2022: 16 libur nasional + 8 cuti bersama; SKB 327/2023 makes Idul Fitri cuti bersama 5 days (+1);
    // SKB 624/2023 adds cuti bersama Idul Adha on 28 and 30 June (+2): 16 + 11.
    counts: { national: 16, cuti_bersama: 11, special: 0 },
    islamic: {
      israMikraj: '2023-02-18',
      idulFitri: ['2023-04-22', '2023-04-23'],
      idulAdha: '2023-06-29',
      tahunBaruIslam: '2023-07-19',
      maulid: '2023-09-28',
    },
    workingDays: 239, // 260 weekdays − 21 holidays on weekdays
  },
  {
    year: 2024,
    // SKB 855/2023: 17 libur nasional + 10 cuti bersama; Keppres 10/2024 (14 Feb) and 33/2024 (27 Nov): 2 days off.
    counts: { national: 17, cuti_bersama: 10, special: 2 },
    islamic: {
      israMikraj: '2024-02-08',
      idulFitri: ['2024-04-10', '2024-04-11'],
      idulAdha: '2024-06-17',
      tahunBaruIslam: '2024-07-07',
      maulid: '2024-09-16',
    },
    workingDays: 238, // 262 weekdays − 24
  },
  {
    year: 2025,
    // SKB 1017/2024: 17 libur nasional + 10 cuti bersama; SKB 933/2025 adds cuti bersama on 18 August: 17 + 11.
    counts: { national: 17, cuti_bersama: 11, special: 0 },
    islamic: {
      israMikraj: '2025-01-27',
      idulFitri: ['2025-03-31', '2025-04-01'],
      idulAdha: '2025-06-06',
      tahunBaruIslam: '2025-06-27',
      maulid: '2025-09-05',
    },
    workingDays: 237, // 261 weekdays − 24
  },
  {
    year: 2026,
    // SKB 1497/2025: 17 libur nasional + 8 cuti bersama.
    counts: { national: 17, cuti_bersama: 8, special: 0 },
    islamic: {
      israMikraj: '2026-01-16',
      idulFitri: ['2026-03-21', '2026-03-22'],
      idulAdha: '2026-05-27',
      tahunBaruIslam: '2026-06-16',
      maulid: '2026-08-25',
    },
    workingDays: 240, // 261 weekdays − 21
  },
];

describe('shipped holiday data', () => {
  it('covers 2023–2026, one file per year, in order', () => {
    expect(holidayYears).toEqual([2023, 2024, 2025, 2026]);
    expect(isHolidayYearCovered(2024)).toBe(true);
    expect(isHolidayYearCovered(2027)).toBe(false);
    expect(NATIONAL_HOLIDAYS).toHaveLength(HOLIDAY_FILES.reduce((sum, f) => sum + f.holidays.length, 0));
  });

  describe.each(EXPECTED)('$year', ({ year, counts, islamic, workingDays }) => {
    const file = HOLIDAY_FILES.find((f) => f.year === year)!;

    it('every date is a real date in its year, in order, without duplicates', () => {
      const dates = file.holidays.map((h) => h.date);
      for (const date of dates) {
        expect(isLocalDate(date)).toBe(true);
        expect(date.startsWith(`${year}-`)).toBe(true);
      }
      expect(new Set(dates).size).toBe(dates.length);
      expect([...dates].sort()).toEqual(dates);
    });

    it('every kind is national, cuti_bersama or special, and every day cites one of the file’s decrees', () => {
      const refs = new Set(file.sources.map((s) => s.ref));
      for (const h of file.holidays) {
        expect(['national', 'cuti_bersama', 'special']).toContain(h.kind);
        expect(refs).toContain(h.source);
        expect(h.regionCode).toBeUndefined();
      }
      for (const s of file.sources) expect(isLocalDate(s.date)).toBe(true);
    });

    it('has as many days of each kind as the decrees state', () => {
      const actual = { national: 0, cuti_bersama: 0, special: 0 };
      for (const h of file.holidays) actual[h.kind as keyof typeof actual]++;
      expect(actual).toEqual(counts);
    });

    it('cuti bersama and special days off fall on weekdays (a leave day on a weekend would mean a typo)', () => {
      for (const h of file.holidays.filter((x) => x.kind !== 'national')) {
        expect([0, 6], `${h.date} ${h.name}`).not.toContain(dayOfWeek(h.date));
      }
    });

    it('has every Islamic holiday on its decreed date', () => {
      const national = (date: string) =>
        file.holidays.filter((h) => h.date === date && h.kind === 'national');
      expect(national(islamic.israMikraj).map((h) => h.name)).toEqual([
        expect.stringMatching(/^Isra Mikraj/),
      ]);
      for (const date of islamic.idulFitri) {
        expect(national(date).map((h) => h.name)).toEqual([expect.stringMatching(/^Hari Raya Idul Fitri/)]);
      }
      expect(national(islamic.idulAdha).map((h) => h.name)).toEqual([
        expect.stringMatching(/^Hari Raya Idul Adha/),
      ]);
      expect(national(islamic.tahunBaruIslam).map((h) => h.name)).toEqual([
        expect.stringMatching(/^Tahun Baru Islam/),
      ]);
      expect(national(islamic.maulid).map((h) => h.name)).toEqual([expect.stringMatching(/^Maulid Nabi/)]);
      const islamicNames = /Isra Mikraj|Idul Fitri|Idul Adha|Tahun Baru Islam|Maulid/;
      expect(file.holidays.filter((h) => h.kind === 'national' && islamicNames.test(h.name))).toHaveLength(6);
    });

    it(`has ${workingDays} working days`, () => {
      expect(defaultCalendar().workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`)).toBe(workingDays);
    });
  });

  it('holds the facts domain.md §6 states for Lebaran 2024', () => {
    const kindOn = (date: string) => NATIONAL_HOLIDAYS.filter((h) => h.date === date).map((h) => h.kind);
    expect(kindOn('2024-04-10')).toEqual(['national']);
    expect(kindOn('2024-04-11')).toEqual(['national']);
    for (const date of ['2024-04-08', '2024-04-09', '2024-04-12', '2024-04-15']) {
      expect(kindOn(date)).toEqual(['cuti_bersama']);
    }
    expect(kindOn('2024-02-14')).toEqual(['special']);
    expect(kindOn('2024-11-27')).toEqual(['special']);
    expect(kindOn('2025-08-18')).toEqual(['cuti_bersama']);
  });

  it('holds the 2023 revisions, not the original decree', () => {
    const cutiBersama = (from: string, to: string) =>
      NATIONAL_HOLIDAYS.filter((h) => h.kind === 'cuti_bersama' && h.date >= from && h.date <= to).map(
        (h) => h.date,
      );
    expect(cutiBersama('2023-04-01', '2023-04-30')).toEqual([
      '2023-04-19',
      '2023-04-20',
      '2023-04-21',
      '2023-04-24',
      '2023-04-25',
    ]);
    expect(cutiBersama('2023-06-01', '2023-06-30')).toEqual(['2023-06-02', '2023-06-28', '2023-06-30']);
  });
});

describe('parseHolidayFile', () => {
  const valid = {
    year: 2030,
    sources: [{ ref: 'X', kind: 'annual', title: 'T', date: '2029-09-01', note: 'N' }],
    holidays: [],
  };
  it.each([
    [null],
    [{ ...valid, year: '2030' }],
    [{ ...valid, sources: {} }],
    [{ ...valid, holidays: [{ date: '2030-02-30', name: 'n', kind: 'national', source: 'X' }] }],
    [{ ...valid, holidays: [{ date: '2030-01-01', name: 'n', kind: 'libur', source: 'X' }] }],
    [{ ...valid, holidays: [{ date: '2030-01-01', name: '', kind: 'national', source: 'X' }] }],
    [{ ...valid, holidays: [{ date: '2031-01-01', name: 'n', kind: 'national', source: 'X' }] }],
    [{ ...valid, holidays: [{ date: '2030-01-01', name: 'n', kind: 'national', source: 'Y' }] }],
    [{ ...valid, sources: [{ ...valid.sources[0], kind: 'keppres' }] }],
    [{ ...valid, sources: [] }],
  ])('rejects %j', (data) => {
    expect(() => parseHolidayFile(data)).toThrow(RangeError);
  });

  it('names every problem with its path', () => {
    const checked = checkHolidayFile({
      year: 2030,
      sources: [{ ref: 'X', kind: 'annual', title: 'T', date: '2029-02-30' }],
      holidays: [
        { date: '2030-03-01', name: 'n', kind: 'national', source: 'Z' },
        { date: '2030-03-02', name: 'n', kind: 'regional', source: 'X' },
      ],
    });
    expect(checked.ok ? [] : checked.problems.map((p) => p.path)).toEqual([
      'sources.0.date',
      'holidays.0.source',
      'holidays.1.regionCode',
    ]);
  });

  it('keeps a regional holiday’s region code', () => {
    const parsed = parseHolidayFile({
      ...valid,
      holidays: [{ date: '2030-01-01', name: 'n', kind: 'regional', regionCode: '51', source: 'X' }],
    });
    expect(parsed.holidays[0]?.regionCode).toBe('51');
  });
});
