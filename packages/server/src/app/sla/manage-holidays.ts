/**
 * Holiday administration by the national admin (domain.md §6): add, move or remove a day off, recompute every
 * open deadline it changes (recompute-deadlines.ts) and record the change with the reports it moved in
 * `holiday_changes` — all in one transaction. The core has no lifecycle action a system recompute could append
 * to a report's chain, so the audit row is the record.
 */
import { can, NATIONAL_QUEUE } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/open';
import type { HolidayInput, HolidayPatch } from '../../http/holidays/holidays.schema';
import { ProblemError } from '../../http/problem';
import type { Principal } from '../accounts/principal';
import { type CalendarSource, loadCalendar } from '../reference/calendar-source';
import { principalActors } from '../workflow/callers';
import { type AffectedDeadline, recomputeDeadlines } from './recompute-deadlines';

type Env = { db: Db; calendar: CalendarSource; now: Date };

export type { AffectedDeadline };

export interface HolidayRow {
  id: number;
  date: string;
  name: string;
  kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
  regionCode: string | null;
  source: string;
}

const SELECT = sql`select id, to_char(date, 'YYYY-MM-DD') as date, name, kind, region_code as "regionCode",
  source from holidays`;

export function requireHolidayAdmin(principal: Principal | null): string {
  if (!principal)
    throw new ProblemError('UNAUTHENTICATED', 'Silakan masuk terlebih dahulu. / Please sign in.');
  // The calendar is national data: the subject is the national scope itself.
  const national = { holder: NATIONAL_QUEUE };
  if (!principalActors(principal).some((a) => can(a, 'manage_holidays', national)))
    throw new ProblemError('NOT_ALLOWED', 'Hanya admin nasional yang mengelola hari libur.');
  return principal.userId;
}

async function findHoliday(db: Db, id: number): Promise<HolidayRow> {
  const res = await db.execute(sql`${SELECT} where id = ${id}`);
  const row = res.rows[0] as HolidayRow | undefined;
  if (!row) throw new ProblemError('NOT_FOUND', 'Hari libur tidak ditemukan.');
  return row;
}

function conflictOrThrow(err: unknown): never {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505')
    throw new ProblemError('CONFLICT', 'Hari libur itu sudah ada pada tanggal tersebut.', [
      { field: 'date', code: 'taken', message: 'Hari libur itu sudah ada pada tanggal tersebut.' },
    ]);
  if (code === '23503')
    throw new ProblemError('VALIDATION', 'Kode wilayah tidak dikenal.', [
      { field: 'regionCode', code: 'unknown', message: 'Kode wilayah tidak dikenal.' },
    ]);
  throw err;
}

/**
 * Runs one holiday change in one transaction with everything it moves: the holiday row, every recomputed deadline
 * (through saveTransition) and the audit row commit together or not at all. The deadlines are computed with a
 * calendar read inside the transaction; the shared calendar is reloaded after the commit.
 */
export async function inOneTransaction<T>(env: Env, change: (tx: Db) => Promise<T>): Promise<T> {
  const out = await env.db.transaction((trx) => change(trx as unknown as Db));
  await env.calendar.reload();
  return out;
}

/** Adds a holiday; returns it with the deadlines it moved. */
export async function addHoliday(env: Env, principal: Principal | null, input: HolidayInput) {
  const actor = requireHolidayAdmin(principal);
  return inOneTransaction(env, async (tx) => {
    let id: number;
    try {
      const res = await tx.execute(sql`insert into holidays (date, name, kind, region_code, source)
        values (${input.date}, ${input.name}, ${input.kind}, ${input.regionCode ?? null}, ${input.source})
        returning id`);
      id = (res.rows[0] as { id: number }).id;
    } catch (err) {
      conflictOrThrow(err);
    }
    const after = await findHoliday(tx, id);
    const affected = await afterChange(tx, env.now, actor, 'add', id, null, after, [after.date]);
    return { holiday: after, affected };
  });
}

/** Moves (or renames) a holiday. */
export async function moveHoliday(env: Env, principal: Principal | null, id: number, patch: HolidayPatch) {
  const actor = requireHolidayAdmin(principal);
  return inOneTransaction(env, async (tx) => {
    const before = await findHoliday(tx, id);
    const next = { ...before, ...patch };
    try {
      await tx.execute(sql`update holidays set date = ${next.date}, name = ${next.name}, kind = ${next.kind},
        region_code = ${next.regionCode ?? null}, source = ${next.source} where id = ${id}`);
    } catch (err) {
      conflictOrThrow(err);
    }
    const after = await findHoliday(tx, id);
    const dates = [before.date, after.date];
    const affected = await afterChange(tx, env.now, actor, 'move', id, before, after, dates);
    return { holiday: after, affected };
  });
}

/** Removes a holiday (it becomes a working day again). */
export async function deleteHoliday(env: Env, principal: Principal | null, id: number) {
  const actor = requireHolidayAdmin(principal);
  return inOneTransaction(env, async (tx) => {
    const before = await findHoliday(tx, id);
    await tx.execute(sql`delete from holidays where id = ${id}`);
    const affected = await afterChange(tx, env.now, actor, 'delete', id, before, null, [before.date]);
    return { holiday: before, affected };
  });
}

async function afterChange(
  tx: Db,
  now: Date,
  actorId: string,
  change: 'add' | 'move' | 'delete',
  holidayId: number,
  before: HolidayRow | null,
  after: HolidayRow | null,
  dates: string[],
): Promise<AffectedDeadline[]> {
  // The calendar as this transaction sees it, the change included.
  const calendar = (await loadCalendar(tx)).get();
  const affected = await recomputeDeadlines(tx, calendar, dates, now);
  await tx.execute(sql`insert into holiday_changes (change, holiday_id, before, after, actor_id, at, affected)
    values (${change}, ${holidayId}, ${before && JSON.stringify(before)}::jsonb,
      ${after && JSON.stringify(after)}::jsonb, ${actorId}, ${now.toISOString()},
      ${JSON.stringify(affected)}::jsonb)`);
  return affected;
}
