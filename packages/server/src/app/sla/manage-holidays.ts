/**
 * Holiday administration by the national admin (domain.md §6): add, move or remove a day off, recompute every
 * open deadline it changes (core recomputeReportDeadlines, through the port) and record the change with the
 * reports it moved in `holiday_changes` — all in one transaction. The core has no lifecycle action a system
 * recompute could append to a report's chain, so the audit row is the record.
 */
import {
  type AffectedDeadline,
  can,
  fail,
  type HolidayKind,
  type HolidaysInTransaction,
  type HolidayWrite,
  NATIONAL_QUEUE,
  type StoredHoliday,
} from '@pintu/core';
import type { Caller } from '../accounts/caller';
import type { AppDeps } from '../deps';
import { callerActors } from '../workflow/callers';

export type Env = Pick<AppDeps, 'holidays' | 'calendar'> & { now: Date };

export type { AffectedDeadline };
export type HolidayRow = StoredHoliday;

/** A day off to add (the route has checked its format: `YYYY-MM-DD`, lengths, regional ⇔ region code). */
export interface HolidayInput {
  date: string;
  name: string;
  kind: HolidayKind;
  regionCode?: string | null | undefined;
  source: string;
}

/** The fields of a day off to change; at least one. */
export type HolidayPatch = Partial<HolidayInput>;

export interface HolidayChangeResult {
  holiday: StoredHoliday;
  affected: AffectedDeadline[];
}

/** The signed-in caller's id when they may manage the calendar; NOT_ALLOWED otherwise. */
export function requireHolidayAdmin(caller: Caller): string {
  // The calendar is national data: the subject is the national scope itself.
  const national = { holder: NATIONAL_QUEUE };
  if (!callerActors(caller).some((a) => can(a, 'manage_holidays', national)))
    fail('NOT_ALLOWED', 'Hanya admin nasional yang mengelola hari libur.');
  return caller.userId;
}

async function findHoliday(tx: HolidaysInTransaction, id: number): Promise<StoredHoliday> {
  return (await tx.find(id)) ?? fail('NOT_FOUND', 'Hari libur tidak ditemukan.');
}

/** The write's id, or the failure the table's refusal means. */
function written(write: HolidayWrite): number {
  if (write.ok) return write.id;
  if (write.reason === 'taken')
    fail('CONFLICT', 'Hari libur itu sudah ada pada tanggal tersebut.', [
      { field: 'date', code: 'taken', message: 'Hari libur itu sudah ada pada tanggal tersebut.' },
    ]);
  return fail('VALIDATION', 'Kode wilayah tidak dikenal.', [
    { field: 'regionCode', code: 'unknown', message: 'Kode wilayah tidak dikenal.' },
  ]);
}

/**
 * Runs one holiday change in one transaction with everything it moves: the holiday row, every recomputed deadline
 * and the audit row commit together or not at all. The deadlines are computed with a calendar read inside the
 * transaction; the shared calendar is reloaded after the commit.
 */
export async function inOneTransaction<T>(
  env: Pick<Env, 'holidays' | 'calendar'>,
  change: (tx: HolidaysInTransaction) => Promise<T>,
): Promise<T> {
  const out = await env.holidays.transaction(change);
  await env.calendar.reload();
  return out;
}

/** Adds a holiday; returns it with the deadlines it moved. */
export async function addHoliday(
  env: Env,
  caller: Caller,
  input: HolidayInput,
): Promise<HolidayChangeResult> {
  const actor = requireHolidayAdmin(caller);
  return inOneTransaction(env, async (tx) => {
    const id = written(await tx.add(input));
    const after = await findHoliday(tx, id);
    const affected = await afterChange(tx, env.now, actor, 'add', id, null, after, [after.date]);
    return { holiday: after, affected };
  });
}

/** Moves (or renames) a holiday. */
export async function moveHoliday(
  env: Env,
  caller: Caller,
  id: number,
  patch: HolidayPatch,
): Promise<HolidayChangeResult> {
  const actor = requireHolidayAdmin(caller);
  return inOneTransaction(env, async (tx) => {
    const before = await findHoliday(tx, id);
    written(await tx.replace(id, { ...before, ...patch }));
    const after = await findHoliday(tx, id);
    const dates = [before.date, after.date];
    const affected = await afterChange(tx, env.now, actor, 'move', id, before, after, dates);
    return { holiday: after, affected };
  });
}

/** Removes a holiday (it becomes a working day again). */
export async function deleteHoliday(env: Env, caller: Caller, id: number): Promise<HolidayChangeResult> {
  const actor = requireHolidayAdmin(caller);
  return inOneTransaction(env, async (tx) => {
    const before = await findHoliday(tx, id);
    await tx.remove(id);
    const affected = await afterChange(tx, env.now, actor, 'delete', id, before, null, [before.date]);
    return { holiday: before, affected };
  });
}

async function afterChange(
  tx: HolidaysInTransaction,
  now: Date,
  actorId: string,
  change: 'add' | 'move' | 'delete',
  holidayId: number,
  before: StoredHoliday | null,
  after: StoredHoliday | null,
  dates: string[],
): Promise<AffectedDeadline[]> {
  const affected = await tx.recomputeDeadlines(dates, now);
  await tx.recordChange({ change, holidayId, before, after, actorId, at: now, affected });
  return affected;
}
