import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './national-holidays';
import type { Holiday, TimeZone } from './types';
import { createCalendar } from './working-day-calendar';

const WIB: TimeZone = 'Asia/Jakarta';
const WITA: TimeZone = 'Asia/Makassar';
const WIT: TimeZone = 'Asia/Jayapura';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();

/** Lebaran 2024 exactly as domain.md §6 states it, as a literal list. */
const LEBARAN_2024: Holiday[] = [
  { date: '2024-04-08', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', source: 'test' },
  { date: '2024-04-09', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', source: 'test' },
  { date: '2024-04-10', name: 'Idul Fitri 1445 H', kind: 'national', source: 'test' },
  { date: '2024-04-11', name: 'Idul Fitri 1445 H', kind: 'national', source: 'test' },
  { date: '2024-04-12', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', source: 'test' },
  { date: '2024-04-15', name: 'Cuti bersama Idul Fitri', kind: 'cuti_bersama', source: 'test' },
];

describe('the §6 example', () => {
  it('an event on Friday 2024-04-05 is due 3 working days later at the end of Thursday 2024-04-18', () => {
    const calendar = createCalendar(LEBARAN_2024);
    const due = calendar.addWorkingDays(at('2024-04-05T10:00:00+07:00'), 3, WIB);
    expect(iso(due)).toBe('2024-04-18T16:59:59.999Z'); // 23:59:59.999 WIB
    expect(iso(defaultCalendar().addWorkingDays(at('2024-04-05T10:00:00+07:00'), 3, WIB))).toBe(iso(due));
  });

  it('without the holidays the same deadline is Wednesday 2024-04-10', () => {
    expect(iso(createCalendar([]).addWorkingDays(at('2024-04-05T10:00:00+07:00'), 3, WIB))).toBe(
      '2024-04-10T16:59:59.999Z',
    );
  });
});

describe('addWorkingDays across holiday stretches, in every zone (shipped data)', () => {
  const calendar = defaultCalendar();
  it.each([
    // Lebaran 2024: 6–15 April off (weekends, Idul Fitri 10–11, cuti bersama 8, 9, 12, 15).
    ['2024-04-05T10:00:00+07:00', 3, WIB, '2024-04-18T23:59:59.999+07:00'],
    ['2024-04-05T10:00:00+08:00', 3, WITA, '2024-04-18T23:59:59.999+08:00'],
    ['2024-04-05T10:00:00+09:00', 3, WIT, '2024-04-18T23:59:59.999+09:00'],
    // 16:30Z Friday: 23:30 WIB Friday, but Saturday 00:30 WITA / 01:30 WIT. Saturday is off, so all agree.
    ['2024-04-05T16:30:00Z', 3, WIB, '2024-04-18T23:59:59.999+07:00'],
    ['2024-04-05T16:30:00Z', 3, WITA, '2024-04-18T23:59:59.999+08:00'],
    ['2024-04-05T16:30:00Z', 3, WIT, '2024-04-18T23:59:59.999+09:00'],
    // 16:30Z Thursday: still Thursday in WIB (Friday 5 April is working day 1), already Friday in WITA and WIT.
    ['2024-04-04T16:30:00Z', 3, WIB, '2024-04-17T23:59:59.999+07:00'],
    ['2024-04-04T16:30:00Z', 3, WITA, '2024-04-18T23:59:59.999+08:00'],
    ['2024-04-04T16:30:00Z', 3, WIT, '2024-04-18T23:59:59.999+09:00'],
    // 15:30Z Thursday: 22:30 WIB and 23:30 WITA are Thursday, 00:30 WIT is Friday.
    ['2024-04-04T15:30:00Z', 3, WIB, '2024-04-17T23:59:59.999+07:00'],
    ['2024-04-04T15:30:00Z', 3, WITA, '2024-04-17T23:59:59.999+08:00'],
    ['2024-04-04T15:30:00Z', 3, WIT, '2024-04-18T23:59:59.999+09:00'],
    // 16:30Z Monday 15 April (cuti bersama): Monday in WIB, Tuesday (a working day) in WITA and WIT.
    ['2024-04-15T16:30:00Z', 3, WIB, '2024-04-18T23:59:59.999+07:00'],
    ['2024-04-15T16:30:00Z', 3, WITA, '2024-04-19T23:59:59.999+08:00'],
    ['2024-04-15T16:30:00Z', 3, WIT, '2024-04-19T23:59:59.999+09:00'],
    // Lebaran 2025: 28 March – 7 April off (Nyepi 29, Idul Fitri 31 Mar–1 Apr, cuti bersama 28 Mar, 2–4, 7 Apr).
    ['2025-03-27T14:00:00+08:00', 3, WITA, '2025-04-10T23:59:59.999+08:00'],
    ['2025-03-27T14:00:00+08:00', 5, WITA, '2025-04-14T23:59:59.999+08:00'],
    ['2025-03-26T09:00:00+09:00', 1, WIT, '2025-03-27T23:59:59.999+09:00'],
    ['2025-03-26T16:30:00Z', 3, WIB, '2025-04-09T23:59:59.999+07:00'],
    ['2025-03-26T16:30:00Z', 3, WITA, '2025-04-10T23:59:59.999+08:00'],
    ['2025-03-26T16:30:00Z', 3, WIT, '2025-04-10T23:59:59.999+09:00'],
    // Christmas and New Year 2025→2026: 25–26 Dec off, 29–31 Dec working, 1 Jan off, 2 Jan working.
    ['2025-12-24T09:00:00+07:00', 5, WIB, '2026-01-05T23:59:59.999+07:00'],
    ['2025-12-23T16:30:00Z', 3, WIB, '2025-12-30T23:59:59.999+07:00'],
    ['2025-12-23T16:30:00Z', 3, WITA, '2025-12-31T23:59:59.999+08:00'],
    ['2025-12-23T16:30:00Z', 3, WIT, '2025-12-31T23:59:59.999+09:00'],
    ['2025-12-31T20:00:00+09:00', 3, WIT, '2026-01-06T23:59:59.999+09:00'],
    // Lebaran 2026: 18–24 March off (cuti bersama 18, 20, 23, 24; Nyepi 19; Idul Fitri 21–22), Good Friday 3 April.
    ['2026-03-17T10:00:00+07:00', 3, WIB, '2026-03-27T23:59:59.999+07:00'],
    ['2026-03-16T16:30:00Z', 3, WIB, '2026-03-26T23:59:59.999+07:00'],
    ['2026-03-16T16:30:00Z', 3, WITA, '2026-03-27T23:59:59.999+08:00'],
    ['2026-03-16T16:30:00Z', 3, WIT, '2026-03-27T23:59:59.999+09:00'],
    ['2026-03-17T10:00:00+08:00', 14, WITA, '2026-04-14T23:59:59.999+08:00'],
    // 60 working days (field examination) across Christmas, New Year, Isra Mikraj and Imlek 2025.
    ['2024-12-02T10:00:00+07:00', 60, WIB, '2025-03-04T23:59:59.999+07:00'],
  ])('%s + %i working days (%s) → %s', (event, n, tz, expected) => {
    expect(iso(calendar.addWorkingDays(at(event), n, tz))).toBe(iso(at(expected)));
  });

  it.each([
    // n = 0 is the end of the local day of the event, whether or not that day is a working day.
    ['2024-04-05T10:00:00+07:00', WIB, '2024-04-05T23:59:59.999+07:00'],
    ['2024-04-06T10:00:00+07:00', WIB, '2024-04-06T23:59:59.999+07:00'],
    ['2024-04-05T16:30:00Z', WITA, '2024-04-06T23:59:59.999+08:00'],
  ])('%s + 0 working days (%s) → %s', (event, tz, expected) => {
    expect(iso(calendar.addWorkingDays(at(event), 0, tz))).toBe(iso(at(expected)));
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses n = %s', (n) => {
    expect(() => calendar.addWorkingDays(at('2024-04-05T10:00:00Z'), n, WIB)).toThrow(RangeError);
  });

  it('refuses an invalid Date', () => {
    expect(() => calendar.addWorkingDays(new Date('nope'), 3, WIB)).toThrow(RangeError);
  });
});

describe('elapsedWorkingDays across the same stretches (shipped data)', () => {
  const calendar = defaultCalendar();
  it.each([
    ['2024-04-05T10:00:00+07:00', '2024-04-16T09:00:00+07:00', WIB, 1],
    ['2024-04-05T10:00:00+07:00', '2024-04-15T23:59:59.999+07:00', WIB, 0],
    ['2024-04-04T10:00:00+07:00', '2024-04-18T10:00:00+07:00', WIB, 4],
    ['2024-04-16T08:00:00+07:00', '2024-04-16T17:00:00+07:00', WIB, 0], // same day
    ['2024-04-18T10:00:00+07:00', '2024-04-05T10:00:00+07:00', WIB, 0], // end before start
    ['2024-04-16T23:59:59.999+07:00', '2024-04-17T00:00:00+07:00', WIB, 1], // one millisecond, one day
    // The same two instants, counted in each zone: Monday 15 → Thursday 18 in WIB, Tuesday 16 → Thursday 18 east.
    ['2024-04-15T16:30:00Z', '2024-04-18T10:00:00Z', WIB, 3],
    ['2024-04-15T16:30:00Z', '2024-04-18T10:00:00Z', WITA, 2],
    ['2024-04-15T16:30:00Z', '2024-04-18T10:00:00Z', WIT, 2],
    ['2025-03-27T10:00:00+08:00', '2025-04-08T10:00:00+08:00', WITA, 1],
    ['2025-03-26T10:00:00+08:00', '2025-04-10T10:00:00+08:00', WITA, 4],
    ['2025-12-24T10:00:00+07:00', '2026-01-05T10:00:00+07:00', WIB, 5],
    ['2026-03-17T10:00:00+09:00', '2026-03-25T10:00:00+09:00', WIT, 1],
    ['2026-03-13T10:00:00+07:00', '2026-03-31T10:00:00+07:00', WIB, 7],
    ['2024-12-02T10:00:00+07:00', '2025-03-04T12:00:00+07:00', WIB, 60],
  ])('%s → %s (%s) = %i', (start, end, tz, expected) => {
    expect(calendar.elapsedWorkingDays(at(start), at(end), tz)).toBe(expected);
  });
});

describe('workingDaysLeft (shipped data, WIB)', () => {
  const calendar = defaultCalendar();
  it.each([
    ['2024-04-05T09:00:00+07:00', '2024-04-18T23:59:59.999+07:00', 3],
    ['2024-04-16T09:00:00+07:00', '2024-04-18T23:59:59.999+07:00', 2],
    ['2024-04-18T09:00:00+07:00', '2024-04-18T23:59:59.999+07:00', 0], // due today
    ['2024-04-18T23:59:59.999+07:00', '2024-04-18T23:59:59.999+07:00', 0], // the last moment
    ['2024-04-19T00:00:00+07:00', '2024-04-18T23:59:59.999+07:00', -1], // one millisecond late
    ['2024-04-22T09:00:00+07:00', '2024-04-18T23:59:59.999+07:00', -2],
    ['2024-04-20T10:00:00+07:00', '2024-04-19T23:59:59.999+07:00', -1], // missed Friday, now Saturday
    ['2024-04-22T10:00:00+07:00', '2024-04-19T23:59:59.999+07:00', -1], // … and Monday
    ['2024-04-23T10:00:00+07:00', '2024-04-19T23:59:59.999+07:00', -2],
    ['2024-04-16T10:00:00+07:00', '2024-04-04T23:59:59.999+07:00', -2], // overdue across Lebaran: 5 and 16 April
    ['2024-04-18T15:00:00+07:00', '2024-04-18T12:00:00+07:00', -1], // a mid-day due instant, passed
  ])('now %s, due %s → %i', (now, due, expected) => {
    expect(calendar.workingDaysLeft(at(now), at(due), WIB)).toBe(expected);
  });
});

describe('regional holidays apply only inside their region', () => {
  const regional: Holiday[] = [
    { date: '2024-09-25', name: 'Hari Raya Galungan', kind: 'regional', regionCode: '51', source: 'test' },
    {
      date: '2024-09-25',
      name: 'Galungan (Denpasar)',
      kind: 'regional',
      regionCode: '51.71',
      source: 'test',
    },
    {
      date: '2024-10-03',
      name: 'Hari jadi kota (test)',
      kind: 'regional',
      regionCode: '64.72',
      source: 'test',
    },
    { date: '2024-12-25', name: 'Regional on Christmas', kind: 'regional', regionCode: '51', source: 'test' },
  ];
  const calendar = createCalendar([
    ...regional,
    { ...LEBARAN_2024[0]!, date: '2024-12-25', kind: 'national' },
  ]);

  it.each([
    ['2024-09-25', undefined, true],
    ['2024-09-25', null, true],
    ['2024-09-25', '', true],
    ['2024-09-25', '51', false],
    ['2024-09-25', '51.71', false],
    ['2024-09-25', '51.71.01.1001', false],
    ['2024-09-25', '51.03', false],
    ['2024-09-25', '52', true],
    ['2024-09-25', '52.01', true],
    ['2024-10-03', '64', true], // the province is not inside its regency
    ['2024-10-03', '64.72', false],
    ['2024-10-03', '64.72.01.1001', false],
    ['2024-10-03', '64.71', true],
    ['2024-10-03', '64.721', true],
    ['2024-09-28', '51', false], // a Saturday
    ['2024-12-25', '52', false], // the national holiday applies everywhere
  ])('%s in region %j is a working day: %s', (date, region, expected) => {
    expect(calendar.isWorkingDay(date, region)).toBe(expected);
  });

  it.each([
    ['51.71', '2024-09-26T23:59:59.999+08:00'],
    ['52', '2024-09-25T23:59:59.999+08:00'],
    [undefined, '2024-09-25T23:59:59.999+08:00'],
  ])('a deadline of 1 working day after Tuesday 24 September in region %j → %s', (region, expected) => {
    expect(iso(calendar.addWorkingDays(at('2024-09-24T10:00:00+08:00'), 1, WITA, region))).toBe(
      iso(at(expected)),
    );
  });

  it.each([
    ['51.71.01.1001', 2], // Galungan declared twice for Denpasar is still one day
    ['51', 2],
    ['52', 3],
    [null, 3],
  ])('working days after 24 up to 27 September 2024 in region %j = %i', (region, expected) => {
    expect(
      calendar.elapsedWorkingDays(
        at('2024-09-24T10:00:00+08:00'),
        at('2024-09-27T10:00:00+08:00'),
        WITA,
        region,
      ),
    ).toBe(expected);
    expect(calendar.workingDaysBetween('2024-09-24', '2024-09-27', region)).toBe(expected);
  });

  it('a regional holiday on a national holiday is not counted twice', () => {
    expect(calendar.workingDaysBetween('2024-12-23', '2024-12-27', '51')).toBe(3);
    expect(calendar.workingDaysBetween('2024-12-23', '2024-12-27')).toBe(3);
  });

  it('holidaysOn lists the days off that apply to the region', () => {
    expect(calendar.holidaysOn('2024-09-25').map((h) => h.name)).toEqual([]);
    expect(calendar.holidaysOn('2024-09-25', '51.71.01').map((h) => h.name)).toEqual([
      'Hari Raya Galungan',
      'Galungan (Denpasar)',
    ]);
    expect(calendar.holidaysOn('2024-09-25', '51.03').map((h) => h.name)).toEqual(['Hari Raya Galungan']);
    expect(calendar.holidaysOn('2024-12-25', '52').map((h) => h.kind)).toEqual(['national']);
  });

  it('rejects a malformed region code', () => {
    expect(() => calendar.isWorkingDay('2024-09-25', '5')).toThrow(RangeError);
    expect(() => calendar.isWorkingDay('2024-09-25', '51-71')).toThrow(RangeError);
  });
});

describe('createCalendar checks its data', () => {
  const base = { name: 'x', source: 'test' };
  it.each([
    [{ ...base, date: '2024-02-30', kind: 'national' }],
    [{ ...base, date: '2024-04-10', kind: 'regional' }],
    [{ ...base, date: '2024-04-10', kind: 'regional', regionCode: 'Bali' }],
    [{ ...base, date: '2024-04-10', kind: 'holiday' }],
  ])('rejects %j', (holiday) => {
    expect(() => createCalendar([holiday as Holiday])).toThrow(RangeError);
  });

  it('without decreed holidays only weekends and the fixed-date national holidays are off', () => {
    const calendar = createCalendar([]);
    expect(calendar.isWorkingDay('2024-04-10')).toBe(true);
    expect(calendar.isWorkingDay('2024-04-13')).toBe(false);
    // 262 weekdays after 1 January; 1 May and 25 December fall on weekdays (1 June, 17 August on Saturdays).
    expect(calendar.workingDaysBetween('2024-01-01', '2024-12-31')).toBe(259);
    expect(calendar.holidaysOn('2024-05-01').map((h) => h.source)).toEqual(['Keppres 8/2024']);
  });
});
