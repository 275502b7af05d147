/**
 * The `Holidays` port over PostgreSQL: the holidays and decrees tables, the audit of changes, and the recompute of
 * the open deadlines a change moves (core `recomputeReportDeadlines`), each report locked and saved through
 * saveTransition inside the change's transaction.
 */
import {
  type AffectedDeadline,
  createCalendar,
  DEFAULT_SLA,
  type Holiday,
  type HolidayChangeRecord,
  type HolidayKind,
  type HolidaySource,
  type Holidays,
  type HolidaysInTransaction,
  type HolidayWrite,
  recomputeReportDeadlines,
  type StageAnchor,
  type StoredHoliday,
  type TimeZone,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import type { Db } from './open';
import { loadReportState, saveTransition } from './postgres-lifecycle';

const SELECT = sql`select id, to_char(date, 'YYYY-MM-DD') as date, name, kind, region_code as "regionCode",
  source from holidays`;

type Row = Record<string, unknown>;

/** The stored holiday, in the key order the API answers with. */
const storedOf = (r: Row): StoredHoliday => ({
  id: Number(r.id),
  date: String(r.date),
  name: String(r.name),
  kind: r.kind as HolidayKind,
  regionCode: r.regionCode == null ? null : String(r.regionCode),
  source: String(r.source),
});

const holidayOf = (r: Row): Holiday => ({
  date: String(r.date),
  name: String(r.name),
  kind: r.kind as HolidayKind,
  regionCode: r.regionCode == null ? null : String(r.regionCode),
  source: String(r.source),
});

/** A unique or foreign-key violation of a holiday write as the port's refusal; anything else is rethrown. */
function refusalOf(err: unknown): HolidayWrite {
  const code =
    (err as { code?: string; cause?: { code?: string } }).cause?.code ?? (err as { code?: string }).code;
  if (code === '23505') return { ok: false, reason: 'taken' };
  if (code === '23503') return { ok: false, reason: 'unknown_region' };
  throw err;
}

function reads(db: Db) {
  return {
    async all(): Promise<Holiday[]> {
      const res = await db.execute(sql`select to_char(date, 'YYYY-MM-DD') as date, name, kind,
        region_code as "regionCode", source from holidays`);
      return (res.rows as Row[]).map(holidayOf);
    },
    async annualDecreeYears(): Promise<number[]> {
      const res = await db.execute(sql`select distinct year from holiday_decrees where kind = 'annual'`);
      return (res.rows as Row[]).map((r) => Number(r.year));
    },
    async hasAnnualDecree(year: number): Promise<boolean> {
      const res = await db.execute(
        sql`select 1 from holiday_decrees where year = ${year} and kind = 'annual'`,
      );
      return res.rows.length > 0;
    },
    async find(id: number): Promise<StoredHoliday | null> {
      const res = await db.execute(sql`${SELECT} where id = ${id}`);
      const row = res.rows[0] as Row | undefined;
      return row ? storedOf(row) : null;
    },
    async ofYear(year: number): Promise<StoredHoliday[]> {
      const res = await db.execute(sql`${SELECT}
        where date >= ${`${year}-01-01`}::date and date <= ${`${year}-12-31`}::date`);
      return (res.rows as Row[]).map(storedOf);
    },
    async knownRegionCodes(codes: string[]): Promise<Set<string>> {
      if (!codes.length) return new Set();
      const list = sql.join(
        codes.map((c) => sql`${c}`),
        sql`, `,
      );
      const res = await db.execute(sql`select code from regions where code in (${list})`);
      return new Set((res.rows as Row[]).map((r) => String(r.code)));
    },
  };
}

function inTransaction(tx: Db): HolidaysInTransaction {
  const r = reads(tx);
  return {
    ...r,
    async add(h) {
      try {
        const res = await tx.execute(sql`insert into holidays (date, name, kind, region_code, source)
          values (${h.date}, ${h.name}, ${h.kind}, ${h.regionCode ?? null}, ${h.source}) returning id`);
        return { ok: true, id: Number((res.rows[0] as Row).id) };
      } catch (err) {
        return refusalOf(err);
      }
    },
    async replace(id, h) {
      try {
        await tx.execute(sql`update holidays set date = ${h.date}, name = ${h.name}, kind = ${h.kind},
          region_code = ${h.regionCode ?? null}, source = ${h.source} where id = ${id}`);
        return { ok: true, id };
      } catch (err) {
        return refusalOf(err);
      }
    },
    async remove(id) {
      await tx.execute(sql`delete from holidays where id = ${id}`);
    },
    async saveDecree(year: number, s: HolidaySource) {
      await tx.execute(sql`insert into holiday_decrees (year, ref, kind, title, signed_on, note)
        values (${year}, ${s.ref}, ${s.kind}, ${s.title}, ${s.date}, ${s.note})
        on conflict (year, ref) do update set kind = excluded.kind, title = excluded.title,
          signed_on = excluded.signed_on, note = excluded.note`);
    },
    async recordChange(c: HolidayChangeRecord) {
      const json = (v: unknown) => (v == null ? null : JSON.stringify(v));
      await tx.execute(sql`insert into holiday_changes (change, holiday_id, before, after, actor_id, at, affected)
        values (${c.change}, ${c.holidayId}, ${json(c.before)}::jsonb, ${json(c.after)}::jsonb, ${c.actorId},
          ${c.at.toISOString()}, ${JSON.stringify(c.affected)}::jsonb)`);
    },
    async recomputeDeadlines(dates, now) {
      // The calendar as this transaction sees it, the change included.
      return recomputeDeadlines(tx, createCalendar(await r.all()), dates, now);
    },
  };
}

/** The holidays port over `db`; `transaction` binds a second one to the transaction. */
export function postgresHolidays(db: Db): Holidays {
  return {
    ...reads(db),
    transaction: (change) => db.transaction((trx) => change(inTransaction(trx as unknown as Db))),
  };
}

const iso = (d: Date) => d.toISOString();

const anchorOf = (r: Row): StageAnchor => ({
  id: Number(r.id),
  stage: String(r.stage),
  startedAt: new Date(r.startedAt as string),
  anchorAt: new Date(r.anchorAt as string),
  anchorDays: Number(r.anchorDays),
  pausedAt: r.pausedAt == null ? null : new Date(r.pausedAt as string),
  timeZone: r.timeZone as TimeZone,
  regionCode: r.regionCode == null ? null : String(r.regionCode),
});

/**
 * Only rows whose span comes within two days of a changed date are looked at; each report is locked, changed
 * through saveTransition (no event: the audit row is the record) and its paused stage row updated.
 */
async function recomputeDeadlines(
  tx: Db,
  calendar: ReturnType<typeof createCalendar>,
  dates: string[],
  now: Date,
): Promise<AffectedDeadline[]> {
  const sorted = [...dates].sort();
  const lo = sorted[0]!;
  const hi = sorted.at(-1)!;
  const res = await tx.execute(sql`select distinct r.tracking_id as "trackingId" from reports r
    where r.id in (select s.report_id from sla_stage_clocks s
        where s.completed_at is null and (s.paused_at is not null or s.due_at > ${iso(now)}::timestamptz)
          and s.anchor_at < (${hi}::date + 2)::timestamptz and s.due_at >= (${lo}::date - 2)::timestamptz)
      or (r.status = 'resolved' and (r.lifecycle->>'reopenUntil')::timestamptz > ${iso(now)}::timestamptz
          and (r.lifecycle->>'resolvedAt')::timestamptz < (${hi}::date + 2)::timestamptz
          and (r.lifecycle->>'reopenUntil')::timestamptz >= (${lo}::date - 2)::timestamptz)
    order by 1`);
  const affected: AffectedDeadline[] = [];
  for (const row of res.rows as Row[]) {
    const trackingId = String(row.trackingId);
    await tx.execute(sql`select id from reports where tracking_id = ${trackingId} for update`);
    const report = await loadReportState(tx, trackingId);
    if (!report) continue;
    const anchors = await tx.execute(sql`select id::int as id, stage, started_at as "startedAt",
        anchor_at as "anchorAt", anchor_days as "anchorDays", paused_at as "pausedAt", time_zone as "timeZone",
        region_code as "regionCode"
      from sla_stage_clocks where report_id = ${report.id} and completed_at is null`);
    const out = recomputeReportDeadlines(
      trackingId,
      report.state,
      (anchors.rows as Row[]).map(anchorOf),
      calendar,
      now,
      DEFAULT_SLA,
    );
    if (!out) continue;
    const saved = await saveTransition(tx, trackingId, null, out.state, [], now);
    if (!saved.ok) continue;
    if (out.pausedRow)
      await tx.execute(sql`update sla_stage_clocks set due_at = ${iso(out.pausedRow.due)},
        remaining_days = ${out.pausedRow.remaining} where id = ${out.pausedRow.id}`);
    affected.push(...out.moved);
  }
  return affected;
}
