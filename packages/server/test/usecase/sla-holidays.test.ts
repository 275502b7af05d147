/** Holiday administration and a year's decree over the in-memory holidays port: no database. */
import { DomainFailure, type HolidaySource, type Role } from '@pintu/core';
import { describe, expect, it } from 'vitest';
import type { Caller } from '../../src/app/accounts/caller';
import { calendarFrom } from '../../src/app/reference/calendar-source';
import { enterDecree } from '../../src/app/sla/enter-decree';
import { addHoliday, deleteHoliday, moveHoliday } from '../../src/app/sla/manage-holidays';
import { type FakeHolidays, fakeHolidays } from '../fakes/sla-holidays';

const NOW = new Date('2024-06-03T02:00:00Z');
const caller = (role: Role, institutionId: number | null = null): Caller => ({
  userId: `user-${role}`,
  name: role,
  email: `${role}@pintu.test`,
  grants: [{ role, institutionId }],
  permissions: [],
  mustChangePassword: false,
});
const admin = caller('national_admin');
const idulAdha = {
  date: '2024-06-17',
  name: 'Idul Adha 1445 H',
  kind: 'national',
  source: 'SKB 855/2023',
} as const;
const annual: HolidaySource = {
  ref: 'SKB 855/2023',
  kind: 'annual',
  title: 'SKB 3 Menteri',
  date: '2023-10-13',
  note: '',
};

async function envOf(holidays: FakeHolidays) {
  return { holidays, calendar: await calendarFrom(holidays), now: NOW };
}

/** The DomainFailure a promise rejects with. */
async function failureOf(p: Promise<unknown>) {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DomainFailure);
  return (err as DomainFailure).error;
}

describe('holiday administration (use case over fakes)', () => {
  it('adds a day off: recomputes from its date, audits what moved and reloads the calendar', async () => {
    const moved = { trackingId: 'PTU-1', stage: 'verify', from: 'a', to: 'b' };
    const holidays = fakeHolidays({ affectedBy: () => [moved] });
    const env = await envOf(holidays);
    expect(env.calendar.get().isWorkingDay('2024-06-17')).toBe(true);
    const out = await addHoliday(env, admin, idulAdha);
    expect(out).toEqual({ holiday: { id: 1, ...idulAdha, regionCode: null }, affected: [moved] });
    expect(holidays.recomputed).toEqual([['2024-06-17']]);
    expect(holidays.changes).toMatchObject([
      { change: 'add', holidayId: 1, before: null, actorId: admin.userId, at: NOW, affected: [moved] },
    ]);
    expect(env.calendar.get().isWorkingDay('2024-06-17')).toBe(false);
  });

  it('refuses a day that is already there: CONFLICT naming the date, nothing kept', async () => {
    const holidays = fakeHolidays({ holidays: [idulAdha] });
    const error = await failureOf(addHoliday(await envOf(holidays), admin, { ...idulAdha, name: 'Lagi' }));
    expect(error.code).toBe('CONFLICT');
    expect(error.fields).toEqual([
      { field: 'date', code: 'taken', message: 'Hari libur itu sudah ada pada tanggal tersebut.' },
    ]);
    expect(holidays.rows.size).toBe(1);
    expect(holidays.changes).toEqual([]);
  });

  it('refuses an unknown region, a missing holiday and anyone but the national admin', async () => {
    const holidays = fakeHolidays({ holidays: [idulAdha], regions: ['64'] });
    const env = await envOf(holidays);
    const regional = { ...idulAdha, kind: 'regional', regionCode: '99' } as const;
    const region = await failureOf(addHoliday(env, admin, regional));
    expect(region).toMatchObject({ code: 'VALIDATION', fields: [{ field: 'regionCode', code: 'unknown' }] });
    expect((await failureOf(moveHoliday(env, admin, 42, { name: 'X' }))).code).toBe('NOT_FOUND');
    const coordinator = caller('coordinator', 7);
    expect((await failureOf(deleteHoliday(env, coordinator, 1))).code).toBe('NOT_ALLOWED');
    expect(holidays.rows.size).toBe(1);
  });

  it('moves a day off and recomputes from both dates', async () => {
    const holidays = fakeHolidays({ holidays: [idulAdha] });
    const out = await moveHoliday(await envOf(holidays), admin, 1, { date: '2024-06-18' });
    expect(out.holiday.date).toBe('2024-06-18');
    expect(holidays.recomputed).toEqual([['2024-06-17', '2024-06-18']]);
    expect(holidays.changes[0]).toMatchObject({ change: 'move', before: { date: '2024-06-17' } });
  });
});

describe("a year's decree (use case over fakes)", () => {
  const file = (over: object = {}) => ({ year: 2024, sources: [annual], holidays: [idulAdha], ...over });

  it('names each bad field of a malformed file', async () => {
    const holidays = fakeHolidays();
    const error = await failureOf(enterDecree(await envOf(holidays), admin, { year: 2024 }, false));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toBe('Berkas keputusan hari libur tidak valid.');
    expect(error.fields?.length).toBeGreaterThan(0);
    expect(error.fields?.every((f) => f.code === 'invalid')).toBe(true);
  });

  it('needs the annual SKB and known region codes', async () => {
    const env = await envOf(fakeHolidays());
    const regional = { ...idulAdha, kind: 'regional', regionCode: '99', source: 'Perda 1/2024' };
    const keppres = { ...annual, ref: 'Perda 1/2024', kind: 'special' };
    const error = await failureOf(
      enterDecree(env, admin, file({ sources: [keppres], holidays: [regional] }), false),
    );
    expect(error.fields?.map((f) => [f.field, f.code])).toEqual([
      ['holidays.0.regionCode', 'unknown'],
      ['sources', 'annual_missing'],
    ]);
  });

  it('previews without keeping anything, then enters the file', async () => {
    const holidays = fakeHolidays({ holidays: [{ ...idulAdha, date: '2024-06-18' }] });
    const env = await envOf(holidays);
    const preview = await enterDecree(env, admin, file(), true);
    expect(preview).toMatchObject({
      dryRun: true,
      decreed: true,
      added: [idulAdha],
      removed: [{ date: '2024-06-18' }],
    });
    expect([...holidays.rows.values()].map((h) => h.date)).toEqual(['2024-06-18']);
    expect(holidays.decrees).toEqual([]);
    expect(env.calendar.decreedYears().has(2024)).toBe(false);
    const entered = await enterDecree(env, admin, file(), false);
    expect(entered).toMatchObject({ dryRun: false, decreed: true });
    expect([...holidays.rows.values()].map((h) => h.date)).toEqual(['2024-06-17']);
    expect(holidays.recomputed).toEqual([['2024-06-17', '2024-06-18']]);
    expect(holidays.changes).toMatchObject([{ change: 'decree', holidayId: null }]);
    expect(env.calendar.decreedYears().has(2024)).toBe(true);
  });
});
