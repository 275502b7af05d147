/**
 * Deadlines across 2026/2027 with only the shipped data (no 2027 decree): 1 January 2027 is off because its date is
 * fixed by Keppres 8/2024, whatever the SKB for 2027 will say. Fixed instants in all three zones (issue 10).
 */
import { describe, expect, it } from 'vitest';
import { defaultCalendar } from './national-holidays';
import { endOfLocalDay } from './time-zones';
import type { TimeZone } from './types';

const calendar = defaultCalendar();
const ZONES: [TimeZone, string][] = [
  ['Asia/Jakarta', '+07:00'],
  ['Asia/Makassar', '+08:00'],
  ['Asia/Jayapura', '+09:00'],
];

describe.each(ZONES)('the 2026/2027 boundary in %s', (tz, offset) => {
  it('Monday 28 December 2026 10:00 + 5 working days ends on Tuesday 5 January 2027', () => {
    // 29, 30, 31 December; 1 January off (fixed date); 4 and 5 January.
    const due = calendar.addWorkingDays(new Date(`2026-12-28T10:00:00${offset}`), 5, tz);
    expect(due.toISOString()).toBe(endOfLocalDay('2027-01-05', tz).toISOString());
    expect(due.toISOString()).toBe(new Date(`2027-01-05T23:59:59.999${offset}`).toISOString());
  });

  it('an event on 1 January 2027 (local) starts counting on Monday 4 January', () => {
    const due = calendar.addWorkingDays(new Date(`2027-01-01T00:30:00${offset}`), 1, tz);
    expect(due.toISOString()).toBe(endOfLocalDay('2027-01-04', tz).toISOString());
  });

  it('24 December 2026 is cuti bersama, 25 December Christmas: Wednesday 23rd + 1 is Monday 28th', () => {
    const due = calendar.addWorkingDays(new Date(`2026-12-23T16:00:00${offset}`), 1, tz);
    expect(due.toISOString()).toBe(endOfLocalDay('2026-12-28', tz).toISOString());
  });

  it('elapsed working days from 31 December 2026 to 5 January 2027 are 2 (1 January is off)', () => {
    const start = new Date(`2026-12-31T09:00:00${offset}`);
    expect(calendar.elapsedWorkingDays(start, new Date(`2027-01-05T09:00:00${offset}`), tz)).toBe(2);
  });
});

describe('the local date decides, not UTC', () => {
  // 31 December 2026 17:30 UTC is 1 January 2027 00:30 WIB and 02:30 WIT, but still 31 December in no zone here.
  const t = new Date('2026-12-31T17:30:00Z');
  it.each(ZONES)('%s: the event is on 1 January locally, so day 1 is Monday 4 January', (tz) => {
    expect(calendar.addWorkingDays(t, 1, tz).toISOString()).toBe(
      endOfLocalDay('2027-01-04', tz).toISOString(),
    );
  });

  it('16:30 UTC is still 31 December in WIB (23:30) but 1 January in WITA and WIT', () => {
    const late = new Date('2026-12-31T16:30:00Z');
    expect(calendar.addWorkingDays(late, 1, 'Asia/Jakarta').toISOString()).toBe(
      endOfLocalDay('2027-01-04', 'Asia/Jakarta').toISOString(),
    );
    expect(calendar.addWorkingDays(late, 0, 'Asia/Jakarta').toISOString()).toBe(
      endOfLocalDay('2026-12-31', 'Asia/Jakarta').toISOString(),
    );
    expect(calendar.addWorkingDays(late, 0, 'Asia/Makassar').toISOString()).toBe(
      endOfLocalDay('2027-01-01', 'Asia/Makassar').toISOString(),
    );
  });
});

describe('fixed-date holidays of 2027 without its decree', () => {
  it.each([
    ['2027-01-01', 'Tahun Baru 2027 Masehi'],
    ['2027-06-01', 'Hari Lahir Pancasila'],
    ['2027-08-17', 'Hari Proklamasi Kemerdekaan Republik Indonesia'],
  ])('%s is off (%s)', (date, name) => {
    expect(calendar.isWorkingDay(date)).toBe(false);
    expect(calendar.holidaysOn(date).map((h) => h.name)).toEqual([name]);
  });

  it('a movable feast is never guessed: no day of 2027 but the fixed ones is off on a weekday', () => {
    const off: string[] = [];
    for (
      let d = new Date('2027-01-01T00:00:00Z');
      d.getUTCFullYear() === 2027;
      d.setUTCDate(d.getUTCDate() + 1)
    ) {
      const date = d.toISOString().slice(0, 10);
      if (d.getUTCDay() % 6 !== 0 && !calendar.isWorkingDay(date)) off.push(date);
    }
    // 1 May 2027 is a Saturday and 25 December a Saturday: only three weekday holidays are known.
    expect(off).toEqual(['2027-01-01', '2027-06-01', '2027-08-17']);
  });
});
