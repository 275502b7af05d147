/** Database contract: migrations, constraints derived from core, the append-only hash-chained log, search. */
import {
  applyAction,
  createCalendar,
  NATIONAL_HOLIDAYS,
  REPORT_STATUSES,
  type ReportState,
  SYSTEM_ACTOR,
  statusPairs,
} from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyChain } from '../../src/db/event-chain';
import type { Database } from '../../src/db/open';
import { loadReportState, readEvents, saveTransition } from '../../src/db/postgres-lifecycle';
import { searchPublicReports } from '../../src/db/postgres-public-reports';
import { findReport } from '../../src/db/postgres-reports';
import { insertTestReport } from '../support/db-fixtures';
import { ENGINES, openTestDatabase } from '../support/test-db';

const calendar = createCalendar(NATIONAL_HOLIDAYS);
/** drizzle wraps driver errors: look at the cause too. */
const causedBy = (re: RegExp) => (e: unknown) => {
  const err = e as { message?: string; cause?: { message?: string } };
  return re.test(`${err.message} ${err.cause?.message ?? ''}`);
};

describe.each(ENGINES)('database contract on %s', (engine) => {
  let d: Database;
  beforeAll(async () => {
    d = await openTestDatabase(engine);
  });
  afterAll(() => d.close());

  it('has the reference data: 38 + 514 + 7,277 + 83,763 regions and 552 regional governments', async () => {
    const res = await d.db.execute(
      sql`select level, count(*)::int as n from regions group by level order by level`,
    );
    expect(res.rows).toEqual([
      { level: 1, n: 38 },
      { level: 2, n: 514 },
      { level: 3, n: 7277 },
      { level: 4, n: 83763 },
    ]);
    const gov = await d.db.execute(sql`select count(*)::int as n from institutions
      where kind in ('provincial_government', 'regency_government')`);
    expect(gov.rows[0]).toEqual({ n: 552 });
  });

  it('derives the report status CHECK from the core lifecycle table', async () => {
    const res = await d.db.execute(sql`select pg_get_constraintdef(oid) as def from pg_constraint
      where conname = 'reports_status_check'`);
    const def = (res.rows[0] as { def: string }).def;
    const inDb = [...def.matchAll(/'([a-z_]+)'/g)].map((m) => m[1]).sort();
    expect(inDb).toEqual([...REPORT_STATUSES].sort());
    const { trackingId } = await insertTestReport(d.db);
    await expect(
      d.db.execute(sql`update reports set status = 'closed' where tracking_id = ${trackingId}`),
    ).rejects.toThrow();
  });

  it('refuses an event that moves a report along a path the core lifecycle does not have', async () => {
    const pairs = await d.db.execute(
      sql`select from_status as "from", to_status as "to" from lifecycle_status_pairs`,
    );
    const inDb = (pairs.rows as { from: string; to: string }[]).map((p) => `${p.from}>${p.to}`).sort();
    expect(inDb).toEqual(
      statusPairs()
        .map(([from, to]) => `${from}>${to}`)
        .sort(),
    );
    expect(inDb).not.toContain('submitted>resolved');
    const { id } = await insertTestReport(d.db);
    const event = (seq: number, from: string, to: string) =>
      d.db.execute(sql`insert into events (report_id, seq, action, actor_role, at, from_status, to_status, payload,
        prev_hash, hash) values (${id}, ${seq}, 'forged', 'national_admin', now(), ${from}, ${to}, '{}'::jsonb,
        null, ${`h${seq}`})`);
    await expect(event(2, 'submitted', 'resolved')).rejects.toSatisfy(
      causedBy(/not a transition of the lifecycle/),
    );
    await expect(event(2, 'submitted', 'dispositioned')).resolves.toBeDefined();
    const left = await d.db.execute(sql`select seq from events where report_id = ${id} order by seq`);
    expect(left.rows).toEqual([{ seq: 1 }, { seq: 2 }]);
  });

  it('keeps the event log append-only', async () => {
    const { id } = await insertTestReport(d.db);
    await expect(
      d.db.execute(sql`update events set action = 'forged' where report_id = ${id}`),
    ).rejects.toSatisfy(causedBy(/append-only/));
    await expect(d.db.execute(sql`delete from events where report_id = ${id}`)).rejects.toSatisfy(
      causedBy(/append-only/),
    );
    const left = await d.db.execute(sql`select action from events where report_id = ${id}`);
    expect(left.rows).toEqual([{ action: 'submitted' }]);
  });

  it('chains each report’s events by hash, and a forged payload breaks the chain', async () => {
    const { trackingId } = await insertTestReport(d.db);
    const stored = (await loadReportState(d.db, trackingId))!;
    const actor = { id: 'admin-1', role: 'national_admin' as const, institutionId: null };
    const now = new Date('2024-06-04T03:00:00Z');
    const comment = applyAction(
      stored.state,
      { type: 'comment_internal', message: 'Cek lokasi' },
      actor,
      now,
      { calendar },
    );
    if (!comment.ok) throw new Error(comment.error.message);
    const hold = applyAction(comment.report, { type: 'hold', question: 'Di RT berapa?' }, actor, now, {
      calendar,
    });
    if (!hold.ok) throw new Error(hold.error.message);
    expect(
      await saveTransition(
        d.db,
        trackingId,
        stored.updatedAt,
        hold.report,
        [...comment.events, ...hold.events],
        now,
      ),
    ).toEqual({ ok: true });
    const events = await readEvents(d.db, trackingId);
    expect(events.map((e) => [e.seq, e.action])).toEqual([
      [1, 'submitted'],
      [2, 'comment_internal'],
      [3, 'hold'],
    ]);
    expect(events[1]!.prevHash).toBe(events[0]!.hash);
    expect(verifyChain(events)).toBeNull();
    const forged = events.map((e) => (e.seq === 2 ? { ...e, payload: { message: 'Tidak perlu' } } : e));
    expect(verifyChain(forged)).toBe(2);
    const row = (await findReport(d.db, trackingId))!;
    expect(row.status).toBe('on_hold');
    const reloaded = (await loadReportState(d.db, trackingId))!;
    expect(reloaded.state.pausedClock?.pausedAt).toEqual(now);
    expect(reloaded.state.submittedAt).toBeInstanceOf(Date);
  });

  it('refuses a stale write: two actors on one report cannot both win', async () => {
    const { trackingId } = await insertTestReport(d.db);
    const stored = (await loadReportState(d.db, trackingId))!;
    const now = new Date('2024-06-05T03:00:00Z');
    const esc = applyAction(
      stored.state as ReportState,
      { type: 'comment_internal', message: 'satu' },
      { id: 'a', role: 'national_admin', institutionId: null },
      now,
      { calendar },
    );
    if (!esc.ok) throw new Error(esc.error.message);
    expect((await saveTransition(d.db, trackingId, stored.updatedAt, esc.report, esc.events, now)).ok).toBe(
      true,
    );
    expect(await saveTransition(d.db, trackingId, stored.updatedAt, esc.report, esc.events, now)).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect((await readEvents(d.db, trackingId)).length).toBe(2);
    expect(SYSTEM_ACTOR.role).toBe('system');
  });

  it('appends to many reports concurrently with unbroken chains', async () => {
    const reports = await Promise.all(Array.from({ length: 8 }, () => insertTestReport(d.db)));
    const now = new Date('2024-06-06T03:00:00Z');
    const actor = { id: 'a', role: 'national_admin' as const, institutionId: null };
    await Promise.all(
      reports.flatMap(({ trackingId }) =>
        [1, 2, 3].map(async (k) => {
          // No version check: comments from several people land in some order; the chain must stay linear.
          const s = (await loadReportState(d.db, trackingId))!;
          const r = applyAction(s.state, { type: 'comment_internal', message: `catatan ${k}` }, actor, now, {
            calendar,
          });
          if (!r.ok) throw new Error(r.error.message);
          await saveTransition(d.db, trackingId, null, r.report, r.events, now);
        }),
      ),
    );
    for (const { trackingId } of reports) {
      const events = await readEvents(d.db, trackingId);
      expect(events.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
      expect(verifyChain(events)).toBeNull();
    }
  });

  it('searches Indonesian text with stemming and never returns confidential reports publicly', async () => {
    await insertTestReport(d.db, {
      title: 'Pelayanan kelurahan sangat lambat',
      body: 'Mengurus surat pindah di kantor kelurahan butuh tiga minggu lamanya.',
    });
    await insertTestReport(d.db, {
      title: 'Pelayanan rahasia kelurahan',
      body: 'Petugas kelurahan meminta uang pelicin untuk surat keterangan.',
      isConfidential: true,
    });
    const tsv = await d.db.execute(sql`select to_tsvector('indonesian', 'pelayanan kelurahan') as v`);
    expect(String((tsv.rows[0] as { v: string }).v)).toBe("'layan':1 'lurah':2");
    const found = await searchPublicReports(d.db, { q: 'layanan lurah', page: 1, pageSize: 50 });
    expect(found.rows.map((r) => r.title)).toEqual(['Pelayanan kelurahan sangat lambat']);
    expect(found.total).toBe(1);
    const sim = await d.db.execute(
      sql`select similarity('Jalan berlubang', 'Jalan berlobang') > 0.4 as close`,
    );
    expect(sim.rows[0]).toEqual({ close: true });
  });

  it('uses the GIN indexes for full-text and trigram search', async () => {
    const idx =
      await d.db.execute(sql`select indexname from pg_indexes where tablename in ('reports', 'regions', 'institutions')
      and indexdef ilike '%gin%' order by 1`);
    expect((idx.rows as { indexname: string }[]).map((r) => r.indexname)).toEqual([
      'institutions_name_trgm_idx',
      'institutions_path_idx',
      'regions_name_trgm_idx',
      'reports_title_trgm_idx',
      'reports_tsv_idx',
    ]);
  });
});
