import { describe, expect, it } from 'vitest';
import { createCalendar } from '../calendar/working-day-calendar';
import type { Actor } from '../policy/roles';
import { fakeWorkingDays } from './fake-working-days';
import { NATIONAL_QUEUE } from './holder';
import { openReport } from './open-report';
import { INST_A, INST_WITA, wib } from './test-reports';
import type { WorkingDays } from './working-days';

const citizen: Actor = { id: 'citizen-1', role: 'citizen', institutionId: null };
// domain.md §6: 10–11 April 2024 Idul Fitri; 8, 9, 12 and 15 April cuti bersama.
const LEBARAN_2024 = ['2024-04-08', '2024-04-09', '2024-04-10', '2024-04-11', '2024-04-12', '2024-04-15'];
const ctx = { calendar: fakeWorkingDays(LEBARAN_2024) };
const input = { id: 'r-9', type: 'complaint' as const, reporterId: 'citizen-1' };

describe('openReport', () => {
  it('puts a report without a chosen institution in the national queue with a 3-working-day verify deadline (WIB)', () => {
    const result = openReport(input, citizen, wib('2024-04-05T10:00'), ctx);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report).toMatchObject({
      status: 'submitted',
      holder: NATIONAL_QUEUE,
      hops: 0,
      facilitatorId: null,
    });
    // Friday 5 April + 3 working days across Lebaran = end of Thursday 18 April, WIB.
    expect(result.report.clock).toMatchObject({ stage: 'verify', workingDays: 3, escalationLevel: 0 });
    expect(result.report.clock?.dueAt.toISOString()).toBe('2024-04-18T16:59:59.999Z');
    expect(result.events).toEqual([
      expect.objectContaining({
        reportId: 'r-9',
        type: 'submitted',
        actorRole: 'citizen',
        from: null,
        to: 'submitted',
      }),
    ]);
  });

  it("puts a report with a chosen institution in that institution's queue, deadline in its time zone", () => {
    const result = openReport(
      { ...input, requested: INST_WITA },
      citizen,
      new Date('2024-04-05T08:30:00+08:00'),
      ctx,
    );
    if (!result.ok) throw new Error(result.error.message);
    expect(result.report.holder.institutionId).toBe('pemkot-makassar');
    expect(result.report.clock?.dueAt.toISOString()).toBe('2024-04-18T15:59:59.999Z');
    expect(result.report.custody).toEqual([
      {
        institutionId: 'pemkot-makassar',
        from: new Date('2024-04-05T00:30:00Z'),
        to: null,
        workingDays: null,
      },
    ]);
  });

  it('records the facilitator who files for a villager', () => {
    const facilitator: Actor = { id: 'fac-7', role: 'facilitator', institutionId: null };
    const result = openReport({ ...input, requested: INST_A }, facilitator, wib('2024-04-05T10:00'), ctx);
    expect(result.ok && result.report.facilitatorId).toBe('fac-7');
  });

  it('lets citizens and guests file only in their own name, and staff not at all', () => {
    const guest: Actor = { id: 'guest-abc', role: 'guest', institutionId: null };
    const wrongGuest = openReport(input, guest, wib('2024-04-05T10:00'), ctx);
    expect(!wrongGuest.ok && wrongGuest.error.code).toBe('NOT_ALLOWED');
    const ownGuest = openReport({ ...input, reporterId: 'guest-abc' }, guest, wib('2024-04-05T10:00'), ctx);
    expect(ownGuest.ok).toBe(true);
    const coordinator: Actor = { id: 'k', role: 'coordinator', institutionId: 'inst-a' };
    const staff = openReport(input, coordinator, wib('2024-04-05T10:00'), ctx);
    expect(!staff.ok && staff.error.code).toBe('NOT_ALLOWED');
  });

  it('rejects bad input field by field', () => {
    const bad = { id: '', type: 'rumour', reporterId: '', requested: { ...INST_A, institutionId: null } };
    const result = openReport(
      bad as never,
      { id: 'system', role: 'system', institutionId: null },
      new Date(),
      ctx,
    );
    expect(!result.ok && result.error.fields?.map((f) => f.field)).toEqual([
      'id',
      'type',
      'reporterId',
      'requested',
    ]);
  });

  it('works with the real calendar, which satisfies WorkingDays structurally', () => {
    const holidays = LEBARAN_2024.map((date) => ({
      date,
      name: 'Lebaran',
      kind: 'cuti_bersama' as const,
      source: 'SKB',
    }));
    const calendar: WorkingDays = createCalendar(holidays);
    const result = openReport(input, citizen, wib('2024-04-05T10:00'), { calendar });
    expect(result.ok && result.report.clock?.dueAt.toISOString()).toBe('2024-04-18T16:59:59.999Z');
  });
});
