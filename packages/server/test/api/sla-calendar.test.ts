/**
 * Deadlines that run themselves, walked hour by hour with a controlled clock through Lebaran 2024 and the 2025
 * year end, in WIB, WITA and WIT institutions: every reminder, escalation level, auto-resolve and auto-archive
 * happens once, at 00:00 local of the right day (domain.md §5, §6); a sweep after downtime catches up in order.
 */
import { type Actor, applyAction, type WorkingDayCalendar } from '@pintu/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { type SweepDeps, sweep } from '../../src/app/sla/sweep';
import type { Database } from '../../src/db/open';
import { loadReportState } from '../../src/db/postgres-lifecycle';
import { refIds } from '../support/fixtures';
import { act, actionsOf, fileInto, holderById, noticesOf, staffOf, stagesOf } from '../support/sla-fixtures';
import { openTestDatabase } from '../support/test-db';

const HOUR = 3_600_000;
const OFFSET = { WIB: 7, WITA: 8, WIT: 9 } as const;
type Zone = keyof typeof OFFSET;
/** A local wall-clock time in a zone, as an ISO instant. */
const local = (zone: Zone, date: string, time = '00:00') =>
  new Date(new Date(`${date}T${time}:00.000Z`).getTime() - OFFSET[zone] * HOUR).toISOString();

