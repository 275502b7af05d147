/**
 * The bulk writer of `pintu import` (issue 15) writes what the normal path would: the same legacy histories are
 * stored once by the bulk writer and once through intake's statement plus record-transition (saveTransition, the
 * default projectors) in another database, and the report rows, events (hash chain included), stage clocks, facts,
 * rollups and activity must be equal — where comparable: the normal path also writes notification outbox rows, which
 * an import of history must not (nobody is told of a report closed years ago). Then `stats rebuild` (rollups
 * recomputed from the event log's projection) must give the very rollups the import wrote.
 */
import { type ImportedReport, type LegacyReport, legacyHistory, type WorkingDayCalendar } from '@pintu/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCalendar } from '../../src/app/reference/calendar-source';
import { rebuildFacts, rebuildRollups } from '../../src/app/stats/rebuild';
import { verifyChain } from '../../src/db/event-chain';
import type { Database, Db } from '../../src/db/open';
import { postgresLegacyImports } from '../../src/db/postgres-legacy-import';
import { readEvents, saveTransition } from '../../src/db/postgres-lifecycle';
import { insertReport } from '../../src/db/postgres-reports';
import { refIds } from '../support/fixtures';
import { holderById } from '../support/sla-fixtures';
import { rollupSums } from '../support/stats-shards';
import { ENGINES, openTestDatabase } from '../support/test-db';

const wita = (local: string) => new Date(`${local}:00+08:00`);
const NOW = new Date('2024-09-02T02:00:00Z');

type Case = Omit<
  LegacyReport,
  'id' | 'source' | 'holder' | 'type' | 'complexity' | 'archiveReason' | 'followUpMessage'
