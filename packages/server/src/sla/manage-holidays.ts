/**
 * Holiday administration by the national admin (domain.md §6): add, move or remove a day off, then recompute every
 * open deadline it changes — the stage clock, the report row's `due_at` and its lifecycle clock, through
 * `saveTransition` — and record the change with the reports it moved in `holiday_changes`. The core has no
 * lifecycle action a system recompute could append to a report's chain, so the audit row is the record.
 */
import { can, NATIONAL_QUEUE, type TimeZone, type WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Principal } from '../auth/principal';
import { loadReportState, saveTransition } from '../db/lifecycle-repo';
import type { Db } from '../db/open';
import type { HolidayInput, HolidayPatch } from '../http/holidays/holidays.schema';
import { ProblemError } from '../http/problem';
import type { CalendarSource } from '../reference/calendar-source';
import { principalActors } from '../workflow/callers';

type Env = { db: Db; calendar: CalendarSource; now: Date };

export interface HolidayRow {
  id: number;
  date: string;
  name: string;
  kind: 'national' | 'cuti_bersama' | 'special' | 'regional';
  regionCode: string | null;
  source: string;
}

export interface AffectedDeadline {
  trackingId: string;
  stage: string;
  from: string;
  to: string;
}

const SELECT = sql`select id, to_char(date, 'YYYY-MM-DD') as date, name, kind, region_code as "regionCode",
  source from holidays`;

function requireHolidayAdmin(principal: Principal | null): string {
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

/** Adds a holiday; returns it with the deadlines it moved. */
export async function addHoliday(env: Env, principal: Principal | null, input: HolidayInput) {
  const actor = requireHolidayAdmin(principal);
  let id: number;
  try {
    const res = await env.db.execute(sql`insert into holidays (date, name, kind, region_code, source)
      values (${input.date}, ${input.name}, ${input.kind}, ${input.regionCode ?? null}, ${input.source})
      returning id`);
    id = (res.rows[0] as { id: number }).id;
  } catch (err) {
    conflictOrThrow(err);
  }
  const after = await findHoliday(env.db, id);
  const affected = await afterChange(env, actor, 'add', id, null, after, [after.date]);
  return { holiday: after, affected };
}

/** Moves (or renames) a holiday. */
export async function moveHoliday(env: Env, principal: Principal | null, id: number, patch: HolidayPatch) {
  const actor = requireHolidayAdmin(principal);
  const before = await findHoliday(env.db, id);
  const next = { ...before, ...patch };
  try {
    await env.db.execute(sql`update holidays set date = ${next.date}, name = ${next.name}, kind = ${next.kind},
      region_code = ${next.regionCode ?? null}, source = ${next.source} where id = ${id}`);
  } catch (err) {
    conflictOrThrow(err);
  }
  const after = await findHoliday(env.db, id);
  const affected = await afterChange(env, actor, 'move', id, before, after, [before.date, after.date]);
  return { holiday: after, affected };
}

/** Removes a holiday (it becomes a working day again). */
export async function deleteHoliday(env: Env, principal: Principal | null, id: number) {
  const actor = requireHolidayAdmin(principal);
  const before = await findHoliday(env.db, id);
  await env.db.execute(sql`delete from holidays where id = ${id}`);
  const affected = await afterChange(env, actor, 'delete', id, before, null, [before.date]);
  return { holiday: before, affected };
}

async function afterChange(
  env: Env,
  actorId: string,
  change: 'add' | 'move' | 'delete',
  holidayId: number,
  before: HolidayRow | null,
  after: HolidayRow | null,
  dates: string[],
): Promise<AffectedDeadline[]> {
  await env.calendar.reload();
  const affected = await recomputeDeadlines(env.db, env.calendar.get(), dates, env.now);
  await env.db.execute(sql`insert into holiday_changes (change, holiday_id, before, after, actor_id, at, affected)
    values (${change}, ${holidayId}, ${before && JSON.stringify(before)}::jsonb,
      ${after && JSON.stringify(after)}::jsonb, ${actorId}, ${env.now.toISOString()},
      ${JSON.stringify(affected)}::jsonb)`);
  return affected;
}

interface OpenDeadline {
  id: number;
  trackingId: string;
  stage: string;
  startedAt: string;
  anchorAt: string;
  anchorDays: number;
  dueAt: string;
  timeZone: TimeZone;
  regionCode: string | null;
}

/**
 * Recomputes the running deadlines not yet passed whose span touches one of `dates`: the deadline counts
 * `anchor_days` working days from `anchor_at` (the stage start, or the resume after a hold), as the core did.
 */
export async function recomputeDeadlines(
  db: Db,
  calendar: WorkingDayCalendar,
  dates: string[],
  now: Date,
): Promise<AffectedDeadline[]> {
  const sorted = [...dates].sort();
  const lo = sorted[0]!;
  const hi = sorted.at(-1)!;
  const res = await db.execute(sql`select s.id::int as id, r.tracking_id as "trackingId", s.stage,
      s.started_at as "startedAt", s.anchor_at as "anchorAt", s.anchor_days as "anchorDays", s.due_at as "dueAt",
      s.time_zone as "timeZone", s.region_code as "regionCode"
    from sla_stage_clocks s join reports r on r.id = s.report_id
    where s.completed_at is null and s.paused_at is null and s.due_at > ${now.toISOString()}::timestamptz
      and s.anchor_at < (${hi}::date + 2)::timestamptz and s.due_at >= (${lo}::date - 2)::timestamptz
    order by s.id`);
  const affected: AffectedDeadline[] = [];
  for (const r of res.rows as unknown as OpenDeadline[]) {
    const due = calendar.addWorkingDays(new Date(r.anchorAt), r.anchorDays, r.timeZone, r.regionCode);
    const old = new Date(r.dueAt);
    if (due.getTime() === old.getTime()) continue;
    if (await moveDeadline(db, r.trackingId, r.stage, new Date(r.startedAt), due, now))
      affected.push({
        trackingId: r.trackingId,
        stage: r.stage,
        from: old.toISOString(),
        to: due.toISOString(),
      });
  }
  return affected;
}

/** Sets the running clock's deadline through saveTransition (no event), retrying when the report just moved. */
async function moveDeadline(
  db: Db,
  trackingId: string,
  stage: string,
  startedAt: Date,
  due: Date,
  now: Date,
) {
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const report = await loadReportState(db, trackingId);
    const clock = report?.state.clock;
    if (!report || !clock || clock.stage !== stage || clock.startedAt.getTime() !== startedAt.getTime())
      return false;
    const state = { ...report.state, clock: { ...clock, dueAt: due } };
    const saved = await saveTransition(db, trackingId, report.updatedAt, state, [], now);
    if (saved.ok) return true;
    if (saved.reason === 'not_found') return false;
  }
  return false;
}