describe('SLA sweep through Lebaran 2024 and the 2025 year end', () => {
  let d: Database;
  let calendar: WorkingDayCalendar;
  let deps: SweepDeps;
  let ids: Awaited<ReturnType<typeof refIds>>;
  let zones: Record<Zone, number>;
  // fileInto files every report as this guest.
  const guest: Actor = { id: 'guest:pending', role: 'guest', institutionId: null };

  /** Sweeps every hour on the hour from `from` to `to` (inclusive); returns how many sweeps ran. */
  async function sweepHourly(from: string, to: string) {
    let n = 0;
    for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += HOUR) {
      await sweep(deps, new Date(t));
      n += 1;
    }
    return n;
  }

  beforeAll(async () => {
    d = await openTestDatabase();
    calendar = (await loadCalendar(d.db)).get();
    deps = { db: d.db, calendar: () => calendar };
    ids = await refIds(d.db);
    zones = { WIB: ids.kemenpu, WITA: ids.samarinda, WIT: ids.papuaTengahRegency };
    for (const [zone, id] of Object.entries(zones))
      expect((await holderById(d.db, id)).timeZone).toBe(
        { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' }[zone as Zone],
      );
  });
  afterAll(() => d.close());

  it('escalates a missed verify deadline over Lebaran: reminder, levels 1, 2, 3 — each once, 00:00 local', async () => {
    const filed: Record<Zone, string> = { WIB: '', WITA: '', WIT: '' };
    // Friday 5 April 2024, 10:00 local: 3 working days later is the end of Thursday 18 April (domain.md §6).
    for (const zone of Object.keys(zones) as Zone[])
      filed[zone] = await fileInto(d.db, calendar, zones[zone], new Date(local(zone, '2024-04-05', '10:00')));
    const sweeps = await sweepHourly('2024-04-05T03:00:00Z', '2024-04-27T00:00:00Z');
    expect(sweeps).toBe(526);
    for (const zone of Object.keys(zones) as Zone[]) {
      const holder = await holderById(d.db, zones[zone]);
      const parent = holder.ancestorIds.at(-1);
      const notices = await noticesOf(d.db, filed[zone]);
      expect(notices.map((n) => [n.kind, n.level, n.at])).toEqual([
        ['reminder', 0, local(zone, '2024-04-18')],
        ['escalation', 1, local(zone, '2024-04-19')],
        // 2 working days after the breach: Friday 19 and Monday 22 April.
        ['escalation', 2, local(zone, '2024-04-22')],
        // 5 working days after: 19, 22, 23, 24, 25 April.
        ['escalation', 3, local(zone, '2024-04-25')],
      ]);
      // Hourly sweeps on the hour see each instant exactly when it comes.
      for (const n of notices) expect(n.recordedAt).toBe(n.at);
      expect(notices.map((n) => n.recipient)).toEqual([
        'holder',
        'holder',
        parent ? 'parent_coordinator' : 'national_admin_and_oversight',
        'national_admin_and_oversight',
      ]);
      expect(notices[1]!.recipientInstitutionId).toBe(zones[zone]);
      expect(notices[2]!.recipientInstitutionId).toBe(parent ? Number(parent) : zones[zone]);
      // Level 3: the national admins and oversight, within the holder's scope.
      expect(notices[3]!.recipientInstitutionId).toBe(zones[zone]);
      expect(await actionsOf(d.db, filed[zone])).toEqual(['submitted', 'escalate', 'escalate', 'escalate']);
      const [stage] = await stagesOf(d.db, filed[zone]);
      expect(stage).toMatchObject({
        stage: 'verify',
        dueAt: new Date(new Date(local(zone, '2024-04-19')).getTime() - 1).toISOString(),
        breachedAt: new Date(new Date(local(zone, '2024-04-19')).getTime() - 1).toISOString(),
        escalationLevel: 3,
        completedAt: null,
        nextAt: null,
      });
    }
    expect(zones.WITA).not.toBe(zones.WIB);
    // Sweeping again, at any instant, changes nothing.
    for (const t of ['2024-04-27T00:00:00Z', '2024-05-01T12:34:56Z', '2024-06-01T00:00:00Z'])
      expect(await sweep(deps, new Date(t))).toMatchObject({ reminders: 0, escalations: 0 });
  });

  it('after downtime, one sweep processes everything that fell due, once, in order of due time', async () => {
    const filed = await fileInto(d.db, calendar, zones.WITA, new Date(local('WITA', '2024-04-05', '10:00')));
    const result = await sweep(deps, new Date('2024-04-30T01:00:00Z'));
    expect(result).toMatchObject({ reminders: 1, escalations: 3 });
    const notices = await noticesOf(d.db, filed);
    expect(notices.map((n) => [n.kind, n.level, n.at])).toEqual([
      ['reminder', 0, local('WITA', '2024-04-18')],
      ['escalation', 1, local('WITA', '2024-04-19')],
      ['escalation', 2, local('WITA', '2024-04-22')],
      ['escalation', 3, local('WITA', '2024-04-25')],
    ]);
    for (const n of notices) expect(n.recordedAt).toBe('2024-04-30T01:00:00.000Z');
    expect(await sweep(deps, new Date('2024-04-30T02:00:00Z'))).toMatchObject({
      reminders: 0,
      escalations: 0,
    });
  });

  it('a hold pauses the clock, the answer resumes it with the remaining days; a comment never resets it', async () => {
    // Wednesday 3 April 2024 10:00 WIB: verify due at the end of Tuesday 16 April (4, 5 and 16 April).
    const filed = await fileInto(d.db, calendar, zones.WIB, new Date(local('WIB', '2024-04-03', '10:00')));
    const { coordinator } = staffOf(zones.WIB);
    await act(
      d.db,
      calendar,
      filed,
      { type: 'hold', question: 'Mohon lampirkan foto lokasi.' },
      coordinator,
      new Date(local('WIB', '2024-04-04', '10:00')),
    );
    let [verify, hold] = await stagesOf(d.db, filed);
    expect(verify).toMatchObject({
      stage: 'verify',
      pausedAt: local('WIB', '2024-04-04', '10:00'),
      nextAt: null,
    });
    expect(hold).toMatchObject({ stage: 'hold_response', completedAt: null });
    await sweepHourly('2024-04-04T04:00:00Z', '2024-04-22T02:00:00Z');
    // Paused past its old deadline: no reminder, no escalation.
    expect(await noticesOf(d.db, filed)).toEqual([]);
    const answeredAt = local('WIB', '2024-04-22', '10:00');
    await act(
      d.db,
      calendar,
      filed,
      { type: 'answer_hold', message: 'Foto terlampir.' },
      guest,
      new Date(answeredAt),
    );
    [verify, hold] = await stagesOf(d.db, filed);
    // Two working days were left at the pause (5 and 16 April): the end of Wednesday 24 April.
    expect(verify).toMatchObject({
      dueAt: new Date(new Date(local('WIB', '2024-04-25')).getTime() - 1).toISOString(),
      pausedAt: null,
      pauses: 1,
      pausedMs: 18 * 24 * HOUR,
      completedAt: null,
    });
    expect(hold!.completedAt).toBe(answeredAt);
    await act(
      d.db,
      calendar,
      filed,
      { type: 'comment_internal', message: 'Sudah dicek.' },
      coordinator,
      new Date(local('WIB', '2024-04-23', '09:00')),
    );
    expect((await stagesOf(d.db, filed))[0]!.dueAt).toBe(verify!.dueAt);
    await sweepHourly('2024-04-22T03:00:00Z', '2024-04-26T00:00:00Z');
    expect((await noticesOf(d.db, filed)).map((n) => [n.kind, n.level, n.at])).toEqual([
      ['reminder', 0, local('WIB', '2024-04-24')],
      ['escalation', 1, local('WIB', '2024-04-25')],
      // 2 working days after the breach: Thursday 25 and Friday 26 April.
      ['escalation', 2, local('WIB', '2024-04-26')],
    ]);
    // Only the stage's completing action stops it.
    await act(
      d.db,
      calendar,
      filed,
      { type: 'verify', targets: [await holderById(d.db, zones.WIB)] },
      coordinator,
      new Date(local('WIB', '2024-04-26', '11:00')),
    );
    const stages = await stagesOf(d.db, filed);
    expect(stages.map((s) => [s.stage, s.completedAt !== null])).toEqual([
      ['verify', true],
      ['hold_response', true],
      ['acknowledge', false],
    ]);
    expect(stages[0]!.breachedAt).toBe(verify!.dueAt);
  });

  it('auto-resolves 10 silent working days after a follow-up over the 2025 year end, once, 00:00 local', async () => {
    const filed: Record<Zone, string> = { WIB: '', WITA: '', WIT: '' };
    for (const zone of Object.keys(zones) as Zone[]) {
      const { coordinator, liaison } = staffOf(zones[zone]);
      const id = await fileInto(d.db, calendar, zones[zone], new Date(local(zone, '2025-12-17', '09:00')));
      const holder = await holderById(d.db, zones[zone]);
      await act(
        d.db,
        calendar,
        id,
        { type: 'verify', targets: [holder] },
        coordinator,
        new Date(local(zone, '2025-12-17', '10:00')),
      );
      await act(
        d.db,
        calendar,
        id,
        { type: 'acknowledge', complexity: 'simple', message: 'Diterima.' },
        liaison,
        new Date(local(zone, '2025-12-18', '10:00')),
      );
      // Friday 19 December: 22, 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7 Jan (25, 26 Dec and 1 Jan off).
      await act(
        d.db,
        calendar,
        id,
        { type: 'post_follow_up', message: 'Jalan sudah diperbaiki pada 18 Desember.' },
        liaison,
        new Date(local(zone, '2025-12-19', '10:00')),
      );
      filed[zone] = id;
    }
    await sweepHourly('2025-12-17T00:00:00Z', '2026-01-10T00:00:00Z');
    for (const zone of Object.keys(zones) as Zone[]) {
      const notices = await noticesOf(d.db, filed[zone]);
      expect(notices.map((n) => [n.kind, n.stage, n.recipient, n.at, n.recordedAt])).toEqual([
        ['reminder', 'reporter_response', 'reporter', local(zone, '2026-01-07'), local(zone, '2026-01-07')],
        [
          'auto_resolve',
          'reporter_response',
          'reporter',
          local(zone, '2026-01-08'),
          local(zone, '2026-01-08'),
        ],
      ]);
      expect(await actionsOf(d.db, filed[zone])).toEqual([
        'submitted',
        'verify',
        'acknowledge',
        'post_follow_up',
        'auto_resolve',
      ]);
      expect((await stagesOf(d.db, filed[zone])).every((s) => s.completedAt !== null)).toBe(true);
    }
    // The reopen window closes by itself: the core checks `reopenUntil`, 10 working days after the auto-resolve
    // (9, 12, 13, 14, 15, 19, 20, 21, 22, 23 January; 16 January is Isra Mikraj) — no sweep step needed.
    const state = (await loadReportState(d.db, filed.WIB))!.state;
    const closes = new Date(new Date(local('WIB', '2026-01-24')).getTime() - 1);
    expect(state.reopenUntil).toEqual(closes);
    const reopen = { type: 'reopen', reason: 'Jalan rusak lagi.' } as const;
    expect(applyAction(state, reopen, guest, closes, { calendar }).ok).toBe(true);
    const late = applyAction(state, reopen, guest, new Date(closes.getTime() + 1), { calendar });
    expect(late.ok ? null : late.error.reason).toBe('reopen_window_closed');
  });

  it('auto-archives a hold left unanswered for 10 working days over the year end, once, 00:00 local', async () => {
    const filed: Record<Zone, string> = { WIB: '', WITA: '', WIT: '' };
    for (const zone of Object.keys(zones) as Zone[]) {
      const { coordinator } = staffOf(zones[zone]);
      const id = await fileInto(d.db, calendar, zones[zone], new Date(local(zone, '2025-12-22', '09:00')));
      // Monday 22 December: 23, 24, 29, 30, 31 Dec, 2, 5, 6, 7, 8 Jan.
      await act(
        d.db,
        calendar,
        id,
        { type: 'hold', question: 'Di mana tepatnya lokasinya?' },
        coordinator,
        new Date(local(zone, '2025-12-22', '10:00')),
      );
      filed[zone] = id;
    }
    await sweepHourly('2025-12-22T00:00:00Z', '2026-01-12T00:00:00Z');
    for (const zone of Object.keys(zones) as Zone[]) {
      const notices = await noticesOf(d.db, filed[zone]);
      expect(notices.map((n) => [n.kind, n.stage, n.at, n.recordedAt])).toEqual([
        ['reminder', 'hold_response', local(zone, '2026-01-08'), local(zone, '2026-01-08')],
        ['auto_archive', 'hold_response', local(zone, '2026-01-09'), local(zone, '2026-01-09')],
      ]);
      expect(await actionsOf(d.db, filed[zone])).toEqual(['submitted', 'hold', 'auto_archive']);
      const stages = await stagesOf(d.db, filed[zone]);
      expect(stages.map((s) => [s.stage, s.completedAt])).toEqual([
        ['verify', local(zone, '2026-01-09')],
        ['hold_response', local(zone, '2026-01-09')],
      ]);
    }
  });
});