>;
const CASES: Case[] = [
  // Resolved long after its follow-up: auto_resolve at the legacy date.
  { legacyId: 'A-1', status: 'resolved', filedAt: wita('2024-06-03T08:00'), dispositionedAt: wita('2024-06-03T10:00'),
    acknowledgedAt: wita('2024-06-04T09:00'), followUpAt: wita('2024-06-05T09:00'), closedAt: wita('2024-07-01T09:00') },
  // Resolved two days after its follow-up: at the end of the reporter's window instead.
  { legacyId: 'A-2', status: 'resolved', filedAt: wita('2024-06-03T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: wita('2024-06-20T09:00'), closedAt: wita('2024-06-22T09:00') },
  { legacyId: 'A-3', status: 'awaiting_reporter', filedAt: wita('2024-06-04T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: wita('2024-06-12T09:00'), closedAt: null },
  { legacyId: 'A-4', status: 'in_progress', filedAt: wita('2024-06-05T08:00'), dispositionedAt: wita('2024-06-06T08:00'),
    acknowledgedAt: wita('2024-06-14T09:00'), followUpAt: null, closedAt: null },
  { legacyId: 'A-5', status: 'dispositioned', filedAt: wita('2024-06-07T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: null, closedAt: null },
  { legacyId: 'A-6', status: 'submitted', filedAt: wita('2024-06-07T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: null, closedAt: null },
  { legacyId: 'A-7', status: 'on_hold', filedAt: wita('2024-06-10T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: null, closedAt: wita('2024-06-11T08:00') },
  { legacyId: 'A-8', status: 'archived', filedAt: wita('2024-06-10T08:00'), dispositionedAt: null,
    acknowledgedAt: null, followUpAt: null, closedAt: wita('2024-06-12T08:00') },
]; // biome-ignore format: one case per entry

const REPORT_COLS = `tracking_id, type, title, body, incident_date::text, region_code, category_id,
  requested_institution_id, institution_id, status, due_at, lifecycle, is_anonymous, is_confidential, channel,
  language, reporter_account_id, reporter_sealed, access_code_hash, created_at, updated_at, legacy_source, legacy_id`;

/** The rows of both paths that must agree, keyed by tracking id (ids differ between databases). */
async function rowsOf(db: Db) {
  const q = async (text: string) => (await db.execute(sql.raw(text))).rows;
  return {
    reports: await q(`select ${REPORT_COLS} from reports where channel = 'import' order by tracking_id`),
    events: await q(`select r.tracking_id, e.seq, e.action, e.actor_id, e.actor_role, e.institution_id, e.at,
      e.from_status, e.to_status, e.payload, e.prev_hash, e.hash from events e join reports r on r.id = e.report_id
      where r.channel = 'import' order by 1, 2`),
    clocks: await q(`select r.tracking_id, c.stage, c.holder_institution_id, c.time_zone, c.region_code,
      c.started_at, c.working_days, c.anchor_at, c.anchor_days, c.due_at, c.paused_at, c.remaining_days,
      c.paused_intervals, c.paused_ms, c.escalation_level, c.reminded_at, c.breached_at, c.completed_at, c.next_at
      from sla_stage_clocks c join reports r on r.id = c.report_id where r.channel = 'import' order by 1, 6, 2`),
    facts:
      await q(`select r.tracking_id, f.institution_id, f.disposition_date::text, f.category_id, f.province_code,
      f.bucket, f.follow_up_days, f.rating, f.reopened, f.verify_met, f.verify_breached, f.acknowledge_met,
      f.acknowledge_breached, f.follow_up_met, f.follow_up_breached, f.due_at
      from stats_report_facts f join reports r on r.id = f.report_id order by 1`),
    ...(await rollups(db)),
  };
}

/** Summed over the shards (ADR 0014): the import writes shard 0, the normal path's saves shards 1…. */
const rollups = rollupSums;

describe.each(ENGINES)('bulk import and the normal path on %s', (engine) => {
  let bulk: Database;
  let normal: Database;
  let calendar: WorkingDayCalendar;
  let reports: ImportedReport[];

  beforeAll(async () => {
    [bulk, normal] = await Promise.all([openTestDatabase(engine), openTestDatabase(engine)]);
    calendar = (await loadCalendar(bulk.db)).get();
    const ids = await refIds(bulk.db);
    const holder = await holderById(bulk.db, ids.samarinda);
    reports = CASES.map((c, i) => {
      const r: LegacyReport = {
        ...c,
        id: `LPR-TEST-IMP-${i}`,
        source: 'legacy-test',
        type: 'complaint',
        holder,
        complexity: 'no_field_exam',
        archiveReason: 'not_public_service',
        followUpMessage: i === 0 ? 'Jalan sudah diperbaiki oleh dinas.' : null,
      };
      const h = legacyHistory(r, NOW, { calendar });
      if (!h.ok) throw new Error(`${c.legacyId}: ${h.message}`);
      return {
        trackingId: r.id,
        source: r.source,
        legacyId: c.legacyId,
        type: 'complaint',
        title: `Laporan lama ${c.legacyId} tentang jalan`,
        body: 'Jalan berlubang di depan pasar sudah berminggu-minggu tidak diperbaiki.',
        incidentDate: '2024-06-01',
        regionCode: '64.72.01',
        categoryId: ids.roads,
        requestedInstitutionId: ids.samarinda,
        steps: h.steps,
        final: h.final,
      };
    });
    expect(await postgresLegacyImports(bulk.db).write(reports, calendar)).toBe(CASES.length);
    for (const r of reports) await viaNormalPath(normal.db, r);
  }, 120_000);
  afterAll(() => Promise.all([bulk?.close(), normal?.close()]));

  /** Intake's statement for the filing, then saveTransition for each later step, as a live report is recorded. */
  async function viaNormalPath(db: Db, r: ImportedReport) {
    const [first, ...rest] = r.steps;
    const e = first!.events[0]!;
    const s = first!.state;
    const row = {
      trackingId: r.trackingId, type: r.type, title: r.title, body: r.body, incidentDate: r.incidentDate,
      regionCode: r.regionCode, address: null, lat: null, lng: null, categoryId: r.categoryId,
      requestedInstitutionId: r.requestedInstitutionId, institutionId: Number(s.holder.institutionId), status: s.status,
      dueAt: s.clock?.dueAt ?? null, lifecycle: s, isAnonymous: true, isConfidential: true, channel: 'import',
      language: 'id', reporterAccountId: null, reporterSealed: null, accessCodeHash: null, createdAt: first!.at,
    }; // biome-ignore format: a row literal
    const firstEvent = {
      action: e.type, actorId: e.actorId, actorRole: e.actorRole, institutionId: null, at: e.at,
      fromStatus: null, toStatus: e.to, payload: e.payload,
    }; // biome-ignore format: an event literal
    const res = await insertReport(db, row, firstEvent, []);
    expect('id' in res).toBe(true);
    await db.execute(sql`update reports set legacy_source = ${r.source}, legacy_id = ${r.legacyId}
      where tracking_id = ${r.trackingId}`);
    for (const step of rest) {
      const saved = await saveTransition(db, r.trackingId, null, step.state, step.events, step.at);
      expect(saved.ok).toBe(true);
    }
  }

  it('writes the same reports, events, stage clocks, facts, rollups and activity', async () => {
    const a = await rowsOf(bulk.db);
    const b = await rowsOf(normal.db);
    expect(a.reports).toHaveLength(CASES.length);
    expect(a.events.length).toBeGreaterThan(CASES.length * 2);
    for (const k of Object.keys(a) as (keyof typeof a)[]) expect(a[k], k).toEqual(b[k]);
  });

  it('keeps each imported report a valid hash chain from the legacy dates', async () => {
    for (const r of reports) {
      const events = await readEvents(bulk.db, r.trackingId);
      expect(verifyChain(events)).toBeNull();
      expect(events[0]!.at).toEqual(r.steps[0]!.at);
      expect(events[0]!.payload).toMatchObject({ legacySource: 'legacy-test', legacyId: r.legacyId });
    }
  });

  it('writes no notification, webhook or federation rows', async () => {
    const n = await bulk.db.execute(sql`select
      (select count(*) from notification_outbox)::int as outbox,
      (select count(*) from webhook_deliveries)::int as webhooks`);
    expect(n.rows[0]).toEqual({ outbox: 0, webhooks: 0 });
  });

  it('skips what is stored already: a second write adds nothing', async () => {
    const before = await rollups(bulk.db);
    expect(await postgresLegacyImports(bulk.db).write(reports, calendar)).toBe(0);
    expect(await rollups(bulk.db)).toEqual(before);
  });

  it('gives the rollups that stats rebuild recomputes from the events', async () => {
    const imported = await rollups(bulk.db);
    await rebuildFacts(bulk.db, calendar);
    await rebuildRollups(bulk.db);
    const rebuilt = await rollups(bulk.db);
    expect(rebuilt.daily).toEqual(imported.daily);
    expect(rebuilt.monthly).toEqual(imported.monthly);
    expect(rebuilt.national).toEqual(imported.national);
  });
});
